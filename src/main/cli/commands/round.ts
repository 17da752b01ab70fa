/**
 * Reporting rounds from a terminal (a province file): `round set` opens a round or moves its
 * deadline, `round list` the rounds, `round board` who has reported (one row per office the
 * map expects), also to .xlsx or a printable .html. --json prints the core's shapes as they are.
 */
import { BOARD_STATE_LABELS, BOARD_STATES, stateText, type ReportRound, type RoundBoard } from '../../../shared/api'
import { vnDateTime } from '../../../shared/clock'
import { gsoCode } from '../../../shared/contract/office'
import { formatDate, parseViDate } from '../../../shared/text'
import { common, needDb, withCore, type Command, type Values } from '../command'
import { UsageError, table } from '../io'
import { writeOutput } from '../output'

function dateOption(values: Values, option: string, what: string, required: true): string
function dateOption(values: Values, option: string, what: string, required?: false): string | undefined
function dateOption(values: Values, option: string, what: string, required = false): string | undefined {
  const v = values[option]
  if (typeof v !== 'string' || v === '') {
    if (required) throw new UsageError(`Cần --${option} NGÀY (${what}, ví dụ 14/12/2026).`)
    return undefined
  }
  return parseViDate(v) ?? v
}

function roundLine(r: ReportRound): string {
  return `Đợt số liệu đến ngày ${formatDate(r.asOf)}, hạn gửi ${formatDate(r.deadline)}${r.note ? ` — ${r.note}` : ''}.`
}

export const roundCommands: Record<string, Command> = {
  'round set': {
    usage:
      'round set --db TỆP_TỈNH --as-of NGÀY [--deadline NGÀY] [--note GHI_CHÚ]   đặt đợt báo cáo (hạn mặc định: 18/12 theo Thông tư 09/2024/TT-BKHĐT Điều 7); đặt lại: dời hạn',
    options: { ...common, 'as-of': { type: 'string' }, deadline: { type: 'string' }, note: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('round.set', {
          asOf: dateOption(values, 'as-of', 'số liệu tính đến ngày', true),
          ...(dateOption(values, 'deadline', 'hạn gửi') ? { deadline: dateOption(values, 'deadline', 'hạn gửi') } : {}),
          ...(typeof values.note === 'string' ? { note: values.note } : {})
        })
      ),
    print: (result, io) => io.err(`Đã đặt: ${roundLine(result as ReportRound)}`)
  },
  'round list': {
    usage: 'round list --db TỆP_TỈNH [--json]   các đợt báo cáo, mới nhất trước',
    options: common,
    run: (values) => withCore(values, (core) => core.call('round.list', {})),
    print: (result, io) => {
      const list = result as ReportRound[]
      if (list.length === 0) io.err('Chưa có đợt báo cáo nào (round set --as-of NGÀY).')
      else
        io.out(
          table(
            ['Số liệu đến', 'Hạn gửi', 'Ghi chú', 'Sửa lúc', 'Người sửa'],
            list.map((r) => [formatDate(r.asOf), formatDate(r.deadline), r.note, vnDateTime(r.updatedAt), r.updatedBy])
          )
        )
    }
  },
  'round board': {
    usage:
      'round board --db TỆP_TỈNH [--as-of NGÀY] [--json] [--xlsx TỆP.xlsx | --html TỆP.html]   ai đã gửi số liệu cho đợt (mặc định: đợt mới nhất)',
    options: { ...common, 'as-of': { type: 'string' }, xlsx: { type: 'string' }, html: { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const asOf = dateOption(values, 'as-of', 'ngày số liệu của đợt')
        const input = asOf ? { asOf } : {}
        if (typeof values.xlsx === 'string' && typeof values.html === 'string') throw new UsageError('Chọn một trong --xlsx và --html.')
        if (typeof values.xlsx === 'string') {
          const book = await core.call('round.xlsx', input)
          const path = writeOutput(
            { path: values.xlsx, extensions: ['.xlsx'], dbPath: needDb(values), option: '--xlsx' },
            Buffer.from(book.base64, 'base64')
          )
          return { path, rows: book.rows }
        }
        if (typeof values.html === 'string') {
          const page = await core.call('round.page', input)
          return {
            path: writeOutput({ path: values.html, extensions: ['.html', '.htm'], dbPath: needDb(values), option: '--html' }, page.html),
            rows: page.rows
          }
        }
        return core.call('round.board', input)
      }),
    print: (result, io) => {
      if ('path' in (result as object)) {
        const r = result as { path: string; rows: number }
        io.err(`Đã ghi ${r.rows} đơn vị vào ${r.path}.`)
        return
      }
      const b = result as RoundBoard
      io.err(roundLine(b.round))
      io.out(
        table(
          ['Mã', 'Đơn vị', 'Tình trạng', 'Gói gần nhất xuất lúc', 'Số liệu đến', 'Gửi cho đợt lúc', 'Ý kiến của tỉnh'],
          b.rows.map((r) => [
            gsoCode(r.code),
            r.name,
            stateText(r),
            vnDateTime(r.lastExportedAt),
            formatDate(r.lastAsOf),
            vnDateTime(r.sentAt),
            r.decisionNote
          ])
        )
      )
      io.err(
        `${b.rows.length} đơn vị phải gửi: ${BOARD_STATES.filter((s) => b.counts[s] > 0)
          .map((s) => `${BOARD_STATE_LABELS[s].toLowerCase()} ${b.counts[s]}`)
          .join(', ')}.${b.pastDeadline && b.counts.missing > 0 ? ' Đã quá hạn gửi.' : ''}`
      )
    }
  }
}

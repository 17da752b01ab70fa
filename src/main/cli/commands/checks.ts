/** checks run | ack: the data checks of resources/checks/rules.json, on demand. */
import { CHECK_SEVERITIES, CHECK_SEVERITY_LABELS, type ChecksRun, type CheckSeverity, type Finding } from '../../../shared/contract/checks'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { vnDateTime } from '../../../shared/clock'
import { common, withCore, type Command, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

const str = (values: Values, key: string): string | undefined => (typeof values[key] === 'string' ? (values[key] as string) : undefined)

function severity(values: Values): CheckSeverity | undefined {
  const v = str(values, 'severity')
  if (v === undefined) return undefined
  if (!(CHECK_SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--severity là một trong: ${CHECK_SEVERITIES.join(', ')}.`)
  return v as CheckSeverity
}

function printRun(result: unknown, io: CliIo): void {
  const r = result as ChecksRun
  const c = r.counts
  io.out(
    `Kiểm tra số liệu ${r.source === 'packages' ? 'theo gói các huyện gửi' : `tại ngày ${formatDate(r.asOf)}`}: ` +
      `${formatNumber(c.open)} phát hiện chưa kiểm tra (${formatNumber(c.error)} sai, ${formatNumber(c.warning)} cần xem lại, ${formatNumber(c.info)} thiếu cho báo cáo), ` +
      `${formatNumber(c.acknowledged)} đã kiểm tra.`
  )
  if (r.findings.length === 0) return
  io.out(
    table(
      ['Mã phát hiện', 'Mức độ', ...(r.source === 'packages' ? ['Huyện'] : []), 'Nội dung', 'Đã kiểm tra'],
      r.findings.map((f: Finding) => [
        f.id,
        CHECK_SEVERITY_LABELS[f.severity],
        ...(r.source === 'packages' ? [f.districtName ?? f.district] : []),
        f.message,
        f.acknowledged ? `${f.acknowledged.note} (${f.acknowledged.by}, ${vnDateTime(f.acknowledged.at)})` : ''
      ])
    )
  )
}

export const checksCommands: Record<string, Command> = {
  'checks run': {
    usage:
      'checks run --db TỆP [--as-of NGÀY] [--severity error|warning|info] [--rule MÃ] [--district MÃ] [--all] [--json]   kiểm tra số liệu (--all: kể cả mục đã kiểm tra)',
    options: {
      ...common,
      'as-of': { type: 'string' },
      severity: { type: 'string' },
      rule: { type: 'string' },
      district: { type: 'string' },
      all: { type: 'boolean' }
    },
    run: (values) => {
      const asOf = str(values, 'as-of')
      const input = {
        ...(asOf ? { asOf: parseViDate(asOf) ?? asOf } : {}),
        ...(severity(values) ? { severity: severity(values) } : {}),
        ...(str(values, 'rule') ? { rule: str(values, 'rule') } : {}),
        ...(str(values, 'district') ? { district: str(values, 'district') } : {}),
        ...(values.all ? { includeAcknowledged: true } : {})
      }
      return withCore(values, (core) => core.call('checks.run', input))
    },
    print: printRun
  },
  'checks ack': {
    usage: 'checks ack --db TỆP --finding MÃ --note GHI_CHÚ   đánh dấu «đã kiểm tra» (im lặng tới khi số liệu đổi)',
    options: { ...common, finding: { type: 'string' }, note: { type: 'string' } },
    run: (values) => {
      const finding = str(values, 'finding')
      if (!finding) throw new UsageError('Cần --finding MÃ (cột «Mã phát hiện» của checks run).')
      const note = str(values, 'note')
      if (!note) throw new UsageError('Cần --note GHI_CHÚ (điều đã kiểm tra).')
      return withCore(values, (core) => core.call('checks.acknowledge', { finding, note }))
    },
    print: (result, io) => {
      const f = result as Finding
      io.err(`Đã đánh dấu «đã kiểm tra»: ${f.message} — ${f.acknowledged?.note ?? ''}`)
    }
  }
}

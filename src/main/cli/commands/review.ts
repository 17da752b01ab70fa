/**
 * The province's review from a terminal, both sides: `review list`, `review set`,
 * `review export` (province), `review import`, `review answer` (district). --json prints
 * the core's shapes as they are.
 */
import { resolve } from 'node:path'
import {
  DECISION_LABELS,
  type DistrictSending,
  type ProvinceReview,
  type ReplyImportResult,
  type ReviewList,
  type ReviewRemark
} from '../../../shared/api'
import { vnDateTime } from '../../../shared/clock'
import { formatDate, formatNumber } from '../../../shared/text'
import { common, needDb, withCore, type Command, type Values } from '../command'
import { UsageError, table } from '../io'
import { assertWritable, writeOutput } from '../output'

function positiveId(values: Values, option: string, what: string): number {
  const v = values[option]
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`Cần --${option} SỐ (${what}).`)
  return n
}

function stringOption(values: Values, option: string): string | undefined {
  const v = values[option]
  return typeof v === 'string' ? v : undefined
}

/** What a remark is about: the record (number, name) or the indicator. */
export function remarkSubject(r: ReviewRemark): string {
  if (r.kind === 'indicator') return `Chỉ tiêu «${r.indicatorLabel ?? r.indicator}» (${r.indicator})`
  return `«${r.name ?? '?'}»${r.regNo ? ` (${r.regNo})` : ''}${r.entityId === null ? ' — không còn trong sổ' : ''}`
}

function remarkLines(remarks: ReviewRemark[], withAnswers: boolean): string[] {
  return remarks.map((r) => {
    const answer = withAnswers
      ? r.answer
        ? ` — đã trả lời (${r.answer.by}, ${vnDateTime(r.answer.at)}): ${r.answer.note}`
        : ' — chưa trả lời'
      : ''
    return `  [${r.id}] ${remarkSubject(r)}: ${r.text}${answer}`
  })
}

function printProvince(reviews: ProvinceReview[], out: (t: string) => void): void {
  if (reviews.length === 0) return out('Chưa tổng hợp gói nào.')
  out(
    table(
      ['Số gói', 'Đơn vị', 'Xuất lúc', 'Số liệu đến', 'Đang dùng', 'Kết luận', 'Góp ý', 'Đã gửi phản hồi'],
      reviews.map((r) => [
        r.packageId,
        `${r.unit} — ${r.unitName}`,
        vnDateTime(r.exportedAt),
        formatDate(r.asOf),
        r.current ? 'có' : 'đã thay',
        r.decision ? DECISION_LABELS[r.decision] : 'chưa xem xét',
        formatNumber(r.remarks.length),
        vnDateTime(r.repliedAt)
      ])
    )
  )
}

function printSending(s: DistrictSending, out: (t: string) => void): void {
  out(`Gói ${s.file} (xuất lúc ${vnDateTime(s.exportedAt)}, số liệu đến ${formatDate(s.asOf)}): ${DECISION_LABELS[s.status]}`)
  if (s.note) out(`  Ý kiến của tỉnh: ${s.note}`)
  for (const line of remarkLines(s.remarks, true)) out(line)
}

export const reviewCommands: Record<string, Command> = {
  'review list': {
    usage: 'review list --db TỆP [--json]   tỉnh: các gói đã tổng hợp và kết luận; huyện: các lần gửi, trạng thái và góp ý của tỉnh',
    options: common,
    run: (values) => withCore(values, (core) => core.call('review.list', {})),
    print: (result, io) => {
      const r = result as ReviewList
      if (r.side === 'province') return printProvince(r.province, io.out)
      if (r.district.length === 0) return io.out('Chưa gửi gói nào cho tỉnh.')
      io.out(`Lần gửi gần nhất: ${DECISION_LABELS[r.district[0].status]}`)
      for (const s of r.district) printSending(s, io.out)
    }
  },

  'review set': {
    usage:
      'review set --db TỆP_TỈNH --package SỐ [--accept | --return] [--note Ý_KIẾN] [--remark-record SỐ_BẢN_GHI | --remark-indicator MÃ_CHỈ_TIÊU --text GÓP_Ý]   tỉnh ghi kết luận và góp ý cho gói đã tổng hợp',
    options: {
      ...common,
      package: { type: 'string' },
      accept: { type: 'boolean' },
      return: { type: 'boolean' },
      note: { type: 'string' },
      'remark-record': { type: 'string' },
      'remark-indicator': { type: 'string' },
      text: { type: 'string' }
    },
    run: (values) => {
      const packageId = positiveId(values, 'package', 'số gói đã tổng hợp, cột «Số gói» của review list')
      if (values.accept && values.return) throw new UsageError('Chọn một trong --accept hoặc --return.')
      const record = stringOption(values, 'remark-record')
      const indicator = stringOption(values, 'remark-indicator')
      if (record !== undefined && indicator !== undefined)
        throw new UsageError('Mỗi lần một góp ý: --remark-record hoặc --remark-indicator.')
      const text = stringOption(values, 'text')
      if ((record !== undefined || indicator !== undefined) && !text) throw new UsageError('Cần --text GÓP_Ý cho góp ý.')
      if (text && record === undefined && indicator === undefined)
        throw new UsageError('--text cần --remark-record hoặc --remark-indicator.')
      const remarks =
        record !== undefined
          ? [{ entityId: positiveId(values, 'remark-record', 'số bản ghi trong sổ tỉnh'), text: text! }]
          : indicator !== undefined
            ? [{ indicator, text: text! }]
            : undefined
      const decision = values.accept ? ('accepted' as const) : values.return ? ('returned' as const) : undefined
      const note = stringOption(values, 'note')
      if (!decision && !remarks && note === undefined) throw new UsageError('Cần --accept, --return, --note hoặc một góp ý.')
      return withCore(values, (core) =>
        core.call('review.set', {
          packageId,
          ...(decision ? { decision } : {}),
          ...(note !== undefined ? { note } : {}),
          ...(remarks ? { remarks } : {})
        })
      )
    },
    print: (result, io) => {
      const r = result as ProvinceReview
      io.out(
        `Gói số ${r.packageId} của ${r.unit} — ${r.unitName}: ${r.decision ? DECISION_LABELS[r.decision] : 'chưa có kết luận'}; ${formatNumber(r.remarks.length)} góp ý.`
      )
      for (const line of remarkLines(r.remarks, false)) io.out(line)
    }
  },

  'review export': {
    usage: 'review export --db TỆP_TỈNH --package SỐ --out PHẢN_HỒI.json   tỉnh xuất tệp phản hồi đã ký để gửi huyện',
    options: { ...common, package: { type: 'string' }, out: { type: 'string' } },
    run: (values) => {
      const packageId = positiveId(values, 'package', 'số gói đã tổng hợp, cột «Số gói» của review list')
      const out = stringOption(values, 'out')
      if (!out) throw new UsageError('Thiếu --out TỆP (tệp phản hồi .json sẽ ghi ra).')
      const target = { path: resolve(out), extensions: ['.json'], dbPath: needDb(values) }
      assertWritable(target)
      return withCore(values, async (core) => {
        let file = ''
        const deliver = ({ bytes }: { bytes: Buffer }) => void (file = writeOutput(target, bytes))
        const r = await core.call('review.export', { packageId }, { deliver })
        return { file, unit: r.unit, decision: r.decision, remarks: r.remarks, keyFingerprint: r.keyFingerprint }
      })
    },
    print: (result, io) => {
      const r = result as { file: string; unit: string; decision: 'accepted' | 'returned'; remarks: number; keyFingerprint: string }
      io.out(
        `Đã ghi phản hồi ${r.file} cho ${r.unit}: ${DECISION_LABELS[r.decision]}, ${formatNumber(r.remarks)} góp ý; ký bằng khóa ${r.keyFingerprint}.`
      )
    }
  },

  'review import': {
    usage:
      'review import PHẢN_HỒI.json --db TỆP [--trust-new-keys]   huyện nhập phản hồi của tỉnh (lần đầu: đối chiếu dấu vân tay khóa của tỉnh rồi thêm --trust-new-keys)',
    options: { ...common, 'trust-new-keys': { type: 'boolean' } },
    positionals: true,
    run: (values, positionals) => {
      if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp phản hồi .json.')
      return withCore(values, (core) =>
        core.call('review.import', {
          file: { path: resolve(positionals[0]) },
          ...(values['trust-new-keys'] ? { trustNewKey: true } : {})
        })
      )
    },
    print: (result, io) => {
      const r = result as ReplyImportResult
      if (r.trustedNewKey) io.out(`Đã tin cậy khóa của ${r.provinceName}: ${r.keyFingerprint}.`)
      io.out(
        r.alreadyImported
          ? `Phản hồi này đã được nhập trước đây: không có gì thay đổi.`
          : `Đã nhập phản hồi của ${r.provinceName}: ${DECISION_LABELS[r.status]}, ${formatNumber(r.remarks)} góp ý.`
      )
      printSending(r.sending, io.out)
    }
  },

  'review answer': {
    usage: 'review answer --db TỆP --remark SỐ --note TRẢ_LỜI   huyện trả lời (đóng) một góp ý của tỉnh',
    options: { ...common, remark: { type: 'string' }, note: { type: 'string' } },
    run: (values) => {
      const remarkId = positiveId(values, 'remark', 'số góp ý trong ngoặc vuông của review list')
      const note = stringOption(values, 'note')
      if (!note) throw new UsageError('Cần --note TRẢ_LỜI.')
      return withCore(values, (core) => core.call('review.answer', { remarkId, note }))
    },
    print: (result, io) => {
      const r = result as ReviewRemark
      io.out(`Đã trả lời góp ý [${r.id}] ${remarkSubject(r)}: ${r.answer?.note ?? ''}`)
    }
  }
}

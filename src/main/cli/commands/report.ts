/** report list | summary | targets | target | NAME (--xlsx | --csv | --html | --pdf OUT) */
import type { ReportSummary, TargetRow } from '../../../shared/api'
import type { NarrativeReport } from '../../../shared/contract/reports'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { definitions } from '../../core/reports/definitions'
import { htmlToPdf } from '../../core/reports/pdf'
import { common, needDb, withCore, type Command, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'
import { assertWritable, writeOutput } from '../output'

function str(values: Values, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}
/** dd/mm/yyyy or yyyy-mm-dd; anything else goes on to the contract, which names the field. */
function asOf(values: Values): string {
  const v = str(values, 'as-of')
  if (!v) throw new UsageError('Cần --as-of NGÀY (tính đến ngày, ví dụ 30/06/2023).')
  return parseViDate(v) ?? v
}
function year(values: Values): number {
  const v = str(values, 'year')
  if (!v || !/^\d{4}$/.test(v)) throw new UsageError('Cần --year NĂM (ví dụ 2024).')
  return Number(v)
}
/** "1.234.567" or "75,5" as typed in Vietnamese, or plain digits. */
function viNumber(values: Values, name: string): number | null | undefined {
  const v = str(values, name)
  if (v === undefined) return undefined
  if (v === '-') return null
  const s = v.replace(/\s/g, '')
  const plain = /^-?\d+(\.\d{3})*(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s
  const n = Number(plain)
  if (!Number.isFinite(n)) throw new UsageError(`--${name} phải là một số, ví dụ 1.234 hoặc 75,5 (đã gõ «${v}»; «-» để xóa).`)
  return n
}

const scopeOpt = { scope: { type: 'string' as const } }
const OUTPUTS = ['xlsx', 'csv', 'html', 'pdf'] as const

function label(code: string): string {
  return definitions().byCode.get(code)?.label ?? code
}

export const reportCommands: Record<string, Command> = {
  'report list': {
    usage: 'report list [--json]',
    options: { ...common },
    run: async () => definitions().layouts.map((l) => ({ id: l.id, annex: l.annex ?? null, title: l.title, type: l.type })),
    print: (result, io) => {
      const list = result as Array<{ id: string; annex: string | null; title: string }>
      io.out(
        table(
          ['Mẫu', 'Phụ lục', 'Tên báo cáo'],
          list.map((l) => [l.id, l.annex, l.title])
        )
      )
    }
  },
  'report summary': {
    usage: 'report summary --db TỆP --as-of NGÀY [--scope MÃ_HUYỆN] [--json]',
    options: { ...common, 'as-of': { type: 'string' }, ...scopeOpt },
    run: (values) => withCore(values, (core) => core.call('report.summary', { asOf: asOf(values), scope: str(values, 'scope') })),
    print: (result, io) => {
      const s = result as ReportSummary
      io.out(`Tính đến ngày ${formatDate(s.asOf)} — đơn vị ${s.unit}`)
      io.out(
        table(
          ['Mã chỉ tiêu', 'Chỉ tiêu', 'Giá trị'],
          Object.entries(s.indicators).map(([c, v]) => [c, label(c), v === null ? '' : formatNumber(v, Number.isInteger(v) ? 0 : 2)])
        )
      )
    }
  },
  'report targets': {
    usage: 'report targets --db TỆP --year NĂM [--scope MÃ_HUYỆN] [--json]',
    options: { ...common, year: { type: 'string' }, ...scopeOpt },
    run: (values) => withCore(values, (core) => core.call('report.targets', { year: year(values), scope: str(values, 'scope') })),
    print: (result, io) => {
      const rows = result as TargetRow[]
      const f = (v: number | null, d: number) => (v === null ? '' : formatNumber(v, d))
      io.out(
        table(
          ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị', 'TH năm trước', 'Kế hoạch', 'Ước TH', 'KH năm sau'],
          rows.map((r) => [
            r.indicator,
            r.label,
            r.unit,
            f(r.previousActual, r.decimals),
            f(r.plan, r.decimals),
            f(r.estimate, r.decimals),
            f(r.nextPlan, r.decimals)
          ])
        )
      )
    }
  },
  'report target': {
    usage:
      'report target --db TỆP --year NĂM --indicator MÃ [--plan SỐ] [--estimate SỐ] [--next-plan SỐ] [--actual SỐ] [--scope MÃ_HUYỆN]   («-» xóa giá trị; --next-plan: kế hoạch năm sau; --actual: số liệu của địa bàn, chỉ cho chỉ tiêu nhập)',
    options: {
      ...common,
      year: { type: 'string' },
      indicator: { type: 'string' },
      plan: { type: 'string' },
      estimate: { type: 'string' },
      'next-plan': { type: 'string' },
      actual: { type: 'string' },
      ...scopeOpt
    },
    run: (values) =>
      withCore(values, (core) => {
        const plan = viNumber(values, 'plan')
        const estimate = viNumber(values, 'estimate')
        const nextPlan = viNumber(values, 'next-plan')
        const actual = viNumber(values, 'actual')
        if (plan === undefined && estimate === undefined && nextPlan === undefined && actual === undefined)
          throw new UsageError('Cần --plan, --estimate, --next-plan hoặc --actual.')
        return core.call('report.setTargets', {
          year: year(values),
          scope: str(values, 'scope'),
          values: [
            {
              indicator: str(values, 'indicator') ?? '',
              ...(plan !== undefined ? { plan } : {}),
              ...(estimate !== undefined ? { estimate } : {}),
              ...(nextPlan !== undefined ? { nextPlan } : {}),
              ...(actual !== undefined ? { actual } : {})
            }
          ]
        })
      }),
    print: (result, io) => io.err(`Đã lưu ${(result as { changed: number }).changed} chỉ tiêu.`)
  },
  'report narrative': {
    usage: 'report narrative --db TỆP --as-of NGÀY [--scope MÃ_HUYỆN]   các câu số liệu cho Phần 1 kế hoạch (chép vào văn bản)',
    options: { ...common, 'as-of': { type: 'string' }, ...scopeOpt },
    run: (values) => withCore(values, (core) => core.call('report.narrative', { asOf: asOf(values), scope: str(values, 'scope') })),
    print: (result, io) => {
      const n = result as NarrativeReport
      io.out([...n.htx, '', ...n.sectors, '', ...n.others].join('\n'))
    }
  },
  report: {
    usage: `report MẪU --db TỆP --as-of NGÀY (--xlsx | --csv | --html | --pdf) TỆP_RA [--scope MÃ_HUYỆN] [--report-no SỐ] [--dia-gioi-moi]   (MẪU: report list; --dia-gioi-moi: mẫu theo đơn vị theo các xã mới)`,
    options: {
      ...common,
      'as-of': { type: 'string' },
      ...scopeOpt,
      'report-no': { type: 'string' },
      'dia-gioi-moi': { type: 'boolean' },
      xlsx: { type: 'string' },
      csv: { type: 'string' },
      html: { type: 'string' },
      pdf: { type: 'string' }
    },
    positionals: true,
    run: (values, positionals, io: CliIo) =>
      withCore(values, async (core) => {
        if (positionals.length !== 1) throw new UsageError('Cần đúng một tên mẫu báo cáo (xem: report list).')
        const chosen = OUTPUTS.filter((f) => str(values, f))
        if (chosen.length !== 1) throw new UsageError('Cần đúng một trong --xlsx, --csv, --html, --pdf kèm tên tệp ra.')
        const format = chosen[0]!
        const out = str(values, format)!
        const input = {
          layout: positionals[0]!,
          asOf: asOf(values),
          scope: str(values, 'scope'),
          reportNo: str(values, 'report-no'),
          boundaries: values['dia-gioi-moi'] ? ('new' as const) : null
        }
        const target = { path: out, extensions: [`.${format}`], dbPath: needDb(values), option: `--${format}` }
        assertWritable(target)
        const page = await core.call('report.export', { ...input, format: format === 'pdf' ? 'html' : format })
        const html = format === 'pdf' ? Buffer.from(page.base64, 'base64').toString('utf8') : null
        const bytes = html === null ? Buffer.from(page.base64, 'base64') : await htmlToPdf(html)
        const path = writeOutput(target, bytes)
        io.err(`Đã ghi ${path} (${formatNumber(page.rows)} dòng).`)
        return { name: page.name.replace(/\.html$/, `.${format}`), path, rows: page.rows }
      })
  }
}

/** support programmes | list | add | update | delete | import FILE */
import { resolve } from 'node:path'
import type { SupportImportResult, SupportInput, SupportProgramme, SupportRow } from '../../../shared/contract/support'
import { SUPPORT_STAGE_LABELS } from '../../../shared/contract/support'
import { parseViNumber } from '../../../shared/numbers'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { programmeList } from '../../core/support/programmes'
import { common, withCore, type Command, type Values } from '../command'
import { UsageError, table } from '../io'

function str(values: Values, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}
/** «1.508», «75,5» or plain digits; anything else goes on as typed, for the contract to name. */
function num(values: Values, name: string): number | undefined {
  const v = str(values, name)
  if (v === undefined) return undefined
  const n = parseViNumber(v)
  if (n === null || Number.isNaN(n)) throw new UsageError(`--${name} phải là một số, ví dụ 1.508 hoặc 75,5 (đã gõ «${v}»).`)
  return n
}
function stage(values: Values): 'plan' | 'done' {
  const v = str(values, 'stage')
  if (v === 'plan' || v === 'done') return v
  throw new UsageError('Cần --stage plan (kế hoạch, dự kiến, nhu cầu) hoặc --stage done (đã thực hiện).')
}
function year(values: Values): number {
  const v = str(values, 'year')
  if (!v || !/^\d{4}$/.test(v)) throw new UsageError('Cần --year NĂM (ví dụ 2023).')
  return Number(v)
}

const rowOptions = {
  year: { type: 'string' as const },
  stage: { type: 'string' as const },
  programme: { type: 'string' as const },
  entity: { type: 'string' as const },
  beneficiary: { type: 'string' as const },
  coops: { type: 'string' as const },
  people: { type: 'string' as const },
  'nstw-dtpt': { type: 'string' as const },
  'nstw-sn': { type: 'string' as const },
  'nsdp-dtpt': { type: 'string' as const },
  'nsdp-sn': { type: 'string' as const },
  decision: { type: 'string' as const },
  'decision-date': { type: 'string' as const },
  note: { type: 'string' as const }
}

function rowInput(values: Values): SupportInput {
  const date = str(values, 'decision-date')
  return {
    year: year(values),
    stage: stage(values),
    programme: str(values, 'programme') ?? '',
    entity: str(values, 'entity'),
    beneficiary: str(values, 'beneficiary'),
    coops: num(values, 'coops'),
    people: num(values, 'people'),
    nstwDtpt: num(values, 'nstw-dtpt'),
    nstwSn: num(values, 'nstw-sn'),
    nsdpDtpt: num(values, 'nsdp-dtpt'),
    nsdpSn: num(values, 'nsdp-sn'),
    decisionNo: str(values, 'decision'),
    decisionDate: date ? (parseViDate(date) ?? date) : undefined,
    note: str(values, 'note')
  }
}

const f = (v: number | null, d = 0) => (v === null ? '' : formatNumber(v, d))
const money = (v: number | null) => (v === null ? '' : formatNumber(v, Number.isInteger(v) ? 0 : 3))

function printRows(rows: SupportRow[], out: (s: string) => void): void {
  out(
    table(
      [
        'Số',
        'Năm',
        'KH/TH',
        'Nội dung hỗ trợ',
        'Được hỗ trợ',
        'HTX',
        'Người',
        'NSTW ĐTPT',
        'NSTW SN',
        'NSĐP ĐTPT',
        'NSĐP SN',
        'Tổng',
        'Quyết định'
      ],
      rows.map((r) => [
        r.id,
        r.year,
        SUPPORT_STAGE_LABELS[r.stage],
        r.programmeLabel,
        r.entityName ?? r.beneficiary,
        f(r.coops),
        f(r.people),
        money(r.nstwDtpt),
        money(r.nstwSn),
        money(r.nsdpDtpt),
        money(r.nsdpSn),
        money(r.total),
        [r.decisionNo, r.decisionDate ? formatDate(r.decisionDate) : null].filter(Boolean).join(' ngày ')
      ])
    )
  )
}

const ROW_USAGE =
  '--year NĂM --stage plan|done --programme MÃ [--entity MÃ_SỐ_HTX] [--beneficiary CHỮ] [--coops SỐ] [--people SỐ] [--nstw-dtpt TRIỆU] [--nstw-sn TRIỆU] [--nsdp-dtpt TRIỆU] [--nsdp-sn TRIỆU] [--decision SỐ] [--decision-date NGÀY] [--note CHỮ]'

export const supportCommands: Record<string, Command> = {
  'support programmes': {
    usage: 'support programmes [--json]   danh mục nội dung hỗ trợ (mã dùng cho --programme)',
    options: { ...common },
    run: async () => programmeList(),
    print: (result, io) => {
      const list = result as SupportProgramme[]
      io.out(
        table(
          ['Mã', 'Nội dung hỗ trợ', 'Đếm'],
          list.map((p) => [p.code, p.label, p.reaches === 'people' ? 'người' : p.reaches === 'both' ? 'HTX và người' : 'HTX'])
        )
      )
    }
  },
  'support list': {
    usage: 'support list --db TỆP [--year NĂM] [--scope MÃ_HUYỆN] [--json]',
    options: { ...common, year: { type: 'string' }, scope: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('support.list', { year: str(values, 'year') ? year(values) : null, scope: str(values, 'scope') })
      ),
    print: (result, io) => printRows(result as SupportRow[], io.out)
  },
  'support add': {
    usage: `support add --db TỆP ${ROW_USAGE}   (tiền tính bằng triệu đồng)`,
    options: { ...common, ...rowOptions },
    run: (values) => withCore(values, (core) => core.call('support.save', { rows: [rowInput(values)] })),
    print: (result, io) => {
      const saved = (result as { saved: SupportRow[] }).saved
      io.err(`Đã thêm dòng hỗ trợ số ${saved.map((r) => r.id).join(', ')}.`)
      printRows(saved, io.out)
    }
  },
  'support update': {
    usage: `support update --db TỆP --id SỐ ${ROW_USAGE}   (ghi lại cả dòng)`,
    options: { ...common, id: { type: 'string' }, ...rowOptions },
    run: (values) =>
      withCore(values, (core) => {
        const id = Number(str(values, 'id'))
        if (!Number.isInteger(id) || id < 1) throw new UsageError('Cần --id SỐ (cột «Số» của support list).')
        return core.call('support.save', { rows: [{ id, ...rowInput(values) }] })
      }),
    print: (result, io) => printRows((result as { saved: SupportRow[] }).saved, io.out)
  },
  'support delete': {
    usage: 'support delete --db TỆP --id SỐ[,SỐ…]',
    options: { ...common, id: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) => {
        const ids = (str(values, 'id') ?? '').split(',').map((s) => Number(s.trim()))
        if (ids.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('Cần --id SỐ hoặc --id 3,4,5 (cột «Số» của support list).')
        return core.call('support.delete', { ids })
      }),
    print: (result, io) => io.err(`Đã xóa ${(result as { deleted: number }).deleted} dòng hỗ trợ.`)
  },
  'support import': {
    usage: 'support import TỆP --db TỆP [--dry-run] [--json]   danh sách .xlsx/.xls/.csv, dòng đầu là tên cột',
    options: { ...common, 'dry-run': { type: 'boolean' } },
    positionals: true,
    run: (values, positionals) =>
      withCore(values, (core) => {
        if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp danh sách hỗ trợ.')
        return core.call('support.import', { file: { path: resolve(positionals[0]!) }, dryRun: values['dry-run'] === true })
      }),
    print: (result, io) => {
      const r = result as SupportImportResult
      io.out(
        r.dryRun
          ? `Xem trước ${r.file} (trang «${r.sheet}»): ${formatNumber(r.rows)} dòng hợp lệ, chưa ghi gì.`
          : `Đã nhập ${formatNumber(r.saved)} dòng hỗ trợ từ ${r.file} (trang «${r.sheet}»).`
      )
    }
  }
}

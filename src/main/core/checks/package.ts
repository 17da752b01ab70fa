/**
 * A province package carries its open findings: one more human sheet, «Kiểm tra số
 * liệu», signed with the others (handoff/format.ts: humanSheets), so a person reads it in
 * Excel and the province reads it back. A package from before has no such sheet and
 * consolidates as ever (its district then has no findings). Acknowledged findings stay
 * home: the office looked at them.
 */
import type Sqlite from 'better-sqlite3'
import { CHECK_SEVERITY_LABELS, type CheckCounts, type CheckSeverity, type Finding } from '../../../shared/contract/checks'
import { KIND_SHORT, type EntityKind } from '../../../shared/domain'
import { formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { rules } from './rules'
import { countFindings, registerFindings } from './run'

export const FINDINGS_SHEET = 'Kiểm tra số liệu'
const HEADER = [
  'Mã phát hiện',
  'Mức độ',
  'Quy tắc',
  'Nội dung',
  'Loại hình',
  'Tên',
  'Mã số',
  'Năm',
  'Trường',
  'Mã trường',
  'Số bản ghi',
  'Căn cứ',
  'Dấu vân tay dữ liệu'
]

type Cell = string | number | null

export interface PackageChecks {
  sheet: { name: string; rows: Cell[][]; widths: number[] }
  counts: CheckCounts
  open: Finding[]
}

/** Before export: the checks run on the date, and the sheet of the open findings. */
export function packageChecks(ctx: CoreContext, asOf: string, officeName: string): PackageChecks {
  const all = registerFindings(ctx, asOf)
  const open = all.filter((f) => f.state === 'open')
  const rows: Cell[][] = [
    [officeName],
    ['KIỂM TRA SỐ LIỆU: CÁC PHÁT HIỆN CHƯA KIỂM TRA'],
    [`Số liệu tính đến ngày ${formatDate(asOf)}; ${open.length} phát hiện (các mục đơn vị đã đánh dấu «đã kiểm tra» không kèm theo)`],
    [],
    HEADER,
    ...open.map((f) => [
      f.id,
      CHECK_SEVERITY_LABELS[f.severity],
      f.rule,
      f.message,
      KIND_SHORT[f.kind],
      f.entityName,
      f.regNo,
      f.year,
      f.fieldLabels.join(', '),
      f.fields.join(','),
      f.entityId,
      f.source,
      f.fingerprint
    ])
  ]
  return {
    sheet: { name: FINDINGS_SHEET, rows, widths: [34, 14, 28, 80, 8, 40, 14, 6, 30, 24, 8, 40, 20] },
    counts: countFindings(all),
    open
  }
}

const SEVERITY_OF = new Map(Object.entries(CHECK_SEVERITY_LABELS).map(([k, v]) => [v, k as CheckSeverity]))
const KIND_OF = new Map(Object.entries(KIND_SHORT).map(([k, v]) => [v, k as EntityKind]))

/**
 * At the province, inside the consolidation's transaction: the district's findings replaced by the package's
 * (none for a package from before), record ids turned into the province's own.
 */
export function storePackageFindings(
  sqlite: Sqlite.Database,
  district: string,
  exportedAt: string,
  sheetRows: unknown[][] | null,
  entityIds: Map<number, number> | undefined
): number {
  sqlite.prepare('delete from package_findings where district_code = ?').run(district)
  if (!sheetRows) return 0
  const start = sheetRows.findIndex((r) => r?.[0] === HEADER[0])
  if (start < 0) return 0
  const titles = new Map(rules().map((r) => [r.id, r.title]))
  const insert = sqlite.prepare(
    `insert into package_findings (district_code, exported_at, finding_id, rule, severity, entity_id, entity_name, reg_no, kind, year, fields_json, message, fingerprint)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  let n = 0
  for (const r of sheetRows.slice(start + 1)) {
    if (!r || r[0] === null || r[0] === undefined || r[0] === '') continue
    const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v))
    const localId = r[10] === null || r[10] === undefined || r[10] === '' ? null : Number(r[10])
    const rule = text(r[2]) ?? ''
    insert.run(
      district,
      exportedAt,
      text(r[0]),
      rule,
      SEVERITY_OF.get(text(r[1]) ?? '') ?? 'warning',
      localId === null ? null : (entityIds?.get(localId) ?? null),
      text(r[5]) ?? '',
      text(r[6]),
      KIND_OF.get(text(r[4]) ?? '') ?? 'htx',
      r[7] === null || r[7] === undefined || r[7] === '' ? null : Number(r[7]),
      JSON.stringify({
        fields: (text(r[9]) ?? '').split(',').filter(Boolean),
        labels: (text(r[8]) ?? '').split(', ').filter(Boolean),
        title: titles.get(rule) ?? rule,
        source: text(r[11])
      }),
      text(r[3]) ?? '',
      text(r[12]) ?? ''
    )
    n++
  }
  return n
}

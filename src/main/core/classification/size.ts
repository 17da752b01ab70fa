/**
 * The size class of an HTX for a year (Luật 17/2023/QH15 Điều 16), from that year's
 * figures: official members AND (revenue OR total capital) at or above a class's
 * thresholds, largest class first, by the sector group's thresholds (data.ts). A figure
 * that is missing may decide it either way: then the class is «chưa xác định» and says
 * which figure is missing, never a guess. The audit duty of Điều 106 khoản 1 follows.
 */
import {
  SIZE_LABELS,
  SIZE_UNKNOWN,
  type SizeClass,
  type SizeList,
  type SizeRow,
  type SizeThreshold
} from '../../../shared/contract/classification'
import { SECTOR_LABELS, type Sector, type Status } from '../../../shared/domain'
import { compareVi, formatNumber } from '../../../shared/text'
import { categoryOf } from '../checks/evaluate'
import type { CoreContext } from '../context'
import { statusesSql } from '../registry/status-at'
import { classificationRules, defaultCircular, sizeGroupOf } from './data'

export interface SizeInput {
  sector: string | null
  year: number
  members: number | null
  revenue: number | null
  totalCapital: number | null
}

export interface SizeAnswer {
  size: SizeClass | null
  /** Whether it is «lớn» (what the audit duty asks): known even when the class is not (a group with only its «lớn» row). */
  large: boolean | null
  group: string | null
  reason: string | null
}

/** true, false, or null when a missing figure could make it either. */
type Tri = boolean | null
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === null || b === null ? null : false)
const atLeast = (v: number | null, min: number): Tri => (v === null ? null : v >= min)

function reaches(t: SizeThreshold, f: SizeInput): Tri {
  if (f.members! < t.minMembers) return false
  return or(atLeast(f.revenue, t.minRevenue), atLeast(f.totalCapital, t.minTotalCapital))
}

const sectorName = (s: string) => SECTOR_LABELS[s as Sector] ?? s

export function sizeOf(f: SizeInput): SizeAnswer {
  const group = sizeGroupOf(f.sector)
  if (f.sector === null)
    return { size: null, large: null, group: null, reason: 'Bản ghi chưa ghi lĩnh vực: quy mô xác định theo lĩnh vực hoạt động.' }
  if (!group || group.classes.length === 0) {
    return {
      size: null,
      large: null,
      group: group?.code ?? null,
      reason: `Lĩnh vực «${sectorName(f.sector)}» chưa có ngưỡng quy mô trong dữ liệu (Nghị định 113/2024/NĐ-CP chưa đọc được phần này).`
    }
  }
  if (f.members === null) return { size: null, large: null, group: group.code, reason: `Thiếu số thành viên năm ${f.year}.` }
  if (f.revenue === null && f.totalCapital === null)
    return { size: null, large: null, group: group.code, reason: `Thiếu doanh thu và tổng nguồn vốn năm ${f.year}.` }
  let large: Tri = group.classes[0]!.size === 'large' ? reaches(group.classes[0]!, f) : null
  for (const t of group.classes) {
    const r = reaches(t, f)
    if (r === true) return { size: t.size, large: t.size === 'large', group: group.code, reason: null }
    if (r === null) {
      const missing = f.revenue === null ? 'doanh thu' : 'tổng nguồn vốn'
      return {
        size: null,
        large,
        group: group.code,
        reason: `Thiếu ${missing} năm ${f.year}: với ${formatNumber(f.members)} thành viên, có thể đạt mức «${SIZE_LABELS[t.size]}».`
      }
    }
  }
  if (large === null) large = false
  if (group.complete) return { size: group.below, large, group: group.code, reason: null }
  const known = group.classes.map((t) => `«${SIZE_LABELS[t.size]}»`).join(', ')
  return {
    size: null,
    large,
    group: group.code,
    reason: `Không đạt mức ${known}; ngưỡng các mức khác của nhóm «${group.label}» chưa có trong dữ liệu.`
  }
}

interface Row {
  id: number
  name: string
  reg_no: string | null
  kind: 'htx' | 'lhhtx'
  sector: string | null
  member_coops_json: string | null
  status: Status | null
  members: number | null
  revenue: number | null
  total_capital: number | null
  circular: string | null
}

function listLength(json: string | null): number | null {
  if (!json) return null
  try {
    const list = JSON.parse(json) as unknown
    return Array.isArray(list) ? list.length : null
  } catch {
    return null
  }
}

/** Every HTX and LHHTX not dissolved on 31/12 of the year (or one), in Vietnamese name order. */
export function sizeList(ctx: CoreContext, input: { year: number; entityId?: number; auditOnly?: boolean }): SizeList {
  const rules = classificationRules()
  const yearEnd = `${input.year}-12-31`
  const one = input.entityId !== undefined
  const rows = ctx.conn.sqlite
    .prepare(
      `select e.id, e.name, e.reg_no, e.kind, e.sector, e.member_coops_json, st.status,
         f.members, f.revenue, f.total_capital, f.classification_circular as circular
       from entities e
       left join (${statusesSql({ asOf: true })}) st on st.entity_id = e.id
       left join yearly_figures f on f.entity_id = e.id and f.year = ?
       where e.deleted_at is null and e.kind in ('htx', 'lhhtx')
         and (e.registration_date is null or e.registration_date <= ?)
         and (e.handed_over_on is null or e.handed_over_on > ?) ${one ? 'and e.id = ?' : ''}
       order by e.id`
    )
    .all(yearEnd, input.year, yearEnd, yearEnd, ...(one ? [input.entityId] : [])) as Row[]
  const out: SizeRow[] = []
  for (const r of rows) {
    if (categoryOf(r.status) === 'dissolved') continue
    const base = {
      entityId: r.id,
      name: r.name,
      regNo: r.reg_no,
      kind: r.kind,
      sector: r.sector as Sector | null,
      status: r.status,
      year: input.year,
      revenue: r.revenue,
      totalCapital: r.total_capital,
      defaultCircular: defaultCircular(r.kind, r.sector),
      circular: r.circular ?? defaultCircular(r.kind, r.sector),
      circularChosen: r.circular !== null
    }
    if (r.kind === 'htx') {
      const a = sizeOf({ sector: r.sector, year: input.year, members: r.members, revenue: r.revenue, totalCapital: r.total_capital })
      const required = a.size !== null ? rules.audit.htxSizes.includes(a.size) : a.large
      out.push({
        ...base,
        members: r.members,
        membersWhere: r.members === null ? null : `số liệu năm ${input.year}`,
        group: a.group,
        size: a.size,
        sizeLabel: a.size ? SIZE_LABELS[a.size] : SIZE_UNKNOWN,
        sizeReason: a.reason,
        auditRequired: required,
        auditBasis: required ? 'Luật 17/2023/QH15 Điều 106 khoản 1 điểm a (HTX quy mô lớn)' : null,
        auditReason: required === null ? 'Chưa xác định được quy mô.' : null
      })
    } else {
      const listed = listLength(r.member_coops_json)
      const members = r.members ?? listed
      const required = members === null ? null : members >= rules.audit.lhhtxMinMembers
      out.push({
        ...base,
        members,
        membersWhere: r.members !== null ? `số liệu năm ${input.year}` : listed !== null ? 'theo danh sách HTX thành viên' : null,
        group: null,
        size: null,
        sizeLabel: 'Không phân loại (LHHTX)',
        sizeReason: 'Điều 16 chỉ phân loại hợp tác xã; liên hiệp HTX xét kiểm toán theo số thành viên.',
        auditRequired: required,
        auditBasis: required ? `Luật 17/2023/QH15 Điều 106 khoản 1 điểm b (LHHTX từ ${rules.audit.lhhtxMinMembers} thành viên)` : null,
        auditReason: required === null ? `Thiếu số HTX thành viên năm ${input.year}.` : null
      })
    }
  }
  out.sort((a, b) => compareVi(a.name, b.name) || a.entityId - b.entityId)
  return {
    year: input.year,
    rows: input.auditOnly ? out.filter((r) => r.auditRequired === true) : out,
    thresholdsVerified: rules.sizes.verified,
    thresholdsNote: rules.sizes.verified ? rules.sizes.decree : `Ngưỡng quy mô chưa đối chiếu văn bản: ${rules.sizes.verifiedNote}`,
    auditSource: `${rules.audit.source}. ${rules.audit.notCovered}`
  }
}

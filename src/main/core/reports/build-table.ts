/**
 * Layouts into tables: one ReportTable per layout type, computed from the register as
 * of the date. The grid, the workbook, the printed page and the CSV all draw the same
 * table, so they can never disagree.
 */
import type { ReportColumn, ReportRow, ReportTable } from '../../../shared/contract/reports'
import { KIND_SHORT, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { compareVi, formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { officeBody } from '../office/body'
import { periodOn, unitByKey } from '../office/map'
import { officeBodyName } from '../office/office'
import { communeNameOn } from '../office/area'
import { placeName } from '../text/document'
import { definitions, findLayout, type Indicator, type Layout, type PlanColumn } from './definitions'
import { largestRemainder, roundHalfUp } from './rounding'
import { loadInputs } from './inputs'
import { byNewBoundaries } from './new-boundaries'
import { loadSnapshot, type EntityAsOf } from './snapshot'
import { checkScope, inSet, officeUnit, summarise, unitKey, type OfficeUnit } from './summary'
import { supportNeedsTable, supportResultsTable } from './support-tables'
import { loadTargets } from './targets'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

export interface BuildOptions {
  layout: string
  asOf: string
  scope?: string | null
  reportNo?: string | null
  /** «theo đơn vị» by the units of the date (default) or by today's communes (new-boundaries.ts). */
  boundaries?: 'date' | 'new' | null
}

export async function buildTable(ctx: CoreContext, options: BuildOptions): Promise<ReportTable> {
  const layout = findLayout(options.layout)
  if (!layout) {
    const known = definitions()
      .layouts.map((l) => l.id)
      .join(', ')
    throw new AppError('NOT_FOUND', `Không có mẫu báo cáo «${options.layout}». Các mẫu có: ${known}.`, { field: 'layout' })
  }
  const newBoundaries = options.boundaries === 'new'
  if (newBoundaries && layout.type !== 'units')
    throw new AppError('VALIDATION', `Chỉ các mẫu «theo đơn vị» mới lập theo địa giới mới; «${layout.title}» lập theo ngày báo cáo.`, {
      field: 'boundaries'
    })
  const unit = await officeUnit(ctx, options.asOf)
  const district = checkScope(unit, options.scope)
  const scopeName = district ? unit.districts.find((d) => d.code === district)!.name : unit.name
  const support = layout.type === 'support-results' || layout.type === 'support-needs'
  // The support annexes read the support register only; the others start from the register as of the date.
  const snapshot = support ? [] : loadSnapshot(ctx, options.asOf, { details: layout.type === 'list' })
  const year = Number(options.asOf.slice(0, 4))
  const body =
    layout.type === 'support-results'
      ? supportResultsTable(ctx, options.asOf, district)
      : layout.type === 'support-needs'
        ? supportNeedsTable(ctx, options.asOf, district)
        : layout.type === 'indicators'
          ? await indicatorRows(ctx, layout, unit, district, snapshot, options.asOf)
          : layout.type === 'sectors'
            ? sectorRows(layout, unit, district, snapshot)
            : layout.type === 'units'
              ? unitRows(layout, unit, district, snapshot, options.asOf, newBoundaries)
              : listRows(unit, district, snapshot, options.asOf)
  const level = unitByKey(unit.code)?.level ?? (unit.mode === 'province' ? 'province' : 'district')
  const office = officeBody({ code: unit.code, name: unit.name, level }, options.asOf, await officeBodyName(ctx.db))
  return {
    layoutId: layout.id,
    annex: layout.annex ?? null,
    title: layout.title.replace('{year}', String(year)).replace('{next}', String(year + 1)),
    asOf: options.asOf,
    officeName: office.name,
    issuer: { parent: office.parent, body: office.body },
    place: placeName({ name: office.unitName }),
    scopeName,
    reportNo: options.reportNo?.trim() || null,
    columns: body.columns,
    rows: body.rows,
    notes: newBoundaries ? [...layout.notes, NEW_BOUNDARIES_NOTE] : layout.notes,
    signTitle: office.signTitle
  }
}

const NEW_BOUNDARIES_NOTE =
  'Theo địa giới mới (từ 01/07/2025): mỗi xã cũ được quy về xã mới đã nhận trọn xã đó theo danh sách sắp xếp; xã cũ được chia cho nhiều xã mới để riêng một dòng, không chia số.'

interface Body {
  columns: ReportColumn[]
  rows: ReportRow[]
}

const STT: ReportColumn = { label: 'STT', type: 'text', width: 6 }

function shown(value: number | null | undefined, decimals: number): number | null {
  return value === null || value === undefined ? null : roundHalfUp(value, decimals)
}

async function indicatorRows(
  ctx: CoreContext,
  layout: Layout,
  unit: OfficeUnit,
  district: string | null,
  snapshot: EntityAsOf[],
  asOf: string
): Promise<Body> {
  const year = Number(asOf.slice(0, 4))
  const scopeCode = district ?? unit.code
  const now = summarise(unit, snapshot, asOf, district, loadInputs(ctx, year, scopeCode)).indicators
  const prevDate = `${year - 1}-12-31`
  const prev = summarise(unit, loadSnapshot(ctx, prevDate), prevDate, district, loadInputs(ctx, year - 1, scopeCode)).indicators
  const targets = await loadTargets(ctx, year, district ?? unit.code)
  const nextTargets = await loadTargets(ctx, year + 1, district ?? unit.code)
  const planColumns = layout.columns ?? ['prev', 'actual', 'estimate', 'plan', 'percent']
  const head: Record<PlanColumn, ReportColumn> = {
    prev: { label: `Thực hiện năm ${year - 1}`, type: 'number', width: 14 },
    actual: { label: `Thực hiện đến ${formatDate(asOf)}`, group: `Năm ${year}`, type: 'number', width: 14 },
    estimate: { label: 'Ước thực hiện cả năm', group: `Năm ${year}`, type: 'number', width: 14 },
    plan: { label: 'Kế hoạch năm', group: `Năm ${year}`, type: 'number', width: 14 },
    percent: { label: 'Ước TH so với KH (%)', group: `Năm ${year}`, type: 'number', decimals: 1, width: 12 },
    next: { label: `Kế hoạch năm ${year + 1}`, type: 'number', width: 14 }
  }
  const columns: ReportColumn[] = [
    STT,
    { label: 'Chỉ tiêu', type: 'text', width: 48 },
    { label: 'Đơn vị tính', type: 'text', width: 14 },
    ...planColumns.map((c) => head[c])
  ]
  const { byCode } = definitions()
  const rows: ReportRow[] = []
  let section = 0
  let item = 0
  for (const r of layout.rows ?? []) {
    if ('section' in r) {
      rows.push({ cells: [ROMAN[section++] ?? String(section), r.section, ...Array(columns.length - 2).fill(null)], style: 'section' })
      item = 0
      continue
    }
    const ind = byCode.get(r.indicator) as Indicator
    const decimals = ind.decimals ?? 0
    const target = targets.get(ind.code)
    const actual = now[ind.code] ?? null
    // The estimate is the user's when entered, else the actual to date (stocks hold their value to year end).
    const estimate = target?.estimate ?? actual
    const plan = target?.plan ?? null
    const values: Record<PlanColumn, number | null> = {
      prev: shown(prev[ind.code], decimals),
      actual: shown(actual, decimals),
      estimate: shown(estimate, decimals),
      plan: shown(plan, decimals),
      percent: plan && estimate !== null ? roundHalfUp((estimate / plan) * 100, 1) : null,
      next: shown(nextTargets.get(ind.code)?.plan ?? null, decimals)
    }
    const indent = r.indent ?? 0
    const label = r.label ?? ind.label
    rows.push({
      cells: [
        indent ? '' : String(++item),
        indent === 1 ? `- ${label}` : indent === 2 ? `+ ${label}` : label,
        ind.unit,
        ...planColumns.map((c) => values[c])
      ],
      style: indent === 1 ? 'indent1' : indent === 2 ? 'indent2' : undefined,
      decimals,
      indicator: ind.code
    })
  }
  return { columns, rows }
}

function sectorRows(layout: Layout, unit: OfficeUnit, district: string | null, snapshot: EntityAsOf[]): Body {
  const grouping = definitions().groupings.find((g) => g.id === layout.grouping)!
  const kind = layout.kind ?? 'htx'
  const counts = grouping.groups.map(() => ({ total: 0, active: 0, stopped: 0 }))
  const groupOf = new Map<string, number>()
  grouping.groups.forEach((g, i) => g.sectors.forEach((s) => groupOf.set(s, i)))
  for (const e of snapshot) {
    if (e.kind !== kind || !inSet(e, 'present')) continue
    if (district && unitKey(unit, e) !== district) continue
    const i = groupOf.get(e.sector ?? 'other')
    if (i === undefined) continue
    counts[i]!.total++
    if (inSet(e, 'active')) counts[i]!.active++
    else counts[i]!.stopped++
  }
  const shares = largestRemainder(
    counts.map((c) => c.total),
    2
  )
  const columns: ReportColumn[] = [
    STT,
    { label: 'Lĩnh vực', type: 'text', width: 40 },
    { label: `Tổng số ${KIND_SHORT[kind]}`, type: 'number', width: 12 },
    { label: 'Đang hoạt động', group: 'Trong đó', type: 'number', width: 14 },
    { label: 'Ngừng hoạt động', group: 'Trong đó', type: 'number', width: 14 },
    { label: 'Tỷ trọng (%)', type: 'number', decimals: 2, width: 12 }
  ]
  const rows: ReportRow[] = grouping.groups.map((g, i) => ({
    cells: [String(i + 1), g.label, counts[i]!.total, counts[i]!.active, counts[i]!.stopped, shares[i]!]
  }))
  const sum = (k: 'total' | 'active' | 'stopped') => counts.reduce((t, c) => t + c[k], 0)
  rows.push({ cells: ['', 'Tổng cộng', sum('total'), sum('active'), sum('stopped'), sum('total') ? 100 : 0], style: 'total' })
  return { columns, rows }
}

function unitRows(
  layout: Layout,
  byDate: OfficeUnit,
  district: string | null,
  dated: EntityAsOf[],
  asOf: string,
  newBoundaries: boolean
): Body {
  const { byCode } = definitions()
  const inds = (layout.indicators ?? []).map((c) => byCode.get(c)!)
  // By today's communes: those of the office's area, or of the unit chosen as scope.
  const area = newBoundaries ? unitByKey(district ?? byDate.code) : null
  const { unit, snapshot } = area
    ? byNewBoundaries(area, byDate, district ? dated.filter((e) => unitKey(byDate, e) === district) : dated)
    : { unit: byDate, snapshot: dated }
  const s = summarise(unit, snapshot, asOf, area ? null : district)
  const names = new Map(unit.districts.map((d) => [d.code, d.name]))
  const columns: ReportColumn[] = [
    STT,
    {
      label: newBoundaries
        ? 'Xã, phường, đặc khu (địa giới mới)'
        : unit.mode !== 'province'
          ? 'Đơn vị'
          : periodOn(asOf) === 'before'
            ? 'Huyện, thành phố'
            : 'Xã, phường, đặc khu',
      type: 'text',
      width: newBoundaries ? 40 : 26
    },
    ...inds.map((i) => ({ label: `${i.label} (${i.unit})`, type: 'number' as const, decimals: i.decimals ?? 0, width: 13 }))
  ]
  // In the order of the official list of units of the date (GSO codes), as the province's tables run; any other after.
  const order = new Map(unit.districts.map((d, i) => [d.code, i]))
  const at = (code: string) => order.get(code) ?? order.size
  const codes = Object.keys(s.byUnit).sort((a, b) => at(a) - at(b) || a.length - b.length || a.localeCompare(b))
  const rows: ReportRow[] = codes.map((code, n) => ({
    cells: [String(n + 1), names.get(code) ?? `Mã ${code}`, ...inds.map((i) => shown(s.byUnit[code]![i.code], i.decimals ?? 0))]
  }))
  rows.push({ cells: ['', 'Tổng cộng', ...inds.map((i) => shown(s.indicators[i.code], i.decimals ?? 0))], style: 'total' })
  return { columns, rows }
}

function listRows(unit: OfficeUnit, district: string | null, snapshot: EntityAsOf[], asOf: string): Body {
  const columns: ReportColumn[] = [
    STT,
    { label: 'Tên', type: 'text', width: 40 },
    { label: 'Mã số', type: 'text', width: 13 },
    { label: 'Loại hình', type: 'text', width: 8 },
    { label: 'Địa chỉ', type: 'text', width: 30 },
    { label: 'Lĩnh vực', type: 'text', width: 24 },
    { label: 'Ngày đăng ký', type: 'text', width: 12 },
    { label: 'Tình trạng', type: 'text', width: 18 },
    { label: 'Vốn điều lệ (triệu đồng)', type: 'number', decimals: 0, width: 13 },
    { label: 'Số thành viên', type: 'number', width: 10 },
    { label: 'Số lao động', type: 'number', width: 10 }
  ]
  const present = snapshot.filter((e) => inSet(e, 'present') && (!district || unitKey(unit, e) === district))
  present.sort((a, b) => compareVi(a.name, b.name) || a.id - b.id)
  const rows: ReportRow[] = present.map((e, i) => ({
    cells: [
      String(i + 1),
      e.name,
      e.regNo,
      KIND_SHORT[e.kind],
      [e.address, communeNameOn(e.communeCode, e.commune, asOf)].filter(Boolean).join(', ') || null,
      e.sector ? SECTOR_LABELS[e.sector] : null,
      e.registrationDate ? formatDate(e.registrationDate) : null,
      e.status ? STATUS_LABELS[e.status] : null,
      e.charterCapital === null ? null : roundHalfUp(e.charterCapital / 1e6, 0),
      e.figures?.members ?? e.membersCount,
      e.figures?.workers ?? null
    ]
  }))
  return { columns, rows }
}

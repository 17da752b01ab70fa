/**
 * The summary: every indicator as of a date, for the office and per unit. In a
 * district office "per unit" is the office itself; in a province office (whose file
 * holds the districts' snapshots) it is every district of the province, zeros
 * included, keyed by the code in entities.district_code. Counts and sums are kept as
 * (sum, n) per unit and added up for the total, so a province's counts and sums equal
 * the sum of its districts' exactly; averages are total sum / total n.
 */
import { districtsOfArea, unitKey as mapKey, unitOnDate } from '../office/area'
import { communesOfProvince, periodOn, unitByKey } from '../office/map'
import { AppError } from '../../../shared/errors'
import type { CoreContext } from '../context'
import { requireUnit, today } from '../office/office'
import { definitions, type EntitySet, type Indicator } from './definitions'
import { operating } from './operating'
import { derive, loadInputs, type Inputs } from './inputs'
import { loadSnapshot, type EntityAsOf } from './snapshot'

export interface Summary {
  asOf: string
  /** The office's unit code, or the district chosen as scope. */
  unit: string
  indicators: Record<string, number | null>
  byUnit: Record<string, Record<string, number | null>>
}

export interface OfficeUnit {
  code: string
  name: string
  mode: 'district' | 'province'
  /** Province mode: every district of the province, in code order. */
  districts: Array<{ code: string; name: string }>
}

/**
 * The office and, for a province, the units its reports break down by on a date (issue 14, point 5): up to
 * 30/06/2025 the former districts of its area; from 01/07/2025 the communes of today's province, then the
 * former districts whose registers it still holds records of that date (not yet handed over), named so.
 */
export async function officeUnit(ctx: CoreContext, asOf?: string): Promise<OfficeUnit> {
  const office = await requireUnit(ctx.db, 'lập báo cáo')
  if (office.level !== 'province')
    return { code: office.code, name: office.name, mode: 'district', districts: [{ code: office.code, name: office.name }] }
  const date = asOf ?? today(ctx)
  const formers = districtsOfArea(office.code).map((u) => ({ code: mapKey(u), name: u.name }))
  if (periodOn(date) === 'before')
    return { code: office.code, name: office.name, mode: 'province', districts: [...formers, ...unplaced(ctx, date)] }
  const place = unitByKey(office.code)
  const communes = place?.period === 'after' ? communesOfProvince(place.code, 'after').map((u) => ({ code: u.key, name: u.name })) : []
  const held = new Set(
    (
      ctx.conn.sqlite
        .prepare(
          `select distinct district_code as code from entities where deleted_at is null and (handed_over_on is null or handed_over_on > ?)`
        )
        .all(date) as Array<{ code: string | null }>
    ).map((r) => r.code)
  )
  const still = formers.filter((d) => held.has(d.code)).map((d) => ({ code: d.code, name: `${d.name} (huyện cũ)` }))
  return { code: office.code, name: office.name, mode: 'province', districts: [...communes, ...still] }
}

/**
 * Before 01/07/2025, the new communes holding records of that date that no former district can be named for
 * (made from old communes of several districts, and not handed over by one): shown apart, never guessed.
 */
function unplaced(ctx: CoreContext, date: string): Array<{ code: string; name: string }> {
  const rows = ctx.conn.sqlite
    .prepare(
      `select distinct district_code as code, json_extract(handover_origin, '$.from') as origin from entities
       where deleted_at is null and district_code like '%@%' and (registration_date is null or registration_date <= ?)`
    )
    .all(date) as Array<{ code: string; origin: string | null }>
  const keys = new Set(rows.filter((r) => unitOnDate(r.code, r.origin, date) === r.code).map((r) => r.code))
  return [...keys].sort().map((code) => ({ code, name: `${unitByKey(code)?.name ?? code} (xã mới, nhiều huyện cũ)` }))
}

export function inSet(e: EntityAsOf, set: EntitySet): boolean {
  return (setsOf(e) & SET_BITS[set]) !== 0
}

/** The sets as bits, so a record's membership is worked out once and each indicator tests one bit. */
const SET_BITS: Record<EntitySet, number> = { present: 1, active: 2, stopped: 4, new: 8, dissolved: 16 }

/** Every set a record is in on the snapshot's date, as SET_BITS. */
function setsOf(e: EntityAsOf): number {
  const op = operating(e.status, e.label)
  return (
    (e.status !== null && e.status !== 'dissolved' ? SET_BITS.present : 0) |
    (op === 'active' ? SET_BITS.active : 0) |
    (op === 'stopped' ? SET_BITS.stopped : 0) |
    (e.isNew ? SET_BITS.new : 0) |
    (e.dissolvedInPeriod ? SET_BITS.dissolved : 0)
  )
}

type FieldReader = (e: EntityAsOf) => number | null

/** How a field of the definitions is read off a record: chosen once per field, not per record. */
function fieldReader(field: string): FieldReader {
  switch (field) {
    case 'charter_capital':
      return (e) => e.charterCapital
    case 'members_count':
      return (e) => e.membersCount
    case 'member_coops':
      return (e) => e.memberCoops
    case 'ocop_products':
      return (e) => e.ocop.length
    case 'ocop_3_star':
    case 'ocop_4_star':
    case 'ocop_5_star': {
      const stars = Number(field.charAt(5))
      return (e) => e.ocop.filter((o) => o.stars === stars).length
    }
    default:
      return (e) => (e.figures ? ((e.figures as unknown as Record<string, number | null>)[field] ?? null) : null)
  }
}

/**
 * One indicator made ready to be tried against many records: what a record adds to it (null when it
 * does not count at all) and to its denominator, given the record's sets (setsOf). The rule of what
 * counts is here once; the summary tries each record's sets against every indicator of its kind.
 */
interface Counter {
  add(e: EntityAsOf, sets: number): number | null
  weight(e: EntityAsOf): number | null
}

function counter(ind: Indicator): Counter {
  const one = () => 1
  // Entered for the area, or computed from other indicators: no record adds to them (summarise fills them).
  if (ind.measure === 'input' || ind.measure === 'percentOf') return { add: () => null, weight: one }
  const bit = SET_BITS[ind.set]
  const sectors = ind.sectors ? new Set<string>(ind.sectors) : null
  const conversion = ind.conversion ?? null
  const classes =
    ind.classification === undefined ? null : new Set<string>(Array.isArray(ind.classification) ? ind.classification : [ind.classification])
  const field = ind.field ? fieldReader(ind.field) : null
  const fallback = ind.fallbackField ? fieldReader(ind.fallbackField) : null
  const fallbackValue = ind.fallbackValue ?? null
  const per = ind.measure === 'ratio' ? fieldReader(ind.perField!) : one
  const measure = ind.measure
  return {
    weight: per,
    add(e, sets) {
      if ((sets & bit) === 0) return null
      if (sectors && !sectors.has(e.sector ?? 'other')) return null
      if (conversion && (e.conversionInPeriod ?? 'none') !== conversion) return null
      const classed = classes === null || classes.has(e.figures?.classification ?? '')
      // A share counts every entity of the set: 1 when it meets the condition, 0 when not.
      if (measure === 'share') return classed ? 1 : 0
      if (!classed) return null
      if (measure === 'count') return 1
      let v = field!(e)
      if (v === null && fallback) v = fallback(e)
      if (v === null && fallbackValue !== null) v = fallbackValue
      // A ratio counts a record only when it has both numbers, its denominator above zero.
      if (measure === 'ratio' && (v === null || !((per(e) ?? 0) > 0))) return null
      return v
    }
  }
}

/** The definitions' indicators made ready once (definitions() is read once per process), by kind. */
const countersOf = new WeakMap<Indicator[], Map<string, Array<{ i: number; counter: Counter }>>>()
function countersByKind(indicators: Indicator[]) {
  let byKind = countersOf.get(indicators)
  if (!byKind) {
    byKind = new Map()
    for (const [i, ind] of indicators.entries()) byKind.set(ind.kind, [...(byKind.get(ind.kind) ?? []), { i, counter: counter(ind) }])
    countersOf.set(indicators, byKind)
  }
  return byKind
}

type Acc = { sum: Float64Array; n: Float64Array }

function newAcc(size: number): Acc {
  return { sum: new Float64Array(size), n: new Float64Array(size) }
}

function finish(acc: Acc, indicators: Indicator[]): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  indicators.forEach((ind, i) => {
    const scale = (ind.scale ?? 1) / (ind.multiply ?? 1)
    if (ind.measure === 'avg' || ind.measure === 'ratio') out[ind.code] = acc.n[i] ? acc.sum[i]! / acc.n[i]! / scale : null
    else if (ind.measure === 'input' || ind.measure === 'percentOf') out[ind.code] = null
    else if (ind.measure === 'share') out[ind.code] = acc.n[i] ? (acc.sum[i]! / acc.n[i]!) * 100 : null
    else out[ind.code] = acc.sum[i]! / scale
  })
  return out
}

/** The scope's unit key of an entity: its district in province mode, else the office. */
export function unitKey(unit: OfficeUnit, e: EntityAsOf): string {
  return unit.mode === 'province' ? (e.districtCode ?? unit.code) : unit.code
}

/** Checks a scope against the office: a district of the province, or the office itself. */
export function checkScope(unit: OfficeUnit, scope: string | null | undefined): string | null {
  if (!scope || scope === unit.code) return null
  if (unit.mode === 'province' && unit.districts.some((d) => d.code === scope)) return scope
  throw new AppError(
    'VALIDATION',
    `Phạm vi «${scope}» không phải ${unit.mode === 'province' ? 'một đơn vị (xã, huyện cũ) của ' : ''}${unit.name} vào ngày báo cáo.`,
    {
      field: 'scope'
    }
  )
}

export async function buildSummary(ctx: CoreContext, asOf: string, scope?: string | null): Promise<Summary> {
  const unit = await officeUnit(ctx, asOf)
  const district = checkScope(unit, scope)
  return summarise(unit, loadSnapshot(ctx, asOf), asOf, district, loadInputs(ctx, Number(asOf.slice(0, 4)), district ?? unit.code))
}

/** The pure part, for callers that already hold a snapshot (reports build several from one). */
export function summarise(
  unit: OfficeUnit,
  snapshot: EntityAsOf[],
  asOf: string,
  district: string | null,
  inputs: Inputs = new Map()
): Summary {
  const { indicators } = definitions()
  const keys = district ? [district] : unit.districts.map((d) => d.code)
  const accs = new Map<string, Acc>(keys.map((k) => [k, newAcc(indicators.length)]))
  // Each entity is tried only against its own kind's indicators, its sets worked out once.
  const ofKind = countersByKind(indicators)
  for (const e of snapshot) {
    const key = unitKey(unit, e)
    if (district && key !== district) continue
    let acc = accs.get(key)
    if (!acc) accs.set(key, (acc = newAcc(indicators.length)))
    const sets = setsOf(e)
    for (const { i, counter } of ofKind.get(e.kind) ?? []) {
      const v = counter.add(e, sets)
      if (v === null) continue
      acc.sum[i] += v
      acc.n[i] += counter.weight(e)!
    }
  }
  const total = newAcc(indicators.length)
  const byUnit: Summary['byUnit'] = {}
  for (const [key, acc] of accs) {
    for (let i = 0; i < indicators.length; i++) {
      total.sum[i] += acc.sum[i]!
      total.n[i] += acc.n[i]!
    }
    byUnit[key] = finish(acc, indicators)
    // The area's entered figures belong to the scope they were entered for.
    derive(byUnit[key], indicators, key === (district ?? unit.code) ? inputs : new Map())
  }
  const values = finish(total, indicators)
  derive(values, indicators, inputs)
  return { asOf, unit: district ?? unit.code, indicators: values, byUnit }
}

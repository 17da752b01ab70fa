/**
 * «Theo địa giới mới» (issue 14, point 5): a «theo đơn vị» table whose rows are today's communes
 * whatever the report's date, so a person can compare years across the reform. Each record's
 * commune is carried forward through the predecessor list (office/map.ts successorsOf): a commune
 * of today's map stays; an old commune taken whole by one new commune goes to it; an old commune
 * split among several has a row of its own naming where it went; a record whose commune is not on
 * the list has the row «Chưa xác định xã». Nothing is guessed.
 */
import type { MapUnit } from '../../../shared/contract/office'
import { LAST_DAY_BEFORE, REFORM_DATE, successorsOf, takenWholeBy, unitByKey } from '../office/map'
import { communesOfArea } from '../office/resolve'
import type { EntityAsOf } from './snapshot'
import type { OfficeUnit } from './summary'

const UNKNOWN = 'chua-ro'
/** The row key of an old commune on today's map: the one new commune that took it whole, else a row of its own. */
const forwardOf = (oldCode: string): string => takenWholeBy(oldCode)?.key ?? `cu:${oldCode}`

/** Where a record is on today's map: its commune's key, its old commune carried forward, or unknown. */
export function newCommuneKey(e: Pick<EntityAsOf, 'communeCode' | 'districtCode'>): string {
  const c = e.communeCode
  if (c) return c.includes('@') ? c : forwardOf(c)
  // A commune office's own record before the commune code existed: the office is the commune.
  if (e.districtCode && unitByKey(e.districtCode)?.level === 'commune' && e.districtCode.includes('@')) return e.districtCode
  return UNKNOWN
}

function splitName(oldCode: string): string {
  const old = unitByKey(oldCode)
  const to = successorsOf(oldCode).map((s) => s.unit.name)
  const name = old ? `${old.name} cũ (${old.district?.name ?? old.province.name})` : `Xã cũ mã ${oldCode}`
  return to.length ? `${name} — chia cho ${to.join(', ')}` : `${name} — không có trong danh sách sắp xếp`
}

/** Today's communes of the office's area, in code order: those that took its old communes, and its communes of today. */
function communesToday(office: MapUnit): MapUnit[] {
  const seen = new Map<string, MapUnit>()
  for (const old of communesOfArea(office, LAST_DAY_BEFORE)) for (const s of successorsOf(old.code)) seen.set(s.unit.key, s.unit)
  // A former district's area is its old communes at any date: only units of today's map are rows.
  for (const u of communesOfArea(office, REFORM_DATE)) if (u.period === 'after') seen.set(u.key, u)
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * The snapshot regrouped by today's communes, with the units the summary breaks down by: every commune of the
 * area (zeros included), then the split old communes and the unknown that hold records, each named.
 */
export function byNewBoundaries(office: MapUnit, unit: OfficeUnit, snapshot: EntityAsOf[]): { unit: OfficeUnit; snapshot: EntityAsOf[] } {
  const mapped = snapshot.map((e) => ({ ...e, districtCode: newCommuneKey(e) }))
  const communes = communesToday(office).map((u) => ({ code: u.key, name: u.name }))
  const known = new Set(communes.map((c) => c.code))
  const apart = [...new Set(mapped.map((e) => e.districtCode).filter((k) => !known.has(k)))].sort()
  const named = apart.map((k) => ({
    code: k,
    name: k === UNKNOWN ? 'Chưa xác định xã' : k.startsWith('cu:') ? splitName(k.slice(3)) : (unitByKey(k)?.name ?? `Mã ${k}`)
  }))
  // The unknown row last: it is the one to fix in the register.
  named.sort((a, b) => Number(a.code === UNKNOWN) - Number(b.code === UNKNOWN))
  return { unit: { ...unit, mode: 'province', districts: [...communes, ...named] }, snapshot: mapped }
}

/**
 * A record's place across the reform. Which offices a province's file takes packages from (issue 14,
 * point 4): a province of the map up to 30/06/2025 takes its districts; a province of today's map takes
 * its communes and, for history, the former districts of every old province merged into it (Tuyên Quang
 * 08 takes the districts of old Hà Giang 02 and of old Tuyên Quang 08). And, for a date, the unit a
 * province counts a record under and the name a document gives its commune (points 2 and 5).
 */
import type { MapUnit } from '../../../shared/contract/office'
import { communesOfProvince, districtsOfProvince, periodOn, takenWholeBy, unitByKey, unitKey } from './map'

/**
 * The offices a province's packages come from: former districts first (code order), then communes.
 * With a date, the offices that report for that date by the map of that date (a reporting round,
 * issue 18 point 3): up to 30/06/2025 the former districts of the area; from 01/07/2025 the communes
 * of today's province (a province file of the old map keeps its districts: it holds history only).
 */
export function sendersOf(provinceKey: string, on?: string): MapUnit[] {
  const p = unitByKey(provinceKey)
  if (!p || p.level !== 'province') return []
  if (p.period === 'before') return districtsOfProvince(p.code)
  const formers = p.from.flatMap((f) => districtsOfProvince(f.code))
  if (on === undefined) return [...formers, ...communesOfProvince(p.code, 'after')]
  return periodOn(on) === 'before' ? formers : communesOfProvince(p.code, 'after')
}

/** The former districts of a province's area (before 01/07/2025). */
export function districtsOfArea(provinceKey: string): MapUnit[] {
  return sendersOf(provinceKey).filter((u) => u.level === 'district')
}

/** Whether a province's file takes a package of the office with this key. */
export function acceptsFrom(provinceKey: string, senderKey: string): boolean {
  const p = unitByKey(provinceKey)
  const s = unitByKey(senderKey)
  if (!p || !s || p.level !== 'province') return false
  if (s.level === 'district') return p.period === 'before' ? s.province.code === p.code : p.from.some((f) => f.code === s.province.code)
  if (s.level === 'commune') return p.period === 'after' && s.period === 'after' && s.province.code === p.code
  return false
}

const formerOf = new Map<string, string | null>()

/**
 * The former district a new commune's record belongs to on a date before 01/07/2025 (issue 14, point 5):
 * the district that handed it over (its handover origin), else the one former district all of the
 * commune's old communes were in; null when they were in several and nothing says which (never guessed).
 */
export function formerDistrictOf(communeKey: string, handedOverFrom: string | null): string | null {
  if (handedOverFrom && unitByKey(handedOverFrom)?.level === 'district') return handedOverFrom
  let key = formerOf.get(communeKey)
  if (key === undefined) {
    const u = unitByKey(communeKey)
    const districts = new Set(
      // An old commune's key is its bare code (unitKey of the map before).
      (u?.level === 'commune' && u.period === 'after' ? u.from : []).map((f) => unitByKey(f.code)?.district?.code ?? null)
    )
    key = districts.size === 1 ? [...districts][0]! : null
    formerOf.set(communeKey, key)
  }
  return key
}

/** The unit a province counts a record under on a date: a new commune's record before the reform, at its former district. */
export function unitOnDate(districtCode: string | null, handedOverFrom: string | null, date: string): string | null {
  if (!districtCode || periodOn(date) === 'after' || !districtCode.includes('@')) return districtCode
  return formerDistrictOf(districtCode, handedOverFrom) ?? districtCode
}

/**
 * A record's commune as a document of a date names it (issue 14, point 2): the re-drawing of 01/07/2025 is a
 * dated change, read through the map of each period. Before the reform, the commune as the register kept it
 * (a commune office's handed-over record keeps its old commune's text); after it, today's commune by its official
 * name, and a former district's old commune with the new commune that took it whole. Unplaced text stays as written.
 */
export function communeNameOn(code: string | null, text: string | null, date: string): string | null {
  const u = code ? unitByKey(code) : null
  if (!u || u.level !== 'commune') return text
  if (periodOn(date) === 'before') return u.period === 'before' ? u.name : (text ?? u.name)
  if (u.period === 'after') return u.name
  const now = takenWholeBy(u.code)
  return now ? `${u.name} (nay thuộc ${now.name})` : `${u.name} (xã cũ)`
}

export { unitKey }

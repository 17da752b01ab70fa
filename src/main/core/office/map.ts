/**
 * Vietnam's administrative map of both periods (resources/admin-units/vn.json, built by
 * scripts/build-admin-units.ts): 63 provinces, 696 districts and 10,047 communes valid
 * until 30/06/2025; 34 provinces and 3,321 communes from 01/07/2025, each new commune
 * with the old communes it was made from. A code names a unit only with its period
 * (some new communes kept an old commune's code), so every answer carries its period.
 * Read once, on first use, and kept in memory (a few MB).
 */
import map from '../../../../resources/admin-units/vn.json'
import type { MapUnit, UnitPeriod } from '../../../shared/contract/office'
import { fold } from '../../../shared/text'

type Before = [string, string, Array<[string, string, Array<[string, string]>]>]
type After = [string, string, string[], Array<[string, string, Array<[string, 'full' | 'partial']>]>]

const BEFORE_UNTIL = map.before.validTo
const AFTER_FROM = map.after.validFrom
/** The first day of the map after the reform (the data's 'after.validFrom'): no district level from then on. */
export const NEW_MAP_FROM: string = AFTER_FROM

let units: Array<MapUnit & { folded: string }> | null = null
let byKey = new Map<string, MapUnit & { folded: string }>()

function all(): Array<MapUnit & { folded: string }> {
  if (units) return units
  const out: Array<MapUnit & { folded: string }> = []
  const period = (p: UnitPeriod) => (p === 'before' ? { validFrom: null, validTo: BEFORE_UNTIL } : { validFrom: AFTER_FROM, validTo: null })
  for (const [pc, pn, districts] of map.before.provinces as Before[]) {
    const province = { code: pc, name: pn }
    out.push({
      code: pc,
      name: pn,
      level: 'province',
      period: 'before',
      key: pc,
      ...period('before'),
      province,
      district: null,
      from: [],
      folded: fold(pn)
    })
    for (const [dc, dn, communes] of districts) {
      const district = { code: dc, name: dn }
      out.push({
        code: dc,
        name: dn,
        level: 'district',
        period: 'before',
        key: dc,
        ...period('before'),
        province,
        district: null,
        from: [],
        folded: fold(dn)
      })
      for (const [cc, cn] of communes)
        out.push({
          code: cc,
          name: cn,
          level: 'commune',
          period: 'before',
          key: cc,
          ...period('before'),
          province,
          district,
          from: [],
          folded: fold(cn)
        })
    }
  }
  // The old units a new one was made from, named from the old map (the five special zones name an old island district).
  const old = new Map(out.filter((u) => u.level !== 'province').map((u) => [u.code, u.name]))
  const oldProvince = new Map(out.filter((u) => u.level === 'province').map((u) => [u.code, u.name]))
  for (const [pc, pn, olds, communes] of map.after.provinces as After[]) {
    const province = { code: pc, name: pn }
    const fromProvinces = olds.map((code) => ({ code, name: oldProvince.get(code) ?? null, part: 'full' as const }))
    out.push({
      code: pc,
      name: pn,
      level: 'province',
      period: 'after',
      key: unitKey({ code: pc, period: 'after' }),
      ...period('after'),
      province,
      district: null,
      from: fromProvinces,
      folded: fold(pn)
    })
    for (const [cc, cn, from] of communes) {
      const made = from.map(([code, part]) => ({ code, name: old.get(code) ?? null, part }))
      out.push({
        code: cc,
        name: cn,
        level: 'commune',
        period: 'after',
        key: unitKey({ code: cc, period: 'after' }),
        ...period('after'),
        province,
        district: null,
        from: made,
        folded: fold(cn)
      })
    }
  }
  byKey = new Map(out.map((u) => [u.key, u]))
  units = out
  return out
}

const strip = ({ folded: _folded, ...u }: MapUnit & { folded: string }): MapUnit => u

/** The period a date falls in: the district level ended on 30/06/2025. */
export function periodOn(date: string): UnitPeriod {
  return date <= BEFORE_UNTIL ? 'before' : 'after'
}

/**
 * Units where every folded word typed starts a word of the name ("dong kinh" finds
 * Phường Đông Kinh; "than uyen" finds Huyện Than Uyên, not every "Huyện"), or whose
 * code it is. Whole-word matches first, then the new map before the old, then by level.
 */
export function findUnits(text: string, limit = 50): MapUnit[] {
  const words = fold(text).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const order = { province: 0, district: 1, commune: 2 } as const
  const scored: Array<{ u: MapUnit & { folded: string }; whole: number }> = []
  for (const u of all()) {
    const tokens = u.folded.split(' ')
    if (u.code === text.trim()) scored.push({ u, whole: words.length + 1 })
    else if (words.every((w) => tokens.some((t) => t.startsWith(w))))
      scored.push({ u, whole: words.filter((w) => tokens.includes(w)).length })
  }
  return scored
    .sort(
      (a, b) =>
        b.whole - a.whole ||
        (a.u.period === b.u.period ? 0 : a.u.period === 'after' ? -1 : 1) ||
        order[a.u.level] - order[b.u.level] ||
        a.u.code.localeCompare(b.u.code)
    )
    .slice(0, limit)
    .map((s) => strip(s.u))
}

/** The units a code names; on a date, only the one of that date's map. */
export function unitsByCode(code: string, on?: string): MapUnit[] {
  const period = on ? periodOn(on) : null
  return all()
    .filter((u) => u.code === code && (period === null || u.period === period))
    .map(strip)
}

/**
 * The key a unit has in an office file (admin_units.code, office.unit_code, entities.district_code,
 * package manifests): the GSO code for a unit of the map up to 30/06/2025 — what every file made
 * before the reform already holds — and the code with the year its map began for a unit of a later
 * map ("05977@2025", "08@2025"), because a code names a unit only with its period.
 */
export function unitKey(u: Pick<MapUnit, 'code' | 'period'>): string {
  return u.period === 'before' ? u.code : `${u.code}@${AFTER_FROM.slice(0, 4)}`
}

/** The unit a key names, or null. */
export function unitByKey(key: string): MapUnit | null {
  all()
  const u = byKey.get(key)
  return u ? strip(u) : null
}

/** Every unit of both maps, with its key and its parent's key: what an office file's admin_units holds. */
export function allUnitRows(): Array<{
  key: string
  code: string
  name: string
  level: MapUnit['level']
  period: UnitPeriod
  parent: string | null
  validFrom: string | null
  validTo: string | null
}> {
  return all().map((u) => ({
    key: unitKey(u),
    code: u.code,
    name: u.name,
    level: u.level,
    period: u.period,
    parent:
      u.level === 'province'
        ? null
        : u.level === 'district'
          ? u.province.code
          : u.period === 'before'
            ? u.district!.code
            : unitKey({ code: u.province.code, period: 'after' }),
    validFrom: u.validFrom,
    validTo: u.validTo
  }))
}

/** The map's version (resources/admin-units/vn.json): a file copies the map again when it changes. */
export const MAP_VERSION: string = map.version

/** The first day of the map after the reform, and the last of the one before. */
export const REFORM_DATE = AFTER_FROM
export const LAST_DAY_BEFORE = BEFORE_UNTIL

/** The new communes that took (all or part of) an old commune, with how much of it. */
export function successorsOf(oldCommuneCode: string): Array<{ unit: MapUnit; part: 'full' | 'partial' }> {
  const out: Array<{ unit: MapUnit; part: 'full' | 'partial' }> = []
  for (const u of all()) {
    if (u.period !== 'after' || u.level !== 'commune') continue
    const f = u.from.find((x) => x.code === oldCommuneCode)
    if (f) out.push({ unit: strip(u), part: f.part })
  }
  return out
}

const wholeBy = new Map<string, MapUnit | null>()
/**
 * The one new commune that took an old commune whole — the only case a record moves forward by the map alone
 * (handover plan, «theo địa giới mới», a list's commune today); null when it was split, or the map names none.
 */
export function takenWholeBy(oldCommuneCode: string): MapUnit | null {
  let u = wholeBy.get(oldCommuneCode)
  if (u === undefined) {
    const to = successorsOf(oldCommuneCode)
    u = to.length === 1 && to[0]!.part === 'full' ? to[0]!.unit : null
    wholeBy.set(oldCommuneCode, u)
  }
  return u
}

/** The old communes of a former district, in code order. */
export function communesOfDistrict(districtCode: string): MapUnit[] {
  return all()
    .filter((u) => u.period === 'before' && u.level === 'commune' && u.district?.code === districtCode)
    .map(strip)
}

/** The communes of a new province, in code order. */
export function communesOfProvince(provinceCode: string, period: UnitPeriod): MapUnit[] {
  return all()
    .filter((u) => u.period === period && u.level === 'commune' && u.province.code === provinceCode)
    .map(strip)
}

/** The districts of an old province, in code order. */
export function districtsOfProvince(oldProvinceCode: string): MapUnit[] {
  return all()
    .filter((u) => u.period === 'before' && u.level === 'district' && u.province.code === oldProvinceCode)
    .map(strip)
}

/**
 * Units whose code is nearest to one that names nothing: same number of digits, by distance, and
 * the units whose name has those digits' neighbours — what a person who mistyped one digit meant.
 */
export function nearestByCode(code: string, limit = 5): MapUnit[] {
  const n = Number(code)
  if (!/^\d+$/.test(code)) return []
  return all()
    .filter((u) => u.code.length === code.length)
    .map((u) => ({ u, d: Math.abs(Number(u.code) - n) }))
    .sort((a, b) => a.d - b.d || (a.u.period === b.u.period ? 0 : a.u.period === 'after' ? -1 : 1))
    .slice(0, limit)
    .map((x) => strip(x.u))
}

/** "Phường Đông Kinh (Tỉnh Lạng Sơn, từ 01/07/2025)": a unit said in one breath, with where and when. */
export function describeUnit(u: MapUnit): string {
  const where = [u.district?.name, u.level === 'province' ? null : u.province.name].filter(Boolean).join(', ')
  const when = u.period === 'before' ? `đến ${dmy(u.validTo!)}` : `từ ${dmy(u.validFrom!)}`
  return `${u.code} — ${u.name} (${where ? `${where}, ` : ''}${when})`
}

function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** The provinces of one map, in code order. */
export function provincesOf(period: UnitPeriod): MapUnit[] {
  return all()
    .filter((u) => u.period === period && u.level === 'province')
    .map(strip)
}

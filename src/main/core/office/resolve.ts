/**
 * From what a person types to a unit of the map, for an office and for a record:
 * - `resolveOfficeUnit`: the unit an office file is set up for (init --unit, the first-run screen) —
 *   a province of either map, a former district (its register, kept up to 30/06/2025, can still be
 *   opened today to be brought in and handed over), or a commune of today's map;
 * - `resolveCommune`: the official commune a text names ("xã Mai Pha", "P. Đông Kinh", an address)
 *   among the communes of an office's area on a date — what import and the registry use.
 * Every refusal says why and what to do, with the units meant.
 */
import type { MapUnit } from '../../../shared/contract/office'
import { AppError } from '../../../shared/errors'
import { fold } from '../../../shared/text'
import {
  communesOfDistrict,
  communesOfProvince,
  describeUnit,
  findUnits,
  LAST_DAY_BEFORE,
  nearestByCode,
  periodOn,
  REFORM_DATE,
  successorsOf,
  unitByKey,
  unitKey,
  unitsByCode
} from './map'

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
const list = (units: MapUnit[]) => units.map(describeUnit).join('; ')

/**
 * The unit an office is set up for. `code` is a GSO code ("178", "20", "05977") or a key ("08@2025");
 * `on` picks the map of that date where a code names a unit in both (a province that kept its code);
 * without it, today's map first. A former district is found whatever the date.
 */
export function resolveOfficeUnit(code: string, on: string | null, today: string): MapUnit {
  const trimmed = code.trim()
  if (trimmed.includes('@')) {
    const u = unitByKey(trimmed)
    if (!u) throw unknownCode(trimmed)
    return officeable(u, on)
  }
  const found = unitsByCode(trimmed)
  if (found.length === 0) throw unknownCode(trimmed)
  const period = periodOn(on ?? today)
  const provinces = found.filter((u) => u.level === 'province')
  if (provinces.length > 0) return provinces.find((u) => u.period === period) ?? provinces[0]!
  const district = found.find((u) => u.level === 'district')
  if (district) return district
  const newCommune = found.find((u) => u.level === 'commune' && u.period === 'after')
  if (newCommune) return officeable(newCommune, on)
  return officeable(found[0]!, on)
}

function officeable(u: MapUnit, on: string | null): MapUnit {
  if (u.level === 'commune' && u.period === 'before') {
    const next = successorsOf(u.code).map((s) => s.unit)
    throw new AppError(
      'VALIDATION',
      `${u.name} (${u.district!.name}, ${u.province.name}) là xã của bản đồ trước 01/07/2025, không phải một cơ quan đăng ký: ` +
        `sổ của xã ấy do ${u.district!.name} giữ (mã ${u.district!.code}); từ 01/07/2025 nó thuộc ${next.map((n) => `${n.name} (mã ${n.code})`).join(', ') || 'một xã mới'}. ` +
        `Hãy chọn huyện cũ để giữ sổ cũ, hoặc xã mới để giữ sổ từ nay.`,
      { field: 'unitCode', code: u.code, suggestions: [u.district!.code, ...next.map((n) => unitKey(n))] }
    )
  }
  if (u.level === 'commune' && on && on <= LAST_DAY_BEFORE) {
    throw new AppError(
      'VALIDATION',
      `${u.name} (${u.province.name}) là xã của bản đồ từ ${dmy(REFORM_DATE)}; ngày ${dmy(on)} nó chưa có. ` +
        `Sổ trước ngày đó do huyện cũ giữ: ${u.from.map((f) => f.name ?? f.code).join(', ')} thuộc các huyện cũ — hãy chọn huyện cũ ấy.`,
      { field: 'unitCode', code: u.code }
    )
  }
  return u
}

function unknownCode(code: string): AppError {
  const near = nearestByCode(code.replace(/@.*/, ''))
  return new AppError(
    'NOT_FOUND',
    `Không có đơn vị hành chính mang mã ${code} ở bản đồ trước hay sau 01/07/2025.` +
      (near.length ? ` Mã gần nhất: ${list(near)}.` : '') +
      ` Tìm theo tên, gõ không dấu: «units find TÊN» hoặc ô tìm ở màn hình đầu.`,
    { field: 'unitCode', code, suggestions: near.map((u) => unitKey(u)) }
  )
}

/** «Xã», «Phường», «Thị trấn», «Đặc khu» and their short forms, folded: what precedes a commune's own name. */
const PREFIX = /^(xa|phuong|thi tran|dac khu|tt|p|x)\.?\s+/
const ownName = (name: string) => fold(name).replace(PREFIX, '').trim()

/**
 * The communes a record of an office may belong to on a date: a former district's old communes;
 * a commune office's own commune (and, before the reform, the old communes it was made of); a
 * province's communes of that date's map (before: those of every old province merged into it).
 */
export function communesOfArea(office: MapUnit, date: string): MapUnit[] {
  const period = periodOn(date)
  if (office.level === 'district') return communesOfDistrict(office.code)
  if (office.level === 'commune') {
    if (period === 'after') return [office]
    return office.from
      .map((f) => unitsByCode(f.code).find((u) => u.period === 'before' && u.level === 'commune'))
      .filter(Boolean) as MapUnit[]
  }
  if (office.period === 'before') return period === 'before' ? communesOfProvince(office.code, 'before') : []
  if (period === 'after') return communesOfProvince(office.code, 'after')
  return office.from.flatMap((p) => communesOfProvince(p.code, 'before'))
}

export type CommuneMatch =
  | { kind: 'found'; unit: MapUnit; key: string }
  | { kind: 'ambiguous'; candidates: MapUnit[] }
  | { kind: 'unknown'; text: string; nearest: MapUnit[] }

/**
 * The official commune a text names among the office's communes on a date: a commune cell ("Mai Pha",
 * "xã Mai Pha", "P. Đông Kinh"), a group row, or an address ("Thôn Nà Làng, xã Mai Pha, thành phố Lạng
 * Sơn"). Typed without diacritics too. Two communes of the area with the same own name (a xã and a
 * phường) are `ambiguous` unless the text says which; nothing matching is `unknown`, with the nearest names —
 * unless `nearest: false`: a caller that only keeps a found key (a write placing 100,000 records) does not
 * pay a search of the whole map for each text that names no commune.
 */
export function resolveCommune(text: string, office: MapUnit, date: string, options: { nearest?: boolean } = {}): CommuneMatch {
  const area = communesOfArea(office, date)
  const folded = fold(text)
    .replace(/[.,;:()/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!folded) return { kind: 'unknown', text, nearest: [] }
  const whole = area.filter((u) => fold(u.name) === folded)
  if (whole.length === 1) return found(whole[0]!)
  const own = area.filter((u) => ownName(u.name) === folded.replace(PREFIX, ''))
  if (own.length === 1) return found(own[0]!)
  if (own.length > 1) return { kind: 'ambiguous', candidates: own }
  // An address: the last part that names a commune of the area, its kind word in front if written.
  // Split before folding: folding takes the commas out.
  const parts = text
    .split(/[,;]/)
    .map((p) =>
      fold(p)
        .replace(/[.()/-]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .filter(Boolean)
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!
    const kinded = area.filter((u) => fold(u.name) === part || fold(u.name).replace(/^thi tran /, 'tt ') === part)
    if (kinded.length === 1) return found(kinded[0]!)
    const bare = area.filter((u) => ownName(u.name) === part.replace(PREFIX, ''))
    if (bare.length === 1 && PREFIX.test(part)) return found(bare[0]!)
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const bare = area.filter((u) => ownName(u.name) === parts[i]!.replace(PREFIX, ''))
    if (bare.length === 1) return found(bare[0]!)
    if (bare.length > 1) return { kind: 'ambiguous', candidates: bare }
  }
  if (options.nearest === false) return { kind: 'unknown', text, nearest: [] }
  const keys = new Set(area.map((u) => unitKey(u)))
  const nearest = findUnits(folded.replace(PREFIX, ''), 200)
    .filter((u) => keys.has(unitKey(u)))
    .slice(0, 5)
  return { kind: 'unknown', text, nearest }
}

function found(unit: MapUnit): CommuneMatch {
  return { kind: 'found', unit, key: unitKey(unit) }
}

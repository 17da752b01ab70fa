/** The office itself: which administrative unit it is, and the map of units. */
import { z } from 'zod'
import { UNIT_LEVELS, type UnitLevel } from '../domain'
import { formatDate } from '../text'
import { empty, handler, isoDate, text } from './common'

export interface AdminUnit {
  /** The unit's key in the file: the GSO code for the map up to 30/06/2025, "05977@2025" for a later map. */
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  validFrom: string | null
  validTo: string | null
  /** The GSO code alone, and which map the unit belongs to (absent on units built before 011). */
  gsoCode?: string
  period?: UnitPeriod | null
}

/** The GSO code a person reads, from a unit's key in the file ("05977@2025" → "05977"). */
export function gsoCode(key: string): string {
  return key.replace(/@\d{4}$/, '')
}

/** What a register of a unit of this level and period is for: the first-run screen says it before setup, office.info after. */
export function officeRoleOf(level: UnitLevel, period: UnitPeriod): string {
  if (level === 'district')
    return (
      'Huyện cũ (cấp huyện chấm dứt hoạt động từ 01/07/2025): sổ này giữ và báo cáo lịch sử đăng ký đến 30/06/2025, ' +
      'nhập các tệp Excel cũ của phòng, và bàn giao từng HTX cho xã mới đã nhận địa bàn xã cũ của nó. ' +
      'HTX đăng ký từ 01/07/2025 thuộc cơ quan đăng ký cấp xã, không ghi vào sổ này.'
    )
  if (level === 'commune')
    return 'Cơ quan đăng ký kinh doanh cấp xã (Nghị định 295/2026/NĐ-CP, Điều 5, 7): đăng ký, theo dõi, giải thể, thu hồi và báo cáo HTX, LHHTX, THT của xã; nhận bàn giao sổ của huyện cũ.'
  return period === 'before'
    ? 'Tỉnh trước 01/07/2025: tổng hợp số liệu các huyện của tỉnh cũ, để giữ và báo cáo lịch sử.'
    : 'Cơ quan đăng ký kinh doanh cấp tỉnh (Sở Tài chính; Nghị định 295/2026/NĐ-CP, Điều 6): tổng hợp gói của các xã, và của các huyện cũ thuộc các tỉnh cũ đã hợp vào tỉnh.'
}

/** A unit's level as an office reads it: a district is a former one (the level ended on 30/06/2025). */
export const LEVEL_WORD = { province: 'cấp tỉnh', district: 'huyện cũ', commune: 'cấp xã' } as const

/** Where and when a unit is, in one line: «Thành phố Lạng Sơn, Tỉnh Lạng Sơn · đến 30/06/2025». */
export function whereWhen(u: MapUnit): string {
  const where = [u.district?.name, u.level === 'province' ? null : u.province.name].filter(Boolean).join(', ')
  const when = u.period === 'before' ? `đến ${formatDate(u.validTo!)}` : `từ ${formatDate(u.validFrom!)}`
  return [where, when].filter(Boolean).join(' · ')
}

/** A unit said whole: «05977 — Phường Đông Kinh (cấp xã; Tỉnh Lạng Sơn · từ 01/07/2025)». */
export function placeLine(u: MapUnit): string {
  return `${u.code} — ${u.name} (${LEVEL_WORD[u.level]}; ${whereWhen(u)})`
}

/** Which map a unit belongs to: until 30/06/2025 (with districts), or from 01/07/2025. */
export type UnitPeriod = 'before' | 'after'

/** A unit of the national map (resources/admin-units/vn.json), with its period and where it sits. */
export interface MapUnit {
  /** The unit's key in an office file (AdminUnit.code): what office.setup and every record take. */
  key: string
  /** The GSO code, meaningful only with the period. */
  code: string
  name: string
  level: UnitLevel
  period: UnitPeriod
  validFrom: string | null
  validTo: string | null
  province: { code: string; name: string }
  /** A commune before the reform: its district. */
  district: { code: string; name: string } | null
  /** A unit after the reform: the old units it was made from (a commune: whole or part of each). */
  from: Array<{ code: string; name: string | null; part: 'full' | 'partial' }>
}

export interface OfficeInfo {
  configured: boolean
  unit: AdminUnit | null
  officeName: string | null
  mode: 'district' | 'province' | null
  /** The unit on the national map: its province, period and what it was made from; null while not set up. */
  place: MapUnit | null
  /** A commune office's own body printed under «UBND XÃ …» (Phòng Kinh tế…); null: the UBND xã itself. */
  bodyName: string | null
  /** What this office's register is for, in one sentence (a former district: history and handover). */
  role: string | null
  schemaVersion: number
  dbPath: string
  user: string
  counts: { entities: number; statusEvents: number; yearlyFigures: number; auditRows: number }
  /**
   * Why this caller may not change the register, said by the core for its session: a file made by a newer
   * version, a province file, a «chỉ xem» profile, no profile chosen; null when it may. The screens show it as is.
   */
  readOnly: string | null
}

export interface OfficeBodies {
  source: string
  /** The names offered, in order; the first fits a xã, the second a phường. */
  names: string[]
}

export const officeLabels: Record<string, string> = {
  unitCode: 'Đơn vị hành chính'
}

export const officeContract = {
  'office.info': handler<OfficeInfo>('read')(empty),
  'office.setup': handler<OfficeInfo>('province-write')(
    z
      .object({
        unitCode: text(12).regex(/^\d{2,5}(@\d{4})?$/, 'Mã đơn vị hành chính chỉ gồm chữ số'),
        /** Where a code names a unit in both maps (a province that kept its code): the map of this date. */
        on: isoDate.optional(),
        /** A commune office: its own body (none: the UBND xã itself). */
        bodyName: z.string().trim().max(120).nullable().optional()
      })
      .strict()
  ),
  /** A commune office's own body on its letterhead: one of the names offered (office.bodies) or none. */
  'office.setBody': handler<OfficeInfo>('admin')(z.object({ bodyName: z.string().trim().max(120).nullable() }).strict()),
  /** The bodies a commune office may name itself (resources/admin-units/office-bodies.json). */
  'office.bodies': handler<OfficeBodies>('read')(empty),
  'units.list': handler<AdminUnit[]>('read')(z.object({ level: z.enum(UNIT_LEVELS).optional(), parentCode: text(10).optional() }).strict()),
  /** The official communes of the office's area for its register's period: what a record's commune is chosen from. */
  'units.communes': handler<MapUnit[]>('read')(empty),
  /** The national map, by name typed without diacritics ("dong kinh") or by code. */
  'units.find': handler<MapUnit[]>('read')(
    z.object({ text: text(100).min(1, 'Gõ tên hoặc mã đơn vị'), limit: z.number().int().min(1).max(200).optional() }).strict()
  ),
  /** The units a GSO code names in each period, or on one date. */
  'units.show': handler<MapUnit[]>('read')(
    z.object({ code: text(10).regex(/^\d{2,5}$/, 'Mã đơn vị hành chính chỉ gồm chữ số'), on: isoDate.optional() }).strict()
  )
}

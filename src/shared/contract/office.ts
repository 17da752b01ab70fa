/** The office itself: which administrative unit it is, and the map of units. */
import { z } from 'zod'
import { UNIT_LEVELS, type UnitLevel } from '../domain'
import { empty, handler, isoDate, text } from './common'

export interface AdminUnit {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  validFrom: string | null
  validTo: string | null
}

/** Which map a unit belongs to: until 30/06/2025 (with districts), or from 01/07/2025. */
export type UnitPeriod = 'before' | 'after'

/** A unit of the national map (resources/admin-units/vn.json), with its period and where it sits. */
export interface MapUnit {
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

export const officeLabels: Record<string, string> = {
  unitCode: 'Đơn vị hành chính'
}

export const officeContract = {
  'office.info': handler<OfficeInfo>('read')(empty),
  'office.setup': handler<OfficeInfo>('province-write')(
    z.object({ unitCode: text(10).regex(/^\d{2,5}$/, 'Mã đơn vị hành chính chỉ gồm chữ số') }).strict()
  ),
  'units.list': handler<AdminUnit[]>('read')(z.object({ level: z.enum(UNIT_LEVELS).optional(), parentCode: text(10).optional() }).strict()),
  /** The national map, by name typed without diacritics ("dong kinh") or by code. */
  'units.find': handler<MapUnit[]>('read')(
    z.object({ text: text(100).min(1, 'Gõ tên hoặc mã đơn vị'), limit: z.number().int().min(1).max(200).optional() }).strict()
  ),
  /** The units a GSO code names in each period, or on one date. */
  'units.show': handler<MapUnit[]>('read')(
    z.object({ code: text(10).regex(/^\d{2,5}$/, 'Mã đơn vị hành chính chỉ gồm chữ số'), on: isoDate.optional() }).strict()
  )
}

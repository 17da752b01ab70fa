/** The office itself: which administrative unit it is, and the map of units. */
import { z } from 'zod'
import { UNIT_LEVELS, type UnitLevel } from '../domain'
import { empty, handler, text } from './common'

export interface AdminUnit {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  validFrom: string | null
  validTo: string | null
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
  'units.list': handler<AdminUnit[]>('read')(
    z.object({ level: z.enum(UNIT_LEVELS).optional(), parentCode: text(10).optional() }).strict()
  )
}

/**
 * Who an office is on paper, on a date: the body its letterheads, report titles and drafts name,
 * and the names of units as the map of that date has them. Pure: the map is data (map.ts).
 */
import { officeRoleOf, type AdminUnit, type MapUnit } from '../../../shared/contract/office'
import { LAST_DAY_BEFORE, provincesOf, unitByKey } from './map'

/** The body an office's documents name on a date: its people's committee above, the office itself below. */
export interface OfficeBody {
  /** «UBND HUYỆN TRÀNG ĐỊNH», «UBND TỈNH LẠNG SƠN»; null when the committee is itself the body. */
  parent: string | null
  /** «PHÒNG TÀI CHÍNH - KẾ HOẠCH», «SỞ TÀI CHÍNH», «PHÒNG KINH TẾ», or «UBND XÃ MAI PHA» with no body of its own. */
  body: string
  /** In running text: «Phòng Tài chính - Kế hoạch Huyện Tràng Định», «Phòng Kinh tế Xã Mai Pha», «Sở Tài chính tỉnh Lạng Sơn». */
  name: string
  /** The unit's name on that date (an old province after 01/07/2025: the new province that took it). */
  unitName: string
  /** The signer's title. */
  signTitle: string
}

const upper = (s: string) => s.toLocaleUpperCase('vi')

/**
 * Who the office is on a date (the document's date): up to 30/06/2025 a district's «UBND HUYỆN … /
 * PHÒNG TÀI CHÍNH - KẾ HOẠCH»; from 01/07/2025 a commune's «UBND XÃ … /» its own body (or none) and a
 * province's «UBND TỈNH … / SỞ TÀI CHÍNH». A former district's register keeps its district's body for
 * every date: it speaks for the register of that office. Names come from the map of that date.
 */
export function officeBody(unit: Pick<AdminUnit, 'code' | 'name' | 'level'>, date: string, bodyName: string | null = null): OfficeBody {
  const unitName = unitNameOn(unit, date)
  if (unit.level === 'province') {
    return {
      parent: `UBND ${upper(unitName)}`,
      body: 'SỞ TÀI CHÍNH',
      name: `Sở Tài chính ${unitName.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`,
      unitName,
      signTitle: 'GIÁM ĐỐC'
    }
  }
  if (unit.level === 'commune') {
    return bodyName
      ? { parent: `UBND ${upper(unitName)}`, body: upper(bodyName), name: `${bodyName} ${unitName}`, unitName, signTitle: 'TRƯỞNG PHÒNG' }
      : { parent: null, body: `UBND ${upper(unitName)}`, name: `UBND ${unitName}`, unitName, signTitle: 'TM. ỦY BAN NHÂN DÂN' }
  }
  return {
    parent: `UBND ${upper(unitName)}`,
    body: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH',
    name: `Phòng Tài chính - Kế hoạch ${unitName}`,
    unitName,
    signTitle: 'TRƯỞNG PHÒNG'
  }
}

/** A unit's name on a date: an old province after the reform is named by the new one that took it. */
export function unitNameOn(unit: Pick<AdminUnit, 'code' | 'name' | 'level'>, date: string): string {
  const u = unitByKey(unit.code)
  if (!u) return unit.name
  if (u.level === 'province' && u.period === 'before' && date > LAST_DAY_BEFORE) {
    return newProvinceOf(u.code)?.name ?? u.name
  }
  return u.name
}

/** The new province an old province went into. */
export function newProvinceOf(oldProvince: string): MapUnit | null {
  return provincesOf('after').find((p) => p.from.some((f) => f.code === oldProvince)) ?? null
}

/** The name printed on documents today: the office of the unit, not the unit itself. */
export function officeName(unit: Pick<AdminUnit, 'code' | 'name' | 'level'>, date = '9999-12-31', bodyName: string | null = null): string {
  return officeBody(unit, date, bodyName).name
}

/** What a register of this unit is for, said once on the first-run screen and in office.info (shared/contract/office.ts). */
export function officeRole(unit: AdminUnit): string {
  return officeRoleOf(unit.level, unit.period ?? 'before')
}

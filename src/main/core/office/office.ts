/**
 * The office this file belongs to, in one place: its administrative unit, whether
 * it is set up, whether it is a province, the name on its letterhead, and today
 * as its clock shows it (Asia/Ho_Chi_Minh). Every domain asks here; the handlers
 * that set the office up live in handlers.ts.
 */
import type { AdminUnit, OfficeInfo } from '../../../shared/api'
import { vnDate } from '../../../shared/clock'
import type { UnitLevel } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { CoreContext, Trx } from '../context'
import { schemaVersion } from '../db/connection'
import type { AdminUnitsTable } from '../db/schema'
import { unitByKey } from './map'
import { officeName, officeRole } from './body'

export { officeBody, officeName, officeRole, unitNameOn, newProvinceOf, type OfficeBody } from './body'

type Db = CoreContext['db'] | Trx

export function toUnit(row: AdminUnitsTable): AdminUnit {
  return {
    code: row.code,
    name: row.name,
    level: row.level as UnitLevel,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    gsoCode: row.gso_code ?? row.code,
    period: (row.period as AdminUnit['period']) ?? null
  }
}

/** The office's unit, or null while the file is not set up. */
export async function currentUnit(db: Db): Promise<AdminUnit | null> {
  const row = await db
    .selectFrom('office')
    .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
    .selectAll('admin_units')
    .executeTakeFirst()
  return row ? toUnit(row) : null
}

/** The office's unit; a file not set up yet is refused in one sentence, saying what for. */
export async function requireUnit(db: Db, purpose = 'nhập sổ'): Promise<AdminUnit> {
  const unit = await currentUnit(db)
  if (!unit) throw new AppError('NOT_CONFIGURED', `Chưa chọn đơn vị hành chính của cơ quan. Hãy thiết lập trước khi ${purpose}.`)
  return unit
}

/** A province's file holds its districts' snapshots: read-only but for its own housekeeping (access.ts). */
export async function isProvince(db: Db): Promise<boolean> {
  return (await currentUnit(db))?.level === 'province'
}

/** The office's own body name (011), null when none or not set up. */
export async function officeBodyName(db: Db): Promise<string | null> {
  const row = await db.selectFrom('office').select('body_name').executeTakeFirst()
  return row?.body_name ?? null
}

/** Today in Vietnam, whatever zone the computer is set to: a case opened at 06:30 there belongs to that day. */
export function today(ctx: Pick<CoreContext, 'now'>): string {
  return vnDate(ctx.now())
}

/** What the file is set up for, with its counts: the first thing every door shows. */
export async function officeInfo(ctx: CoreContext): Promise<OfficeInfo> {
  const office = await ctx.db
    .selectFrom('office')
    .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
    .selectAll('admin_units')
    .executeTakeFirst()
  const count = async (table: 'entities' | 'status_events' | 'yearly_figures' | 'audit_log') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )
  const unit = office ? toUnit(office) : null
  const bodyName = unit ? await officeBodyName(ctx.db) : null
  return {
    configured: unit !== null,
    unit,
    officeName: unit ? officeName(unit, today(ctx), bodyName) : null,
    mode: unit ? (unit.level === 'province' ? 'province' : 'district') : null,
    place: unit ? unitByKey(unit.code) : null,
    bodyName,
    role: unit ? officeRole(unit) : null,
    schemaVersion: await schemaVersion(ctx.db),
    dbPath: ctx.conn.path,
    user: ctx.user,
    readOnly: ctx.conn.readOnly?.message ?? null,
    counts: {
      entities: await count('entities'),
      statusEvents: await count('status_events'),
      yearlyFigures: await count('yearly_figures'),
      auditRows: await count('audit_log')
    }
  }
}

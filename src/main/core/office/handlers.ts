import type { AdminUnit, OfficeInfo } from '../../../shared/api'
import type { UnitLevel } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers } from '../context'
import { schemaVersion } from '../db/connection'
import { createSigningKeyAtSetup } from '../exchange/package/keys'
import type { AdminUnitsTable } from '../db/schema'

export function toUnit(row: AdminUnitsTable): AdminUnit {
  return {
    code: row.code,
    name: row.name,
    level: row.level as UnitLevel,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to
  }
}

/** The name printed on documents: the office of the unit, not the unit itself. */
export function officeName(unit: AdminUnit): string {
  return unit.level === 'province' ? `Sở Tài chính ${unit.name.replace(/^Tỉnh/, 'tỉnh')}` : `Phòng Tài chính - Kế hoạch ${unit.name}`
}

export async function officeInfo(ctx: CoreContext): Promise<OfficeInfo> {
  const office = await ctx.db
    .selectFrom('office')
    .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
    .selectAll('admin_units')
    .executeTakeFirst()
  const count = async (table: 'entities' | 'status_events' | 'yearly_figures' | 'audit_log') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const unit = office ? toUnit(office) : null
  return {
    configured: unit !== null,
    unit,
    officeName: unit ? officeName(unit) : null,
    mode: unit ? (unit.level === 'province' ? 'province' : 'district') : null,
    schemaVersion: await schemaVersion(ctx.db),
    dbPath: ctx.conn.path,
    user: ctx.user,
    counts: {
      entities: await count('entities'),
      statusEvents: await count('status_events'),
      yearlyFigures: await count('yearly_figures'),
      auditRows: await count('audit_log')
    }
  }
}

export const officeHandlers: DomainHandlers<'office.info' | 'office.setup' | 'units.list'> = {
  'office.info': async (_input, ctx) => officeInfo(ctx),

  'office.setup': async (input, ctx) => {
    const unit = await ctx.db.selectFrom('admin_units').selectAll().where('code', '=', input.unitCode).executeTakeFirst()
    if (!unit || unit.level === 'commune') {
      throw new AppError(
        'VALIDATION',
        `Mã đơn vị ${input.unitCode} không phải là một tỉnh hay huyện trong danh mục đơn vị hành chính.`,
        { field: 'unitCode' }
      )
    }
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('office').selectAll().executeTakeFirst()
      if (existing) {
        throw new AppError('ALREADY_EXISTS', `Tệp dữ liệu này đã được thiết lập cho đơn vị ${existing.unit_code}.`)
      }
      const row = { id: 1, unit_code: unit.code, created_at: ctx.now() }
      await trx.insertInto('office').values(row).execute()
      await writeAudit(trx, ctx, { action: 'setup', table: 'office', rowId: 1, after: row })
    })
    createSigningKeyAtSetup(ctx.conn.path)
    return officeInfo(ctx)
  },

  'units.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('admin_units').selectAll().orderBy('code')
    if (input.level) query = query.where('level', '=', input.level)
    if (input.parentCode) query = query.where('parent_code', '=', input.parentCode)
    return (await query.execute()).map(toUnit)
  }
}

/** The office's handlers: what the file is set up for, setting it up, the list of units. */
import { findUnits, unitsByCode } from './map'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { createSigningKeyAtSetup } from '../handoff/keys'
import { toUnit } from './office'
import { officeView } from './view'

export const officeHandlers: DomainHandlers<'office.info' | 'office.setup' | 'units.list' | 'units.find' | 'units.show'> = {
  'units.find': async (input) => findUnits(input.text, input.limit),
  'units.show': async (input) => unitsByCode(input.code, input.on),

  'office.info': async (_input, ctx) => officeView(ctx),

  'office.setup': async (input, ctx) => {
    const unit = await ctx.db.selectFrom('admin_units').selectAll().where('code', '=', input.unitCode).executeTakeFirst()
    if (!unit || unit.level === 'commune') {
      throw new AppError('VALIDATION', `Mã đơn vị ${input.unitCode} không phải là một tỉnh hay huyện trong danh mục đơn vị hành chính.`, {
        field: 'unitCode'
      })
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
    return officeView(ctx)
  },

  'units.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('admin_units').selectAll().orderBy('code')
    if (input.level) query = query.where('level', '=', input.level)
    if (input.parentCode) query = query.where('parent_code', '=', input.parentCode)
    return (await query.execute()).map(toUnit)
  }
}

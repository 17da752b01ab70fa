/** The office's handlers: what the file is set up for, setting it up, the list of units. */
import bodies from '../../../../resources/admin-units/office-bodies.json'
import { findUnits, unitKey, unitsByCode } from './map'
import { resolveOfficeUnit } from './resolve'
import { registerArea } from './communes'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { createSigningKeyAtSetup } from '../handoff/keys'
import { today, toUnit } from './office'
import { officeView } from './view'

export const officeHandlers: DomainHandlers<
  'office.info' | 'office.setup' | 'office.setBody' | 'office.bodies' | 'units.list' | 'units.find' | 'units.show' | 'units.communes'
> = {
  'units.find': async (input) => findUnits(input.text, input.limit),
  'units.communes': async (_input, ctx) => {
    const row = await ctx.db.selectFrom('office').select('unit_code').executeTakeFirst()
    return registerArea(row?.unit_code, today(ctx))?.communes ?? []
  },
  'units.show': async (input) => unitsByCode(input.code, input.on),

  'office.info': async (_input, ctx) => officeView(ctx),

  'office.bodies': async () => ({ source: bodies.source, names: bodies.names }),

  'office.setup': async (input, ctx) => {
    const place = resolveOfficeUnit(input.unitCode, input.on ?? null, today(ctx))
    const key = unitKey(place)
    // A commune office names its own body; by default the first offered for a xã, the second for a phường or đặc khu.
    const bodyName =
      place.level !== 'commune'
        ? null
        : input.bodyName !== undefined
          ? input.bodyName || null
          : /^Xã /.test(place.name)
            ? bodies.names[0]!
            : bodies.names[1]!
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('office').selectAll().executeTakeFirst()
      if (existing) {
        throw new AppError('ALREADY_EXISTS', `Tệp dữ liệu này đã được thiết lập cho đơn vị ${existing.unit_code}.`)
      }
      const row = { id: 1, unit_code: key, created_at: ctx.now(), body_name: bodyName }
      await trx.insertInto('office').values(row).execute()
      await writeAudit(trx, ctx, { action: 'setup', table: 'office', rowId: 1, after: row })
    })
    createSigningKeyAtSetup(ctx.conn.path)
    return officeView(ctx)
  },

  'office.setBody': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const office = await trx
        .selectFrom('office')
        .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
        .select(['office.body_name', 'admin_units.level', 'admin_units.name'])
        .executeTakeFirst()
      if (!office) throw new AppError('NOT_CONFIGURED', 'Chưa chọn đơn vị hành chính của cơ quan.')
      if (office.level !== 'commune')
        throw new AppError(
          'VALIDATION',
          `Tên cơ quan của ${office.name} do đơn vị quyết định (Phòng Tài chính - Kế hoạch, Sở Tài chính): chỉ cơ quan cấp xã tự chọn tên.`,
          {
            field: 'bodyName'
          }
        )
      const bodyName = input.bodyName || null
      await trx.updateTable('office').set({ body_name: bodyName }).where('id', '=', 1).execute()
      await writeAudit(trx, ctx, {
        action: 'update',
        table: 'office',
        rowId: 1,
        before: { body_name: office.body_name },
        after: { body_name: bodyName }
      })
    })
    return officeView(ctx)
  },

  'units.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('admin_units').selectAll().orderBy('code')
    if (input.level) query = query.where('level', '=', input.level)
    if (input.parentCode) query = query.where('parent_code', '=', input.parentCode)
    return (await query.execute()).map(toUnit)
  }
}

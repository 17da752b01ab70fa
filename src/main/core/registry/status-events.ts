/**
 * Status history and management labels: a record's dated status events and labels, written one at a time with
 * their audit rows (status.add, label.add) and read back (status.list, label.list, status.asOf). addStatusIn is
 * the rule status.add shares with the reconciliation's adoption.
 */
import { sql, type Selectable } from 'kysely'
import type { LabelEvent, StatusEvent } from '../../../shared/api'
import type { Conversion, ManagementLabel, Status } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, Trx } from '../context'
import type { EntityLabelsTable, StatusEventsTable } from '../db/schema'
import { today } from '../office/office'
import { assertDateOpen } from '../period/period'
import { addMonths } from '../calendar'
import { assertConversion } from './conversion'
import { statusesSql } from './status-at'
import { entityOrFail } from './entities'

export type StatusEventHandlerName = 'status.add' | 'status.list' | 'status.asOf' | 'label.add' | 'label.list'

function toEvent(row: Selectable<StatusEventsTable>): StatusEvent {
  return {
    id: row.id,
    entityId: row.entity_id,
    status: row.status as Status,
    effectiveDate: row.effective_date,
    sinceRegistration: row.effective_date === null,
    decisionNo: row.decision_no,
    note: row.note,
    createdAt: row.created_at,
    untilDate: row.until_date ?? null,
    conversion: (row.conversion ?? null) as Conversion | null
  }
}

function toLabelEvent(row: Selectable<EntityLabelsTable>): LabelEvent {
  return {
    id: row.id,
    entityId: row.entity_id,
    label: row.label as ManagementLabel | null,
    effectiveDate: row.effective_date,
    note: row.note,
    createdAt: row.created_at
  }
}

/** One dated status event, inside the caller's transaction: the rule status.add and the reconciliation's adoption share. */
export async function addStatusIn(
  trx: Trx,
  ctx: CoreContext,
  input: {
    entityId: number
    status: Status
    effectiveDate?: string | null
    decisionNo?: string | null
    note?: string | null
    untilDate?: string | null
    conversion?: Conversion | null
  }
): Promise<StatusEvent> {
  const entity = await entityOrFail(trx, input.entityId)
  await assertDateOpen(trx, input.effectiveDate, `Tình trạng của «${entity.name}»`)
  if (input.effectiveDate && entity.registrationDate && input.effectiveDate < entity.registrationDate) {
    throw new AppError('VALIDATION', `Ngày hiệu lực trước ngày đăng ký của «${entity.name}».`, { field: 'effectiveDate' })
  }
  if (input.conversion) assertConversion(entity, { ...input, conversion: input.conversion })
  if (input.untilDate) {
    // NĐ 295/2026 Điều 48 khoản 1: a notified suspension runs to a date, at most 12 months a notice.
    if (input.status !== 'suspended')
      throw new AppError('VALIDATION', '«Tạm ngừng đến ngày» chỉ ghi cho tình trạng Tạm ngừng kinh doanh.', { field: 'untilDate' })
    if (!input.effectiveDate || input.untilDate < input.effectiveDate)
      throw new AppError('VALIDATION', '«Tạm ngừng đến ngày» phải sau ngày bắt đầu tạm ngừng.', { field: 'untilDate' })
    if (input.untilDate > addMonths(input.effectiveDate, 12))
      throw new AppError('VALIDATION', 'Mỗi lần thông báo tạm ngừng kinh doanh không quá 12 tháng (NĐ 295/2026/NĐ-CP Điều 48 khoản 1).', {
        field: 'untilDate'
      })
  }
  const row = {
    entity_id: input.entityId,
    status: input.status,
    effective_date: input.effectiveDate ?? null,
    decision_no: input.decisionNo?.trim() || null,
    note: input.note?.trim() || null,
    created_at: ctx.now(),
    until_date: input.untilDate ?? null,
    conversion: input.conversion ?? null
  }
  const { id } = await trx.insertInto('status_events').values(row).returning('id').executeTakeFirstOrThrow()
  await trx
    .updateTable('entities')
    .set({ row_version: entity.rowVersion + 1, updated_at: ctx.now() })
    .where('id', '=', entity.id)
    .execute()
  await writeAudit(trx, ctx, { action: 'status_add', table: 'status_events', rowId: id, after: row })
  return toEvent({ id, ...row, import_batch_id: null })
}

export const statusEventHandlers: DomainHandlers<StatusEventHandlerName> = {
  'status.add': async (input, ctx) => ctx.db.transaction().execute((trx) => addStatusIn(trx, ctx, input)),

  'status.list': async (input, ctx) => {
    await entityOrFail(ctx.db, input.entityId)
    const rows = await ctx.db
      .selectFrom('status_events')
      .selectAll()
      .where('entity_id', '=', input.entityId)
      .orderBy(sql`effective_date is not null`)
      .orderBy('effective_date')
      .orderBy('id')
      .execute()
    return rows.map(toEvent)
  },

  'label.add': async (input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.entityId)
      await assertDateOpen(trx, input.effectiveDate, `Nhãn quản lý của «${entity.name}»`)
      if (input.effectiveDate && entity.registrationDate && input.effectiveDate < entity.registrationDate) {
        throw new AppError('VALIDATION', `Ngày của nhãn trước ngày đăng ký của «${entity.name}».`, { field: 'effectiveDate' })
      }
      if (input.effectiveDate && input.effectiveDate > today(ctx)) {
        throw new AppError('VALIDATION', 'Ngày của nhãn quản lý không được sau hôm nay.', { field: 'effectiveDate' })
      }
      const row = {
        entity_id: input.entityId,
        label: input.label,
        effective_date: input.effectiveDate ?? null,
        note: input.note?.trim() || null,
        created_at: ctx.now()
      }
      const { id } = await trx.insertInto('entity_labels').values(row).returning('id').executeTakeFirstOrThrow()
      await trx
        .updateTable('entities')
        .set({ row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', entity.id)
        .execute()
      await writeAudit(trx, ctx, { action: 'label_add', table: 'entity_labels', rowId: id, after: row })
      return toLabelEvent({ id, ...row })
    })
  },

  'label.list': async (input, ctx) => {
    await entityOrFail(ctx.db, input.entityId)
    const rows = await ctx.db
      .selectFrom('entity_labels')
      .selectAll()
      .where('entity_id', '=', input.entityId)
      .orderBy(sql`effective_date is not null`)
      .orderBy('effective_date')
      .orderBy('id')
      .execute()
    return rows.map(toLabelEvent)
  },

  /** The status each entity held on a date (status-at.ts): one grouped pass, undated events holding since registration. */
  'status.asOf': async (input, ctx) => {
    const query = statusesSql({ asOf: true, where: input.entityId ? 's.entity_id = ?' : undefined })
    const params = input.entityId ? [input.date, input.entityId] : [input.date]
    const rows = ctx.conn.sqlite.prepare(`select entity_id as entityId, status from (${query}) order by entity_id`).all(...params)
    return rows as Array<{ entityId: number; status: Status }>
  }
}

/**
 * entity.undo: taking back this profile's latest audited change to the register — one audit row, or a whole
 * paste as one step — and auditing the undo itself.
 */
import { sql, type Selectable } from 'kysely'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, Trx } from '../context'
import type { AuditLogTable } from '../db/schema'
import { assertDateOpen, assertYearOpen } from '../period/period'
import { YEARLY_COLUMNS } from './figures'
import { derivedKeys, entityOrFail, toColumns } from './entities'

export type UndoHandlerName = 'entity.undo'

/** The audit actions entity.undo takes back one row at a time. */
const UNDOABLE = ['update', 'soft_delete', 'restore', 'status_add', 'label_add', 'figures_create', 'figures_update']

type AuditRow = Selectable<AuditLogTable>

/** The id of the audit row this transaction wrote last. */
export async function lastAuditId(trx: Trx): Promise<number> {
  const row = await trx.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  return row.id
}

/** The names of records, in the order asked, for messages a person reads («Đã hoàn tác: Sửa «HTX An Bình»»). */
async function namesOf(trx: Trx, ids: number[]): Promise<string[]> {
  if (!ids.length) return []
  const rows = await trx.selectFrom('entities').select(['id', 'name']).where('id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r.name]))
  return ids.map((id) => byId.get(id)).filter((n): n is string => !!n)
}

/** Puts back what one audit row changed and audits that; returns the record the screen should refresh. */
async function undoAuditRow(trx: Trx, ctx: CoreContext, last: AuditRow): Promise<number | null> {
  const before = last.before_json ? JSON.parse(last.before_json) : {}
  const rowId = last.row_id!
  // Taking back a dated event or a closed year's figures is a change to closed data too.
  if (last.action === 'status_add') {
    const event = await trx.selectFrom('status_events').select('effective_date').where('id', '=', rowId).executeTakeFirst()
    await assertDateOpen(trx, event?.effective_date, 'Hoàn tác sự kiện tình trạng')
  } else if (last.action === 'figures_create' || last.action === 'figures_update') {
    const figures = await trx.selectFrom('yearly_figures').select('year').where('id', '=', rowId).executeTakeFirst()
    if (figures) await assertYearOpen(trx, figures.year, 'Hoàn tác số liệu')
  }
  if (last.action === 'status_add') {
    await trx.deleteFrom('status_events').where('id', '=', rowId).execute()
  } else if (last.action === 'label_add') {
    const label = await trx.selectFrom('entity_labels').select('effective_date').where('id', '=', rowId).executeTakeFirst()
    await assertDateOpen(trx, label?.effective_date, 'Hoàn tác nhãn quản lý')
    await trx.deleteFrom('entity_labels').where('id', '=', rowId).execute()
  } else if (last.action === 'figures_create') {
    await trx.deleteFrom('yearly_figures').where('id', '=', rowId).execute()
  } else if (last.action === 'figures_update') {
    const set: Record<string, unknown> = { updated_at: ctx.now() }
    for (const [field, column] of Object.entries(YEARLY_COLUMNS)) set[column] = before[field] ?? null
    await trx.updateTable('yearly_figures').set(set).where('id', '=', rowId).execute()
  } else {
    const entity = await entityOrFail(trx, rowId)
    const set: Record<string, unknown> =
      last.action === 'soft_delete'
        ? { deleted_at: null, deleted_reason: null }
        : last.action === 'restore'
          ? { deleted_at: before.deletedAt, deleted_reason: before.reason ?? null }
          : toColumns(before)
    const merged = {
      name: entity.name,
      reg_no: entity.regNo,
      representative: entity.representative,
      address: entity.address,
      commune: entity.commune
    }
    for (const k of Object.keys(merged) as Array<keyof typeof merged>) if (k in set) merged[k] = set[k] as string
    await trx
      .updateTable('entities')
      .set({ ...set, ...derivedKeys(merged), row_version: entity.rowVersion + 1, updated_at: ctx.now() })
      .where('id', '=', rowId)
      .execute()
  }
  await writeAudit(trx, ctx, {
    action: 'undo',
    table: last.table_name,
    rowId,
    before: last.after_json ? JSON.parse(last.after_json) : null,
    after: { auditId: last.id, restored: before }
  })
  // A status event or a year's figures name their entity in the audit row.
  const after = last.after_json ? JSON.parse(last.after_json) : {}
  return last.table_name === 'entities' ? rowId : ((after.entity_id ?? after.entityId ?? null) as number | null)
}

export const undoHandlers: DomainHandlers<UndoHandlerName> = {
  /**
   * Undoes this profile's latest step not yet undone, by its audit rows; the undo is itself audited.
   * A paste is one step: its «paste» row names the per-record rows it wrote, and all of them go back together.
   */
  'entity.undo': async (_input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const notUndone = trx
        .selectFrom('audit_log')
        .select(sql<number>`json_extract(after_json, '$.auditId')`.as('undone'))
        .where('action', '=', 'undo')
        .where(sql<boolean>`json_extract(after_json, '$.auditId') is not null`)
      const last = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('user', '=', ctx.user)
        .where('action', 'in', [...UNDOABLE, 'paste'])
        // The register's own rows only: a dissolution step's 'update' is not an edit of a record.
        .where('table_name', 'in', ['entities', 'status_events', 'entity_labels', 'yearly_figures'])
        .where('id', 'not in', notUndone)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!last || (last.row_id === null && last.action !== 'paste'))
        throw new AppError('NOT_FOUND', 'Không còn thay đổi nào của bạn để hoàn tác.')
      if (last.action !== 'paste') {
        const entityId = await undoAuditRow(trx, ctx, last)
        const names = entityId ? await namesOf(trx, [entityId]) : []
        return {
          undone: last.id,
          action: last.action,
          table: last.table_name,
          rowId: last.row_id,
          entityId,
          entityIds: entityId ? [entityId] : [],
          names
        }
      }
      const step = JSON.parse(last.after_json ?? '{}') as { auditIds?: number[] }
      const rows = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('id', 'in', step.auditIds?.length ? step.auditIds : [-1])
        .where('id', 'not in', notUndone)
        .orderBy('id', 'desc')
        .execute()
      const entityIds: number[] = []
      for (const row of rows) {
        const id = await undoAuditRow(trx, ctx, row)
        if (id !== null) entityIds.push(id)
      }
      await writeAudit(trx, ctx, {
        action: 'undo',
        table: 'entities',
        rowId: null,
        before: null,
        after: { auditId: last.id, rows: rows.length }
      })
      const ids = [...new Set(entityIds)].reverse()
      return {
        undone: last.id,
        action: 'paste',
        table: 'entities',
        rowId: null,
        entityId: ids[0] ?? null,
        entityIds: ids,
        names: await namesOf(trx, ids)
      }
    })
  }
}

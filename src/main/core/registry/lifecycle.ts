/**
 * The register's record lifecycle: bulk create and soft/hard delete and restore are here; this file assembles
 * lifecycleHandlers from them and the parts beside it — status-events.ts (status history and management labels),
 * figures.ts (yearly figures), undo.ts (entity.undo) and paste.ts (entity.paste).
 */
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { requireUnit } from '../office/office'
import { bulkCreateEntities } from './bulk'
import { guardDuplicate } from './duplicates'
import { mayHardDelete } from './hard-delete'
import { entityOrFail } from './entities'
import { figuresHandlers, type FiguresHandlerName } from './figures'
import { pasteHandlers, type PasteHandlerName } from './paste'
import { statusEventHandlers, type StatusEventHandlerName } from './status-events'
import { undoHandlers, type UndoHandlerName } from './undo'

export { YEARLY_COLUMNS } from './figures'
export { addStatusIn } from './status-events'

type Names =
  | 'entity.bulkCreate'
  | 'entity.delete'
  | 'entity.restore'
  | UndoHandlerName
  | PasteHandlerName
  | StatusEventHandlerName
  | FiguresHandlerName

export const lifecycleHandlers: DomainHandlers<Names> = {
  'entity.bulkCreate': async (input, ctx) => {
    await requireUnit(ctx.db)
    return bulkCreateEntities(ctx, input.rows)
  },

  'entity.delete': async (input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.id)
      if (input.hard) {
        if (!mayHardDelete(entity.createdAt, ctx.now())) {
          throw new AppError(
            'FORBIDDEN',
            `Chỉ được xóa hẳn bản ghi tạo nhầm trong 24 giờ qua; «${entity.name}» đã có từ lâu hơn. Hãy dùng xóa thường (có thể khôi phục).`,
            { id: input.id }
          )
        }
        await trx.deleteFrom('status_events').where('entity_id', '=', input.id).execute()
        await trx.deleteFrom('yearly_figures').where('entity_id', '=', input.id).execute()
        await trx.deleteFrom('entities').where('id', '=', input.id).execute()
        await writeAudit(trx, ctx, {
          action: 'hard_delete',
          table: 'entities',
          rowId: input.id,
          before: entity,
          after: { reason: input.reason }
        })
        return { id: input.id, hard: true }
      }
      if (entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» đã bị xóa rồi.`, { id: input.id })
      await trx
        .updateTable('entities')
        .set({ deleted_at: ctx.now(), deleted_reason: input.reason, row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', input.id)
        .execute()
      await writeAudit(trx, ctx, {
        action: 'soft_delete',
        table: 'entities',
        rowId: input.id,
        before: { deletedAt: null },
        after: { reason: input.reason }
      })
      return { id: input.id, hard: false }
    })
  },

  'entity.restore': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.id)
      if (!entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» chưa bị xóa.`, { id: input.id })
      // Its number may have gone to another record meanwhile: said before the file refuses it.
      await guardDuplicate(trx, { kind: entity.kind, regNo: entity.regNo, name: entity.name, commune: entity.commune }, true, entity.id)
      await trx
        .updateTable('entities')
        .set({ deleted_at: null, deleted_reason: null, row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', input.id)
        .execute()
      await writeAudit(trx, ctx, {
        action: 'restore',
        table: 'entities',
        rowId: input.id,
        before: { deletedAt: entity.deletedAt, reason: entity.deletedReason },
        after: { deletedAt: null }
      })
    })
    return entityOrFail(ctx.db, input.id)
  },

  ...undoHandlers,
  ...pasteHandlers,
  ...statusEventHandlers,
  ...figuresHandlers
}

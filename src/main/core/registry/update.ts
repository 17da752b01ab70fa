/**
 * One record's fields changed: the rule every door's edit and the reconciliation's
 * adoption share, inside the caller's transaction (its audit row in the same one).
 */
import { assertDistrictRegisters } from '../office/registrar'
import { currentUnit } from '../office/office'
import { communePlacer } from '../office/communes'
import type { Entity, EntityFields } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, Trx } from '../context'
import { assertEditableAfterDissolution } from '../dissolution/guard'
import { guardDuplicate } from './duplicates'
import { derivedKeys, findEntity, toColumns } from './entities'

export interface EntityUpdate {
  id: number
  /** The version the person saw: a record changed since is refused, never overwritten. */
  rowVersion: number
  changes: Partial<EntityFields>
  confirmDuplicate?: boolean
}

export async function updateEntityIn(trx: Trx, ctx: CoreContext, input: EntityUpdate): Promise<void> {
  const changes = toColumns(input.changes)
  const before = await findEntity(trx, input.id)
  if (!before) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${input.id} trong sổ.`, { id: input.id })
  if (before.rowVersion !== input.rowVersion) {
    throw new AppError(
      'STALE',
      `«${before.name}» vừa được sửa ở nơi khác (phiên bản ${before.rowVersion}, bạn đang sửa phiên bản ${input.rowVersion}). Hãy tải lại rồi sửa lại.`,
      { id: input.id, currentVersion: before.rowVersion }
    )
  }
  if (before.deletedAt) {
    throw new AppError('FORBIDDEN', `«${before.name}» đã bị xóa; hãy khôi phục trước khi sửa.`, { id: input.id })
  }
  await assertEditableAfterDissolution(trx, input.id, Object.keys(input.changes))
  if ('registration_date' in changes) assertDistrictRegisters((await currentUnit(trx))?.level, changes.registration_date)
  if ('commune' in changes || 'commune_code' in changes) communePlacer(ctx)(changes)
  const merged = {
    name: changes.name ?? before.name,
    reg_no: 'reg_no' in changes ? (changes.reg_no ?? null) : before.regNo,
    representative: 'representative' in changes ? (changes.representative ?? null) : before.representative,
    address: 'address' in changes ? (changes.address ?? null) : before.address,
    commune: 'commune' in changes ? (changes.commune ?? null) : before.commune
  }
  if ('reg_no' in changes || 'name' in changes || 'commune' in changes || 'kind' in changes) {
    await guardDuplicate(
      trx,
      { kind: changes.kind ?? before.kind, regNo: merged.reg_no, name: merged.name, commune: merged.commune },
      input.confirmDuplicate,
      input.id
    )
  }
  const result = await trx
    .updateTable('entities')
    .set({ ...changes, ...derivedKeys(merged), row_version: before.rowVersion + 1, updated_at: ctx.now() })
    .where('id', '=', input.id)
    .where('row_version', '=', input.rowVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('STALE', `«${before.name}» vừa được sửa ở nơi khác. Hãy tải lại rồi sửa lại.`, { id: input.id })
  }
  const changed = Object.keys(input.changes) as Array<keyof typeof input.changes>
  const pick = (e: Entity) => Object.fromEntries(changed.map((k) => [k, e[k as keyof Entity] ?? null]))
  const after = await findEntity(trx, input.id)
  await writeAudit(trx, ctx, { action: 'update', table: 'entities', rowId: input.id, before: pick(before), after: pick(after!) })
}

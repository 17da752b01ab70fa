/**
 * Adopting the national value: the list is compared again (never the values a window
 * sent), then every change picked is written in one transaction — fields through the
 * register's own edit rule, a status as a dated event of today with the list named in
 * its note — each with its audit row. A value the register changed since the comparison
 * refuses the whole adoption.
 */
import { entityFields, RECONCILE_FIELD_LABELS, type ReconcileDifference, type ReconcileResult } from '../../../shared/api'
import { STATUS_LABELS, type Status } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { CoreContext } from '../context'
import { today } from '../office/office'
import { findEntity } from '../registry/entities'
import { addStatusIn } from '../registry/lifecycle'
import { statusOf } from '../registry/status-at'
import { updateEntityIn } from '../registry/update'
import { compareWithNational, type CompareInput } from './compare'

export interface AdoptInput extends CompareInput {
  picks?: Array<{ entityId: number; field: ReconcileDifference['field'] }>
  all?: boolean
}

export async function adoptNational(input: AdoptInput, ctx: CoreContext): Promise<{ adopted: number; result: ReconcileResult }> {
  const compared = await compareWithNational(input, ctx)
  const byKey = new Map(compared.differences.map((d) => [`${d.entityId}:${d.field}`, d]))
  const chosen: ReconcileDifference[] = []
  if (input.all) chosen.push(...compared.differences)
  else {
    for (const p of input.picks ?? []) {
      const d = byKey.get(`${p.entityId}:${p.field}`)
      if (!d) {
        throw new AppError(
          'STALE',
          `Bản ghi số ${p.entityId}: «${RECONCILE_FIELD_LABELS[p.field]}» không còn khác với danh sách «${compared.file}». Hãy đối chiếu lại rồi chọn.`,
          { entityId: p.entityId, field: p.field }
        )
      }
      if (!chosen.includes(d)) chosen.push(d)
    }
  }
  if (chosen.length === 0) return { adopted: 0, result: compared }

  const byEntity = new Map<number, ReconcileDifference[]>()
  for (const d of chosen) byEntity.set(d.entityId, [...(byEntity.get(d.entityId) ?? []), d])
  const on = today(ctx)

  await ctx.db.transaction().execute(async (trx) => {
    for (const [entityId, diffs] of byEntity) {
      const entity = await findEntity(trx, entityId)
      if (!entity || entity.deletedAt) {
        throw new AppError('STALE', `Bản ghi số ${entityId} không còn trong sổ. Hãy đối chiếu lại.`, { entityId })
      }
      const current = await trx
        .selectFrom('entities as e')
        .select(statusOf('e').as('status'))
        .where('e.id', '=', entityId)
        .executeTakeFirst()
      const changes: Record<string, string> = {}
      let status: ReconcileDifference | null = null
      for (const d of diffs) {
        const now = d.field === 'status' ? (current?.status ?? null) : (entity[d.field] ?? null)
        if (now !== d.ours) {
          throw new AppError(
            'STALE',
            `«${entity.name}»: «${RECONCILE_FIELD_LABELS[d.field]}» vừa được sửa trong sổ sau khi đối chiếu. Hãy đối chiếu lại.`,
            { entityId, field: d.field }
          )
        }
        if (d.field === 'status') status = d
        else changes[d.field] = d.national
      }
      if (Object.keys(changes).length) {
        const checked = entityFields.partial().strict().safeParse(changes)
        if (!checked.success) {
          const issue = checked.error.issues[0]!
          const field = String(issue.path[0]) as Exclude<ReconcileDifference['field'], 'status'>
          throw new AppError(
            'VALIDATION',
            `«${entity.name}» (${compared.file} › ${diffs[0]!.place.sheet} › dòng ${diffs[0]!.place.row}): «${RECONCILE_FIELD_LABELS[field]}» của danh sách không nhận được — ${issue.message}.`,
            { entityId, field }
          )
        }
        await updateEntityIn(trx, ctx, { id: entityId, rowVersion: entity.rowVersion, changes: checked.data })
      }
      if (status) {
        await addStatusIn(trx, ctx, {
          entityId,
          status: status.national as Status,
          effectiveDate: on,
          note: `Theo CSDL quốc gia: «${STATUS_LABELS[status.national as Status]}» (tệp ${compared.file}, trang ${status.place.sheet}, dòng ${status.place.row}).`
        })
      }
    }
  })
  return { adopted: chosen.length, result: await compareWithNational(input, ctx) }
}

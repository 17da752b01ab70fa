/**
 * Dissolution cases: every write is one transaction with its audit rows.
 *
 * This file puts the domain's handlers together and holds the small ones (the calendar, the candidates, the last
 * general meeting, reading cases); the case's lifecycle writes are in lifecycle-handlers.ts, its record writes in
 * record-handlers.ts, what both share in case-writes.ts, and its papers in paper-handlers.ts.
 */
import type { CaseSummary } from '../../../shared/contract/dissolution'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { findCandidates, missingAgmDates } from './candidates'
import { today } from '../office/office'
import { buildCaseView, CAL_KEY, calendarOverrides } from './case-view'
import { lifecycleHandlers, type LifecycleHandlerName } from './lifecycle-handlers'
import { paperHandlers, type PaperHandlerName } from './paper-handlers'
import { recordHandlers, type RecordHandlerName } from './record-handlers'

export { buildCaseView, calendarOverrides } from './case-view'

export const dissolutionHandlers: DomainHandlers<
  | PaperHandlerName
  | LifecycleHandlerName
  | RecordHandlerName
  | 'dissolution.candidates'
  | 'dissolution.missingAgm'
  | 'dissolution.setLastAgm'
  | 'dissolution.show'
  | 'dissolution.list'
  | 'dissolution.calendar'
  | 'dissolution.setCalendar'
  | 'dissolution.lastAgm'
> = {
  ...paperHandlers,
  'dissolution.calendar': async (_input, ctx) => calendarOverrides(ctx.db),
  'dissolution.setCalendar': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await calendarOverrides(trx)
      const value = JSON.stringify(input)
      await trx
        .insertInto('meta')
        .values({ key: CAL_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
      await writeAudit(trx, ctx, { action: 'update', table: 'meta', rowId: null, before, after: input })
    })
    return calendarOverrides(ctx.db)
  },
  'dissolution.candidates': async (input, ctx) => findCandidates(ctx.db, input.asOf ?? today(ctx)),
  'dissolution.missingAgm': async (input, ctx) => missingAgmDates(ctx.db, input.asOf ?? today(ctx)),

  'dissolution.lastAgm': async (input, ctx) => {
    const row = await ctx.db.selectFrom('entities').select('last_agm_date').where('id', '=', input.entityId).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${input.entityId} trong sổ.`, { id: input.entityId })
    return { lastAgmDate: row.last_agm_date ?? null }
  },

  'dissolution.setLastAgm': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('entities').select(['id', 'last_agm_date']).where('id', '=', input.entityId).executeTakeFirst()
      if (!before) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${input.entityId} trong sổ.`, { id: input.entityId })
      await trx
        .updateTable('entities')
        .set({ last_agm_date: input.lastAgmDate, updated_at: ctx.now() })
        .where('id', '=', input.entityId)
        .execute()
      await writeAudit(trx, ctx, {
        action: 'update',
        table: 'entities',
        rowId: input.entityId,
        before: { lastAgmDate: before.last_agm_date },
        after: { lastAgmDate: input.lastAgmDate }
      })
    })
    return { ok: true as const }
  },

  ...lifecycleHandlers,
  ...recordHandlers,

  'dissolution.show': async (input, ctx) => buildCaseView(ctx.db, input.caseId, input.asOf ?? today(ctx)),

  'dissolution.list': async (input, ctx) => {
    let q = ctx.db.selectFrom('dissolution_cases').select('id').orderBy('id')
    if (input.state) q = q.where('state', '=', input.state)
    const rows = await q.execute()
    const out: CaseSummary[] = []
    for (const r of rows) {
      const v = await buildCaseView(ctx.db, r.id, input.asOf ?? today(ctx))
      out.push({
        id: v.id,
        entityId: v.entityId,
        entityName: v.entityName,
        kind: v.kind,
        law: v.law,
        state: v.state,
        openedOn: v.openedOn,
        stepsDone: v.steps.filter((s) => s.state !== 'todo').length,
        stepsTotal: v.steps.length,
        overdue: v.steps.filter((s) => s.overdue).length,
        unsettledPayable: v.unsettledPayable
      })
    }
    return out
  }
}

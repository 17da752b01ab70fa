/**
 * The writes that move a dissolution case through its life: opening it (and the register's status with it), finalising
 * it, cancelling it and changing the law it follows. Each is one transaction with its audit rows; they stand apart from
 * the day-to-day record writes (record-handlers.ts) as the ones that set the case's law and template or its end, and
 * with it the register's status.
 */
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import { backupBefore } from '../backup/before'
import type { DomainHandlers } from '../context'
import { findEntity } from '../registry/entities'
import { today } from '../office/office'
import { buildCaseView } from './case-view'
import type { StepState } from './schedule'
import { lawOn, outcomeOf, templateFor } from './templates'
import { caseTemplate, finaliseBlocks } from './case-view'
import { blockingStepsOf, openCaseRow, statusEvent } from './case-writes'

export type LifecycleHandlerName = 'dissolution.open' | 'dissolution.finalise' | 'dissolution.cancel' | 'dissolution.setLaw'

export const lifecycleHandlers: DomainHandlers<LifecycleHandlerName> = {
  'dissolution.open': async (input, ctx) => {
    // The law of the trigger date, unless the officer says why another applies (kept on the case and in the audit row).
    const law = input.law ?? lawOn(input.openedOn)
    if (law !== lawOn(input.openedOn) && !input.lawReason)
      throw new AppError(
        'VALIDATION',
        `Ngày căn cứ ${input.openedOn.split('-').reverse().join('/')} thuộc Luật Hợp tác xã ${lawOn(input.openedOn)}; muốn áp dụng luật ${law} cần nêu lý do.`,
        { field: 'lawReason' }
      )
    const template = templateFor(law, input.kind)
    if (template.grounds && input.ground && !template.grounds.some((g) => g.code === input.ground)) {
      throw new AppError(
        'VALIDATION',
        `Căn cứ giải thể «${input.ground}» không có trong mẫu; chọn một trong: ${template.grounds.map((g) => g.code).join(', ')}.`,
        { field: 'ground' }
      )
    }
    const caseId = await ctx.db.transaction().execute(async (trx) => {
      const entity = await findEntity(trx, input.entityId)
      if (!entity) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${input.entityId} trong sổ.`, { id: input.entityId })
      if (entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» đã bị xóa; hãy khôi phục trước.`, { id: input.entityId })
      if (!template.entityKinds.includes(entity.kind))
        throw new AppError(
          'FORBIDDEN',
          entity.kind === 'tht'
            ? `«${entity.name}» là tổ hợp tác: dùng thủ tục chấm dứt hoạt động tổ hợp tác (tht_termination).`
            : `«${entity.name}» không phải tổ hợp tác: thủ tục «${template.title}» dành cho tổ hợp tác.`,
          { id: input.entityId }
        )
      if (entity.status === 'dissolved') throw new AppError('FORBIDDEN', `«${entity.name}» đã giải thể.`, { id: input.entityId })
      const existing = await trx
        .selectFrom('dissolution_cases')
        .select('id')
        .where('entity_id', '=', input.entityId)
        .where('state', '=', 'open')
        .executeTakeFirst()
      if (existing)
        throw new AppError('ALREADY_EXISTS', `«${entity.name}» đang có hồ sơ giải thể số ${existing.id}.`, { caseId: existing.id })
      const now = ctx.now()
      const row = {
        entity_id: input.entityId,
        kind: input.kind,
        law,
        law_reason: input.law && input.law !== lawOn(input.openedOn) ? (input.lawReason ?? null) : null,
        template_id: template.id,
        template_version: template.version,
        template_json: JSON.stringify(template),
        ground: input.ground ?? null,
        opened_on: input.openedOn,
        decision_no: input.decisionNo ?? null,
        previous_status: entity.status,
        state: 'open',
        created_at: now,
        updated_at: now
      }
      const { id } = await trx.insertInto('dissolution_cases').values(row).returning('id').executeTakeFirstOrThrow()
      for (const s of template.steps) {
        const skip = s.onlyFor && !(input.ground && s.onlyFor.includes(input.ground))
        await trx
          .insertInto('dissolution_steps')
          .values({
            case_id: id,
            code: s.code,
            state: skip ? 'na' : 'todo',
            na_reason: skip ? `Không áp dụng với căn cứ «${input.ground ?? 'chưa nêu'}»` : null,
            updated_at: now
          })
          .execute()
      }
      await writeAudit(trx, ctx, { action: 'create', table: 'dissolution_cases', rowId: id, after: { ...row, template_json: undefined } })
      if (template.openStatus)
        await statusEvent(trx, ctx, input.entityId, template.openStatus, input.openedOn, input.decisionNo ?? null, `Mở hồ sơ số ${id}`)
      return id
    })
    return buildCaseView(ctx.db, caseId, today(ctx))
  },

  'dissolution.finalise': async (input, ctx) => {
    // The record's status changes for good: a verified copy first (README, Tin cậy), only for a case that can still be finalised.
    await openCaseRow(ctx.db, input.caseId)
    await backupBefore(ctx, 'finalisation')
    await ctx.db.transaction().execute(async (trx) => {
      const c = await openCaseRow(trx, input.caseId)
      const template = caseTemplate(c)
      const steps = await trx.selectFrom('dissolution_steps').selectAll().where('case_id', '=', input.caseId).execute()
      const items = await trx.selectFrom('dissolution_items').selectAll().where('case_id', '=', input.caseId).execute()
      const open = items.filter((i) => i.type !== 'asset' && !i.settled)
      const blocks = finaliseBlocks(
        template,
        steps.map((s) => ({ code: s.code, state: s.state as StepState['state'], doneOn: s.done_on })),
        {
          payable: open.filter((i) => i.type === 'payable').reduce((x, i) => x + (i.amount ?? 0), 0),
          receivable: open.filter((i) => i.type === 'receivable').reduce((x, i) => x + (i.amount ?? 0), 0),
          count: open.length
        }
      )
      if (blocks.length > 0) {
        const blocking = blockingStepsOf(template, steps)
        throw new AppError('FORBIDDEN', `Chưa hoàn tất được: ${blocks.join('; ')}.`, { steps: blocking })
      }
      if (input.authorityDate > today(ctx))
        throw new AppError('VALIDATION', 'Ngày cơ quan đăng ký ghi nhận chưa đến.', { field: 'authorityDate' })
      if (input.authorityDate < c.opened_on)
        throw new AppError('VALIDATION', 'Ngày ghi nhận giải thể trước ngày mở hồ sơ.', { field: 'authorityDate' })
      const after = { state: 'finalised', closed_on: input.authorityDate, closed_decision_no: input.decisionNo, updated_at: ctx.now() }
      await trx.updateTable('dissolution_cases').set(after).where('id', '=', input.caseId).execute()
      await writeAudit(trx, ctx, { action: 'finalise', table: 'dissolution_cases', rowId: input.caseId, before: { state: c.state }, after })
      await statusEvent(
        trx,
        ctx,
        c.entity_id,
        outcomeOf(template, c.ground).status,
        input.authorityDate,
        input.decisionNo,
        `Hoàn tất hồ sơ số ${input.caseId}: ${outcomeOf(template, c.ground).label}`
      )
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.cancel': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const c = await openCaseRow(trx, input.caseId)
      if (input.date < c.opened_on) throw new AppError('VALIDATION', 'Ngày hủy trước ngày mở hồ sơ.', { field: 'date' })
      const after = { state: 'cancelled', closed_on: input.date, close_reason: input.reason, updated_at: ctx.now() }
      await trx.updateTable('dissolution_cases').set(after).where('id', '=', input.caseId).execute()
      await writeAudit(trx, ctx, { action: 'cancel', table: 'dissolution_cases', rowId: input.caseId, before: { state: c.state }, after })
      // A case that changed no status when it opened (a revocation before its decision) puts none back.
      if (caseTemplate(c).openStatus)
        await statusEvent(
          trx,
          ctx,
          c.entity_id,
          c.previous_status ?? 'active',
          input.date,
          null,
          `Hủy hồ sơ giải thể số ${input.caseId}: ${input.reason}`
        )
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.setLaw': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const c = await openCaseRow(trx, input.caseId)
      if (c.law === input.law) throw new AppError('VALIDATION', `Hồ sơ đã theo Luật Hợp tác xã ${input.law}.`, { field: 'law' })
      const template = templateFor(input.law, c.kind)
      const steps = await trx.selectFrom('dissolution_steps').selectAll().where('case_id', '=', c.id).execute()
      const keep = new Map(steps.map((s) => [s.code, s]))
      const now = ctx.now()
      await trx.deleteFrom('dissolution_steps').where('case_id', '=', c.id).execute()
      for (const s of template.steps) {
        const old = keep.get(s.code)
        await trx
          .insertInto('dissolution_steps')
          .values({
            case_id: c.id,
            code: s.code,
            state: old?.state ?? 'todo',
            done_on: old?.done_on ?? null,
            done_by: old?.done_by ?? null,
            na_reason: old?.na_reason ?? null,
            documents_json: old?.documents_json ?? null,
            notes: old?.notes ?? null,
            updated_at: now
          })
          .execute()
      }
      const after = {
        law: input.law,
        law_reason: input.law === lawOn(c.opened_on) ? null : input.reason,
        template_id: template.id,
        template_version: template.version,
        template_json: JSON.stringify(template),
        updated_at: now
      }
      await trx.updateTable('dissolution_cases').set(after).where('id', '=', c.id).execute()
      await writeAudit(trx, ctx, {
        action: 'update',
        table: 'dissolution_cases',
        rowId: c.id,
        before: { law: c.law, template_id: c.template_id, template_version: c.template_version, steps },
        after: { ...after, template_json: undefined, reason: input.reason }
      })
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  }
}

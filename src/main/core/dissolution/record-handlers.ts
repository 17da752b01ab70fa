/**
 * The writes an open dissolution case records as it goes: a step done or not applicable, council members, debts and
 * assets and their settlement, obstacles, the rows taken back, attached files (and reading one back). None of them
 * changes the register's status; that is lifecycle-handlers.ts.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import { assertDateOpen } from '../period/period'
import type { DomainHandlers } from '../context'
import { today } from '../office/office'
import { buildCaseView, calendarOverrides } from './case-view'
import { loadBytes } from '../file-input'
import { attachmentDir } from './attachments'
import { scheduleSteps, type StepState } from './schedule'
import { caseTemplate } from './case-view'
import { vnCalendar } from '../calendar'
import { openCaseRow, removeFromCase, storeAttachment, touch } from './case-writes'

export type RecordHandlerName =
  | 'dissolution.step'
  | 'dissolution.council'
  | 'dissolution.item'
  | 'dissolution.settle'
  | 'dissolution.obstacle'
  | 'dissolution.removeCouncil'
  | 'dissolution.removeItem'
  | 'dissolution.removeObstacle'
  | 'dissolution.attach'
  | 'dissolution.attachment'

export const recordHandlers: DomainHandlers<RecordHandlerName> = {
  'dissolution.step': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const c = await openCaseRow(trx, input.caseId)
      const template = caseTemplate(c)
      const step = template.steps.find((s) => s.code === input.code)
      if (!step)
        throw new AppError(
          'VALIDATION',
          `Bước «${input.code}» không có trong quy trình của hồ sơ; các bước: ${template.steps.map((s) => s.code).join(', ')}.`,
          { field: 'code' }
        )
      if (input.state === 'done' && !input.doneOn)
        throw new AppError('VALIDATION', `Bước «${step.title}»: cần ngày thực hiện.`, { field: 'doneOn' })
      if (input.state === 'na' && !input.naReason)
        throw new AppError('VALIDATION', `Bước «${step.title}»: cần nêu lý do không áp dụng.`, { field: 'naReason' })
      if (input.doneOn && input.doneOn < c.opened_on)
        throw new AppError('VALIDATION', `Ngày thực hiện trước ngày căn cứ của hồ sơ.`, { field: 'doneOn' })
      if (input.state === 'done' && input.doneOn && input.doneOn > today(ctx))
        throw new AppError(
          'VALIDATION',
          `Bước «${step.title}»: ngày thực hiện ${input.doneOn.split('-').reverse().join('/')} chưa đến; chỉ ghi việc đã làm.`,
          { field: 'doneOn' }
        )
      if (input.state === 'done' && input.doneOn) {
        const rows = await trx.selectFrom('dissolution_steps').select(['code', 'state', 'done_on']).where('case_id', '=', c.id).execute()
        const states: StepState[] = rows.map((r) => ({ code: r.code, state: r.state as StepState['state'], doneOn: r.done_on }))
        const sched = scheduleSteps(template.steps, states, c.opened_on, today(ctx), vnCalendar(await calendarOverrides(trx)), c.ground)
        const earliest = sched.find((x) => x.code === step.code)?.earliest
        if (earliest && input.doneOn < earliest)
          throw new AppError(
            'VALIDATION',
            `Bước «${step.title}»: chưa hết thời hạn luật dành cho hợp tác xã (${step.legalBasis}); sớm nhất ngày ${earliest.split('-').reverse().join('/')}.`,
            { field: 'doneOn' }
          )
      }
      const before = await trx
        .selectFrom('dissolution_steps')
        .selectAll()
        .where('case_id', '=', input.caseId)
        .where('code', '=', input.code)
        .executeTakeFirstOrThrow()
      // A step done by the closed date stays done as sent; a new date inside the closed period is refused too.
      await assertDateOpen(trx, before.done_on, `Bước «${step.title}» đã làm`)
      await assertDateOpen(trx, input.state === 'done' ? input.doneOn : null, `Bước «${step.title}»`)
      const after = {
        state: input.state,
        done_on: input.state === 'done' ? (input.doneOn ?? null) : null,
        done_by: input.doneBy ?? null,
        na_reason: input.state === 'na' ? (input.naReason ?? null) : null,
        documents_json: input.documents ? JSON.stringify(input.documents) : before.documents_json,
        notes: input.notes ?? before.notes,
        updated_at: ctx.now()
      }
      await trx.updateTable('dissolution_steps').set(after).where('id', '=', before.id).execute()
      await writeAudit(trx, ctx, { action: 'update', table: 'dissolution_steps', rowId: before.id, before, after })
      await touch(trx, ctx, input.caseId)
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.council': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      await openCaseRow(trx, input.caseId)
      const row = {
        case_id: input.caseId,
        name: input.name,
        role: input.role,
        represents: input.represents ?? null,
        organisation: input.organisation ?? null,
        decision_no: input.decisionNo ?? null
      }
      const { id } = await trx.insertInto('dissolution_council').values(row).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, { action: 'create', table: 'dissolution_council', rowId: id, after: row })
      await touch(trx, ctx, input.caseId)
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.item': async (input, ctx) => {
    if (input.type !== 'asset' && (input.amount === null || input.amount === undefined)) {
      throw new AppError('VALIDATION', 'Khoản nợ cần số tiền (đồng).', { field: 'amount' })
    }
    await ctx.db.transaction().execute(async (trx) => {
      await openCaseRow(trx, input.caseId)
      const row = {
        case_id: input.caseId,
        type: input.type,
        category: input.category ?? null,
        party: input.party ?? null,
        amount: input.amount ?? null,
        settled: input.settled ? 1 : 0,
        settled_on: input.settledOn ?? null,
        land_certificate: input.landCertificate ?? null,
        area_m2: input.areaM2 ?? null,
        handling: input.handling ?? null,
        note: input.note ?? null
      }
      const { id } = await trx.insertInto('dissolution_items').values(row).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, { action: 'create', table: 'dissolution_items', rowId: id, after: row })
      await touch(trx, ctx, input.caseId)
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.settle': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      await openCaseRow(trx, input.caseId)
      const before = await trx
        .selectFrom('dissolution_items')
        .selectAll()
        .where('id', '=', input.itemId)
        .where('case_id', '=', input.caseId)
        .executeTakeFirst()
      if (!before) throw new AppError('NOT_FOUND', `Hồ sơ ${input.caseId} không có khoản số ${input.itemId}.`, { itemId: input.itemId })
      await trx.updateTable('dissolution_items').set({ settled: 1, settled_on: input.settledOn }).where('id', '=', input.itemId).execute()
      await writeAudit(trx, ctx, {
        action: 'update',
        table: 'dissolution_items',
        rowId: input.itemId,
        before,
        after: { settled: 1, settled_on: input.settledOn }
      })
      await touch(trx, ctx, input.caseId)
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.obstacle': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      await openCaseRow(trx, input.caseId)
      const row = { case_id: input.caseId, code: input.code, note: input.note ?? null, created_at: ctx.now() }
      const { id } = await trx.insertInto('dissolution_obstacles').values(row).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, { action: 'create', table: 'dissolution_obstacles', rowId: id, after: row })
      await touch(trx, ctx, input.caseId)
    })
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.removeCouncil': async (input, ctx) => removeFromCase(ctx, 'dissolution_council', input.caseId, input.memberId),
  'dissolution.removeItem': async (input, ctx) => removeFromCase(ctx, 'dissolution_items', input.caseId, input.itemId),
  'dissolution.removeObstacle': async (input, ctx) => removeFromCase(ctx, 'dissolution_obstacles', input.caseId, input.obstacleId),

  'dissolution.attach': async (input, ctx) => {
    const { name, data } = loadBytes(input.file)
    await storeAttachment(ctx, input.caseId, input.stepCode ?? null, name, data)
    return buildCaseView(ctx.db, input.caseId, today(ctx))
  },

  'dissolution.attachment': async (input, ctx) => {
    const row = await ctx.db
      .selectFrom('dissolution_attachments')
      .selectAll()
      .where('id', '=', input.attachmentId)
      .where('case_id', '=', input.caseId)
      .executeTakeFirst()
    if (!row)
      throw new AppError('NOT_FOUND', `Hồ sơ ${input.caseId} không có tệp đính kèm số ${input.attachmentId}.`, {
        attachmentId: input.attachmentId
      })
    const file = join(attachmentDir(ctx.conn.path), row.sha256)
    if (!existsSync(file))
      throw new AppError('NOT_FOUND', `Tệp «${row.name}» không còn trong thư mục tệp đính kèm cạnh tệp dữ liệu.`, { attachmentId: row.id })
    return { name: row.name, base64: readFileSync(file).toString('base64') }
  }
}

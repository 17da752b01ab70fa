/** Dissolution cases: every write is one transaction with its audit rows. */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseSummary, CaseView } from '../../../shared/contract/dissolution'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import { backupBefore } from '../backup/before'
import { assertDateOpen } from '../period/period'
import type { CoreContext, DomainHandlers, Trx } from '../context'
import { findEntity } from '../registry/entities'
import { findCandidates, missingAgmDates } from './candidates'
import { today } from '../office/office'
import { buildCaseView, CAL_KEY, calendarOverrides, caseRow, type Db } from './case-view'
import { loadBytes } from '../file-input'
import { attachmentDir, storeAttachmentBytes } from './attachments'
import { paperHandlers, type PaperHandlerName } from './paper-handlers'
import { blockingSteps, scheduleSteps, type StepState } from './schedule'
import { lawOn, outcomeOf, templateFor, type Template } from './templates'
import { caseTemplate, finaliseBlocks } from './case-view'
import { vnCalendar } from '../calendar'

export { buildCaseView, calendarOverrides } from './case-view'

function blockingStepsOf(template: Template, steps: Array<{ code: string; state: string; done_on: string | null }>): string[] {
  return blockingSteps(
    template,
    steps.map((s) => ({ code: s.code, state: s.state as StepState['state'], doneOn: s.done_on }))
  ).map((s) => s.code)
}

async function openCaseRow(db: Db, caseId: number) {
  const row = await caseRow(db, caseId)
  if (row.state !== 'open') {
    throw new AppError(
      'FORBIDDEN',
      `Hồ sơ giải thể số ${caseId} đã ${row.state === 'finalised' ? 'hoàn tất' : 'bị hủy'}; không sửa được nữa.`,
      { caseId }
    )
  }
  return row
}

async function touch(trx: Trx, ctx: CoreContext, caseId: number) {
  await trx.updateTable('dissolution_cases').set({ updated_at: ctx.now() }).where('id', '=', caseId).execute()
}

/** The three lists a case can take a typed-wrong row back from, and how a missing row is named to the user. */
const REMOVABLE = {
  dissolution_council: 'thành viên hội đồng giải thể',
  dissolution_items: 'khoản nợ, tài sản',
  dissolution_obstacles: 'vướng mắc'
} as const

/** Deletes one row of an open case's list, in one transaction with its audit row (before = the row removed). */
async function removeFromCase(ctx: CoreContext, table: keyof typeof REMOVABLE, caseId: number, rowId: number): Promise<CaseView> {
  await ctx.db.transaction().execute(async (trx) => {
    await openCaseRow(trx, caseId)
    const before = await trx.selectFrom(table).selectAll().where('id', '=', rowId).where('case_id', '=', caseId).executeTakeFirst()
    if (!before)
      throw new AppError('NOT_FOUND', `Hồ sơ giải thể số ${caseId} không có ${REMOVABLE[table]} số ${rowId}.`, { caseId, id: rowId })
    await trx.deleteFrom(table).where('id', '=', rowId).where('case_id', '=', caseId).execute()
    await writeAudit(trx, ctx, { action: 'delete', table, rowId, before })
    await touch(trx, ctx, caseId)
  })
  return buildCaseView(ctx.db, caseId, today(ctx))
}

/** The one way a file joins a case, whether it came as a path (CLI) or as bytes (the app). */
async function storeAttachment(ctx: CoreContext, caseId: number, stepCode: string | null, name: string, bytes: Buffer): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  await ctx.db.transaction().execute(async (trx) => {
    const c = await openCaseRow(trx, caseId)
    const template = caseTemplate(c)
    if (stepCode && !template.steps.some((s) => s.code === stepCode)) {
      throw new AppError('VALIDATION', `Bước «${stepCode}» không có trong quy trình của hồ sơ.`, { field: 'stepCode' })
    }
    // The file is on disk before the row that names it commits; an orphan copy is harmless, a row without its file is not.
    mkdirSync(attachmentDir(ctx.conn.path), { recursive: true })
    storeAttachmentBytes(ctx.conn.path, sha256, bytes)
    const row = { case_id: caseId, step_code: stepCode, name, size: bytes.length, sha256, added_at: ctx.now() }
    const { id } = await trx.insertInto('dissolution_attachments').values(row).returning('id').executeTakeFirstOrThrow()
    await writeAudit(trx, ctx, { action: 'create', table: 'dissolution_attachments', rowId: id, after: row })
  })
}

async function statusEvent(
  trx: Trx,
  ctx: CoreContext,
  entityId: number,
  status: string,
  date: string,
  decisionNo: string | null,
  note: string
) {
  await assertDateOpen(trx, date, 'Tình trạng do hồ sơ giải thể ghi')
  const event = { entity_id: entityId, status, effective_date: date, decision_no: decisionNo, note, created_at: ctx.now() }
  const { id } = await trx.insertInto('status_events').values(event).returning('id').executeTakeFirstOrThrow()
  await writeAudit(trx, ctx, { action: 'status_add', table: 'status_events', rowId: id, after: event })
}

export const dissolutionHandlers: DomainHandlers<
  | PaperHandlerName
  | 'dissolution.candidates'
  | 'dissolution.missingAgm'
  | 'dissolution.setLastAgm'
  | 'dissolution.open'
  | 'dissolution.step'
  | 'dissolution.council'
  | 'dissolution.item'
  | 'dissolution.settle'
  | 'dissolution.obstacle'
  | 'dissolution.removeCouncil'
  | 'dissolution.removeItem'
  | 'dissolution.removeObstacle'
  | 'dissolution.attach'
  | 'dissolution.finalise'
  | 'dissolution.cancel'
  | 'dissolution.show'
  | 'dissolution.setLaw'
  | 'dissolution.list'
  | 'dissolution.calendar'
  | 'dissolution.setCalendar'
  | 'dissolution.attachment'
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
  },

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

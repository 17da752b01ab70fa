/**
 * What every write of a dissolution case goes through: the open-case guard, the case's touch, the audit rows of a
 * removed row or a stored file, the register's status event. Shared by the lifecycle writes (lifecycle-handlers.ts)
 * and the record writes (record-handlers.ts), so it lives on its own.
 */
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { CaseView } from '../../../shared/contract/dissolution'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import { assertDateOpen } from '../period/period'
import type { CoreContext, Trx } from '../context'
import { today } from '../office/office'
import { buildCaseView, caseRow, type Db } from './case-view'
import { attachmentDir, storeAttachmentBytes } from './attachments'
import { blockingSteps, type StepState } from './schedule'
import type { Template } from './templates'
import { caseTemplate } from './case-view'

export function blockingStepsOf(template: Template, steps: Array<{ code: string; state: string; done_on: string | null }>): string[] {
  return blockingSteps(
    template,
    steps.map((s) => ({ code: s.code, state: s.state as StepState['state'], doneOn: s.done_on }))
  ).map((s) => s.code)
}

export async function openCaseRow(db: Db, caseId: number) {
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

export async function touch(trx: Trx, ctx: CoreContext, caseId: number) {
  await trx.updateTable('dissolution_cases').set({ updated_at: ctx.now() }).where('id', '=', caseId).execute()
}

/** The three lists a case can take a typed-wrong row back from, and how a missing row is named to the user. */
const REMOVABLE = {
  dissolution_council: 'thành viên hội đồng giải thể',
  dissolution_items: 'khoản nợ, tài sản',
  dissolution_obstacles: 'vướng mắc'
} as const

/** Deletes one row of an open case's list, in one transaction with its audit row (before = the row removed). */
export async function removeFromCase(ctx: CoreContext, table: keyof typeof REMOVABLE, caseId: number, rowId: number): Promise<CaseView> {
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
export async function storeAttachment(
  ctx: CoreContext,
  caseId: number,
  stepCode: string | null,
  name: string,
  bytes: Buffer
): Promise<void> {
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

export async function statusEvent(
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

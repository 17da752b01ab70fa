/**
 * A province's reporting rounds: one per as-of date, with the day the offices' packages
 * are due. Opening a round or moving its deadline is one transaction with its audit row.
 */
import type { ApiParsed } from '../../../shared/api'
import type { ReportRound } from '../../../shared/contract/round'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { requireProvince } from '../handoff/consolidate'
import type { ReportRoundsTable } from './schema'
import { defaultDeadline } from './calendar'

type Row = Omit<ReportRoundsTable, 'id'> & { id: number }

export function toRound(r: Row): ReportRound {
  return {
    id: r.id,
    asOf: r.as_of,
    deadline: r.deadline,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by
  }
}

/** Newest as-of date first. */
export async function listRounds(ctx: CoreContext): Promise<ReportRound[]> {
  return (await ctx.db.selectFrom('report_rounds').selectAll().orderBy('as_of', 'desc').execute()).map(toRound)
}

/** The round of this as-of date, or the latest when none is named; refuses with what exists. */
export async function findRound(ctx: CoreContext, asOf: string | undefined): Promise<ReportRound> {
  const rounds = await listRounds(ctx)
  const round = asOf === undefined ? rounds[0] : rounds.find((r) => r.asOf === asOf)
  if (round) return round
  const known = rounds.map((r) => formatDate(r.asOf)).join(', ')
  throw new AppError(
    'NOT_FOUND',
    asOf === undefined
      ? 'Chưa có đợt báo cáo nào: hãy đặt một đợt (ngày số liệu và hạn gửi) trước khi xem ai đã gửi.'
      : `Không có đợt báo cáo số liệu đến ngày ${formatDate(asOf)}.${known ? ` Các đợt đã đặt: ${known}.` : ''}`,
    { field: 'asOf' }
  )
}

export async function setRound(ctx: CoreContext, input: ApiParsed<'round.set'>): Promise<ReportRound> {
  await requireProvince(ctx)
  const deadline = input.deadline ?? defaultDeadline(input.asOf)
  if (deadline < input.asOf) {
    throw new AppError(
      'VALIDATION',
      `Hạn gửi ${formatDate(deadline)} trước ngày số liệu ${formatDate(input.asOf)}: số liệu đến một ngày chỉ gửi được từ ngày ấy.`,
      { field: 'deadline' }
    )
  }
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now()
    const before = await trx.selectFrom('report_rounds').selectAll().where('as_of', '=', input.asOf).executeTakeFirst()
    if (before) {
      const change = {
        deadline,
        ...(input.note !== undefined ? { note: input.note ?? null } : {}),
        updated_at: now,
        updated_by: ctx.user
      }
      await trx.updateTable('report_rounds').set(change).where('id', '=', before.id).execute()
      await writeAudit(trx, ctx, { action: 'round_update', table: 'report_rounds', rowId: before.id, before, after: change })
      return toRound({ ...before, ...change })
    }
    const row = {
      as_of: input.asOf,
      deadline,
      note: input.note ?? null,
      created_at: now,
      created_by: ctx.user,
      updated_at: now,
      updated_by: ctx.user
    }
    const { id } = await trx.insertInto('report_rounds').values(row).returning('id').executeTakeFirstOrThrow()
    await writeAudit(trx, ctx, { action: 'round_create', table: 'report_rounds', rowId: id, after: row })
    return toRound({ id, ...row })
  })
}

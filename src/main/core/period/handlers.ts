/** Closing and reopening a period: one transaction with its audit row each. */
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { closedThrough, toPeriod } from './period'

export const periodHandlers: DomainHandlers<'period.list' | 'period.close' | 'period.reopen'> = {
  'period.list': async (_input, ctx) => (await ctx.db.selectFrom('closed_periods').selectAll().orderBy('id').execute()).map(toPeriod),

  'period.close': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const closed = await closedThrough(trx)
      if (closed && input.asOf <= closed) {
        throw new AppError(
          'ALREADY_EXISTS',
          `Số liệu đã được chốt đến ngày ${formatDate(closed)}; ngày ${formatDate(input.asOf)} đã nằm trong kỳ đã chốt.`,
          { closedThrough: closed }
        )
      }
      const row = {
        as_of: input.asOf,
        closed_at: ctx.now(),
        closed_by: ctx.user,
        note: input.note ?? null,
        reopened_at: null,
        reopened_by: null,
        reopen_reason: null
      }
      const { id } = await trx.insertInto('closed_periods').values(row).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, { action: 'period_close', table: 'closed_periods', rowId: id, after: row })
      return toPeriod({ id, ...row })
    }),

  'period.reopen': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom('closed_periods')
        .selectAll()
        .where('reopened_at', 'is', null)
        .where('as_of', '=', input.asOf)
        .orderBy('id', 'desc')
        .executeTakeFirst()
      if (!open) throw new AppError('NOT_FOUND', `Không có kỳ nào đang chốt đến ngày ${formatDate(input.asOf)}.`, { field: 'asOf' })
      const change = { reopened_at: ctx.now(), reopened_by: ctx.user, reopen_reason: input.reason }
      await trx.updateTable('closed_periods').set(change).where('id', '=', open.id).execute()
      await writeAudit(trx, ctx, {
        action: 'period_reopen',
        table: 'closed_periods',
        rowId: open.id,
        before: toPeriod(open),
        after: change
      })
      return toPeriod({ ...open, ...change })
    })
}

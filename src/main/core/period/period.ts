/**
 * Closed periods (chốt số liệu), one rule for every door: data dated on or before the
 * closing date is as the office sent it. Dated status events, the yearly figures of a
 * year whose 31/12 is closed, dissolution steps done by then: a write that would add,
 * change or take back one of them is refused while the period is closed, naming the
 * date, until a quản trị reopens it with a reason (audited).
 */
import type { ClosedPeriod } from '../../../shared/contract/period'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import type { CoreContext, Trx } from '../context'

type Db = CoreContext['db'] | Trx

/** The latest date closed and not reopened, or null when nothing is closed. */
export async function closedThrough(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('closed_periods')
    .select((eb) => eb.fn.max('as_of').as('as_of'))
    .where('reopened_at', 'is', null)
    .executeTakeFirst()
  return (row?.as_of as string | null | undefined) ?? null
}

function refusal(what: string, closed: string): AppError {
  return new AppError(
    'PERIOD_CLOSED',
    `${what} thuộc kỳ đã chốt số liệu đến ngày ${formatDate(closed)}: số liệu đã gửi đi không sửa được nữa. Người quản trị có thể mở lại kỳ (ghi rõ lý do) nếu thật cần sửa.`,
    { closedThrough: closed }
  )
}

/** The rule itself, for a closed date already read (a bulk write reads it once): throws for a date on or before it. */
export function checkDate(closed: string | null, date: string | null | undefined, what: string): void {
  if (closed && date && date <= closed) throw refusal(`${what} ngày ${formatDate(date)}`, closed)
}

/** The same for the figures of a year: closed when the closed date reaches its 31/12. */
export function checkYear(closed: string | null, year: number, what: string): void {
  if (closed && `${year}-12-31` <= closed) throw refusal(`${what} năm ${year}`, closed)
}

/** Refuses a dated change (a status event, a dissolution step) on or before the closed date; `what` names it. */
export async function assertDateOpen(db: Db, date: string | null | undefined, what: string): Promise<void> {
  if (date) checkDate(await closedThrough(db), date, what)
}

/** Refuses a change to the figures of a year the closed date covers to its end. */
export async function assertYearOpen(db: Db, year: number, what: string): Promise<void> {
  checkYear(await closedThrough(db), year, what)
}

export function toPeriod(row: {
  id: number
  as_of: string
  closed_at: string
  closed_by: string
  note: string | null
  reopened_at: string | null
  reopened_by: string | null
  reopen_reason: string | null
}): ClosedPeriod {
  return {
    id: row.id,
    asOf: row.as_of,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    note: row.note,
    reopenedAt: row.reopened_at,
    reopenedBy: row.reopened_by,
    reopenReason: row.reopen_reason
  }
}

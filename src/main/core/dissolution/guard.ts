/** A dissolved entity is read-only except its notes (called from entity.update). */
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export async function assertEditableAfterDissolution(db: Kysely<Database>, entityId: number, changedKeys: string[]): Promise<void> {
  const others = changedKeys.filter((k) => k !== 'notes')
  if (others.length === 0) return
  const closed = await db
    .selectFrom('dissolution_cases')
    .select(['closed_on', 'closed_decision_no'])
    .where('entity_id', '=', entityId)
    .where('state', '=', 'finalised')
    .executeTakeFirst()
  if (closed) {
    throw new AppError(
      'FORBIDDEN',
      `Hợp tác xã này đã giải thể (văn bản ${closed.closed_decision_no ?? ''} ngày ${formatDate(closed.closed_on)}); chỉ được sửa phần ghi chú.`,
      { entityId, fields: others }
    )
  }
}

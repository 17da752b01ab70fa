/** Kysely's view of the closed periods (migration 010), joined into Database in db/schema.ts. */
import type { Generated } from 'kysely'

export interface ClosedPeriodsTable {
  id: Generated<number>
  as_of: string
  closed_at: string
  closed_by: string
  note: string | null
  reopened_at: string | null
  reopened_by: string | null
  reopen_reason: string | null
}

export interface PeriodTables {
  closed_periods: ClosedPeriodsTable
}

/** Kysely's view of the reporting rounds (migration 023), joined into Database in db/schema.ts. */
import type { Generated } from 'kysely'

export interface ReportRoundsTable {
  id: Generated<number>
  as_of: string
  deadline: string
  note: string | null
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
}

export interface RoundTables {
  report_rounds: ReportRoundsTable
}

/** The support register's table (migration 012), joined into the Database interface in db/schema.ts. */
import type { Generated } from 'kysely'

export interface SupportEntriesTable {
  id: Generated<number>
  unit_code: string
  year: number
  stage: string
  programme: string
  entity_id: number | null
  beneficiary: string | null
  coops: number | null
  people: number | null
  nstw_dtpt: number | null
  nstw_sn: number | null
  nsdp_dtpt: number | null
  nsdp_sn: number | null
  decision_no: string | null
  decision_date: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export interface SupportTables {
  support_entries: SupportEntriesTable
}

/** Kysely's view of the data-check tables (migration 011), joined into Database in db/schema.ts. */
import type { Generated } from 'kysely'

export interface CheckAcksTable {
  id: Generated<number>
  finding_id: string
  fingerprint: string
  note: string
  acked_at: string
  acked_by: string
}

/** Province file: the open findings of each district's last consolidated package (entity_id: the province's own id). */
export interface PackageFindingsTable {
  id: Generated<number>
  district_code: string
  exported_at: string
  finding_id: string
  rule: string
  severity: string
  entity_id: number | null
  entity_name: string
  reg_no: string | null
  kind: string
  year: number | null
  fields_json: string
  message: string
  fingerprint: string
}

export interface CheckTables {
  check_acks: CheckAcksTable
  package_findings: PackageFindingsTable
}

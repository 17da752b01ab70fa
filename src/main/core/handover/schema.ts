/** Kysely's view of the handover tables (migration 021). */
import type { Generated } from 'kysely'

export interface HandoverDecisionsTable {
  entity_id: number
  commune_key: string
  note: string | null
  decided_at: string
  decided_by: string
}
export interface HandoverImportsTable {
  id: Generated<number>
  at: string
  user: string
  from_unit: string
  file_name: string
  exported_at: string
  content_hash: string
  key_fingerprint: string
  counts_json: string
}
export interface HandoverAuditTable {
  id: Generated<number>
  import_id: number
  from_unit: string
  original_id: number
  at: string
  user: string
  action: string
  table_name: string
  row_id: number | null
  before_json: string | null
  after_json: string | null
}
export interface HandoverTables {
  handover_decisions: HandoverDecisionsTable
  handover_imports: HandoverImportsTable
  handover_audit: HandoverAuditTable
}

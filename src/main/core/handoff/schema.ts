/** Kysely's view of the handoff tables (migration 006). */
import type { Generated } from 'kysely'

export interface PackageExportsTable {
  id: Generated<number>
  at: string
  user: string
  unit_code: string
  file_name: string
  as_of: string
  content_hash: string
  key_fingerprint: string
  counts_json: string
}
export interface TrustedKeysTable {
  unit_code: string
  /** SPKI DER, base64. */
  public_key: string
  fingerprint: string
  /** 'file': imported from the district's key file; 'package': trusted from a package on explicit confirmation. */
  source: string
  added_at: string
  added_by: string
}
export interface PackageConsolidationsTable {
  id: Generated<number>
  at: string
  user: string
  unit_code: string | null
  file_name: string
  exported_at: string | null
  as_of: string | null
  content_hash: string | null
  key_fingerprint: string | null
  /** accepted | skipped | rejected */
  outcome: string
  code: string | null
  reason: string | null
  counts_json: string | null
}
export interface HandoffTables {
  package_exports: PackageExportsTable
  trusted_keys: TrustedKeysTable
  package_consolidations: PackageConsolidationsTable
}

/** Kysely's view of the values mapped by hand at import (migration 016), joined into Database in db/schema.ts. */

export interface ImportValueMappingsTable {
  /** The header shape the mapping belongs to (ImportSheet.shape). */
  shape: string
  /** status, sector or kind. */
  field: string
  /** The value folded (no diacritics, lower case): the key it is found by. */
  value_key: string
  /** The value as the person saw it. */
  value: string
  code: string
  updated_at: string
}

export interface ExchangeTables {
  import_value_mappings: ImportValueMappingsTable
}

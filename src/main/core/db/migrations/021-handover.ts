import { type Kysely } from 'kysely'

/**
 * Handover of a former district's register to the communes that replaced it (issue 14, point 3).
 * - entities.handed_over_*: the district's mark on a record it handed over — on which date, to which
 *   commune (its key, "05977@2025"), when and by whom. Such a record stays readable and is reported for
 *   dates before handed_over_on, and is counted nowhere from that date (reports/snapshot.ts); the
 *   columns travel in the province package, so the province drops it from that date too.
 * - entities.handover_origin: in a commune office, where a record came from (JSON: district, its id there,
 *   its old commune text, the package's hash).
 * - handover_decisions: the officer's choice of commune for a record (a split or unknown old commune).
 * - handover_imports: each handover package a commune office took in, once (content hash unique).
 * - handover_audit: the district's audit rows about the records it handed over, kept as they were
 *   (the commune's own audit_log stays its own).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const col of ['handed_over_on', 'handed_over_to', 'handed_over_at', 'handed_over_by', 'handover_origin'])
    await db.schema.alterTable('entities').addColumn(col, 'text').execute()
  await db.schema
    .createTable('handover_decisions')
    .addColumn('entity_id', 'integer', (c) => c.primaryKey().references('entities.id').onDelete('cascade'))
    .addColumn('commune_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('handover_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('from_unit', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('handover_audit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('handover_imports.id'))
    .addColumn('from_unit', 'text', (c) => c.notNull())
    .addColumn('original_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema.createIndex('entities_handed_over_on').on('entities').column('handed_over_on').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('entities_handed_over_on').execute()
  await db.schema.dropTable('handover_audit').execute()
  await db.schema.dropTable('handover_imports').execute()
  await db.schema.dropTable('handover_decisions').execute()
  for (const col of ['handover_origin', 'handed_over_by', 'handed_over_at', 'handed_over_to', 'handed_over_on'])
    await db.schema.alterTable('entities').dropColumn(col).execute()
}

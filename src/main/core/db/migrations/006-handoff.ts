import type { Kysely } from 'kysely'

/**
 * Handoff to the province: what a district sent (export history), the
 * districts' public keys a province trusts (one pinned key per district), and the
 * consolidation log (every package a province was given: hash, time, outcome).
 * Consolidated snapshots live in the register's own tables with
 * entities.district_code = the sending district, hence the index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('package_exports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('trusted_keys')
    .addColumn('unit_code', 'text', (c) => c.primaryKey().references('admin_units.code'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('package_consolidations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text')
    .addColumn('as_of', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('key_fingerprint', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('reason', 'text')
    .addColumn('counts_json', 'text')
    .execute()
  await db.schema
    .createIndex('package_consolidations_unit')
    .on('package_consolidations')
    .columns(['unit_code', 'outcome', 'exported_at'])
    .execute()
  await db.schema.createIndex('entities_district').on('entities').column('district_code').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('entities_district').execute()
  for (const t of ['package_consolidations', 'trusted_keys', 'package_exports']) await db.schema.dropTable(t).execute()
}

import { sql, type Kysely } from 'kysely'

/**
 * Imports: one batch per commit (files, their SHA-256, who, when, counts), every
 * row an import created or changed (so the batch can be undone as a whole), and
 * the column mappings people confirmed, remembered by the header's shape.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('files_json', 'text', (c) => c.notNull())
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute()

  // before_json null: the row was created by the import; otherwise its state before.
  await db.schema
    .createTable('import_batch_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .addColumn('table_name', 'text', (c) => c.notNull().check(sql`table_name in ('entities','status_events','yearly_figures')`))
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .execute()
  await db.schema.createIndex('import_batch_items_batch').on('import_batch_items').column('batch_id').execute()

  await db.schema
    .createTable('import_mappings')
    .addColumn('shape', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  for (const table of ['entities', 'status_events', 'yearly_figures']) {
    await db.schema
      .alterTable(table)
      .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id'))
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['entities', 'status_events', 'yearly_figures']) {
    await db.schema.alterTable(table).dropColumn('import_batch_id').execute()
  }
  for (const t of ['import_mappings', 'import_batch_items', 'import_batches']) await db.schema.dropTable(t).execute()
}

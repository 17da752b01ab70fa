import type { Kysely } from 'kysely'

/**
 * Values a person mapped by hand at import (a status or sector the rules did not understand),
 * remembered per office and header shape: the next file of that shape asks nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_value_mappings')
    .addColumn('shape', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_value_mappings_pk', ['shape', 'field', 'value_key'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_value_mappings').execute()
}

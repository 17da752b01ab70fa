import type { Kysely } from 'kysely'

/**
 * The province's decisions on conflicts: the same registration number (or,
 * for THT, folded name + commune) in two districts' snapshots. One row per conflict
 * key says which district owns the entity, so province counts take it once, there.
 * Keyed by the conflict key, not row ids: a re-consolidation replaces the districts'
 * rows (new ids) and the decision still holds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conflict_owners')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('owner_unit', 'text', (c) => c.notNull().references('admin_units.code'))
    /** The districts in conflict when the decision was made, JSON array of codes. */
    .addColumn('units_json', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conflict_owners').execute()
}

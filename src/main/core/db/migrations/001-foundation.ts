import { sql, type Kysely } from 'kysely'

/** The office, the map, the register, its history and the change log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('admin_units')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('province','district','commune')`))
    .addColumn('parent_code', 'text', (c) => c.references('admin_units.code'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute()

  // One row: which administrative unit this office is.
  await db.schema
    .createTable('office')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('unit_code', 'text', (c) => c.notNull().references('admin_units.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('entities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('htx','lhhtx','tht')`))
    .addColumn('reg_no', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('commune', 'text')
    .addColumn('district_code', 'text', (c) => c.references('admin_units.code'))
    .addColumn('representative', 'text')
    .addColumn('phone', 'text')
    .addColumn('registration_date', 'text')
    .addColumn('charter_capital', 'integer', (c) => c.check(sql`charter_capital >= 0`))
    .addColumn('sector', 'text')
    .addColumn('business_lines', 'text')
    .addColumn('notes', 'text')
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entities_reg_no').on('entities').column('reg_no').execute()
  await db.schema.createIndex('entities_name_key').on('entities').column('name_key').execute()

  await db.schema
    .createTable('status_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active','suspended','inactive','dissolving','revoked','dissolved')`)
    )
    .addColumn('effective_date', 'text')
    .addColumn('decision_no', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('status_events_entity_date').on('status_events').columns(['entity_id', 'effective_date']).execute()

  await db.schema
    .createTable('yearly_figures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('members', 'integer')
    .addColumn('workers', 'integer')
    .addColumn('managers', 'integer')
    .addColumn('managers_elementary', 'integer')
    .addColumn('managers_college', 'integer')
    .addColumn('revenue', 'integer')
    .addColumn('profit', 'integer')
    .addColumn('avg_income', 'integer')
    .addColumn('classification', 'text', (c) => c.check(sql`classification is null or classification in ('good','fair','average','weak')`))
    .addUniqueConstraint('yearly_figures_entity_year', ['entity_id', 'year'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema.createIndex('audit_log_row').on('audit_log').columns(['table_name', 'row_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'yearly_figures', 'status_events', 'entities', 'office', 'admin_units', 'meta']) {
    await db.schema.dropTable(t).execute()
  }
}

import type { Kysely } from 'kysely'

/**
 * The registry's fuller record (short name, street, district name, representative's
 * title, email, THT contract date, VSIC lines, member coops, OCOP products as JSON),
 * soft delete, yearly figures' new members / taxes / circular, and local profiles.
 * Only columns are added: nothing existing is renamed or changes meaning.
 */
const ENTITY_COLUMNS: Array<[string, 'text' | 'integer']> = [
  ['short_name', 'text'],
  ['street', 'text'],
  ['district_name', 'text'],
  ['representative_title', 'text'],
  ['email', 'text'],
  ['contract_date', 'text'],
  ['vsic_json', 'text'],
  ['member_coops_json', 'text'],
  ['members_count', 'integer'],
  ['ocop_json', 'text'],
  ['deleted_at', 'text'],
  ['deleted_reason', 'text']
]
const YEARLY_COLUMNS: Array<[string, 'text' | 'integer']> = [
  ['new_members', 'integer'],
  ['taxes_paid', 'integer'],
  ['classification_circular', 'text'],
  ['updated_at', 'text']
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of ENTITY_COLUMNS) await db.schema.alterTable('entities').addColumn(name, type).execute()
  for (const [name, type] of YEARLY_COLUMNS) await db.schema.alterTable('yearly_figures').addColumn(name, type).execute()
  await db.schema
    .createTable('profiles')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('status_events_date').on('status_events').columns(['effective_date', 'entity_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('status_events_date').execute()
  await db.schema.dropTable('profiles').execute()
  for (const [name] of YEARLY_COLUMNS) await db.schema.alterTable('yearly_figures').dropColumn(name).execute()
  for (const [name] of ENTITY_COLUMNS) await db.schema.alterTable('entities').dropColumn(name).execute()
}

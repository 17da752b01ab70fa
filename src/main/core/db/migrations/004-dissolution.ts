import type { Kysely } from 'kysely'

/**
 * Dissolution cases: a case per entity with the template it was opened with
 * (a JSON snapshot, so a template change never rewrites an open case), its steps,
 * attachments (files stored by SHA-256 under a folder next to the DB, only metadata here),
 * council members, debts/assets, obstacles; and the entity's last annual general meeting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entities').addColumn('last_agm_date', 'text').execute()
  await db.schema
    .createTable('dissolution_cases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('law', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('template_json', 'text', (c) => c.notNull())
    .addColumn('ground', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('previous_status', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('closed_on', 'text')
    .addColumn('closed_decision_no', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('dissolution_cases_entity').on('dissolution_cases').columns(['entity_id', 'state']).execute()
  await db.schema
    .createTable('dissolution_steps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('dissolution_cases.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('todo'))
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text')
    .addColumn('na_reason', 'text')
    .addColumn('documents_json', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dissolution_steps_case_code', ['case_id', 'code'])
    .execute()
  await db.schema
    .createTable('dissolution_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('dissolution_cases.id'))
    .addColumn('step_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('dissolution_council')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('dissolution_cases.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('represents', 'text')
    .addColumn('organisation', 'text')
    .addColumn('decision_no', 'text')
    .execute()
  await db.schema
    .createTable('dissolution_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('dissolution_cases.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('party', 'text')
    .addColumn('amount', 'integer')
    .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settled_on', 'text')
    .addColumn('land_certificate', 'text')
    .addColumn('area_m2', 'real')
    .addColumn('handling', 'text')
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createTable('dissolution_obstacles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('dissolution_cases.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'dissolution_obstacles',
    'dissolution_items',
    'dissolution_council',
    'dissolution_attachments',
    'dissolution_steps',
    'dissolution_cases'
  ]) {
    await db.schema.dropTable(t).execute()
  }
  await db.schema.alterTable('entities').dropColumn('last_agm_date').execute()
}

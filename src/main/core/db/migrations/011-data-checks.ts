import type { Kysely } from 'kysely'

/**
 * Data checks (resources/checks/rules.json). The findings themselves are computed, never
 * stored; what is stored is a person's «đã kiểm tra» with its note and the fingerprint of
 * the inputs the rule looked at (the finding stays quiet while they are the same), and,
 * in a province file, the open findings each district's last package carried.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_acks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('acked_at', 'text', (c) => c.notNull())
    .addColumn('acked_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('check_acks_finding').on('check_acks').columns(['finding_id', 'id']).execute()
  await db.schema
    .createTable('package_findings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addColumn('finding_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('entity_name', 'text', (c) => c.notNull())
    .addColumn('reg_no', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('fields_json', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('package_findings_district').on('package_findings').column('district_code').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('package_findings').execute()
  await db.schema.dropTable('check_acks').execute()
}

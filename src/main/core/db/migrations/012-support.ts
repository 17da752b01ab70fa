import { sql, type Kysely } from 'kysely'

/**
 * Support programmes (hỗ trợ KTTT, HTX): one row per support given or planned — its
 * programme (a code of resources/support/programmes.json), year, plan or done, the
 * cooperative reached (when one) or the numbers of HTX and people, the amounts in
 * million đồng by source, and the decision that granted it. unit_code is the office's
 * unit; in a province file it is the district whose package brought the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('plan', 'done')`))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.references('entities.id'))
    .addColumn('beneficiary', 'text')
    .addColumn('coops', 'integer')
    .addColumn('people', 'integer')
    .addColumn('nstw_dtpt', 'real')
    .addColumn('nstw_sn', 'real')
    .addColumn('nsdp_dtpt', 'real')
    .addColumn('nsdp_sn', 'real')
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('support_entries_unit_year').on('support_entries').columns(['unit_code', 'year']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('support_entries').execute()
}

import type { Kysely } from 'kysely'

/**
 * Reports: the year's plan target ("kế hoạch") and the user's year-end
 * estimate ("ước thực hiện") per indicator, year and unit (the office, or in a
 * province file one of its districts). Either may be left empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_targets')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('plan', 'real')
    .addColumn('estimate', 'real')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_targets_pk', ['year', 'unit_code', 'indicator'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_targets').execute()
}

import type { Kysely } from 'kysely'

/**
 * A province's reporting rounds (đợt báo cáo, issue 18 point 3): the date the figures are
 * as of, and the day by which each office is to have sent its package. One round per
 * as-of date; its deadline can be moved (audited).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_rounds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('as_of', 'text', (c) => c.notNull().unique())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_rounds').execute()
}

import type { Kysely } from 'kysely'

/**
 * Closing a period (chốt số liệu): once an office sends its figures as of a date, the
 * data up to that date stays as sent — dated status events, the yearly figures of the
 * years it closes and dissolution steps done by then become read-only in every door,
 * until a quản trị reopens it with a reason. One row per close; a reopen marks the row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('closed_periods')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('closed_periods').execute()
}

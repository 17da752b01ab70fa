import type { Kysely } from 'kysely'

/**
 * A year's total capital (tổng nguồn vốn, đồng): with the official members and the
 * revenue, one of the two criteria of an HTX's size class (Luật 17/2023/QH15 Điều 16
 * khoản 1 điểm b). Only a column is added.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('yearly_figures').addColumn('total_capital', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('yearly_figures').dropColumn('total_capital').execute()
}

import type { Kysely } from 'kysely'

/**
 * The three rows of Phụ lục 1 the register could not fill (issue 17):
 * - yearly_figures.member_revenue: a year's revenue from members (đồng), the revenue of internal
 *   transactions — products and services the HTX provides to its official members (giao dịch nội bộ,
 *   Luật 17/2023/QH15 Điều 4 khoản 1);
 * - status_events.conversion: a status event that is a conversion (resources/registry/conversions.json):
 *   the event that ends an HTX become an enterprise, or the first event of an HTX made from an
 *   enterprise or from a THT (Điều 108), with its date and document like any status event;
 * - report_targets.actual: a figure of the area entered per year and unit, like the plan (the OCOP
 *   products of the whole area, of which the register holds only the HTX's own).
 * Only columns are added: every existing row reads as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('yearly_figures').addColumn('member_revenue', 'integer').execute()
  await db.schema.alterTable('status_events').addColumn('conversion', 'text').execute()
  await db.schema.alterTable('report_targets').addColumn('actual', 'real').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_targets').dropColumn('actual').execute()
  await db.schema.alterTable('status_events').dropColumn('conversion').execute()
  await db.schema.alterTable('yearly_figures').dropColumn('member_revenue').execute()
}

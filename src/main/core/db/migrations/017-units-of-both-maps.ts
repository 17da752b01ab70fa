import { sql, type Kysely } from 'kysely'

/**
 * Vietnam's map of both periods in every file (issue 14). `admin_units.code` stays the key every
 * other table refers to, and becomes period-qualified: a GSO code alone for a unit of the map up to
 * 30/06/2025 (what every file made before holds), the code with the year its map began for a later
 * one ("05977@2025"), since a 5-digit commune code means something only with its period. The plain
 * code and the period sit beside it. The office gets the name of its own body for its letterhead
 * (a commune office: «Phòng Kinh tế», «Phòng Kinh tế - Hạ tầng và Đô thị», or none).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('admin_units').addColumn('gso_code', 'text').execute()
  await db.schema
    .alterTable('admin_units')
    .addColumn('period', 'text', (c) => c.check(sql`period is null or period in ('before','after')`))
    .execute()
  await db.schema.alterTable('office').addColumn('body_name', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('office').dropColumn('body_name').execute()
  await db.schema.alterTable('admin_units').dropColumn('period').execute()
  await db.schema.alterTable('admin_units').dropColumn('gso_code').execute()
}

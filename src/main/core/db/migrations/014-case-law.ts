import type { Kysely } from 'kysely'

/**
 * A dissolution case follows the law of its trigger date (Luật HTX 2023 from 01/07/2024); a case
 * that follows the other law says why, here, in the words the officer gave (the change itself is
 * in the audit log). Existing cases keep their law and template; their reason stays empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dissolution_cases').addColumn('law_reason', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dissolution_cases').dropColumn('law_reason').execute()
}

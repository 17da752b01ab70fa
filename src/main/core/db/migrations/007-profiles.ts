import { sql, type Kysely } from 'kysely'

/**
 * Profiles get a role (admin = quản trị, officer = cán bộ, viewer = chỉ xem) and
 * an optional password (scrypt hash and salt; null = no password). On a file that
 * already has profiles the oldest one becomes quản trị, so someone can still
 * manage the others; the rest stay cán bộ, as they could write before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('profiles')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('officer'))
    .execute()
  await db.schema.alterTable('profiles').addColumn('password_hash', 'text').execute()
  await db.schema.alterTable('profiles').addColumn('password_salt', 'text').execute()
  await sql`update profiles set role = 'admin'
    where name = (select name from profiles order by created_at, name limit 1)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('profiles').dropColumn('password_salt').execute()
  await db.schema.alterTable('profiles').dropColumn('password_hash').execute()
  await db.schema.alterTable('profiles').dropColumn('role').execute()
}

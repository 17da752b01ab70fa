import { sql, type Kysely } from 'kysely'

/**
 * The province's review of a consolidated package, and its reply back to the district.
 *
 * Province side: one review per accepted consolidation (accepted or returned, a note),
 * its remarks (on a record, or on an indicator of the report), and which district
 * record each consolidated entity was (consolidated_entities: the province renumbers
 * rows, the reply names the district's own id).
 *
 * District side: the replies it imported (one per package it sent; a newer reply for
 * the same package replaces it) and their remarks, each closable with an answer note; the
 * answers ride to the province in the next package's signed manifest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consolidated_entities')
    .addColumn('entity_id', 'integer', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('consolidated_entities_unit').on('consolidated_entities').columns(['unit_code', 'source_id']).execute()

  await db.schema
    .createTable('package_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('consolidation_id', 'integer', (c) => c.notNull().unique().references('package_consolidations.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.check(sql`decision is null or decision in ('accepted', 'returned')`))
    .addColumn('note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('review_remarks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('review_id', 'integer', (c) => c.notNull().references('package_reviews.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('source_id', 'integer')
    .addColumn('reg_no', 'text')
    .addColumn('name', 'text')
    .addColumn('indicator', 'text')
    .addColumn('indicator_label', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    // The district's answer, as its next package carried it (manifest «reviewAnswers»).
    .addColumn('answer_note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .execute()

  await db.schema
    .createTable('review_replies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('package_export_id', 'integer', (c) => c.notNull().unique().references('package_exports.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accepted', 'returned')`))
    .addColumn('note', 'text')
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reply_exported_at', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('reply_remarks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('review_replies.id'))
    .addColumn('remote_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('reg_no', 'text')
    .addColumn('name', 'text')
    .addColumn('indicator', 'text')
    .addColumn('indicator_label', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answer_note', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .execute()
  await db.schema.createIndex('reply_remarks_reply').on('reply_remarks').columns(['reply_id', 'remote_id']).unique().execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reply_remarks', 'review_replies', 'review_remarks', 'package_reviews', 'consolidated_entities'])
    await db.schema.dropTable(t).execute()
}

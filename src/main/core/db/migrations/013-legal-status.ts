import { sql, type Kysely } from 'kysely'

/**
 * The law in force (issue 15).
 *
 * 1. Legal status becomes the list of Nghị định 295/2026/NĐ-CP Điều 27 (khoản 1–7): the codes
 *    `active`, `suspended`, `dissolving`, `dissolved` keep their meaning; `not_at_address`,
 *    `revoked_tax`, `bankruptcy` are new. The first version's `inactive` and `revoked` are not
 *    in the decree's list, so every event holding one is mapped (src/shared/domain.ts,
 *    LEGACY_STATUSES):
 *    - `inactive` («ngừng hoạt động» without notice) → `active`, and the same date starts the
 *      management label `stopped`; the next event of that record that was not `inactive`
 *      ends the label on its date (so a record counts as stopped in the reports exactly where
 *      it did before);
 *    - `revoked` (certificate revoked, not yet dissolved) → `dissolving`
 *      (NĐ 295/2026 Điều 52 khoản 1 điểm b).
 *    Each mapped event keeps its id, date and decision and gets a note saying what it was;
 *    one audit row per mapped event and per label written (user «nâng cấp 013»).
 * 2. Management labels (entity_labels): a dated list per record, like the status events; a
 *    row with label null ends the label held before.
 * 3. THT that register (Luật HTX 2023 Điều 107 khoản 2, NĐ 295/2026 Chương V): certificate
 *    number and date, and whether the THT must register; for Điều 115 (charters updated to the
 *    2023 law) the date of the charter update; for the 2023 grounds the date of the latest
 *    yearly information update and a court decision.
 * The status table is rebuilt for its new CHECK (SQLite cannot alter one), ids kept, with
 * until_date: the end of a notified suspension (NĐ 295/2026 Điều 48 khoản 1: at most 12 months).
 */
const NEW_STATUSES = ['active', 'suspended', 'not_at_address', 'revoked_tax', 'dissolving', 'bankruptcy', 'dissolved']
const LABELS = ['stopped', 'awaiting_dissolution', 'paper_only', 'weak']
const USER = 'nâng cấp 013'

const list = (xs: string[]) => sql.raw(xs.map((x) => `'${x}'`).join(','))

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table status_events_013 (
    id integer primary key autoincrement,
    entity_id integer not null references entities(id) on delete cascade,
    status text not null check (status in (${list(NEW_STATUSES)})),
    effective_date text,
    decision_no text,
    note text,
    created_at text not null,
    import_batch_id integer references import_batches(id),
    until_date text
  )`.execute(db)

  await db.schema
    .createTable('entity_labels')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.check(sql`label is null or label in (${list(LABELS)})`))
    .addColumn('effective_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entity_labels_entity_date').on('entity_labels').columns(['entity_id', 'effective_date']).execute()

  const at = new Date().toISOString()
  const events = (await sql`select id, entity_id, status, effective_date, decision_no, note, created_at, import_batch_id
      from status_events order by entity_id, effective_date is not null, effective_date, id`.execute(db)) as {
    rows: Array<{
      id: number
      entity_id: number
      status: string
      effective_date: string | null
      decision_no: string | null
      note: string | null
      created_at: string
      import_batch_id: number | null
    }>
  }
  const audit = async (action: string, table: string, rowId: number, before: unknown, after: unknown) => {
    await sql`insert into audit_log (at, user, action, table_name, row_id, before_json, after_json)
      values (${at}, ${USER}, ${action}, ${table}, ${rowId}, ${before === null ? null : JSON.stringify(before)}, ${JSON.stringify(after)})`.execute(
      db
    )
  }
  const addLabel = async (entityId: number, label: string | null, date: string | null, note: string) => {
    const r = (await sql`insert into entity_labels (entity_id, label, effective_date, note, created_at)
      values (${entityId}, ${label}, ${date}, ${note}, ${at}) returning id`.execute(db)) as { rows: Array<{ id: number }> }
    await audit('migrate_label', 'entity_labels', r.rows[0]!.id, null, { entity_id: entityId, label, effective_date: date, note })
  }
  let entity = -1
  let stoppedLabel = false
  for (const e of events.rows) {
    if (e.entity_id !== entity) {
      entity = e.entity_id
      stoppedLabel = false
    }
    let status = e.status
    let note = e.note
    if (e.status === 'inactive' || e.status === 'revoked') {
      status = e.status === 'inactive' ? 'active' : 'dissolving'
      const said =
        e.status === 'inactive'
          ? 'Trước nâng cấp 013: «Ngừng hoạt động» (không phải tình trạng pháp lý theo NĐ 295/2026 Điều 27) → Đang hoạt động, nhãn quản lý «Ngừng hoạt động (không thông báo)».'
          : 'Trước nâng cấp 013: «Bị thu hồi GCN» → Đang làm thủ tục giải thể (NĐ 295/2026 Điều 52 khoản 1 điểm b).'
      note = note ? `${note}\n${said}` : said
      await audit(
        'migrate_status',
        'status_events',
        e.id,
        { status: e.status, note: e.note },
        { status, note, effective_date: e.effective_date, entity_id: e.entity_id }
      )
    }
    if (e.status === 'inactive' && !stoppedLabel) {
      await addLabel(e.entity_id, 'stopped', e.effective_date, 'Nâng cấp 013: từ tình trạng cũ «Ngừng hoạt động».')
      stoppedLabel = true
    } else if (e.status !== 'inactive' && stoppedLabel) {
      await addLabel(e.entity_id, null, e.effective_date, 'Nâng cấp 013: hết «Ngừng hoạt động» khi tình trạng cũ đổi.')
      stoppedLabel = false
    }
    await sql`insert into status_events_013 (id, entity_id, status, effective_date, decision_no, note, created_at, import_batch_id)
      values (${e.id}, ${e.entity_id}, ${status}, ${e.effective_date}, ${e.decision_no}, ${note}, ${e.created_at}, ${e.import_batch_id})`.execute(
      db
    )
  }
  await sql`drop table status_events`.execute(db)
  await sql`alter table status_events_013 rename to status_events`.execute(db)
  await db.schema.createIndex('status_events_entity_date').on('status_events').columns(['entity_id', 'effective_date']).execute()
  await db.schema.createIndex('status_events_date').on('status_events').columns(['effective_date', 'entity_id']).execute()

  for (const column of [
    'certificate_no',
    'certificate_date',
    'charter_updated_date',
    'info_update_date',
    'court_decision_no',
    'court_decision_date'
  ]) {
    await db.schema.alterTable('entities').addColumn(column, 'text').execute()
  }
  await db.schema
    .alterTable('entities')
    .addColumn('must_register', 'integer', (c) => c.check(sql`must_register is null or must_register in (0, 1)`))
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migration 013 maps legal statuses and cannot be undone; restore the backup taken before it.')
}

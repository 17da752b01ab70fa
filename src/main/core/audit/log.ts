/** The change log: what an audit row holds is said once here, for the Kysely writes and the bulk ones. */
import type Sqlite from 'better-sqlite3'
import type { Insertable, Selectable } from 'kysely'
import type { AuditEntry } from '../../../shared/api'
import type { CoreContext, Trx } from '../context'
import type { AuditLogTable } from '../db/schema'

export interface AuditRecord {
  action: string
  table: string
  rowId: number | null
  before?: unknown
  after?: unknown
}

/** One record as its stored row. */
function auditRow(ctx: CoreContext, record: AuditRecord, at: string): Insertable<AuditLogTable> {
  return {
    at,
    user: ctx.user,
    action: record.action,
    table_name: record.table,
    row_id: record.rowId,
    before_json: record.before === undefined ? null : JSON.stringify(record.before),
    after_json: record.after === undefined ? null : JSON.stringify(record.after)
  }
}

/** Writes the change log row inside the caller's transaction: no change without it. */
export async function writeAudit(trx: Trx, ctx: CoreContext, record: AuditRecord): Promise<void> {
  await writeAudits(trx, ctx, [record])
}

/** Many change log rows at once (a bulk write: one row per record, one insert per few hundred). */
export async function writeAudits(trx: Trx, ctx: CoreContext, records: AuditRecord[]): Promise<void> {
  const at = ctx.now()
  for (let i = 0; i < records.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(records.slice(i, i + 500).map((record) => auditRow(ctx, record, at)))
      .execute()
  }
}

/** The columns an audit row is written with, in order: typed by the table, so a renamed column fails to compile. */
const AUDIT_COLUMNS = ['at', 'user', 'action', 'table_name', 'row_id', 'before_json', 'after_json'] as const satisfies ReadonlyArray<
  keyof AuditLogTable
>
const preparedAudits = new WeakMap<Sqlite.Database, Sqlite.Statement>()

/**
 * The same row as writeAudit, through one statement prepared once per connection, for
 * the bulk paths that write on better-sqlite3 directly inside their transaction
 * (imports, bulk creates, consolidation): one rule for what an audit row holds.
 */
export function auditWriter(ctx: CoreContext): (record: AuditRecord, at?: string) => void {
  const sqlite = ctx.conn.sqlite
  let insert = preparedAudits.get(sqlite)
  if (!insert) {
    insert = sqlite.prepare(`insert into audit_log (${AUDIT_COLUMNS.join(', ')}) values (${AUDIT_COLUMNS.map(() => '?').join(', ')})`)
    preparedAudits.set(sqlite, insert)
  }
  const statement = insert
  return (record, at = ctx.now()) => {
    const row = auditRow(ctx, record, at)
    statement.run(AUDIT_COLUMNS.map((c) => row[c] ?? null))
  }
}

export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    action: row.action,
    table: row.table_name,
    rowId: row.row_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json)
  }
}

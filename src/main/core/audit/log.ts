import type { AuditEntry } from '../../../shared/api'
import type { CoreContext, Trx } from '../context'

export interface AuditRecord {
  action: string
  table: string
  rowId: number | null
  before?: unknown
  after?: unknown
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
      .values(
        records.slice(i, i + 500).map((record) => ({
          at,
          user: ctx.user,
          action: record.action,
          table_name: record.table,
          row_id: record.rowId,
          before_json: record.before === undefined ? null : JSON.stringify(record.before),
          after_json: record.after === undefined ? null : JSON.stringify(record.after)
        }))
      )
      .execute()
  }
}

export function toAuditEntry(row: {
  id: number
  at: string
  user: string
  action: string
  table_name: string
  row_id: number | null
  before_json: string | null
  after_json: string | null
}): AuditEntry {
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

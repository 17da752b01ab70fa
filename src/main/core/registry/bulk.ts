/**
 * The bulk write path (imports, benchmarks): prepared statements inside one
 * SQLite transaction, the same stored form and derived keys as entity.create,
 * a starting status per record, and one audit row naming every id created.
 */
import type { Statement } from 'better-sqlite3'
import type { EntityFields } from '../../../shared/api'
import type { Status } from '../../../shared/domain'
import type { CoreContext } from '../context'
import { duplicateError } from '../db/unique'
import { derivedKeys, toColumns } from './entities'

export function bulkCreateEntities(ctx: CoreContext, rows: Array<EntityFields & { status?: Status }>): { created: number; firstId: number | null; lastId: number | null } {
  const sqlite = ctx.conn.sqlite
  const now = ctx.now()
  // One statement per set of columns the rows carry (rows of one source carry the same fields):
  // a column left out is null, as when it is bound as null.
  const inserts = new Map<string, { statement: Statement; columns: string[] }>()
  const insertFor = (columns: string[]) => {
    const key = columns.join(',')
    let insert = inserts.get(key)
    if (!insert) {
      insert = {
        columns,
        statement: sqlite.prepare(
          `insert into entities (${columns.join(', ')}, name_key, search_key, created_at, updated_at)
           values (${columns.map(() => '?').join(', ')}, ?, ?, ?, ?)`
        )
      }
      inserts.set(key, insert)
    }
    return insert
  }
  const insertStatus = sqlite.prepare(
    'insert into status_events (entity_id, status, effective_date, decision_no, note, created_at) values (?, ?, null, null, null, ?)'
  )
  // A run of records created one after the other with the same starting status gets its events
  // from one statement: the same rows, in the same order, as one insert per record.
  const insertStatusRun = sqlite.prepare(
    `insert into status_events (entity_id, status, effective_date, decision_no, note, created_at)
     select id, ?, null, null, null, ? from entities where id between ? and ? order by id`
  )
  const insertAudit = sqlite.prepare(
    'insert into audit_log (at, user, action, table_name, row_id, before_json, after_json) values (?, ?, ?, ?, null, null, ?)'
  )
  // immediate: take the write lock first, so a busy file is waited out (busy_timeout), not refused at once.
  return sqlite.transaction(() => {
    let firstId: number | null = null
    let lastId: number | null = null
    let run: { status: Status; from: number; to: number } | null = null
    const endRun = () => {
      if (!run) return
      if (run.from === run.to) insertStatus.run(run.from, run.status, now)
      else insertStatusRun.run(run.status, now, run.from, run.to)
      run = null
    }
    for (const [index, fields] of rows.entries()) {
      const { status, ...rest } = fields
      const columns = toColumns(rest) as Record<string, string | number | null>
      const keys = derivedKeys({
        name: columns.name as string,
        reg_no: (columns.reg_no ?? null) as string | null,
        representative: (columns.representative ?? null) as string | null,
        address: (columns.address ?? null) as string | null,
        commune: (columns.commune ?? null) as string | null
      })
      const names = Object.keys(columns)
      const values: Array<string | number | null> = Object.values(columns)
      values.push(keys.name_key, keys.search_key, now, now)
      let id: number
      try {
        id = Number(insertFor(names).statement.run(values).lastInsertRowid)
      } catch (err) {
        throw duplicateError(sqlite, err, { name: columns.name as string, regNo: columns.reg_no as string | null, commune: columns.commune as string | null }, `Dòng ${index + 1}`) ?? err
      }
      const initial = status ?? 'active'
      if (run && run.status === initial && id === run.to + 1) run.to = id
      else {
        endRun()
        run = { status: initial, from: id, to: id }
      }
      firstId ??= id
      lastId = id
    }
    endRun()
    insertAudit.run(now, ctx.user, 'bulk_create', 'entities', JSON.stringify({ count: rows.length, firstId, lastId }))
    return { created: rows.length, firstId, lastId }
  }).immediate()
}

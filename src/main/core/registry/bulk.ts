/**
 * The write path for many records at once — the import commit and entity.bulkCreate:
 * statements prepared once and run on better-sqlite3 inside the caller's transaction
 * (a register of 100,000 rows in seconds), the same stored form and derived keys as
 * entity.create, and the file's own refusal of a second live number said in Vietnamese.
 */
import { assertDistrictRegisters } from '../office/registrar'
import { communePlacer, type CommunePlacer } from '../office/communes'
import type { Statement } from 'better-sqlite3'
import type { EntityFields } from '../../../shared/api'
import type { Status } from '../../../shared/domain'
import { auditWriter } from '../audit/log'
import type { CoreContext } from '../context'
import type { EntitiesTable, StatusEventsTable } from '../db/schema'
import { duplicateError } from '../db/unique'
import { derivedKeys, toColumns } from './entities'

type Column = keyof EntitiesTable & string

export interface EntityWriter {
  /** Writes one record; `where` names it in a refusal ("Dòng 3", "tệp › trang › dòng 12"). Returns its id. */
  insert(fields: Partial<EntityFields>, where: string): number
  /** One status event of a record written here. */
  status(entityId: number, status: Status, effectiveDate: string | null): void
}

/** Records of one import batch carry its id, so undoing the import finds them. */
export function entityWriter(ctx: CoreContext, options: { batchId?: number } = {}): EntityWriter {
  const sqlite = ctx.conn.sqlite
  const now = ctx.now()
  const batch = options.batchId ?? null
  const place = communePlacer(ctx)
  const level = (
    sqlite.prepare('select level from office join admin_units on admin_units.code = office.unit_code').get() as
      { level: string } | undefined
  )?.level
  // One statement per set of columns the rows carry (rows of one source carry the same fields):
  // a column left out is null, as when it is bound as null.
  const inserts = new Map<string, Statement>()
  // The shape of the last row, compared column by column: cheaper than joining 100,000 keys to look each up.
  let last: { columns: Column[]; insert: Statement } | null = null
  const sameAsLast = (columns: Column[]) => {
    if (!last || last.columns.length !== columns.length) return false
    for (let i = 0; i < columns.length; i++) if (last.columns[i] !== columns[i]) return false
    return true
  }
  const insertFor = (columns: Column[]) => {
    if (sameAsLast(columns)) return last!.insert
    const key = columns.join(',')
    let insert = inserts.get(key)
    if (!insert) {
      const all = [...columns, 'name_key', 'search_key', 'created_at', 'updated_at', 'import_batch_id'] satisfies Column[]
      insert = sqlite.prepare(`insert into entities (${all.join(', ')}) values (${all.map(() => '?').join(', ')})`)
      inserts.set(key, insert)
    }
    last = { columns, insert }
    return insert
  }
  const eventColumns = ['entity_id', 'status', 'effective_date', 'created_at', 'import_batch_id'] as const satisfies ReadonlyArray<
    keyof StatusEventsTable
  >
  const insertEvent = sqlite.prepare(`insert into status_events (${eventColumns.join(', ')}) values (?, ?, ?, ?, ?)`)
  return {
    insert(fields, where) {
      const columns = toColumns(fields) as Record<string, string | number | null>
      assertDistrictRegisters(level, columns.registration_date as string | null, where)
      place(columns as Parameters<CommunePlacer>[0], where)
      const keys = derivedKeys({
        name: columns.name as string,
        reg_no: (columns.reg_no ?? null) as string | null,
        representative: (columns.representative ?? null) as string | null,
        address: (columns.address ?? null) as string | null,
        commune: (columns.commune ?? null) as string | null
      })
      const values: Array<string | number | null> = Object.values(columns)
      values.push(keys.name_key, keys.search_key, now, now, batch)
      try {
        return Number(insertFor(Object.keys(columns) as Column[]).run(values).lastInsertRowid)
      } catch (err) {
        throw (
          duplicateError(
            sqlite,
            err,
            { name: columns.name as string, regNo: columns.reg_no as string | null, commune: columns.commune as string | null },
            where
          ) ?? err
        )
      }
    },
    status(entityId, status, effectiveDate) {
      insertEvent.run(entityId, status, effectiveDate, now, batch)
    }
  }
}

/** entity.bulkCreate: every row or none, one audit row naming the ids created. */
export function bulkCreateEntities(
  ctx: CoreContext,
  rows: Array<EntityFields & { status?: Status }>
): { created: number; firstId: number | null; lastId: number | null } {
  const sqlite = ctx.conn.sqlite
  const now = ctx.now()
  const audit = auditWriter(ctx)
  // A run of records created one after the other with the same starting status gets its events
  // from one statement: the same rows, in the same order, as one insert per record.
  const insertStatusRun = sqlite.prepare(
    `insert into status_events (entity_id, status, effective_date, decision_no, note, created_at)
     select id, ?, null, null, null, ? from entities where id between ? and ? order by id`
  )
  // immediate: take the write lock first, so a busy file is waited out (busy_timeout), not refused at once.
  return sqlite
    .transaction(() => {
      const writer = entityWriter(ctx)
      let firstId: number | null = null
      let lastId: number | null = null
      let run: { status: Status; from: number; to: number } | null = null
      const endRun = () => {
        if (!run) return
        if (run.from === run.to) writer.status(run.from, run.status, null)
        else insertStatusRun.run(run.status, now, run.from, run.to)
        run = null
      }
      for (const [index, fields] of rows.entries()) {
        const { status, ...rest } = fields
        const id = writer.insert(rest, `Dòng ${index + 1}`)
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
      audit({ action: 'bulk_create', table: 'entities', rowId: null, after: { count: rows.length, firstId, lastId } }, now)
      return { created: rows.length, firstId, lastId }
    })
    .immediate()
}

/**
 * Crash scenarios: what a worker does over and over until it is killed, and
 * what must hold in the file afterwards however the kill fell. Each domain adds
 * its own (imports, consolidations, finalisations) here.
 */
import type Sqlite from 'better-sqlite3'
import type { Core } from '../../src/main/core/api'

export interface Scenario {
  /** Prepares a fresh file (office set up, seed rows). */
  setup(core: Core): Promise<void>
  /** One unit of work; the worker calls it in a loop. */
  step(core: Core, i: number): Promise<void>
  /** Problems found in the file after a kill: empty when every invariant holds. */
  check(db: Sqlite.Database): string[]
}

function common(db: Sqlite.Database): string[] {
  const problems: string[] = []
  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`)
  const orphans = db.pragma('foreign_key_check') as unknown[]
  if (orphans.length > 0) problems.push(`${orphans.length} dòng mồ côi (foreign_key_check)`)
  return problems
}

const rows = <T>(db: Sqlite.Database, sql: string) => db.prepare(sql).all() as T[]

export const scenarios: Record<string, Scenario> = {
  /** Adds and edits records: every row change must have its audit row, and only then. */
  registry: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '178' })
    },
    async step(core, i) {
      if (i % 3 === 0) {
        await core.call('entity.create', { kind: 'htx', name: `HTX Thử sập nguồn ${i}`, notes: 'x'.repeat(i % 500) })
      } else {
        const { rows: list } = await core.call('entity.list', {})
        const e = list[i % Math.max(list.length, 1)]
        if (e) await core.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { notes: `lần ${i}` } })
      }
    },
    check(db) {
      const problems = common(db)
      const missingCreate = rows<{ id: number }>(
        db,
        `select e.id from entities e where (select count(*) from audit_log a
           where a.table_name = 'entities' and a.action = 'create' and a.row_id = e.id) != 1`
      )
      if (missingCreate.length) problems.push(`${missingCreate.length} bản ghi không có đúng một dòng nhật ký "create"`)
      const versionMismatch = rows<{ id: number }>(
        db,
        `select e.id from entities e where e.row_version - 1 != (select count(*) from audit_log a
           where a.table_name = 'entities' and a.action = 'update' and a.row_id = e.id)`
      )
      if (versionMismatch.length) problems.push(`${versionMismatch.length} bản ghi có số lần sửa khác số dòng nhật ký`)
      const ghostAudit = rows<{ id: number }>(
        db,
        `select a.id from audit_log a where a.table_name = 'entities' and a.row_id not in (select id from entities)`
      )
      if (ghostAudit.length) problems.push(`${ghostAudit.length} dòng nhật ký trỏ tới bản ghi không có`)
      const noStatus = rows<{ id: number }>(db, `select id from entities where id not in (select entity_id from status_events)`)
      if (noStatus.length) problems.push(`${noStatus.length} bản ghi không có tình trạng`)
      return problems
    }
  }
}

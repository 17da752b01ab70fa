/**
 * Registers built for the report tests: rows written straight into a real file with
 * prepared statements (a province file refuses direct edits through the API, as its
 * register is made of the districts' snapshots), in the stored form the registry uses.
 */
import type Sqlite from 'better-sqlite3'
import { fold, searchKey } from '../../src/shared/text'

export interface SeedRow {
  kind?: 'htx' | 'lhhtx' | 'tht'
  name?: string
  sector?: string | null
  district?: string | null
  registered?: string | null
  capital?: number | null
  memberCoops?: string[]
  /** Status events: [status, date or null]. Default: active since registration. */
  events?: Array<[string, string | null]>
  figures?: Array<{ year: number } & Partial<Record<'members' | 'workers' | 'managers' | 'managers_elementary' | 'managers_college' | 'revenue' | 'profit' | 'avg_income', number>> & { classification?: string }>
}

export function seed(sqlite: Sqlite.Database, rows: SeedRow[]): number[] {
  const now = '2024-01-01T00:00:00.000Z'
  const ent = sqlite.prepare(
    `insert into entities (kind, name, name_key, search_key, sector, district_code, registration_date, charter_capital, member_coops_json, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const ev = sqlite.prepare('insert into status_events (entity_id, status, effective_date, created_at) values (?, ?, ?, ?)')
  const cols = ['members', 'workers', 'managers', 'managers_elementary', 'managers_college', 'revenue', 'profit', 'avg_income', 'classification'] as const
  const fig = sqlite.prepare(`insert into yearly_figures (entity_id, year, ${cols.join(', ')}) values (?, ?, ${cols.map(() => '?').join(', ')})`)
  const ids: number[] = []
  sqlite.transaction(() => {
    rows.forEach((r, i) => {
      const name = r.name ?? `Hợp tác xã số ${i + 1}`
      const id = Number(
        ent.run(r.kind ?? 'htx', name, fold(name), searchKey(name), r.sector ?? null, r.district ?? null, r.registered ?? null, r.capital ?? null, r.memberCoops ? JSON.stringify(r.memberCoops) : null, now, now).lastInsertRowid
      )
      for (const [status, date] of r.events ?? [['active', null]]) ev.run(id, status, date, now)
      for (const f of r.figures ?? []) fig.run(id, f.year, ...cols.map((c) => (f as Record<string, unknown>)[c] ?? null))
      ids.push(id)
    })
  })()
  return ids
}

/** n rows made by `make(i)`. */
export function many(n: number, make: (i: number) => SeedRow): SeedRow[] {
  return Array.from({ length: n }, (_, i) => make(i))
}

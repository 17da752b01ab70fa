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
  figures?: Array<
    { year: number } & Partial<
      Record<'members' | 'workers' | 'managers' | 'managers_elementary' | 'managers_college' | 'revenue' | 'profit' | 'avg_income', number>
    > & { classification?: string }
  >
}

export function seed(sqlite: Sqlite.Database, rows: SeedRow[]): number[] {
  const now = '2024-01-01T00:00:00.000Z'
  const ent = sqlite.prepare(
    `insert into entities (kind, name, name_key, search_key, sector, district_code, registration_date, charter_capital, member_coops_json, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const ev = sqlite.prepare('insert into status_events (entity_id, status, effective_date, created_at) values (?, ?, ?, ?)')
  const cols = [
    'members',
    'workers',
    'managers',
    'managers_elementary',
    'managers_college',
    'revenue',
    'profit',
    'avg_income',
    'classification'
  ] as const
  const fig = sqlite.prepare(
    `insert into yearly_figures (entity_id, year, ${cols.join(', ')}) values (?, ?, ${cols.map(() => '?').join(', ')})`
  )
  const ids: number[] = []
  sqlite.transaction(() => {
    rows.forEach((r, i) => {
      const name = r.name ?? `Hợp tác xã số ${i + 1}`
      const id = Number(
        ent.run(
          r.kind ?? 'htx',
          name,
          fold(name),
          searchKey(name),
          r.sector ?? null,
          r.district ?? null,
          r.registered ?? null,
          r.capital ?? null,
          r.memberCoops ? JSON.stringify(r.memberCoops) : null,
          now,
          now
        ).lastInsertRowid
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

export const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188']

/** Lạng Sơn at 30/06/2023 as the plan's table gives it (DOMAIN.md); district 189 left empty. */
export function langSonRows(): SeedRow[] {
  const sectors: Array<[string, number, number]> = [
    ['agri', 293, 45],
    ['industry', 30, 10],
    ['construction', 22, 5],
    ['trade_service', 40, 6],
    ['environment', 4, 2],
    ['transport', 11, 6]
  ]
  const present: SeedRow[] = []
  let stoppedSeen = 0
  for (const [sector, active, stopped] of sectors) {
    for (let k = 0; k < active + stopped; k++) {
      const isStopped = k >= active
      const status = !isStopped ? null : stoppedSeen++ < 48 ? 'dissolving' : 'suspended'
      present.push({
        sector,
        events: status
          ? [
              ['active', null],
              [status, '2021-05-01']
            ]
          : [['active', null]]
      })
    }
  }
  present.forEach((r, i) => {
    r.district = DISTRICTS[i % DISTRICTS.length]
    // The last 20 were founded in H1 2023 with 36,48 bn of capital; the rest make up 991,5 bn in all.
    const isNew = i >= present.length - 20
    r.registered = isNew ? `2023-0${(i % 6) + 1}-10` : `20${10 + (i % 12)}-03-01`
    r.capital = isNew ? 1_824_000_000 : i === 0 ? 3_720_000_000 : 2_100_000_000
    r.figures = [
      {
        year: 2022,
        members: 11 + (i < 195 ? 1 : 0),
        workers: 15 + (i < 192 ? 1 : 0),
        managers: 3 + (i < 128 ? 1 : 0),
        managers_elementary: i < 300 ? 1 : 0,
        managers_college: i >= present.length - 350 ? 1 : 0
      }
    ]
  })
  // Figures of a later year never count in a 2023 report.
  present[0]!.figures!.push({ year: 2024, members: 9999, workers: 9999 })
  const dissolved = many(6, (i) => ({
    sector: 'agri',
    district: DISTRICTS[i],
    registered: '2015-01-01',
    events: [
      ['active', null],
      ['dissolving', '2022-01-01'],
      ['dissolved', `2023-0${i + 1}-15`]
    ]
  }))
  const dissolvedBefore = many(3, (i) => ({
    sector: 'agri',
    district: DISTRICTS[i],
    registered: '2015-01-01',
    events: [
      ['active', null],
      ['dissolved', '2022-12-31']
    ]
  }))
  const unions: SeedRow[] = [
    {
      kind: 'lhhtx',
      district: '178',
      registered: '2016-01-01',
      memberCoops: many(7, (i) => ({ name: `HTX ${i}` })).map((r) => r.name!),
      events: [
        ['active', null],
        ['suspended', '2020-01-01']
      ]
    },
    {
      kind: 'lhhtx',
      district: '183',
      registered: '2017-01-01',
      memberCoops: many(6, (i) => ({ name: `HTX ${i}` })).map((r) => r.name!),
      events: [
        ['active', null],
        ['suspended', '2022-01-01']
      ]
    }
  ]
  const groups = many(230, (i) => ({
    kind: 'tht' as const,
    district: DISTRICTS[i % DISTRICTS.length],
    registered: '2019-05-01',
    figures: [{ year: 2022, members: 20 + (i < 50 ? 1 : 0) }]
  }))
  return [...present, ...dissolved, ...dissolvedBefore, ...unions, ...groups]
}

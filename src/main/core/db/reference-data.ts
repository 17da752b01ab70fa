/**
 * Reference data shipped in resources/ (compiled into the bundle), copied into
 * the file when its version changes, so the map can change without code.
 * The map is Vietnam's of both periods (resources/admin-units/vn.json through
 * office/map.ts), keyed as office/map.ts `unitKey` says.
 */
import type Sqlite from 'better-sqlite3'
import { allUnitRows, MAP_VERSION } from '../office/map'

export function syncAdminUnits(sqlite: Sqlite.Database): void {
  const key = 'admin_units_version'
  const current = sqlite.prepare('select value from meta where key = ?').get(key) as { value: string } | undefined
  if (current?.value === MAP_VERSION) return
  // A file opened with only the early migrations (tests of an upgrade) has no period columns yet: it
  // gets the units alone, and the map's version is not recorded, so the first full open copies it again.
  const full = (sqlite.prepare('pragma table_info(admin_units)').all() as Array<{ name: string }>).some((c) => c.name === 'period')
  const upsert = full
    ? sqlite.prepare(
        `insert into admin_units (code, name, level, parent_code, valid_from, valid_to, gso_code, period)
         values (?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
           valid_from = excluded.valid_from, valid_to = excluded.valid_to, gso_code = excluded.gso_code, period = excluded.period`
      )
    : sqlite.prepare(
        `insert into admin_units (code, name, level, parent_code, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)
         on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
           valid_from = excluded.valid_from, valid_to = excluded.valid_to`
      )
  // Parents before children so the foreign key holds.
  const order = { province: 0, district: 1, commune: 2 } as const
  const rows = allUnitRows().sort((a, b) => order[a.level] - order[b.level])
  sqlite.transaction(() => {
    for (const u of rows) {
      if (full) upsert.run(u.key, u.name, u.level, u.parent, u.validFrom, u.validTo, u.code, u.period)
      else upsert.run(u.key, u.name, u.level, u.parent, u.validFrom, u.validTo)
    }
    if (full)
      sqlite
        .prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
        .run(key, MAP_VERSION)
  })()
}

import Sqlite from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { listBackups } from '../../src/main/core/backup/files'
import { openDatabase } from '../../src/main/core/db/connection'
import { migrations } from '../../src/main/core/db/migrations'
import { AppError } from '../../src/shared/errors'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dir(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('the office database file', () => {
  it('opens with WAL, foreign keys, synchronous=FULL and a busy timeout', async () => {
    const conn = await openDatabase(join(dir(), 'a.db'))
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(conn.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    await conn.db.destroy()
  })

  it('creates the schema and seeds Lạng Sơn and its 11 district-level units from resources/', async () => {
    const core = await createCore({ dbPath: join(dir(), 'a.db') })
    const provinces = await core.call('units.list', { level: 'province' })
    expect(provinces.map((u) => u.code)).toContain('20')
    const districts = await core.call('units.list', { parentCode: '20' })
    expect(districts.map((u) => u.code)).toEqual(['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189'])
    expect(districts.find((u) => u.code === '185')?.name).toBe('Huyện Bắc Sơn')
    const info = await core.call('office.info', {})
    expect(info).toMatchObject({ configured: false, schemaVersion: Object.keys(migrations).length })
    await core.close()
  })

  it('rejects a foreign key that points nowhere: the pragma is really on', async () => {
    const conn = await openDatabase(join(dir(), 'a.db'))
    expect(() =>
      conn.sqlite.prepare("insert into status_events (entity_id, status, created_at) values (999, 'active', 'x')").run()
    ).toThrow(/FOREIGN KEY/)
    await conn.db.destroy()
  })

  it('copies the existing file to backups/ before a migration runs, then upgrades', async () => {
    const d = dir()
    const path = join(d, 'a.db')
    const core = await createCore({ dbPath: path, user: 'a' })
    await core.call('office.setup', { unitCode: '178' })
    await core.call('entity.create', { kind: 'htx', name: 'HTX Trước nâng cấp' })
    await core.close()

    const next = {
      ...migrations,
      '999-test-upgrade': {
        up: async (db: import('kysely').Kysely<any>) => {
          await db.schema.createTable('upgrade_marker').addColumn('id', 'integer').execute()
        }
      }
    }
    const conn = await openDatabase(path, { migrations: next })
    expect(conn.migrationBackup).not.toBeNull()
    expect(readdirSync(join(d, 'backups')).filter((f) => f.endsWith('.db'))).toHaveLength(1)
    expect(listBackups(join(d, 'backups'))).toMatchObject([{ reason: 'migration', file: conn.migrationBackup }])
    const backup = new Sqlite(conn.migrationBackup!, { readonly: true })
    expect(backup.prepare('select name from entities').all()).toEqual([{ name: 'HTX Trước nâng cấp' }])
    expect(backup.prepare("select count(*) n from sqlite_master where name = 'upgrade_marker'").get()).toEqual({ n: 0 })
    backup.close()
    expect(conn.sqlite.prepare("select count(*) n from sqlite_master where name = 'upgrade_marker'").get()).toEqual({ n: 1 })
    await conn.db.destroy()

    // Opening again with nothing pending writes no second copy.
    const again = await openDatabase(path, { migrations: next })
    expect(again.migrationBackup).toBeNull()
    await again.db.destroy()
  })

  it('writes no backup when the file is new', async () => {
    const d = dir()
    const conn = await openDatabase(join(d, 'new.db'))
    expect(conn.migrationBackup).toBeNull()
    expect(existsSync(join(d, 'backups'))).toBe(false)
    await conn.db.destroy()
  })

  it('says in Vietnamese that a file which is not a database cannot be opened', async () => {
    const path = join(dir(), 'not-a-db.db')
    writeFileSync(path, 'PK\u0003\u0004 this is a zip, not SQLite'.repeat(200))
    const err = await openDatabase(path).catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.message).toMatch(/không phải là tệp dữ liệu Sổ HTX|Không nâng cấp được/)
  })

  it('refuses to create a file when told it must exist', async () => {
    const err = await openDatabase(join(dir(), 'missing.db'), { mustExist: true }).catch((e) => e)
    expect(err).toMatchObject({ code: 'NOT_FOUND' })
  })
})

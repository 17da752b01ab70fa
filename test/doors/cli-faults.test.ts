/**
 * The CLI door on faulty files: the same start-up
 * check as the windows (a damaged file is refused before any command writes
 * into it, in Vietnamese, without a stack trace, and `restore` can still put a
 * copy in its place), a newer file read-only, a full disk said as «ổ đĩa đầy»
 * with nothing left behind, another office's backup refused.
 */
import Sqlite from 'better-sqlite3'
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { backupDir } from '../../src/main/core/backup/files'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'
import { canMountTmpfs, tmpfs } from '../helpers/mount'

const FIX = join(__dirname, '../fixtures/import')
const MOUNT = canMountTmpfs()
const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function office(n: number, dir?: string): Promise<string> {
  if (!dir) {
    const t = tempDir()
    cleanups.push(t.cleanup)
    dir = t.dir
  }
  const db = join(dir, 'a.db')
  const core = await createCore({ dbPath: db })
  await core.call('office.setup', { unitCode: '178' })
  if (n > 0)
    await core.call('entity.bulkCreate', {
      rows: Array.from({ length: n }, (_, i) => ({ kind: 'htx', name: `HTX Số ${i + 1}`, notes: 'ghi chú '.repeat(30) }))
    })
  await core.close()
  return db
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |SqliteError|SQLITE_|ENOSPC|EROFS/)

function count(db: string, table = 'entities'): number {
  const s = new Sqlite(db, { readonly: true })
  try {
    return (s.prepare(`select count(*) n from ${table}`).get() as { n: number }).n
  } finally {
    s.close()
  }
}

function fill(dir: string): void {
  const fd = openSync(join(dir, 'day.bin'), 'w')
  try {
    const chunk = Buffer.alloc(4096, 1)
    for (;;) writeSync(fd, chunk)
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(fd)
  }
}

describe('the CLI on a damaged file', () => {
  it('refuses every command before it writes, in Vietnamese, without a stack trace, and restore puts a copy back', async () => {
    const db = await office(300)
    expect((await cli('backup', '--db', db)).code).toBe(0)
    const size = statSync(db).size
    const fd = openSync(db, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    closeSync(fd)
    const damaged = readFileSync(db)

    const r = await cli('entity', 'add', '--db', db, '--name', 'HTX Ghi vào tệp hỏng')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/bị hỏng/)
    expect(r.stderr).toContain('restore --db')
    noStack(r.stderr)
    expect(readFileSync(db).equals(damaged)).toBe(true)

    const listed = await cli('entity', 'list', '--db', db, '--json')
    expect(listed.code).toBe(1)
    expect(JSON.parse(listed.stdout).error.code).toBe('CORRUPT')

    const copy = readdirSync(backupDir(db)).find((f) => f.endsWith('.db'))!
    const restored = await cli('restore', '--db', db, '--from', join(backupDir(db), copy))
    expect(restored.code).toBe(0)
    expect(readdirSync(join(db, '..')).some((f) => f.startsWith('a.db.hong-'))).toBe(true)
    expect((await cli('entity', 'add', '--db', db, '--name', 'HTX Sau khôi phục')).code).toBe(0)
    expect(count(db)).toBe(301)
  })

  it('names a file that is not SQLite without a stack trace', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    writeFileSync(db, 'MZ một tệp .exe đổi tên '.repeat(200))
    const r = await cli('entity', 'list', '--db', db, '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('NOT_A_DATABASE')
    noStack(r.stderr)
  })

  it('opens a newer file read-only: entity add refused naming the version, info still works', async () => {
    const db = await office(4)
    const s = new Sqlite(db)
    s.prepare("insert into kysely_migration(name, timestamp) values ('999-future', '2030-01-01T00:00:00.000Z')").run()
    s.exec('alter table entities rename column phone to phone_number')
    s.close()
    const r = await cli('entity', 'add', '--db', db, '--name', 'HTX Không ghi')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Tệp này được tạo bởi phiên bản mới hơn \(cấu trúc số \d+\)/)
    noStack(r.stderr)
    expect(count(db)).toBe(4)
    const info = await cli('info', '--db', db, '--json')
    expect(info.code).toBe(0)
  })
})

describe('the CLI on a full disk', () => {
  it.skipIf(!MOUNT)('an import on a full disk says «ổ đĩa đầy» and leaves no record behind', async () => {
    const mnt = tmpfs(8192, cleanups)
    if (!mnt) return
    const db = await office(0, mnt)
    // Another window keeps the file open (its -shm is in place); its log emptied, then the disk fills.
    const holder = new Sqlite(db)
    cleanups.push(() => void holder.close())
    holder.pragma('wal_checkpoint(TRUNCATE)')
    fill(mnt)
    const r = await cli('import', join(FIX, 'messy.xlsx'), '--db', db, '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('DISK_FULL')
    expect(r.stderr).toMatch(/ổ đĩa đầy/i)
    noStack(r.stderr)
    expect(count(db)).toBe(0)
    expect(count(db, 'import_batches')).toBe(0)
  })

  it.skipIf(!MOUNT)('export to a full drive says «ổ đĩa đầy» and leaves no partial .xlsx', async () => {
    const db = await office(200)
    const usb = tmpfs(64, cleanups)
    if (!usb) return
    fill(usb)
    const out = join(usb, 'goi.xlsx')
    const r = await cli('export', '--db', db, '--out', out, '--as-of', '30/06/2024', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error.code).toBe('DISK_FULL')
    expect(r.stderr).toMatch(/ổ đĩa đầy/i)
    noStack(r.stderr)
    expect(readdirSync(usb).filter((f) => f !== 'day.bin')).toEqual([])
  })

  // The CLI writes inside the export's transaction (core/delivery.ts): no file, no history row.
  it.skipIf(!MOUNT)('export to a full drive records no package_exports row', async () => {
    const db = await office(200)
    const usb = tmpfs(64, cleanups)
    if (!usb) return
    fill(usb)
    await cli('export', '--db', db, '--out', join(usb, 'goi.xlsx'), '--as-of', '30/06/2024')
    expect(count(db, 'package_exports')).toBe(0)
  })
})

describe("the CLI restoring another office's backup", () => {
  it('refuses it, naming the unit', async () => {
    const db = await office(2)
    const t = tempDir()
    cleanups.push(t.cleanup)
    const province = join(t.dir, 'tinh.db')
    expect((await cli('init', '--db', province, '--unit', '20')).code).toBe(0)
    const made = await cli('backup', '--db', province, '--to', backupDir(db), '--json')
    const theirs = JSON.parse(made.stdout).file as string
    const listed = JSON.parse((await cli('backups', '--db', db, '--json')).stdout) as Array<{ file: string }>
    expect(listed.map((b) => b.file)).not.toContain(theirs)
    const r = await cli('restore', '--db', db, '--from', theirs)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Tỉnh Lạng Sơn (mã 20)')
    expect(JSON.parse((await cli('info', '--db', db, '--json')).stdout).unit.code).toBe('178')
  })
})

/**
 * Faults at opening and around backups:
 * a locked, read-only, forbidden, foreign, damaged or newer file each named for
 * what it is; a backup offered only for a file proven damaged, and a good file
 * never replaced; backups kept to their office; close() closes the file in use.
 * Real conditions where the machine allows (a child process holding the lock, a
 * read-only tmpfs, a child running as another user), skipped where it does not.
 */
import Sqlite from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { backupDir, listBackups } from '../../src/main/core/backup/files'
import { migrations } from '../../src/main/core/db/migrations'
import { openForWindow } from '../../src/main/startup'
import { tempDir } from '../helpers/temp'
import { canMountTmpfs, tmpfs } from '../helpers/mount'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const SQLITE = require.resolve('better-sqlite3')
const ROOT = process.getuid?.() === 0
const MOUNT = canMountTmpfs()

/** A district's file with `n` records and one manual backup; returns its path. */
async function officeFile(n = 50, unitCode = '178', name = 'so-htx.db', dir?: string): Promise<string> {
  if (!dir) {
    const t = tempDir()
    cleanups.push(t.cleanup)
    dir = t.dir
  }
  const dbPath = join(dir, name)
  const core = await createCore({ dbPath, user: 'Nguyễn Thị Lan' })
  await core.call('office.setup', { unitCode })
  if (n > 0)
    await core.call('entity.bulkCreate', {
      rows: Array.from({ length: n }, (_, i) => ({ kind: 'htx', name: `HTX Số ${i + 1} Hoàng Đồng` }))
    })
  await core.call('backup.create', {})
  await core.close()
  return dbPath
}

function countRows(dbPath: string): number {
  const db = new Sqlite(dbPath, { readonly: true })
  try {
    return (db.prepare('select count(*) n from entities').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/**
 * Another process holding the file: `mode` 'exclusive' takes the whole file
 * (locking_mode=EXCLUSIVE and a write: nobody else can even read), 'write'
 * holds the write lock of a transaction (readers go on, writers wait).
 * Resolves once the lock is held; `done` resolves when the child let go.
 */
async function holdLock(dbPath: string, mode: 'exclusive' | 'write', ms: number): Promise<{ done: Promise<void> }> {
  const code = `
    const Sqlite = require(${JSON.stringify(SQLITE)})
    const db = new Sqlite(${JSON.stringify(dbPath)})
    ${mode === 'exclusive' ? "db.pragma('locking_mode = EXCLUSIVE')" : ''}
    db.exec('BEGIN IMMEDIATE')
    db.exec("insert into meta(key, value) values('lock-holder', 'x') on conflict(key) do update set value = 'y'")
    process.stdout.write('held\\n')
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); process.exit(0) }, ${ms})
  `
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const done = new Promise<void>((ok) => child.on('exit', () => ok()))
  cleanups.push(() => {
    child.kill('SIGKILL')
    return done
  })
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && ok())
    child.on('exit', () => fail(new Error('lock holder ended early')))
  })
  return { done }
}

describe('opening a file another process holds', () => {
  it('says busy — not damaged — and offers no backup, leaving the good file alone', async () => {
    const dbPath = await officeFile()
    const before = readFileSync(dbPath)
    await holdLock(dbPath, 'exclusive', 8000)
    const err = await openForWindow({ dbPath, checkIntegrity: true, busyTimeoutMs: 300 }).catch((e) => e)
    expect(err).toMatchObject({ code: 'BUSY' })
    expect(err.message).toMatch(/đang bận/)
    expect(err.message).not.toMatch(/SQLITE|không phải là tệp|bị hỏng/)
    expect(readdirSync(join(dbPath, '..')).filter((f) => f.includes('.hong-'))).toEqual([])
    expect(readFileSync(dbPath).equals(before)).toBe(true)
  })

  it('waits out its busy timeout: a lock let go within it is no fault at all', async () => {
    const dbPath = await officeFile()
    await holdLock(dbPath, 'exclusive', 600)
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true, busyTimeoutMs: 10_000 })
    cleanups.push(() => core.close())
    expect(problem).toBeNull()
    expect((await core.call('entity.list', { limit: 1 })).total).toBe(50)
  })

  it("a write waits for another process's write transaction instead of failing at once", async () => {
    const dbPath = await officeFile()
    const core = await createCore({ dbPath, busyTimeoutMs: 10_000 })
    cleanups.push(() => core.close())
    // A read first, as every handler does (the access check, a duplicate check) before it writes.
    await core.call('entity.list', { limit: 1 })
    await holdLock(dbPath, 'write', 700)
    const created = await core.call('entity.create', { kind: 'htx', name: 'HTX Chờ khóa' })
    expect(created).toMatchObject({ name: 'HTX Chờ khóa' })
  })

  it('says BUSY in Vietnamese when the lock outlasts the timeout', async () => {
    const dbPath = await officeFile()
    const core = await createCore({ dbPath, busyTimeoutMs: 200 })
    cleanups.push(() => core.close())
    await holdLock(dbPath, 'write', 8000)
    const err = await core.call('entity.create', { kind: 'htx', name: 'HTX Bận' }).catch((e) => e)
    expect(err).toMatchObject({ code: 'BUSY', message: 'Tệp dữ liệu đang bận (một thao tác khác đang ghi), hãy thử lại sau ít giây.' })
  })
})

describe('files that cannot be written or read', () => {
  it.skipIf(!MOUNT)('a file on a read-only drive is named read-only (no raw EROFS), not damaged, and not replaced', async () => {
    const mnt = tmpfs(4096, cleanups)
    if (!mnt) return
    const dbPath = await officeFile(20, '178', 'so-htx.db', mnt)
    expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0)
    cleanups.push(() => void spawnSync('mount', ['-o', 'remount,rw', mnt]))
    const err = await openForWindow({ dbPath, checkIntegrity: true, dailyBackup: true }).catch((e) => e)
    expect(err).toMatchObject({ code: 'FILE_READ_ONLY' })
    expect(err.message).toMatch(/chỉ cho đọc|chỉ đọc/)
    expect(err.message).not.toMatch(/EROFS|SQLITE|bị hỏng|không phải là tệp/)
  })

  it.skipIf(!ROOT)('a file this user may not open is named so, not damaged', async () => {
    const dbPath = await officeFile(5)
    chmodSync(join(dbPath, '..'), 0o755)
    chmodSync(dbPath, 0o600)
    const script = join(dbPath, '..', 'probe.ts')
    writeFileSync(
      script,
      `import { openForWindow } from ${JSON.stringify(resolve(__dirname, '../../src/main/startup'))}
       openForWindow({ dbPath: ${JSON.stringify(dbPath)}, checkIntegrity: true }).then(
         () => console.log(JSON.stringify({ opened: true })),
         (e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`
    )
    const tsx = resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs')
    const r = spawnSync(process.execPath, [tsx, script], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp' }
    })
    const answer = JSON.parse(r.stdout.trim().split('\n').pop()!)
    expect(answer.code).toBe('PERMISSION_DENIED')
    expect(answer.message).toMatch(/quyền/)
    expect(answer.message).not.toMatch(/SQLITE|EACCES|bị hỏng|không phải là tệp/)
    expect(countRows(dbPath)).toBe(5)
  })

  it('a foreign file with no backup of its own is NOT_A_DATABASE, and backups of another file are not offered for it', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    // The folder holds a real office's backups, under another file name.
    await officeFile(10, '178', 'van-phong.db', t.dir)
    const dbPath = join(t.dir, 'bang-tinh.db')
    writeFileSync(dbPath, 'PK\u0003\u0004 một tệp zip, không phải SQLite '.repeat(300))
    const err = await openForWindow({ dbPath, checkIntegrity: true }).catch((e) => e)
    expect(err).toMatchObject({ code: 'NOT_A_DATABASE' })
    expect(err.message).toContain('không phải là tệp dữ liệu Sổ HTX')
  })

  it('a Sổ HTX file whose header is scribbled over is damaged (CORRUPT) and its own backup is offered', async () => {
    const dbPath = await officeFile(30)
    const fd = openSync(dbPath, 'r+')
    writeSync(fd, Buffer.alloc(84, 0xff), 0, 84, 16)
    closeSync(fd)
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true })
    cleanups.push(() => core.close())
    expect(problem).not.toBeNull()
    await expect(core.call('office.info', {})).rejects.toMatchObject({ code: 'CORRUPT' })
    await core.call('backup.recoverAtStart', {})
    expect((await core.call('entity.list', { limit: 1 })).total).toBe(30)
  })
})

describe('the rescue at start-up', () => {
  it('re-checks the current file right before replacing it and refuses when it is good', async () => {
    const dbPath = await officeFile(40)
    const good = readFileSync(dbPath)
    // Damaged at start-up…
    const fd = openSync(dbPath, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 2, 0xa5), 0, 4096 * 2, 4096 * 2)
    closeSync(fd)
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true })
    cleanups.push(() => core.close())
    expect(problem).not.toBeNull()
    // …then put right (another window restored it, the USB stick came back) before «Dùng bản sao lưu này».
    writeFileSync(dbPath, good)
    // A newer record the backup does not have.
    const db = new Sqlite(dbPath)
    db.prepare(
      "insert into entities(kind, name, name_key, search_key, created_at, updated_at) values('htx', 'HTX Mới hơn', 'htx moi hon', 'htx moi hon', '2026-01-01', '2026-01-01')"
    ).run()
    db.close()
    const err = await core.call('backup.recoverAtStart', {}).catch((e) => e)
    expect(err.code).not.toBeUndefined()
    expect(err.message).toMatch(/không bị thay|vượt qua kiểm tra/)
    expect(countRows(dbPath)).toBe(41)
    expect(readdirSync(join(dbPath, '..')).filter((f) => f.includes('.hong-'))).toEqual([])
  })
})

describe('a file from a newer version', () => {
  /** What a future build would leave: a migration this one does not know, which renamed a column. */
  async function newerFile(): Promise<string> {
    const dbPath = await officeFile(12)
    const db = new Sqlite(dbPath)
    db.prepare("insert into kysely_migration(name, timestamp) values ('999-future', '2030-01-01T00:00:00.000Z')").run()
    db.exec('alter table entities rename column phone to phone_number')
    db.close()
    return dbPath
  }

  it('opens for reading only: writes refused naming the version needed, failing reads in Vietnamese, nothing written', async () => {
    const dbPath = await newerFile()
    const before = countRows(dbPath)
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true, dailyBackup: true })
    cleanups.push(() => core.close())
    expect(problem).toBeNull()
    const known = Object.keys(migrations).length
    expect(core.ctx.conn.readOnly).toMatchObject({ code: 'NEWER_SCHEMA', fileVersion: known + 1, appVersion: known })
    const info = await core.call('office.info', {})
    expect(info.counts.entities).toBe(12)
    // The screens say it once at the top (readOnly.tsx), showing the core's own sentence as is.
    expect(info.readOnly).toContain(`phiên bản mới hơn (cấu trúc số ${known + 1})`)
    const err = await core.call('entity.create', { kind: 'htx', name: 'HTX Không được ghi' }).catch((e) => e)
    expect(err).toMatchObject({ code: 'NEWER_SCHEMA' })
    expect(err.message).toContain(`Tệp này được tạo bởi phiên bản mới hơn (cấu trúc số ${known + 1})`)
    // A read that needs the renamed column: said, not INTERNAL.
    const read = await core.call('entity.list', { limit: 5 }).catch((e) => e)
    if (read instanceof Error) expect(read).toMatchObject({ code: 'NEWER_SCHEMA' })
    await core.close()
    expect(countRows(dbPath)).toBe(before)
    const db = new Sqlite(dbPath, { readonly: true })
    expect(db.prepare('select count(*) n from kysely_migration').get()).toEqual({ n: known + 1 })
    db.close()
  })
})

describe('backups belong to their office', () => {
  it("lists only this office's backups and refuses to restore another unit's, naming it", async () => {
    const district = await officeFile(8, '178')
    const t = tempDir()
    cleanups.push(t.cleanup)
    const provincePath = join(t.dir, 'tinh.db')
    const province = await createCore({ dbPath: provincePath })
    await province.call('office.setup', { unitCode: '20' })
    const theirs = await province.call('backup.create', { folder: backupDir(district) })
    await province.close()
    // Both in one folder, the province's the newest.
    expect(listBackups(backupDir(district))).toHaveLength(2)

    const core = await createCore({ dbPath: district })
    cleanups.push(() => core.close())
    const listed = await core.call('backup.list', {})
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ unitCode: '178' })
    expect(listed.map((b) => b.file)).not.toContain(theirs.file)

    const err = await core.call('backup.restore', { file: theirs.file }).catch((e) => e)
    expect(err).toMatchObject({ code: 'WRONG_UNIT' })
    expect(err.message).toContain('Tỉnh Lạng Sơn')
    expect(err.message).toContain('20')
    expect((await core.call('office.info', {})).unit?.code).toBe('178')
  })

  it('an old backup without an office in its record is judged by the office inside it', async () => {
    const district = await officeFile(3, '178')
    const t = tempDir()
    cleanups.push(t.cleanup)
    const province = await createCore({ dbPath: join(t.dir, 'tinh.db') })
    await province.call('office.setup', { unitCode: '20' })
    const theirs = await province.call('backup.create', { folder: backupDir(district) })
    await province.close()
    // As written before records named their office.
    const json = theirs.file.replace(/\.db$/, '.json')
    const record = JSON.parse(readFileSync(json, 'utf8'))
    writeFileSync(
      json,
      JSON.stringify({ file: record.file, at: record.at, reason: record.reason, size: record.size, sha256: record.sha256 })
    )
    const core = await createCore({ dbPath: district })
    cleanups.push(() => core.close())
    expect((await core.call('backup.list', {})).map((b) => b.file)).not.toContain(theirs.file)
    await expect(core.call('backup.restore', { file: theirs.file })).rejects.toMatchObject({ code: 'WRONG_UNIT' })
  })
})

describe('closing after an in-app restore', () => {
  it('closes (and checkpoints) the restored file, not the one it replaced', async () => {
    const dbPath = await officeFile(5)
    const copy = listBackups(backupDir(dbPath))[0]
    const core = await createCore({ dbPath })
    await core.call('backup.restore', { file: copy.file })
    await core.call('entity.create', { kind: 'htx', name: 'HTX Sau khôi phục' })
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0)
    const restored = core.ctx.conn.sqlite
    await core.close()
    expect(restored.open).toBe(false)
    expect(existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0).toBe(0)
    expect(countRows(dbPath)).toBe(6)
  })
})

describe('a full disk', () => {
  it.skipIf(!MOUNT)('a write on a full disk says «ổ đĩa đầy» (DISK_FULL) and leaves the file as it was', async () => {
    // Room for a new register and its migrations (about 1 MB of log before the first checkpoint); the filler takes the rest.
    const mnt = tmpfs(4096, cleanups)
    if (!mnt) return
    const dbPath = join(mnt, 'so-htx.db')
    const core = await createCore({ dbPath })
    cleanups.push(() => core.close())
    await core.call('office.setup', { unitCode: '178' })
    // Fill the disk but for a few kilobytes.
    const filler = join(mnt, 'day.bin')
    const fd = openSync(filler, 'w')
    try {
      const chunk = Buffer.alloc(4096, 1)
      for (;;) writeSync(fd, chunk)
    } catch {
      // ENOSPC: full.
    } finally {
      closeSync(fd)
    }
    const rows = Array.from({ length: 400 }, (_, i) => ({ kind: 'htx' as const, name: `HTX Đầy ${i}`, notes: 'ghi chú dài '.repeat(30) }))
    const err = await core.call('entity.bulkCreate', { rows }).catch((e) => e)
    expect(err).toMatchObject({ code: 'DISK_FULL' })
    expect(err.message).toMatch(/ổ đĩa đầy/i)
    expect((await core.call('entity.list', { limit: 1 })).total).toBe(0)
  })
})

describe('more hostile paths', () => {
  it('a folder given as the database is refused in Vietnamese, nothing offered', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const dbPath = join(t.dir, 'thu-muc.db')
    mkdirSync(dbPath)
    const err = await openForWindow({ dbPath, checkIntegrity: true }).catch((e) => e)
    expect(['PERMISSION_DENIED', 'NOT_A_DATABASE']).toContain(err.code)
    expect(err.message).not.toMatch(/SQLITE|EISDIR|unable to open/)
  })

  it.skipIf(!MOUNT)('a backup into a read-only folder (a locked USB stick) says so and leaves no half copy', async () => {
    const dbPath = await officeFile(5)
    const usb = tmpfs(1024, cleanups)
    if (!usb) return
    expect(spawnSync('mount', ['-o', 'remount,ro', usb]).status).toBe(0)
    cleanups.push(() => void spawnSync('mount', ['-o', 'remount,rw', usb]))
    const core = await createCore({ dbPath })
    cleanups.push(() => core.close())
    const err = await core.call('backup.create', { folder: join(usb, 'SaoLuu') }).catch((e) => e)
    expect(err).toMatchObject({ code: 'FILE_READ_ONLY' })
    expect(err.message).not.toMatch(/EROFS|SQLITE/)
  })

  it.skipIf(!MOUNT)('a backup onto a full USB stick says «ổ đĩa đầy» and leaves nothing listed', async () => {
    const dbPath = await officeFile(300)
    const usb = tmpfs(64, cleanups)
    if (!usb) return
    const core = await createCore({ dbPath })
    cleanups.push(() => core.close())
    const err = await core.call('backup.create', { folder: usb }).catch((e) => e)
    expect(err).toMatchObject({ code: 'DISK_FULL' })
    expect(err.message).toMatch(/ổ đĩa đầy/i)
    expect(readdirSync(usb)).toEqual([])
  })
})

void copyFileSync

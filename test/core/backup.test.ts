import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { backupDir, listBackups, sha256File, writeBackup } from '../../src/main/core/backup/files'
import { replaceDatabaseFile } from '../../src/main/core/backup/restore'
import { dailyBackupIfDue, KEEP, rotate } from '../../src/main/core/backup/rotation'
import { runCli } from '../../src/main/cli/run'
import { officeCore, tempDir } from '../helpers/temp'

type TestCore = Awaited<ReturnType<typeof officeCore>>
let core: TestCore
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => {
  await core.dispose()
})

const names = async (c: TestCore) => (await c.call('entity.list', {})).rows.map((r) => r.name)

describe('backups', () => {
  it('writes a verified copy with its time, reason, size and SHA-256, into a chosen folder too', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Sao lưu' })
    const record = await core.call('backup.create', {})
    expect(record).toMatchObject({ reason: 'manual', size: statSync(record.file).size, sha256: sha256File(record.file) })
    expect(record.file.startsWith(backupDir(core.dbPath))).toBe(true)

    const usb = tempDir()
    const onStick = await core.call('backup.create', { folder: usb.dir })
    expect(onStick.file.startsWith(usb.dir)).toBe(true)
    expect(await core.call('backup.list', { folder: usb.dir })).toHaveLength(1)
    usb.cleanup()
  })

  it("takes one daily copy a day, plus the month's first, and keeps 14 daily, 12 monthly, 20 event copies", async () => {
    const first = await dailyBackupIfDue(core.ctx.conn.sqlite, core.dbPath, '2026-03-01T03:00:00.000Z')
    expect(first.map((r) => r.reason)).toEqual(['daily', 'monthly'])
    expect(await dailyBackupIfDue(core.ctx.conn.sqlite, core.dbPath, '2026-03-01T04:00:00.000Z')).toEqual([])
    expect((await dailyBackupIfDue(core.ctx.conn.sqlite, core.dbPath, '2026-03-02T03:00:00.000Z')).map((r) => r.reason)).toEqual(['daily'])

    // Thirty days over fourteen months: rotation trims to the promised counts.
    for (let i = 0; i < 30; i++) {
      const day = new Date(Date.UTC(2026, 3 + Math.floor(i / 2), 1 + (i % 2) * 10, 3))
      await dailyBackupIfDue(core.ctx.conn.sqlite, core.dbPath, day.toISOString())
    }
    for (let i = 0; i < 25; i++) {
      await writeBackup(core.ctx.conn.sqlite, core.dbPath, 'import', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString())
    }
    rotate(backupDir(core.dbPath))
    const kept = listBackups(backupDir(core.dbPath))
    expect(kept.filter((r) => r.reason === 'daily')).toHaveLength(KEEP.daily)
    expect(kept.filter((r) => r.reason === 'monthly')).toHaveLength(KEEP.monthly)
    expect(kept.filter((r) => r.reason === 'import')).toHaveLength(KEEP.events)
    // The newest are the ones kept.
    expect(kept.find((r) => r.reason === 'import')!.at).toBe('2026-01-01T00:24:00.000Z')
  })

  it('restores a copy: the current file is kept aside first and the app goes on on the restored data', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Có trước' })
    const copy = await core.call('backup.create', {})
    await core.call('entity.create', { kind: 'htx', name: 'HTX Thêm sau' })

    await core.call('backup.restore', { file: copy.file })
    expect(await names(core)).toEqual(['HTX Có trước'])
    const aside = listBackups(backupDir(core.dbPath)).find((r) => r.reason === 'restore')!
    const before = await createCore({ dbPath: aside.file, mustExist: true })
    expect((await before.call('entity.list', {})).rows.map((r) => r.name)).toEqual(['HTX Có trước', 'HTX Thêm sau'])
    await before.close()
    // Still writable after the swap.
    await core.call('entity.create', { kind: 'htx', name: 'HTX Sau khôi phục' })
    expect(await names(core)).toEqual(['HTX Có trước', 'HTX Sau khôi phục'])
  })

  it('refuses a damaged or altered copy and changes nothing', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Nguyên vẹn' })
    const copy = await core.call('backup.create', {})
    const bytes = readFileSync(copy.file)
    bytes[bytes.length - 100] ^= 0xff
    writeFileSync(copy.file, bytes)
    const err = await core.call('backup.restore', { file: copy.file }).catch((e) => e)
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/mã băm không khớp|bị hỏng/)

    const junk = join(core.dir, 'junk.db')
    writeFileSync(junk, 'MZ this is an exe renamed')
    expect((await core.call('backup.restore', { file: junk }).catch((e) => e)).code).toBe('VALIDATION')
    expect(await names(core)).toEqual(['HTX Nguyên vẹn'])
  })

  it('at start-up names a damaged file and offers the newest good copy', async () => {
    for (let i = 0; i < 300; i++) {
      await core.call('entity.create', { kind: 'htx', name: `HTX Số ${i}`, notes: 'ghi chú '.repeat(40) })
    }
    const good = await core.call('backup.create', {})
    core.ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await core.close()
    // Scribble over pages in the middle of the file, as a failing disk would.
    const size = statSync(core.dbPath).size
    const fd = openSync(core.dbPath, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    closeSync(fd)

    const err = await createCore({ dbPath: core.dbPath, checkIntegrity: true }).catch((e) => e)
    expect(err.code).toBe('CORRUPT')
    expect(err.message).toMatch(/bị hỏng/)
    expect(err.details.backup.file).toBe(good.file)

    replaceDatabaseFile(core.dbPath, err.details.backup.file)
    const reopened = await createCore({ dbPath: core.dbPath, checkIntegrity: true })
    expect((await reopened.call('entity.list', {})).total).toBe(300)
    core = Object.assign(reopened, { dir: core.dir, dbPath: core.dbPath, dispose: core.dispose }) as TestCore
  })

  it('CLI: backup, backups, restore', async () => {
    const out: string[] = []
    const io = { out: (t: string) => out.push(t), err: () => {} }
    await core.close()
    expect(await runCli(['backup', '--db', core.dbPath, '--json'], io)).toBe(0)
    const record = JSON.parse(out.pop()!)
    expect(await runCli(['backups', '--db', core.dbPath, '--json'], io)).toBe(0)
    expect(JSON.parse(out.pop()!)[0].file).toBe(record.file)
    expect(await runCli(['restore', '--db', core.dbPath, '--from', record.file, '--json'], io)).toBe(0)
    expect(await runCli(['restore', '--db', core.dbPath], io)).toBe(2)
    core = Object.assign(await createCore({ dbPath: core.dbPath }), {
      dir: core.dir,
      dbPath: core.dbPath,
      dispose: core.dispose
    }) as TestCore
  })
})

/**
 * The start-up check of the window doors (src/main/startup.ts): a damaged file
 * with a good backup opens on a stand-in that names the problem in Vietnamese
 * and offers the newest good copy; recovering keeps the damaged file aside and
 * reopens on the copy. Without a good copy the door gets the error as before.
 */
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { openForWindow } from '../../src/main/startup'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** A file with 400 records and one manual backup; returns its path. */
async function officeWithBackup(): Promise<string> {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const dbPath = join(t.dir, 'so-htx.db')
  const core = await createCore({ dbPath, user: 'Nguyễn Thị Lan' })
  await core.call('office.setup', { unitCode: '178' })
  await core.call('entity.bulkCreate', {
    rows: Array.from({ length: 400 }, (_, i) => ({ kind: 'htx', name: `HTX Số ${i + 1} Hoàng Đồng` }))
  })
  await core.call('backup.create', {})
  await core.close()
  return dbPath
}

/** Overwrites pages in the middle of the file: it still opens, integrity_check fails. */
function damagePages(path: string): void {
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, 4096 * 3)
  closeSync(fd)
}

describe('start-up check', () => {
  it('offers the newest good backup when integrity_check fails, and reopens on it keeping the damaged file', async () => {
    const dbPath = await officeWithBackup()
    damagePages(dbPath)
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true })
    cleanups.push(() => core.close())
    expect(problem).toMatchObject({ path: dbPath, backup: { reason: 'manual' } })
    expect(problem!.message).toMatch(/bị hỏng/)
    // Every call says so, with the copy, in Vietnamese.
    await expect(core.call('office.info', {})).rejects.toMatchObject({
      code: 'CORRUPT',
      details: { startup: { backup: { reason: 'manual' } } }
    })
    await expect(core.call('entity.list', {})).rejects.toMatchObject({ code: 'CORRUPT' })

    const info = await core.call('backup.recoverAtStart', {})
    expect(info).toMatchObject({ configured: true, counts: { entities: 400 } })
    expect((await core.call('entity.list', { limit: 1 })).total).toBe(400)
    const kept = readdirSync(join(dbPath, '..')).filter((f) => f.startsWith('so-htx.db.hong-'))
    expect(kept.length).toBeGreaterThanOrEqual(1)
    // Once open, the rescue is refused: there is nothing to rescue.
    await expect(core.call('backup.recoverAtStart', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('also rescues a file that is not SQLite at all', async () => {
    const dbPath = await officeWithBackup()
    writeFileSync(dbPath, 'đây không phải là SQLite '.repeat(400))
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true })
    cleanups.push(() => core.close())
    expect(problem!.message).toContain('không phải là tệp dữ liệu Sổ HTX')
    await core.call('backup.recoverAtStart', {})
    expect((await core.call('entity.list', { limit: 1 })).total).toBe(400)
  })

  it('gives the error to the door when no good backup exists, and opens a healthy file as usual', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const dbPath = join(t.dir, 'so-htx.db')
    writeFileSync(dbPath, 'rác '.repeat(1000))
    await expect(openForWindow({ dbPath, checkIntegrity: true })).rejects.toMatchObject({ code: 'NOT_A_DATABASE' })
    const healthy = await officeWithBackup()
    const { core, problem } = await openForWindow({ dbPath: healthy, checkIntegrity: true })
    cleanups.push(() => core.close())
    expect(problem).toBeNull()
    expect(existsSync(healthy)).toBe(true)
    await expect(core.call('backup.recoverAtStart', {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

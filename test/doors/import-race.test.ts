/**
 * two imports of one file at once doubled every record. Two real
 * CLI processes preview the same file while a third connection holds the write
 * lock, so both have decided before either may write; then the lock goes. The
 * one that writes second must find the register moved, look again, and write
 * nothing twice. And the file itself refuses a second live record with a
 * number, whichever door tries.
 */
import Sqlite from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { officeCore, tempDir } from '../helpers/temp'
import { bigRegister } from '../fixtures/import/big'

const root = resolve(__dirname, '../..')
const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

function runImport(
  file: string,
  db: string,
  onLine: (line: string) => void
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli.ts'), 'import', file, '--db', db, '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => {
      stderr += d
      for (const line of String(d).split('\n')) onLine(line)
    })
    child.on('exit', (code) => done({ code, stderr, stdout }))
  })
}

describe('two imports of one file at once', () => {
  it('write every record once: the second finds the first one’s records unchanged', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const file = join(t.dir, 'danh-sach.xlsx')
    writeFileSync(file, bigRegister(1000))

    // Hold the write lock: both previews read (WAL lets them), neither may write yet.
    const holder = new Sqlite(db)
    holder.exec('begin immediate')
    let compared = 0
    let released = false
    const release = () => {
      if (released) return
      released = true
      holder.exec('commit')
      holder.close()
    }
    cleanups.push(release)
    const runs: Array<ReturnType<typeof runImport>> = []
    const bothDecided = new Promise<void>((ok) => {
      const seen = (line: string) => {
        if (line.includes('Đang so với sổ đăng ký') && ++compared === 2) ok()
      }
      runs.push(runImport(file, db, seen), runImport(file, db, seen))
    })
    await bothDecided
    // Each has compared and is now at its write, waiting on the lock (well inside the busy timeout).
    await new Promise((r) => setTimeout(r, 2000))
    release()
    const [a, b] = await Promise.all(runs)
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    const created = [a, b].map((r) => JSON.parse(r.stdout).totals.created as number).sort()
    expect(created).toEqual([0, 1000])

    const check = new Sqlite(db, { readonly: true })
    const n = check.prepare('select count(*) as n, count(distinct reg_no) as d from entities where deleted_at is null').get() as {
      n: number
      d: number
    }
    check.close()
    expect(n).toEqual({ n: 1000, d: 1000 })
  }, 120_000)
})

describe('the file refuses a second live record with one number', () => {
  it('whichever door writes it: a create, a bulk create, a restore, a raw insert', async () => {
    const core = await officeCore()
    cleanups.push(core.dispose)
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Tân Thành', regNo: '4900000018', status: 'active' })
    const again = await core
      .call('entity.create', { kind: 'htx', name: 'HTX khác', regNo: '4900000018', status: 'active', confirmDuplicate: true })
      .catch((e: Error) => e)
    expect(again).toMatchObject({ code: 'ALREADY_EXISTS' })
    expect((again as Error).message).toContain('HTX Chè Tân Thành')
    const bulk = await core
      .call('entity.bulkCreate', { rows: [{ kind: 'htx', name: 'HTX Lặp', regNo: '4900000018' }] })
      .catch((e: Error) => e)
    expect(bulk).toMatchObject({ code: 'ALREADY_EXISTS' })

    // Deleted, its number may go to a new record; then the old one cannot come back beside it.
    await core.call('entity.delete', { id: a.id, reason: 'Nhập nhầm' })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Tân Thành (mới)', regNo: '4900000018', status: 'active' })
    expect(b.regNo).toBe('4900000018')
    expect(await core.call('entity.restore', { id: a.id }).catch((e: Error) => e)).toMatchObject({ code: 'ALREADY_EXISTS' })

    // A THT without a number: one per folded name in its commune.
    await core.call('entity.create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch', commune: 'Xã Mai Pha', status: 'active' })
    const tht = await core
      .call('entity.create', { kind: 'tht', name: 'TO HOP TAC RAU SACH', commune: 'Xã Mai Pha', status: 'active', confirmDuplicate: true })
      .catch((e: Error) => e)
    expect(tht).toMatchObject({ code: 'ALREADY_EXISTS' })

    // Below every door: the file's own rule (migration 009).
    const raw = () =>
      core.ctx.conn.sqlite
        .prepare(
          "insert into entities (kind, reg_no, name, name_key, search_key, created_at, updated_at) values ('htx', '4900000018', 'x', 'x', 'x', 'now', 'now')"
        )
        .run()
    expect(raw).toThrow(/so-htx:duplicate-reg-no/)
  })
})

import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dbPath(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return join(t.dir, 'a.db')
}

describe('the CLI door', () => {
  it('init creates the office file and refuses to overwrite it', async () => {
    const db = dbPath()
    const made = await cli('init', '--db', db, '--unit', '178', '--json')
    expect(made.code).toBe(0)
    expect(JSON.parse(made.stdout)).toMatchObject({ configured: true, unit: { code: '178' }, mode: 'district' })
    const again = await cli('init', '--db', db, '--unit', '180')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('không ghi đè')
    expect(JSON.parse((await cli('info', '--db', db, '--json')).stdout).unit.code).toBe('178')
  })

  it('init for a province unit gives province mode', async () => {
    const db = dbPath()
    expect(JSON.parse((await cli('init', '--db', db, '--unit', '20', '--json')).stdout)).toMatchObject({ mode: 'province' })
  })

  it('adds, lists, shows and updates entities, one JSON document on stdout each time', async () => {
    const db = dbPath()
    await cli('init', '--db', db, '--unit', '178')
    const added = await cli(
      'entity',
      'add',
      '--db',
      db,
      '--json',
      '--name',
      'HTX Nông nghiệp Yên Khoái',
      '--reg-no',
      '4900123456',
      '--registration-date',
      '06/05/2024',
      '--capital',
      '1.500.000.000',
      '--sector',
      'agri',
      '--user',
      'Lan'
    )
    expect(added.code).toBe(0)
    const entity = JSON.parse(added.stdout)
    expect(entity).toMatchObject({ name: 'HTX Nông nghiệp Yên Khoái', registrationDate: '2024-05-06', charterCapital: 1_500_000_000 })

    const listed = await cli('entity', 'list', '--db', db, '--q', 'hop tac xa yen khoai', '--json')
    expect(JSON.parse(listed.stdout)).toMatchObject({ total: 1, rows: [{ regNo: '4900123456' }] })

    const updated = await cli('entity', 'update', '--db', db, '--reg-no', '4900123456', '--phone', '0205 3870 123', '--json')
    expect(JSON.parse(updated.stdout)).toMatchObject({ phone: '0205 3870 123', rowVersion: 2 })

    const stale = await cli('entity', 'update', '--db', db, '--id', String(entity.id), '--row-version', '1', '--notes', 'x', '--json')
    expect(stale.code).toBe(1)
    expect(JSON.parse(stale.stdout).error.code).toBe('STALE')

    const shown = await cli('entity', 'show', '--db', db, '--id', String(entity.id))
    expect(shown.stdout).toContain('1.500.000.000')
    expect(shown.stdout).toContain('06/05/2024')
  })

  it('exit 1 for rejected input, with the field named; exit 2 for wrong usage', async () => {
    const db = dbPath()
    await cli('init', '--db', db, '--unit', '178')
    const bad = await cli('entity', 'add', '--db', db, '--name', 'HTX Ngày sai', '--registration-date', '31/02/2024', '--json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { registrationDate: expect.any(String) } }
    })
    expect(bad.stderr).toContain('Ngày đăng ký')

    expect((await cli('entity', 'add', '--db', db, '--bogus')).code).toBe(2)
    expect((await cli('entity', 'add', '--name', 'HTX Không tệp')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    const missing = await cli('info', '--db', join(db, '..', 'khong-co.db'))
    expect(missing.code).toBe(1)
    expect(existsSync(join(db, '..', 'khong-co.db'))).toBe(false)
  })

  it('runs from a fresh clone through npm run cli (tsx, no build step)', async () => {
    const db = dbPath()
    const root = resolve(__dirname, '../..')
    const run = promisify(execFile)
    await run('npm', ['run', '-s', 'cli', '--', 'init', '--db', db, '--unit', '183'], { cwd: root })
    await run('npm', ['run', '-s', 'cli', '--', 'entity', 'add', '--db', db, '--name', 'HTX Cao Lộc'], { cwd: root })
    const { stdout } = await run('npm', ['run', '-s', 'cli', '--', 'entity', 'list', '--db', db, '--json'], { cwd: root })
    expect(JSON.parse(stdout)).toMatchObject({ total: 1, rows: [{ name: 'HTX Cao Lộc' }] })
  })
})

/** checks run (text and --json) and checks ack, through the CLI door on a real file. */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChecksRun, Finding } from '../../src/shared/api'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('checks CLI', () => {
  it('lists findings as text and as one JSON document, and acknowledges one until its data changes', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    expect(
      (
        await cli(
          'entity',
          'add',
          '--db',
          db,
          '--name',
          'HTX Chè Tân Thành',
          '--reg-no',
          '4900000018',
          '--capital',
          '1.500.000.000',
          '--sector',
          'agri'
        )
      ).code
    ).toBe(0)
    expect(
      (await cli('figures', 'set', '--db', db, '--entity', '4900000018', '--year', '2024', '--members', '3', '--workers', '4')).code
    ).toBe(0)

    const text = await cli('checks', 'run', '--db', db, '--severity', 'warning')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('phát hiện chưa kiểm tra')
    expect(text.stdout).toContain('Cần xem lại')
    expect(text.stdout).toContain('HTX «HTX Chè Tân Thành» (mã số 4900000018) có 3 thành viên (số liệu năm 2024), ít hơn mức tối thiểu 5')

    const json = await cli('checks', 'run', '--db', db, '--json')
    expect(json.code).toBe(0)
    const run = JSON.parse(json.stdout) as ChecksRun
    expect(run.source).toBe('register')
    const f = run.findings.find((x) => x.rule === 'htx.min_members')!
    expect(f).toMatchObject({ severity: 'warning', state: 'open', fields: ['members'], regNo: '4900000018' })
    expect(run.rules.map((r) => r.id)).toContain('lhhtx.min_member_coops')

    const ack = await cli('checks', 'ack', '--db', db, '--finding', f.id, '--note', 'Đã xác minh với HTX', '--json')
    expect(ack.code).toBe(0)
    expect((JSON.parse(ack.stdout) as Finding).state).toBe('acknowledged')
    const quiet = JSON.parse((await cli('checks', 'run', '--db', db, '--rule', 'htx.min_members', '--json')).stdout) as ChecksRun
    expect(quiet.findings).toEqual([])
    const all = await cli('checks', 'run', '--db', db, '--rule', 'htx.min_members', '--all')
    expect(all.stdout).toContain('Đã xác minh với HTX')

    expect((await cli('figures', 'set', '--db', db, '--entity', '4900000018', '--year', '2024', '--members', '2')).code).toBe(0)
    const again = JSON.parse((await cli('checks', 'run', '--db', db, '--rule', 'htx.min_members', '--json')).stdout) as ChecksRun
    expect(again.findings.map((x) => x.id)).toEqual([f.id])

    const bad = await cli('checks', 'ack', '--db', db, '--finding', 'htx.min_members:999', '--note', 'không có')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('Không còn phát hiện')
    expect((await cli('checks', 'ack', '--db', db, '--finding', f.id)).code).toBe(2)

    // Before export: the package summary says how many open findings ride along.
    const exported = await cli('export', '--db', db, '--out', join(t.dir, 'goi.xlsx'), '--as-of', '31/12/2024')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toMatch(/Gói kèm \d+ phát hiện kiểm tra số liệu chưa kiểm tra/)
  })
})

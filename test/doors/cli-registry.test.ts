import { join } from 'node:path'
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
describe('registry CLI', () => {
  it('adds, warns on a bad check digit, records status and figures, deletes and restores', async () => {
    const db = dbPath()
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const add = await cli('entity', 'add', '--db', db, '--name', 'HTX Chè Tân Thành', '--reg-no', '4900000018', '--commune', 'Xã Tân Thành')
    expect(add.code).toBe(0)
    expect(add.stderr).toContain('Cảnh báo')
    const dup = await cli('entity', 'add', '--db', db, '--name', 'htx che tan thanh', '--commune', 'Xã Tân Thành', '--json')
    expect(dup.code).not.toBe(0)
    expect(dup.stdout + dup.stderr).toContain('DUPLICATE')
    const forced = await cli(
      'entity',
      'add',
      '--db',
      db,
      '--name',
      'htx che tan thanh',
      '--commune',
      'Xã Tân Thành',
      '--confirm-duplicate',
      '--json'
    )
    expect(forced.code).toBe(0)

    const st = await cli(
      'status',
      'add',
      '--db',
      db,
      '--entity',
      '4900000018',
      '--status',
      'suspended',
      '--date',
      '01/06/2024',
      '--decision',
      '15/QĐ-UBND',
      '--json'
    )
    expect(st.code).toBe(0)
    expect(JSON.parse(st.stdout)).toMatchObject({
      status: 'suspended',
      effectiveDate: '2024-06-01',
      decisionNo: '15/QĐ-UBND',
      sinceRegistration: false
    })
    const list = await cli('status', 'list', '--db', db, '--entity', '4900000018')
    expect(list.stdout).toContain('Từ khi đăng ký')
    expect(list.stdout).toContain('15/QĐ-UBND')

    const fig = await cli(
      'figures',
      'set',
      '--db',
      db,
      '--entity',
      '4900000018',
      '--year',
      '2024',
      '--members',
      '30',
      '--taxes',
      '5.000.000',
      '--classification',
      'kha',
      '--json'
    )
    expect(fig.code).toBe(0)
    expect(JSON.parse(fig.stdout)).toMatchObject({ year: 2024, members: 30, taxesPaid: 5_000_000, classification: 'fair' })
    const badFig = await cli('figures', 'set', '--db', db, '--entity', '4900000018', '--year', '2024', '--members', 'ba mươi')
    expect(badFig.code).not.toBe(0)
    expect(badFig.stderr).toContain('--members')

    const show = JSON.parse((await cli('entity', 'show', '--db', db, '--reg-no', '4900000018', '--json')).stdout)
    expect(show.status).toBe('suspended')
    expect((await cli('entity', 'delete', '--db', db, '--id', String(show.id), '--reason', 'Nhập trùng')).code).toBe(0)
    expect(JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout).total).toBe(1)
    const restored = await cli('entity', 'restore', '--db', db, '--id', String(show.id), '--json')
    expect(JSON.parse(restored.stdout).deletedAt).toBeNull()
    expect(JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout).total).toBe(2)
  })
})

/**
 * Issue 12 (11): the README promises a verified copy before each import and each
 * dissolution finalisation; only consolidation made one.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const FIX = join(__dirname, '../fixtures/import')
const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

async function backups(db: string): Promise<Array<{ reason: string; file: string }>> {
  const r = await cli('backups', '--db', db, '--json')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout)
}

describe('a copy before what cannot be taken back by hand', () => {
  it('an import and a dissolution finalisation each leave a verified backup, taken before they wrote', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    expect((await cli('entity', 'add', '--db', db, '--name', 'HTX Chè Tân Thành', '--reg-no', '4900000018')).code).toBe(0)
    expect((await backups(db)).filter((b) => b.reason === 'import')).toEqual([])

    expect((await cli('import', join(FIX, 'danh-sach-cu-tcvn3.xls'), '--db', db)).code).toBe(0)
    const afterImport = (await backups(db)).filter((b) => b.reason === 'import')
    expect(afterImport).toHaveLength(1)
    expect(existsSync(afterImport[0]!.file)).toBe(true)
    // The copy is the register before the import: one record.
    const before = await cli('entity', 'list', '--db', afterImport[0]!.file, '--json')
    expect(JSON.parse(before.stdout).total).toBe(1)

    const open = await cli('dissolution', 'open', '--db', db, '--entity', '4900000018', '--kind', 'voluntary', '--law', '2012', '--date', '01/03/2024', '--decision', '01/NQ', '--json')
    const id = String(JSON.parse(open.stdout).id)
    for (const code of ['NQ', 'TB_DK', 'TB_NO', 'XOA']) expect((await cli('dissolution', 'step', '--db', db, '--case', id, '--code', code, '--done', '15/05/2024')).code).toBe(0)
    expect((await cli('dissolution', 'step', '--db', db, '--case', id, '--code', 'HS', '--na', 'Nộp cùng thông báo')).code).toBe(0)
    expect((await cli('dissolution', 'finalise', '--db', db, '--case', id, '--date', '01/06/2024', '--decision', '15/TB')).code).toBe(0)
    const fin = (await backups(db)).filter((b) => b.reason === 'finalisation')
    expect(fin).toHaveLength(1)
  })
})

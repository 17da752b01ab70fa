import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const FIX = join(__dirname, '../fixtures/import')
const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

async function office(): Promise<string> {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const db = join(t.dir, 'a.db')
  expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
  return db
}

describe('the import command', () => {
  it('--dry-run prints the promised JSON summary and writes nothing', async () => {
    const db = await office()
    const r = await cli('import', join(FIX, 'danh-sach-cu-tcvn3.xls'), join(FIX, 'messy.xlsx'), '--db', db, '--dry-run', '--json')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc)).toEqual(['files', 'totals'])
    expect(doc.files[0]).toEqual({
      file: 'danh-sach-cu-tcvn3.xls',
      format: 'xls',
      sheets: [
        {
          sheet: 'Sheet1',
          table: 1,
          kind: 'htx',
          headerRow: 5,
          encoding: 'tcvn3',
          rows: 7,
          created: 5,
          updated: 0,
          unchanged: 0,
          duplicates: 0,
          skipped: 2,
          errors: 0,
          unknownColumns: [],
          unknownValues: [],
          interpreted: expect.any(Array),
          issues: []
        }
      ]
    })
    // Each value read by meaning beside the file's text (issue 20 point 7): the capital column is in millions.
    expect(doc.files[0].sheets[0].interpreted).toContainEqual({
      row: 6,
      field: 'charterCapital',
      label: 'Vốn điều lệ',
      value: '1.500.000.000',
      original: '1500',
      how: 'cột tính bằng triệu đồng'
    })
    const messy = doc.files[1].sheets
    expect(messy.map((s: { table: number; kind: string }) => [s.table, s.kind])).toEqual([
      [1, 'htx'],
      [2, 'tht']
    ])
    expect(messy[0].issues).toContainEqual({
      row: 16,
      column: 'F',
      severity: 'error',
      code: 'DATE_INVALID',
      message: expect.stringContaining('31/02/2020')
    })
    // The «Cộng» row after two communes is the whole table's total, and it leaves out the duplicated row: told, per column.
    expect(messy[0].issues).toContainEqual({
      row: 20,
      column: 'G',
      severity: 'warning',
      code: 'TOTAL_MISMATCH',
      message: 'Cột G «Vốn ĐL (tr.đ)»: dòng «Cộng» ghi 12.920,5, cộng 8 dòng bản ghi ở trên (dòng 7–19) được 14.290,5.'
    })
    expect(doc.totals).toEqual({ created: 13, updated: 0, unchanged: 0, duplicates: 1, skipped: 10, errors: 1, warnings: 8 })
    const listed = JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout)
    expect(listed.total).toBe(0)
  })

  it('tells its progress on stderr, even with --json, leaving stdout one JSON document', async () => {
    const db = await office()
    const r = await cli('import', join(FIX, 'danh-sach-cu-tcvn3.xls'), '--db', db, '--figures-year', '2022', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).totals).toMatchObject({ created: 5 })
    expect(r.stderr.split('\n').slice(0, 5)).toEqual([
      '… Đang mở tệp danh-sach-cu-tcvn3.xls',
      '… Đang đọc các dòng danh-sach-cu-tcvn3.xls › Sheet1: 0/12 (0%)',
      '… Đang đọc các dòng danh-sach-cu-tcvn3.xls › Sheet1: 12/12 (100%)',
      '… Đang so với sổ đăng ký danh-sach-cu-tcvn3.xls',
      '… Đang ghi vào sổ: 5/5 (100%)'
    ])
  })

  it('imports, then shows history and undoes the batch', async () => {
    const db = await office()
    const r = await cli('import', join(FIX, 'danh-sach-sach.xlsx'), '--db', db, '--figures-year', '2023', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).totals).toMatchObject({ created: 6, errors: 0 })
    expect(JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout).total).toBe(6)
    const again = JSON.parse((await cli('import', join(FIX, 'danh-sach-sach.xlsx'), '--db', db, '--figures-year', '2023', '--json')).stdout)
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 6 })
    const history = JSON.parse((await cli('import', 'history', '--db', db, '--json')).stdout)
    expect(history).toHaveLength(2)
    const undo = await cli('import', 'undo', '--db', db, '--batch', String(history[1].id))
    expect(undo.code).toBe(0)
    expect(undo.stdout).toContain('Đã hoàn tác')
    expect(JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout).total).toBe(0)
  })

  it('--strict refuses the whole import on one error (exit 1); a hostile file is named in the message', async () => {
    const db = await office()
    const strict = await cli('import', join(FIX, 'messy.xlsx'), '--db', db, '--strict', '--json')
    expect(strict.code).toBe(1)
    expect(JSON.parse(strict.stdout).error.code).toBe('VALIDATION')
    expect(strict.stderr).toContain('nghiêm ngặt')
    const exe = await cli('import', join(FIX, 'program.xlsx'), '--db', db)
    expect(exe.code).toBe(1)
    expect(exe.stderr).toContain('«program.xlsx»')
    expect((await cli('import', '--db', db)).code).toBe(2)
    expect(JSON.parse((await cli('entity', 'list', '--db', db, '--json')).stdout).total).toBe(0)
  })

  it('prints a table for people', async () => {
    const db = await office()
    const r = await cli('import', join(FIX, 'comma.csv'), '--db', db)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('comma.csv')
    expect(r.stderr).toContain('2 mới')
  })
})

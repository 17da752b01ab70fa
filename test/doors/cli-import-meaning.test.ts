import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

// Issue 20 point 4 at the CLI door: nothing silent, --strict, --map-value remembered per shape.

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function office(): { dir: string; db: string } {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return { dir: t.dir, db: join(t.dir, 'a.db') }
}

function list(dir: string, name: string, rows: unknown[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'DS')
  const path = join(dir, name)
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return path
}

const HEADER = ['STT', 'Tên HTX', 'Tình trạng', 'Mã vạch sản phẩm']
const first = [
  HEADER,
  [1, 'HTX Một', 'Đang xem xét lại', 'A-01'],
  [2, 'HTX Hai', 'Đang hoạt động', 'A-02'],
  [3, 'HTX Ba', 'Đang xem xét lại', null]
]
const second = [HEADER, [1, 'HTX Bốn', 'Đang xem xét lại', 'B-01']]

/** The register as written: each entity with its latest status event. */
function register(db: string): Array<{ name: string; status: string | null }> {
  const d = new Database(db, { readonly: true })
  try {
    return d
      .prepare(
        'SELECT e.name AS name, (SELECT s.status FROM status_events s WHERE s.entity_id = e.id ORDER BY s.id DESC LIMIT 1) AS status FROM entities e ORDER BY e.id'
      )
      .all() as Array<{ name: string; status: string | null }>
  } finally {
    d.close()
  }
}

describe('import by meaning at the CLI', () => {
  it('--dry-run text lists the unknown column (letter, header, cells) and the unknown value; --json per sheet', async () => {
    const { dir, db } = office()
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const path = list(dir, 'ds.xlsx', first)
    const text = await cli('import', path, '--db', db, '--dry-run')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('cột chưa rõ nghĩa')
    expect(text.stdout).toMatch(/D\s+│?\s*Mã vạch sản phẩm\s+│?\s*2/)
    expect(text.stdout).toContain('giá trị chưa rõ nghĩa')
    expect(text.stdout).toMatch(/Tình trạng \(status\)\s+│?\s*Đang xem xét lại\s+│?\s*2\s+│?\s*2, 4/)

    const json = await cli('import', path, '--db', db, '--dry-run', '--json')
    const sheet = JSON.parse(json.stdout).files[0].sheets[0]
    expect(sheet.unknownColumns).toEqual([{ letter: 'D', header: 'Mã vạch sản phẩm', cells: 2 }])
    expect(sheet.unknownValues).toEqual([{ field: 'status', value: 'Đang xem xét lại', count: 2, rows: [2, 4] }])
    // The record with the unreadable status is an error row naming the value, not a silent drop.
    expect(sheet.errors).toBe(2)
    expect(
      sheet.issues
        .filter((i: { row: number }) => i.row === 2)
        .map((i: { message: string }) => i.message)
        .join(' ')
    ).toContain('Đang xem xét lại')
  })

  it('--strict refuses (exit ≠ 0, nothing written) while a column with data or a value is not understood', async () => {
    const { dir, db } = office()
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const onlyColumn = list(dir, 'col.xlsx', [HEADER, [1, 'HTX Một', 'Đang hoạt động', 'A-01']])
    const r1 = await cli('import', onlyColumn, '--db', db, '--strict')
    expect(r1.code).not.toBe(0)
    expect(r1.stderr).toContain('Mã vạch sản phẩm')
    const onlyValue = list(dir, 'val.xlsx', [HEADER.slice(0, 3), [1, 'HTX Một', 'Đang xem xét lại']])
    const r2 = await cli('import', onlyValue, '--db', db, '--strict', '--map-value', 'status=Khác hẳn:active')
    expect(r2.code).not.toBe(0)
    expect(r2.stderr).toContain('Đang xem xét lại')
    expect(register(db)).toEqual([])
  })

  it('--map-value status=TEXT:CODE maps it, and the next file of the same shape remembers it', async () => {
    const { dir, db } = office()
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const bad = await cli('import', list(dir, 'a.xlsx', first), '--db', db, '--map-value', 'status=Đang xem xét:nonsense')
    expect(bad.code).not.toBe(0)
    const r = await cli('import', list(dir, 'a.xlsx', first), '--db', db, '--map-value', 'status=Đang xem xét lại:suspended', '--json')
    expect(r.code).toBe(0)
    const s1 = JSON.parse(r.stdout).files[0].sheets[0]
    expect([s1.created, s1.errors, s1.unknownValues]).toEqual([3, 0, []])
    const next = await cli('import', list(dir, 'b.xlsx', second), '--db', db, '--dry-run', '--json')
    const s2 = JSON.parse(next.stdout).files[0].sheets[0]
    expect([s2.created, s2.errors, s2.unknownValues]).toEqual([1, 0, []])
    expect(register(db)).toEqual([
      { name: 'HTX Một', status: 'suspended' },
      { name: 'HTX Hai', status: 'active' },
      { name: 'HTX Ba', status: 'suspended' }
    ])
  })
})

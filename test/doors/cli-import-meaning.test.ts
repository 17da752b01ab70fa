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

// Issue 20 point 7 at the CLI door: every value read by meaning is shown beside the file's own text.
describe('interpreted values at the CLI', () => {
  const ORIGINALS = [
    [
      'STT',
      'Tên HTX',
      'Mã số HTX',
      'Địa chỉ trụ sở',
      'Ngày thành lập',
      'Vốn điều lệ (đồng)',
      'Số thành viên',
      'Lĩnh vực',
      'Tình trạng',
      'Loại hình'
    ],
    [
      1,
      'HTX dịch vụ Mai Pha',
      '4900 123 456',
      'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn',
      '12/31/2020',
      '1,2 tỷ',
      '12 người',
      'Trồng trọt, chăn nuôi',
      'Đang HĐ',
      'Hợp tác xã'
    ],
    ['I', 'Xã Mường Kim', null, null, null, null, null, null, null, null],
    [2, 'Tổ hợp tác chè Bản Mường', null, 'Bản Mường', '2015', '850 triệu', 8, 'Nông nghiệp', 'Tạm dừng hoạt động', 'Tổ hợp tác']
  ]

  it('--dry-run text has a table of value ← original with how; --json lists each with its row', async () => {
    const { dir, db } = office()
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const path = list(dir, 'goc.xlsx', ORIGINALS)
    const text = await cli('import', path, '--db', db, '--dry-run')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('giá trị đọc theo nghĩa (giá trị sẽ ghi ← chữ trong tệp)')
    const line = (row: number, label: string, value: string, original: string) =>
      new RegExp(`${row}\\s+│?\\s*${label}\\s+│?\\s*${value.replace(/[.()]/g, '\\$&')}\\s+│?\\s*«${original.replace(/[.()]/g, '\\$&')}»`)
    expect(text.stdout).toMatch(line(2, 'Vốn điều lệ', '1.200.000.000', '1,2 tỷ'))
    expect(text.stdout).toMatch(line(2, 'Xã, phường, thị trấn', 'Mai Pha', 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn'))
    expect(text.stdout).toMatch(line(2, 'Lĩnh vực', 'Nông, lâm, ngư nghiệp, thủy sản', 'Trồng trọt, chăn nuôi'))
    expect(text.stdout).toMatch(line(2, 'Tình trạng', 'Đang hoạt động', 'Đang HĐ'))
    expect(text.stdout).toMatch(line(2, 'Ngày đăng ký lần đầu', '31/12/2020', '12/31/2020'))
    expect(text.stdout).toMatch(line(2, 'Số thành viên', '12', '12 người'))
    expect(text.stdout).toMatch(line(4, 'Vốn điều lệ', '850.000.000', '850 triệu'))
    expect(text.stdout).toMatch(line(4, 'Xã, phường, thị trấn', 'Xã Mường Kim', 'Xã Mường Kim'))
    expect(text.stdout).toContain('theo dòng nhóm 3')
    expect(text.stdout).toMatch(line(4, 'Ngày đăng ký lần đầu', '01/01/2015', '2015'))
    expect(text.stdout).toMatch(line(4, 'Loại hình', 'THT', 'Tổ hợp tác'))

    const json = await cli('import', path, '--db', db, '--dry-run', '--json')
    const sheet = JSON.parse(json.stdout).files[0].sheets[0]
    const got = sheet.interpreted.map((v: { row: number; field: string; value: string; original: string }) => [
      v.row,
      v.field,
      v.value,
      v.original
    ])
    expect(got).toEqual([
      [2, 'regNo', '4900123456', '4900 123 456'],
      [2, 'commune', 'Mai Pha', 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn'],
      [2, 'registrationDate', '31/12/2020', '12/31/2020'],
      [2, 'charterCapital', '1.200.000.000', '1,2 tỷ'],
      [2, 'sector', 'Nông, lâm, ngư nghiệp, thủy sản', 'Trồng trọt, chăn nuôi'],
      [2, 'members', '12', '12 người'],
      [2, 'status', 'Đang hoạt động', 'Đang HĐ'],
      [2, 'kind', 'HTX', 'Hợp tác xã'],
      [4, 'commune', 'Xã Mường Kim', 'Xã Mường Kim'],
      [4, 'registrationDate', '01/01/2015', '2015'],
      [4, 'charterCapital', '850.000.000', '850 triệu'],
      [4, 'sector', 'Nông, lâm, ngư nghiệp, thủy sản', 'Nông nghiệp'],
      [4, 'status', 'Tạm ngừng kinh doanh', 'Tạm dừng hoạt động'],
      [4, 'kind', 'THT', 'Tổ hợp tác']
    ])
    expect(sheet.interpreted[3]).toMatchObject({ label: 'Vốn điều lệ', how: 'đọc chữ «tỷ» trong ô, ra đồng' })
    expect(sheet.interpreted[8]).toMatchObject({ how: 'theo dòng nhóm 3' })
    // What was committed is what the preview showed.
    const done = await cli('import', path, '--db', db, '--json')
    expect(done.code).toBe(0)
    const d = new Database(db, { readonly: true })
    try {
      expect(d.prepare('SELECT name, charter_capital AS c, commune, registration_date AS r FROM entities ORDER BY id').all()).toEqual([
        { name: 'HTX dịch vụ Mai Pha', c: 1_200_000_000, commune: 'Mai Pha', r: '2020-12-31' },
        { name: 'Tổ hợp tác chè Bản Mường', c: 850_000_000, commune: 'Xã Mường Kim', r: '2015-01-01' }
      ])
    } finally {
      d.close()
    }
  })
})

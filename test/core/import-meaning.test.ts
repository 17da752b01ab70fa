import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult, ImportSheet } from '../../src/shared/api'
import { interpretedValues } from '../../src/shared/interpreted'
import { officeCore } from '../helpers/temp'

// Issue 20 point 8: a corpus written the way district offices word their lists, built here with the real
// `xlsx` package (and raw bytes for the encodings), read through the real core.

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

const preview = (paths: string[], extra: Record<string, unknown> = {}) =>
  core.call('exchange.previewImport', { files: paths.map((path) => ({ path })), ...extra }) as Promise<ImportResult>
const commit = (paths: string[], extra: Record<string, unknown> = {}) =>
  core.call('exchange.commitImport', { files: paths.map((path) => ({ path })), ...extra }) as Promise<ImportResult>

/** Writes a workbook of sheets (name → rows) with the real SheetJS writer. */
function book(name: string, sheets: Record<string, unknown[][]>, merges: Record<string, XLSX.Range[]> = {}): string {
  const wb = XLSX.utils.book_new()
  for (const [s, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows)
    if (merges[s]) ws['!merges'] = merges[s]
    XLSX.utils.book_append_sheet(wb, ws, s)
  }
  const path = join(core.dir, name)
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: name.endsWith('.xls') ? 'biff8' : 'xlsx' }) as Buffer)
  return path
}

const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
const synonyms = (file: string): Set<string> => {
  const out = new Set<string>()
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(fold(v))
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => !k.startsWith('_') && walk(x))
  }
  walk(JSON.parse(readFileSync(join(__dirname, '../../resources/import', file), 'utf8')))
  return out
}

// [header as an office writes it, field, a cell value]
const HEADERS: Array<[string, string, unknown]> = [
  ['Họ và tên Giám đốc', 'representative', 'Lò Văn Thắng'],
  ['Họ tên Giám đốc HTX', 'representative', 'Lò Văn Thắng'],
  ['Họ và tên người đại diện', 'representative', 'Lò Văn Thắng'],
  ['Người đại diện theo pháp luật của HTX', 'representative', 'Lò Văn Thắng'],
  ['Họ và tên Chủ nhiệm', 'representative', 'Lò Văn Thắng'],
  ['Họ tên Chủ tịch HĐQT kiêm Giám đốc', 'representative', 'Lò Văn Thắng'],
  ['Họ tên tổ trưởng THT', 'representative', 'Lò Văn Thắng'],
  ['Tên Giám đốc', 'representative', 'Lò Văn Thắng'],
  ['Người đứng đầu', 'representative', 'Lò Văn Thắng'],
  ['Số điện thoại liên hệ', 'phone', '0912345678'],
  ['Điện thoại di động', 'phone', '0912345678'],
  ['SĐT Giám đốc', 'phone', '0912345678'],
  ['Số ĐT liên hệ', 'phone', '0912345678'],
  ['Ngày cấp GCN ĐKHTX', 'registrationDate', '12/03/2015'],
  ['Ngày cấp giấy chứng nhận đăng ký HTX', 'registrationDate', '12/03/2015'],
  ['Ngày, tháng, năm thành lập', 'registrationDate', '12/03/2015'],
  ['Năm thành lập', 'registrationDate', '12/03/2015'],
  ['Ngày đăng ký kinh doanh', 'registrationDate', '12/03/2015'],
  ['Thời gian thành lập', 'registrationDate', '12/03/2015'],
  ['Ngày cấp ĐKKD', 'registrationDate', '12/03/2015'],
  ['Ngày thành lập HTX', 'registrationDate', '12/03/2015'],
  ['Ngày đăng ký thành lập', 'registrationDate', '12/03/2015'],
  ['Số GCN ĐKHTX', 'regNo', '6200123454'],
  ['Mã số thuế HTX', 'regNo', '6200123454'],
  ['Số giấy chứng nhận đăng ký HTX', 'regNo', '6200123454'],
  ['Số ĐKKD', 'regNo', '6200123454'],
  ['Mã số doanh nghiệp', 'regNo', '6200123454'],
  ['Vốn điều lệ (tr.đ)', 'charterCapital', 1500],
  ['Vốn điều lệ (triệu đồng)', 'charterCapital', 1500],
  ['Vốn đăng ký (triệu đồng)', 'charterCapital', 1500],
  ['Tổng vốn điều lệ (tr.đồng)', 'charterCapital', 1500],
  ['Vốn điều lệ đăng ký (đồng)', 'charterCapital', 1_500_000_000],
  ['Ngành nghề SXKD chính', 'businessLines', 'Trồng lúa, dịch vụ làm đất'],
  ['Ngành nghề kinh doanh chính', 'businessLines', 'Trồng lúa, dịch vụ làm đất'],
  ['Hoạt động chính', 'businessLines', 'Trồng lúa, dịch vụ làm đất'],
  ['Sản phẩm, dịch vụ chính', 'businessLines', 'Trồng lúa, dịch vụ làm đất'],
  ['Nội dung hoạt động', 'businessLines', 'Trồng lúa, dịch vụ làm đất'],
  ['Nhóm ngành', 'sector', 'Nông nghiệp'],
  ['Loại ngành', 'sector', 'Nông nghiệp'],
  ['Phân loại theo ngành', 'sector', 'Nông nghiệp'],
  ['Mã ngành VSIC', 'sector', '0111'],
  ['Tổng số thành viên', 'members', 12],
  ['Số xã viên (người)', 'members', 12],
  ['Số hộ thành viên', 'members', 12],
  ['Số thành viên tham gia (người)', 'members', 12],
  ['Số LĐ thường xuyên (người)', 'workers', 15],
  ['Tổng số lao động', 'workers', 15],
  ['Số người lao động', 'workers', 15],
  ['Số lao động làm việc thường xuyên', 'workers', 15],
  ['Tổng số CBQL', 'managers', 5],
  ['Số cán bộ quản lý HTX (người)', 'managers', 5],
  ['CBQL có trình độ sơ, trung cấp', 'managersElementary', 2],
  ['Số CBQL trình độ sơ cấp, trung cấp', 'managersElementary', 2],
  ['Trình độ trung cấp', 'managersElementary', 2],
  ['CBQL có trình độ cao đẳng, đại học', 'managersCollege', 1],
  ['Trình độ đại học', 'managersCollege', 1],
  ['CBQL trình độ CĐ, ĐH trở lên', 'managersCollege', 1],
  ['Tình trạng hoạt động hiện nay', 'status', 'Đang hoạt động'],
  ['Tình hình hoạt động hiện tại', 'status', 'Đang hoạt động'],
  ['Thực trạng hoạt động', 'status', 'Đang hoạt động'],
  ['Hiện trạng HTX', 'status', 'Đang hoạt động'],
  ['Địa chỉ trụ sở chính của HTX', 'address', 'Bản Mường, xã Mường Kim'],
  ['Nơi đặt trụ sở', 'address', 'Bản Mường, xã Mường Kim'],
  ['Địa chỉ liên hệ', 'address', 'Bản Mường, xã Mường Kim'],
  ['Đơn vị cấp xã', 'commune', 'Xã Mường Kim'],
  ['Địa bàn (xã)', 'commune', 'Xã Mường Kim'],
  ['Ghi chú khác', 'notes', 'Thành lập mới'],
  ['Ý kiến đề xuất', 'notes', 'Thành lập mới'],
  ['Loại hình kinh tế tập thể', 'kind', 'HTX'],
  ['Ngày có quyết định giải thể', 'dissolutionDate', null],
  ['Thời điểm chấm dứt hoạt động', 'dissolutionDate', null],
  ['Doanh thu của HTX với thành viên (triệu đồng)', 'memberRevenue', 250],
  ['DT cung ứng cho thành viên', 'memberRevenue', 250]
]

describe('headers by meaning (60+ wordings beyond headers.json)', () => {
  it('every wording is new to headers.json, and there are at least 60', () => {
    const known = synonyms('headers.json')
    // The capital headers are there for their units («Vốn điều lệ» itself is a synonym): not counted.
    const wordings = HEADERS.filter(([, f]) => f !== 'charterCapital')
    expect(wordings.filter(([h]) => known.has(fold(h))).map(([h]) => h)).toEqual([])
    expect(wordings.length).toBeGreaterThanOrEqual(60)
  })

  it('maps each wording to its field, and applies the capital unit', async () => {
    const sheets: Record<string, unknown[][]> = {}
    HEADERS.forEach(([h, , v], i) => {
      sheets[`S${i + 1}`] = [
        ['STT', 'Tên HTX', h],
        [1, 'HTX nông nghiệp Mường Kim', v]
      ]
    })
    const r = await preview([book('headers.xlsx', sheets)])
    const got = HEADERS.map(([h], i) => {
      const s = r.files[0].sheets.find((x) => x.sheet === `S${i + 1}`)
      return [h, s?.columns.find((c) => c.header.replace(/\s+/g, ' ').trim() === h)?.field ?? null]
    })
    expect(got).toEqual(HEADERS.map(([h, f]) => [h, f]))
    const capital = HEADERS.map(([h, f], i) => [h, f, i] as const).filter(([, f]) => f === 'charterCapital')
    for (const [h, , i] of capital) {
      const s = r.files[0].sheets.find((x) => x.sheet === `S${i + 1}`)!
      expect([h, s.rows.find((x) => x.record)?.record?.charterCapital]).toEqual([h, 1_500_000_000])
    }
  })
})

// [value as written, code, label]
const STATUSES: Array<[string, string, string | null]> = [
  ['Đang hoạt động bình thường', 'active', null],
  ['Hoạt động có hiệu quả', 'active', null],
  ['Đang SXKD', 'active', null],
  ['Hoạt động cầm chừng', 'active', null],
  ['Đang hoạt động ổn định', 'active', null],
  ['Đang HĐ SXKD', 'active', null],
  ['Tạm dừng SXKD', 'suspended', null],
  ['Tạm ngừng sản xuất kinh doanh', 'suspended', null],
  ['Tạm nghỉ hoạt động', 'suspended', null],
  ['Đang tạm ngừng kinh doanh', 'suspended', null],
  ['Tạm ngừng HĐKD', 'suspended', null],
  ['Không hoạt động tại địa chỉ trụ sở đăng ký', 'not_at_address', null],
  ['Không tìm thấy tại địa chỉ', 'not_at_address', null],
  ['Bỏ địa chỉ kinh doanh', 'not_at_address', null],
  ['Bị cưỡng chế về thuế', 'revoked_tax', null],
  ['Đang làm hồ sơ giải thể', 'dissolving', null],
  ['Đang thực hiện thủ tục giải thể', 'dissolving', null],
  ['Thu hồi GCN đăng ký HTX', 'dissolving', null],
  ['Đang thực hiện thủ tục phá sản', 'bankruptcy', null],
  ['Đã giải thể năm 2019', 'dissolved', null],
  ['Giải thể xong', 'dissolved', null],
  ['Đã bị giải thể bắt buộc', 'dissolved', null],
  ['Đã xóa tên', 'dissolved', null],
  ['Đã phá sản năm 2020', 'dissolved', null],
  ['Đề nghị giải thể', 'active', 'awaiting_dissolution'],
  ['HTX chờ giải thể', 'active', 'awaiting_dissolution'],
  ['Ngừng SXKD', 'active', 'stopped'],
  ['Đã ngừng hoạt động nhiều năm', 'active', 'stopped'],
  ['HTX không còn hoạt động', 'active', 'stopped'],
  ['Đóng cửa', 'active', 'stopped'],
  ['Chỉ còn tồn tại trên sổ sách', 'active', 'paper_only'],
  ['Chỉ có tên, không hoạt động', 'active', 'paper_only'],
  ['HTX hoạt động yếu kém', 'active', 'weak'],
  ['Loại yếu', 'active', 'weak']
]
const SECTORS: Array<[string, string]> = [
  ['Nông nghiệp tổng hợp', 'agri'],
  ['Trồng chè, chế biến chè', 'agri'],
  ['Chăn nuôi lợn', 'agri'],
  ['Nuôi trồng thủy sản nước ngọt', 'agri'],
  ['Trồng rừng', 'agri'],
  ['0111', 'agri'],
  ['4933 - Vận tải hàng hóa bằng đường bộ', 'transport'],
  ['6419', 'credit'],
  ['Mây tre đan xuất khẩu', 'industry'],
  ['Sản xuất gạch', 'industry'],
  ['Xây dựng dân dụng', 'construction'],
  ['Cấp nước sinh hoạt', 'environment'],
  ['Vận tải hành khách bằng xe buýt', 'transport'],
  ['Bốc xếp hàng hóa', 'transport'],
  ['Kinh doanh tổng hợp', 'trade_service'],
  ['Dịch vụ ăn uống', 'trade_service'],
  ['Du lịch cộng đồng, homestay', 'tourism'],
  ['Quỹ tín dụng nhân dân xã', 'credit']
]

describe('values by meaning (40+ wordings beyond statuses.json and sectors.json)', () => {
  it('every wording is new to the synonym lists', () => {
    const known = new Set([...synonyms('statuses.json'), ...synonyms('sectors.json')])
    expect([...STATUSES, ...SECTORS].filter(([v]) => known.has(fold(v))).map(([v]) => v)).toEqual([])
    expect(STATUSES.length + SECTORS.length).toBeGreaterThanOrEqual(40)
  })

  it('reads each status to its code and label, and each sector to its code', async () => {
    const rows: unknown[][] = [['STT', 'Tên HTX', 'Tình trạng', 'Lĩnh vực']]
    const n = Math.max(STATUSES.length, SECTORS.length)
    for (let i = 0; i < n; i++)
      rows.push([i + 1, `HTX số ${i + 1}`, STATUSES[i]?.[0] ?? 'Đang hoạt động', SECTORS[i]?.[0] ?? 'Nông nghiệp'])
    const s = (await preview([book('values.xlsx', { DS: rows })])).files[0].sheets[0]
    const recs = s.rows.filter((r) => r.record).map((r) => r.record!)
    expect(recs).toHaveLength(n)
    expect(STATUSES.map(([v], i) => [v, recs[i].status, recs[i].label ?? null])).toEqual(STATUSES)
    expect(SECTORS.map(([v], i) => [v, recs[i].sector])).toEqual(SECTORS)
    expect(s.unknownValues).toEqual([])
  })

  it('«Ngừng hoạt động» is legally active with the label «stopped»', async () => {
    const s = (
      await preview([
        book('stopped.xlsx', {
          DS: [
            ['STT', 'Tên HTX', 'Tình trạng'],
            [1, 'HTX A', 'Ngừng hoạt động']
          ]
        })
      ])
    ).files[0].sheets[0]
    expect(s.rows.find((r) => r.record)?.record).toMatchObject({ status: 'active', label: 'stopped' })
  })

  it('a value not understood is listed; for a status the row is an error naming the value', async () => {
    const path = book('unknown-values.xlsx', {
      DS: [
        ['STT', 'Tên HTX', 'Tình trạng', 'Lĩnh vực'],
        [1, 'HTX A', 'Đang xem xét lại', 'Nông nghiệp'],
        [2, 'HTX B', 'Đang hoạt động', 'Lĩnh vực chưa rõ'],
        [3, 'HTX C', 'Đang xem xét lại', 'Nông nghiệp']
      ]
    })
    const s = (await preview([path])).files[0].sheets[0]
    expect(s.unknownValues).toEqual(
      expect.arrayContaining([
        { field: 'status', value: 'Đang xem xét lại', count: 2, rows: [2, 4] },
        expect.objectContaining({ field: 'sector', value: 'Lĩnh vực chưa rõ', count: 1, rows: [3] })
      ])
    )
    const row2 = s.rows.find((r) => r.row === 2)!
    expect(row2.state).toBe('error')
    expect(row2.issues.map((i) => i.message).join(' ')).toContain('Đang xem xét lại')
  })
})

const records = (s: ImportSheet) => s.rows.filter((r) => r.record).map((r) => r.record!)

describe('group rows and sub-totals by shape', () => {
  it('applies commune, sector and status groups to the rows beneath, never as records; checks the sub-totals', async () => {
    const path = book('grouped.xlsx', {
      DS: [
        ['DANH SÁCH HỢP TÁC XÃ TRÊN ĐỊA BÀN HUYỆN'],
        ['STT', 'Tên HTX', 'Tình trạng', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        ['I', 'Xã Mường Kim', null, null, null],
        ['1. Lĩnh vực nông nghiệp (2 HTX)', null, null, null, null],
        [1, 'HTX nông nghiệp Mường Kim', 'Đang hoạt động', 1500, 12],
        [2, 'HTX chè Bản Mường', null, 500, 8],
        ['Cộng I', null, null, 2000, 20],
        ['II', 'Xã Phúc Than', null, null, null],
        ['1. HTX tạm ngừng hoạt động (1 HTX)', null, null, null, null],
        [3, 'HTX vận tải Phúc Than', null, 300, 7],
        ['Cộng II', null, null, 999, 7],
        ['Tổng cộng', null, null, 2300, 27]
      ]
    })
    const s = (await preview([path])).files[0].sheets[0]
    expect(s.headerRow).toBe(2)
    expect(s.rows.map((r) => [r.row, r.state, r.reason ?? null])).toEqual([
      [3, 'skipped', 'column-numbers'],
      [4, 'skipped', 'section'],
      [5, 'skipped', 'group'],
      [6, 'new', null],
      [7, 'new', null],
      [8, 'skipped', 'totals'],
      [9, 'skipped', 'section'],
      [10, 'skipped', 'group'],
      [11, 'new', null],
      [12, 'skipped', 'totals'],
      [13, 'skipped', 'totals']
    ])
    expect(s.rows.find((r) => r.row === 5)?.group).toMatchObject({ kind: 'sector', value: 'agri' })
    expect(s.rows.find((r) => r.row === 10)?.group).toMatchObject({ kind: 'status', value: 'suspended' })
    const recs = records(s)
    expect(recs.map((r) => r.name)).toEqual(['HTX nông nghiệp Mường Kim', 'HTX chè Bản Mường', 'HTX vận tải Phúc Than'])
    expect(recs.map((r) => [r.commune, r.sector ?? null, r.status ?? null])).toEqual([
      ['Xã Mường Kim', 'agri', 'active'],
      ['Xã Mường Kim', 'agri', null],
      ['Xã Phúc Than', null, 'suspended']
    ])
    expect(recs.map((r) => r.charterCapital)).toEqual([1_500_000_000, 500_000_000, 300_000_000])
    const mismatch = s.rows.flatMap((r) => r.issues).filter((i) => i.code === 'TOTAL_MISMATCH')
    expect(mismatch).toHaveLength(1)
    expect(mismatch[0]).toMatchObject({ row: 12, column: 'D', severity: 'warning' })
    expect(mismatch[0].message).toMatch(/999[^0-9].*300/)

    const done = await commit([path])
    expect(done.totals.created).toBe(3)
  })
  it('«I. Xã Mường Kim» alone in the STT cell (numbering and commune in one cell) gives the rows beneath their commune', async () => {
    const path = book('grouped-one-cell.xlsx', {
      DS: [
        ['DANH SÁCH HỢP TÁC XÃ TRÊN ĐỊA BÀN HUYỆN'],
        ['STT', 'Tên HTX', 'Tình trạng', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        ['I. Xã Mường Kim', null, null, null, null],
        ['1. Lĩnh vực nông nghiệp (2 HTX)', null, null, null, null],
        [1, 'HTX nông nghiệp Mường Kim', 'Đang hoạt động', 1500, 12],
        [2, 'HTX chè Bản Mường', null, 500, 8],
        ['II. Xã Phúc Than', null, null, null, null],
        [3, 'HTX vận tải Phúc Than', null, 300, 7]
      ]
    })
    const s = (await preview([path])).files[0].sheets[0]
    expect(s.rows.find((r) => r.row === 4)).toMatchObject({
      state: 'skipped',
      reason: 'section',
      group: { kind: 'commune', value: 'Xã Mường Kim' }
    })
    expect(records(s).map((r) => [r.name, r.commune, r.sector ?? null])).toEqual([
      ['HTX nông nghiệp Mường Kim', 'Xã Mường Kim', 'agri'],
      ['HTX chè Bản Mường', 'Xã Mường Kim', 'agri'],
      ['HTX vận tải Phúc Than', 'Xã Phúc Than', null]
    ])
  })
})

describe('values', () => {
  it('a year alone is 1 January flagged «chỉ có năm»; a merged commune covers its rows; month-first proven reads the column one way', async () => {
    const path = book(
      'values-dates.xlsx',
      {
        DS: [
          ['STT', 'Tên HTX', 'Xã', 'Ngày thành lập'],
          [1, 'HTX Một', 'Xã Mường Kim', 2015],
          [2, 'HTX Hai', null, '03/04/2021'],
          [3, 'HTX Ba', null, '12/31/2020'],
          [4, 'HTX Bốn', 'Xã Phúc Than', '2016']
        ]
      },
      { DS: [{ s: { r: 1, c: 2 }, e: { r: 3, c: 2 } }] }
    )
    const s = (await preview([path])).files[0].sheets[0]
    const recs = records(s)
    expect(recs.map((r) => [r.name, r.commune, r.registrationDate])).toEqual([
      ['HTX Một', 'Xã Mường Kim', '2015-01-01'],
      ['HTX Hai', 'Xã Mường Kim', '2021-03-04'],
      ['HTX Ba', 'Xã Mường Kim', '2020-12-31'],
      ['HTX Bốn', 'Xã Phúc Than', '2016-01-01']
    ])
    const yearOnly = s.rows.flatMap((r) => r.issues).filter((i) => i.code === 'DATE_YEAR_ONLY')
    expect(yearOnly.map((i) => i.row)).toEqual([2, 5])
    expect(yearOnly[0].message).toContain('chỉ có năm')
    expect(s.rows.find((r) => r.row === 3)?.origin?.commune).toMatchObject({ from: 'merged' })
    expect(s.issues.map((i) => i.code)).toContain('DATE_MONTH_FIRST')
  })

  it('a column proving both orders is an error naming two cells; a two-digit year and a 301-character name are refused', async () => {
    const long = 'HTX ' + 'a'.repeat(297)
    expect(long).toHaveLength(301)
    const path = book('values-bad.xlsx', {
      Mixed: [
        ['STT', 'Tên HTX', 'Ngày thành lập'],
        [1, 'HTX Một', '25/12/2019'],
        [2, 'HTX Hai', '12/31/2020']
      ],
      Bad: [
        ['STT', 'Tên HTX', 'Ngày thành lập'],
        [1, 'HTX Một', '03/04/21'],
        [2, long, '03/04/2021'],
        [3, 'HTX Ba', '05/06/2018']
      ]
    })
    const [mixed, bad] = (await preview([path])).files[0].sheets
    const order = mixed.issues.find((i) => i.code === 'DATE_ORDER_MIXED')!
    expect(order).toMatchObject({ severity: 'error', column: 'C' })
    expect(order.message).toContain('25/12/2019')
    expect(order.message).toContain('12/31/2020')
    expect(bad.rows.map((r) => [r.row, r.state])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'new']
    ])
    expect(bad.rows[0].issues.map((i) => i.code)).toContain('DATE_TWO_DIGIT_YEAR')
    expect(bad.rows[1].issues.map((i) => i.code)).toContain('TEXT_TOO_LONG')
    await commit([path]).catch(() => null)
    const n = await core.ctx.db.selectFrom('entities').select('name').execute()
    expect(n.every((e) => e.name.length <= 300)).toBe(true)
  })
})

// Windows-1258 as Windows writes Vietnamese: tone marks as combining bytes after the letter.
const CP1258: Record<string, number> = {
  â: 0xe2,
  ê: 0xea,
  ô: 0xf4,
  ă: 0xe3,
  ơ: 0xf5,
  ư: 0xfd,
  đ: 0xf0,
  Â: 0xc2,
  Ê: 0xca,
  Ô: 0xd4,
  Ă: 0xc3,
  Ơ: 0xd5,
  Ư: 0xdd,
  Đ: 0xd0
}
const TONES: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 }
function cp1258(text: string): Buffer {
  const out: number[] = []
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')]
    const tone = parts.find((p) => TONES[p] !== undefined)
    const base = parts
      .filter((p) => TONES[p] === undefined)
      .join('')
      .normalize('NFC')
    const code = base.charCodeAt(0)
    out.push(CP1258[base] ?? (code < 0x80 ? code : NaN))
    if (tone) out.push(TONES[tone])
  }
  if (out.some(Number.isNaN)) throw new Error('not in Windows-1258: ' + text)
  return Buffer.from(out)
}

describe('encodings', () => {
  const NAMES = ['HTX nông nghiệp Mường Kim', 'Hợp tác xã dịch vụ điện Phúc Than', 'HTX thủy sản Ưu Tiên']
  const table = (sep: string) =>
    ['STT' + sep + 'Tên HTX' + sep + 'Tình trạng', ...NAMES.map((n, i) => `${i + 1}${sep}${n}${sep}Đang hoạt động`)].join('\r\n')

  it('Windows-1258, UTF-16 LE/BE, UTF-8 with and without BOM, and an HTML table saved as .xls give the same NFC names', async () => {
    const be = (t: string) => {
      const le = Buffer.from('\ufeff' + t, 'utf16le')
      for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]
      return le
    }
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table>' +
      '<tr><th>STT</th><th>Tên HTX</th><th>Tình trạng</th></tr>' +
      NAMES.map((n, i) => `<tr><td>${i + 1}</td><td>${n}</td><td>Đang hoạt động</td></tr>`).join('') +
      '</table></body></html>'
    const files: Array<[string, Buffer]> = [
      ['cp1258.csv', cp1258(table(','))],
      ['utf16le.txt', Buffer.from('\ufeff' + table('\t'), 'utf16le')],
      ['utf16be.txt', be(table('\t'))],
      ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table(','), 'utf8')])],
      ['utf8-nfd.csv', Buffer.from(table(',').normalize('NFD'), 'utf8')],
      ['web-export.xls', Buffer.from(html, 'utf8')]
    ]
    expect(cp1258('ệ').equals(Buffer.from([0xea, 0xf2]))).toBe(true)
    const paths = files.map(([n, b]) => {
      const p = join(core.dir, n)
      writeFileSync(p, b)
      return p
    })
    const r = await preview(paths)
    const got = r.files.map((f) => [f.file, records(f.sheets[0]).map((x) => [x.name, x.status])])
    expect(got).toEqual(files.map(([n]) => [n, NAMES.map((x) => [x, 'active'])]))
    expect(r.files.find((f) => f.file === 'web-export.xls')?.format).toBe('html')
  })
})

// Issue 20 point 7: the value that will be written beside the file's own words, for every value read by
// meaning — and kept in the record's audit row after the commit, so its history says where it came from.
describe('every interpreted value beside the original', () => {
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
    [2, 'Tổ hợp tác chè Bản Mường', null, 'Bản Mường', '2015', '850 triệu', 8, 'Nông nghiệp', 'Tạm dừng hoạt động', 'Tổ hợp tác'],
    [3, 'HTX vận tải Mường Kim', null, null, '03/04/2019', '1.500.000.000', 9, null, 'Đang hoạt động', 'HTX']
  ]
  const byField = (row: ImportResult['files'][number]['sheets'][number]['rows'][number] | undefined) =>
    Object.fromEntries(interpretedValues(row ?? {}).map((v) => [v.field, [v.value, v.original]]))

  it('the core answer gives each interpreted cell its original: capital, commune, sector, status, kind, dates, members, number', async () => {
    const path = book('originals.xlsx', { DS: ORIGINALS })
    const s = (await preview([path])).files[0].sheets[0]
    expect(s.counts.created).toBe(3)
    const row = (n: number) => s.rows.find((r) => r.row === n)
    // Row 2: every field read by meaning, each with the cell as written.
    expect(row(2)?.record).toMatchObject({
      regNo: '4900123456',
      commune: 'Mai Pha',
      registrationDate: '2020-12-31',
      charterCapital: 1_200_000_000,
      sector: 'agri',
      status: 'active',
      kind: 'htx',
      figures: { members: 12 }
    })
    expect(byField(row(2))).toEqual({
      regNo: ['4900123456', '4900 123 456'],
      commune: ['Mai Pha', 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn'],
      registrationDate: ['31/12/2020', '12/31/2020'],
      charterCapital: ['1.200.000.000', '1,2 tỷ'],
      members: ['12', '12 người'],
      sector: ['Nông, lâm, ngư nghiệp, thủy sản', 'Trồng trọt, chăn nuôi'],
      status: ['Đang hoạt động', 'Đang HĐ'],
      kind: ['HTX', 'Hợp tác xã']
    })
    expect(row(2)?.origin?.commune).toMatchObject({ from: 'address' })
    expect(row(2)?.origin?.charterCapital?.meaning).toContain('tỷ')
    expect(row(2)?.origin?.registrationDate?.meaning).toContain('tháng/ngày/năm')
    // Row 4: the commune from the group row «I. Xã Mường Kim», a year alone, «850 triệu», a THT by its kind cell.
    expect(row(4)?.record).toMatchObject({
      commune: 'Xã Mường Kim',
      registrationDate: '2015-01-01',
      charterCapital: 850_000_000,
      kind: 'tht',
      status: 'suspended'
    })
    expect(byField(row(4))).toEqual({
      commune: ['Xã Mường Kim', 'Xã Mường Kim'],
      registrationDate: ['01/01/2015', '2015'],
      charterCapital: ['850.000.000', '850 triệu'],
      sector: ['Nông, lâm, ngư nghiệp, thủy sản', 'Nông nghiệp'],
      status: ['Tạm ngừng kinh doanh', 'Tạm dừng hoạt động'],
      kind: ['THT', 'Tổ hợp tác']
    })
    expect(interpretedValues(row(4)!).find((v) => v.field === 'commune')?.how).toBe('theo dòng nhóm 3')
    // Row 5: what the file wrote is what is written (03/04/2019 in a month-first column is read as it says).
    expect(byField(row(5))).toEqual({
      commune: ['Xã Mường Kim', 'Xã Mường Kim'],
      registrationDate: ['04/03/2019', '03/04/2019']
    })
    expect(row(5)?.record?.charterCapital).toBe(1_500_000_000)
  })

  it('a status the file does not write but a dissolution date implies is shown with that date', async () => {
    const path = book('dissolved.xlsx', {
      DS: [
        ['STT', 'Tên HTX', 'Ngày giải thể'],
        [1, 'HTX Một', '15/06/2022']
      ]
    })
    const row = (await preview([path])).files[0].sheets[0].rows.find((r) => r.row === 2)!
    expect(row.record?.status).toBe('dissolved')
    expect(interpretedValues(row)).toEqual([
      {
        field: 'status',
        label: 'Tình trạng',
        value: 'Đã giải thể, phá sản, chấm dứt tồn tại',
        original: '15/06/2022',
        how: 'có ngày giải thể nên là đã giải thể'
      }
    ])
  })

  it('a capital column in millions says its unit; «1 tỷ 200» is refused, not guessed; sub-totals read the words too', async () => {
    const path = book('units.xlsx', {
      DS: [
        ['STT', 'Tên HTX', 'Vốn điều lệ (triệu đồng)'],
        [1, 'HTX Một', 1500],
        [2, 'HTX Hai', '1,2 tỷ'],
        [3, 'HTX Ba', '1 tỷ 200'],
        ['Cộng', null, 2700]
      ]
    })
    const s = (await preview([path])).files[0].sheets[0]
    const row = (n: number) => s.rows.find((r) => r.row === n)
    expect(interpretedValues(row(2)!)).toEqual([
      { field: 'charterCapital', label: 'Vốn điều lệ', value: '1.500.000.000', original: '1500', how: 'cột tính bằng triệu đồng' }
    ])
    expect(byField(row(3))).toEqual({ charterCapital: ['1.200.000.000', '1,2 tỷ'] })
    expect(row(4)?.state).toBe('error')
    expect(row(4)?.issues[0].message).toContain('«1 tỷ 200» không phải số tiền hợp lệ')
    expect(s.rows.flatMap((r) => r.issues).filter((i) => i.code === 'TOTAL_MISMATCH')).toEqual([])
  })

  it('the commit keeps each original in the record’s audit row: where in the file, the value, the text', async () => {
    const path = book('originals.xlsx', { DS: ORIGINALS })
    const done = await commit([path])
    expect(done.totals.created).toBe(3)
    const list = (await core.call('entity.list', {})).rows
    const maiPha = list.find((e) => e.name === 'HTX dịch vụ Mai Pha')!
    const audit = (await core.call('audit.list', { table: 'entities', rowId: maiPha.id })) as Array<{ action: string; after: any }>
    const created = audit.find((a) => a.action === 'create')!
    expect(created.after.importOrigin.where).toBe('originals.xlsx › DS › dòng 2')
    expect(created.after.importOrigin.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'charterCapital', value: '1.200.000.000', original: '1,2 tỷ' }),
        expect.objectContaining({ field: 'commune', value: 'Mai Pha', original: 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn' }),
        expect.objectContaining({ field: 'sector', value: 'Nông, lâm, ngư nghiệp, thủy sản', original: 'Trồng trọt, chăn nuôi' }),
        expect.objectContaining({ field: 'status', value: 'Đang hoạt động', original: 'Đang HĐ' }),
        expect.objectContaining({ field: 'registrationDate', value: '31/12/2020', original: '12/31/2020' }),
        expect.objectContaining({ field: 'members', value: '12', original: '12 người' })
      ])
    )
    // A second file changes the capital of a record already there: the update's audit row says from what text.
    const again = book('again.xlsx', {
      DS: [
        ['STT', 'Tên HTX', 'Mã số HTX', 'Vốn điều lệ (đồng)'],
        [1, 'HTX dịch vụ Mai Pha', '4900123456', '2 tỷ']
      ]
    })
    const second = await commit([again])
    expect(second.totals.updated).toBe(1)
    const updated = (
      (await core.call('audit.list', { table: 'entities', rowId: maiPha.id })) as Array<{ action: string; after: any }>
    ).find((a) => a.action === 'update')!
    expect(updated.after.charter_capital).toBe(2_000_000_000)
    expect(updated.after.importOrigin).toEqual({
      where: 'again.xlsx › DS › dòng 2',
      values: [
        { field: 'charterCapital', label: 'Vốn điều lệ', value: '2.000.000.000', original: '2 tỷ', how: 'đọc chữ «tỷ» trong ô, ra đồng' }
      ]
    })
  })
})

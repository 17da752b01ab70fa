import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult, ImportSheet } from '../../src/shared/api'
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
  ['Thời điểm chấm dứt hoạt động', 'dissolutionDate', null]
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

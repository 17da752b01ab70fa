/**
 * The package's human sheets: what a person opening the file in Excel reads
 * (summary as of the date, the register, yearly figures, open dissolution cases).
 * Derived from the same file the machine sheets come from; nothing here is
 * trusted on the way back in.
 */
import { XLSX } from '../sheetjs'
import { KIND_SHORT, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { compareVi, formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { definitions } from '../reports/definitions'
import { buildSummary } from '../reports/summary'
import { loadSnapshot } from '../reports/snapshot'
import { cellText } from './format'

type Cell = string | number | null
export type Sheet = { name: string; rows: Cell[][]; widths: number[] }

export async function humanSheets(ctx: CoreContext, asOf: string, officeName: string): Promise<Sheet[]> {
  const title = (text: string): Cell[][] => [[officeName], [text], [`Số liệu tính đến ngày ${formatDate(asOf)}`], []]

  const summary = await buildSummary(ctx, asOf)
  const summaryRows: Cell[][] = [...title('TỔNG HỢP SỐ LIỆU KINH TẾ TẬP THỂ'), ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']]
  definitions().indicators.forEach((ind, i) => summaryRows.push([i + 1, ind.label, ind.unit, summary.indicators[ind.code] ?? null]))

  // The snapshot gives each record's status on the date; names come from the register itself.
  const details = new Map(
    (
      ctx.conn.sqlite.prepare('select id, name, reg_no, address, commune from entities where deleted_at is null').raw().all() as Array<
        [number, string, string | null, string | null, string | null]
      >
    ).map((r) => [r[0], { name: r[1], regNo: r[2], address: r[3], commune: r[4] }])
  )
  const snapshot = loadSnapshot(ctx, asOf)
    .map((e) => ({ ...e, ...details.get(e.id)! }))
    .sort((a, b) => compareVi(a.name, b.name))
  const list: Cell[][] = [
    ...title('DANH SÁCH HTX, LHHTX, THT'),
    ['STT', 'Loại hình', 'Tên', 'Mã số', 'Địa chỉ', 'Xã, phường, thị trấn', 'Ngày đăng ký', 'Vốn điều lệ (đồng)', 'Lĩnh vực', 'Tình trạng']
  ]
  snapshot.forEach((e, i) =>
    list.push([
      i + 1,
      KIND_SHORT[e.kind],
      e.name,
      e.regNo,
      e.address,
      e.commune,
      formatDate(e.registrationDate),
      e.charterCapital,
      e.sector ? SECTOR_LABELS[e.sector] : null,
      e.status ? STATUS_LABELS[e.status] : null
    ])
  )

  const figures: Cell[][] = [
    ...title('SỐ LIỆU HẰNG NĂM'),
    [
      'STT',
      'Tên',
      'Mã số',
      'Năm',
      'Thành viên',
      'Lao động',
      'Cán bộ quản lý',
      'Doanh thu (đồng)',
      'Lợi nhuận (đồng)',
      'Thu nhập bình quân (đồng)',
      'Xếp loại'
    ]
  ]
  const figureRows = ctx.conn.sqlite
    .prepare(
      `select e.name, e.reg_no, f.year, f.members, f.workers, f.managers, f.revenue, f.profit, f.avg_income, f.classification
       from yearly_figures f join entities e on e.id = f.entity_id
       where e.deleted_at is null and f.year <= ? order by f.year desc, e.name`
    )
    .raw()
    .all(Number(asOf.slice(0, 4))) as Cell[][]
  const CLASS: Record<string, string> = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' }
  figureRows.forEach((r, i) => figures.push([i + 1, ...r.slice(0, 9), r[9] ? (CLASS[r[9] as string] ?? r[9]) : null]))

  const cases: Cell[][] = [
    ...title('HỒ SƠ GIẢI THỂ ĐANG XỬ LÝ'),
    ['STT', 'Tên', 'Mã số', 'Thủ tục', 'Luật áp dụng', 'Ngày mở', 'Số bước đã xong', 'Tổng số bước']
  ]
  const caseRows = ctx.conn.sqlite
    .prepare(
      `select e.name, e.reg_no, c.kind, c.law, c.opened_on,
              (select count(*) from dissolution_steps s where s.case_id = c.id and s.state != 'todo'),
              (select count(*) from dissolution_steps s where s.case_id = c.id)
       from dissolution_cases c join entities e on e.id = c.entity_id
       where c.state = 'open' and c.opened_on <= ? order by c.opened_on`
    )
    .raw()
    .all(asOf) as Cell[][]
  caseRows.forEach((r, i) =>
    cases.push([
      i + 1,
      r[0],
      r[1],
      r[2] === 'voluntary' ? 'Tự nguyện' : r[2] === 'compulsory' ? 'Bắt buộc' : r[2],
      r[3],
      formatDate(r[4] as string),
      r[5],
      r[6]
    ])
  )

  return [
    { name: 'Tổng hợp', rows: summaryRows, widths: [6, 60, 14, 16] },
    { name: 'Danh sách', rows: list, widths: [6, 8, 44, 14, 36, 22, 12, 16, 28, 20] },
    { name: 'Số liệu năm', rows: figures, widths: [6, 44, 14, 6, 10, 10, 12, 16, 16, 16, 10] },
    { name: 'Giải thể', rows: cases, widths: [6, 44, 14, 12, 12, 12, 12, 12] }
  ]
}

/**
 * Text cells stay text (a name starting with "=" is never a formula): aoa_to_sheet writes strings as strings;
 * a literal "_xHHHH_" is escaped so it reads back as written (format.ts, cellText).
 */
export function appendSheet(wb: XLSX.WorkBook, sheet: Sheet): void {
  const ws = XLSX.utils.aoa_to_sheet(
    sheet.rows.map((r) => r.map((v) => (typeof v === 'string' ? cellText(v) : v))),
    { dense: true }
  )
  ws['!cols'] = sheet.widths.map((wch) => ({ wch }))
  XLSX.utils.book_append_sheet(wb, ws, sheet.name)
}

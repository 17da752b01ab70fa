/**
 * The clean template workbook for offices that start fresh: the headers the
 * import recognises, one example row, and a sheet of allowed values.
 */
import { XLSX } from '../sheetjs'
import { KIND_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'

const HEADERS = [
  'STT',
  'Tên HTX',
  'Loại hình',
  'Mã số HTX',
  'Địa chỉ trụ sở',
  'Xã, phường, thị trấn',
  'Người đại diện theo pháp luật',
  'Điện thoại',
  'Ngày đăng ký lần đầu',
  'Vốn điều lệ (triệu đồng)',
  'Lĩnh vực',
  'Số thành viên',
  'Số lao động thường xuyên',
  'Số cán bộ quản lý',
  'Sơ cấp, trung cấp',
  'Cao đẳng, đại học trở lên',
  'Tình trạng hoạt động',
  'Ngày giải thể',
  'Ghi chú'
]
const EXAMPLE = [
  1,
  'HTX dịch vụ nông nghiệp Yên Khoái',
  'Hợp tác xã',
  '2700100101',
  'Thôn Bái Trung',
  'Xã Yên Khoái',
  'Đinh Văn An',
  '0229 3870 123',
  '06/05/2015',
  '1.370',
  SECTOR_LABELS.agri,
  25,
  12,
  5,
  3,
  2,
  STATUS_LABELS.active,
  '',
  'Dòng ví dụ: xóa trước khi nhập'
]

export function templateWorkbook(): { name: string; base64: string } {
  const wb = XLSX.utils.book_new()
  const list = XLSX.utils.aoa_to_sheet([HEADERS, EXAMPLE])
  list['!cols'] = HEADERS.map((h) => ({ wch: Math.max(10, Math.min(36, h.length + 2)) }))
  // Dates and numbers kept as text so Excel does not turn 06/05/2015 into a month-first date.
  XLSX.utils.book_append_sheet(wb, list, 'Danh sách')
  const allowed: Array<Array<string>> = [['Loại hình', 'Lĩnh vực', 'Tình trạng hoạt động']]
  const kinds = Object.values(KIND_LABELS)
  const sectors = Object.values(SECTOR_LABELS)
  const statuses = Object.values(STATUS_LABELS)
  for (let i = 0; i < Math.max(kinds.length, sectors.length, statuses.length); i++)
    allowed.push([kinds[i] ?? '', sectors[i] ?? '', statuses[i] ?? ''])
  allowed.push(
    [],
    ['Ngày gõ ngày/tháng/năm (06/05/2015). Vốn điều lệ theo đơn vị ghi trong tiêu đề cột; số dùng dấu chấm phân cách hàng nghìn.']
  )
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(allowed), 'Giá trị cho phép')
  const buffer = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
  return { name: 'mau-danh-sach-htx.xlsx', base64: buffer.toString('base64') }
}

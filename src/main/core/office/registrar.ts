/**
 * Who registers a cooperative registered on a date (issue 14): up to 30/06/2025 the district, from
 * 01/07/2025 the commune-level business registration office (Nghị định 295/2026/NĐ-CP, Điều 5, 7). A
 * former district's register is kept for history and handed over; a record registered after its last
 * day belongs to a commune office's register, and is refused here in every door that writes one.
 */
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { LAST_DAY_BEFORE } from './map'

/** Refuses a registration dated after the district level ended, in a former district's register. `where` names the row. */
export function assertDistrictRegisters(
  level: string | null | undefined,
  registrationDate: string | null | undefined,
  where?: string
): void {
  if (level !== 'district' || !registrationDate || registrationDate <= LAST_DAY_BEFORE) return
  throw new AppError(
    'VALIDATION',
    `${where ? `${where}: ` : ''}ngày đăng ký ${formatDate(registrationDate)} sau ngày ${formatDate(LAST_DAY_BEFORE)}, khi cấp huyện đã chấm dứt hoạt động. ` +
      'Từ 01/07/2025 HTX, LHHTX, THT đăng ký tại cơ quan đăng ký kinh doanh cấp xã (Nghị định 295/2026/NĐ-CP, Điều 5, 7): hãy ghi bản ghi này vào sổ của xã nơi nó đặt trụ sở, không vào sổ của huyện cũ.',
    { field: 'registrationDate' }
  )
}

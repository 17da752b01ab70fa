import { vnDateTime, vnToday } from '../../../shared/clock'
import { formatDate } from '../../../shared/text'

/** A stored UTC moment as the office's clock shows it (Vietnam, whatever this computer's zone): dd/mm/yyyy hh:mm. */
export const localTime = vnDateTime

/** Today in Vietnam, dd/mm/yyyy: the default "as of" date. */
export function todayVi(): string {
  return formatDate(vnToday())
}

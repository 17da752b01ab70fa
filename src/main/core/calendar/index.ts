import vn from '../../../../resources/holidays/vn.json'
import { makeCalendar, type HolidayDay, type WorkCalendar } from './workdays'

export * from './workdays'
export { lunarToSolar, tetDate } from './lunar'

export const vnHolidays: HolidayDay[] = vn.days as HolidayDay[]

/** Vietnam's working calendar from the bundled data, plus days added/removed in Settings. */
export function vnCalendar(extra: { add?: string[]; remove?: string[]; workingWeekends?: string[] } = {}): WorkCalendar {
  const remove = new Set(extra.remove ?? [])
  const days = [...vnHolidays.map((d) => d.date), ...(extra.add ?? [])].filter((d) => !remove.has(d))
  return makeCalendar(days, [...vn.workingWeekends, ...(extra.workingWeekends ?? [])])
}

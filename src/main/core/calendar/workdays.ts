// Working-day and deadline arithmetic. Pure: dates are ISO strings (yyyy-mm-dd), no time zones, no I/O.
// Counting rules (Bộ luật Dân sự 2015): a period starts the day after the event (Điều 147 khoản 1);
// a period in months ends on the same-numbered day of the last month, or that month's last day when
// it has no such day (Điều 148 khoản 1 điểm c–d); when the last day is a weekly rest day or a public
// holiday, the period ends on the next working day (Điều 148 khoản 5).

export interface HolidayDay {
  date: string
  name: string
  /** holiday: set by the Labour Code; compensatory: nghỉ bù for a holiday on a weekend; extra: announced swap day off */
  kind: 'holiday' | 'compensatory' | 'extra'
}

export interface WorkCalendar {
  /** days off besides Saturdays and Sundays */
  holidays: ReadonlySet<string>
  /** Saturdays/Sundays announced as working days (swap days) */
  workingWeekends: ReadonlySet<string>
}

export type DeadlineUnit = 'working_days' | 'days' | 'months'
export interface DeadlineRule {
  unit: DeadlineUnit
  n: number
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

function parse(iso: string): Date {
  const m = ISO.exec(iso)
  if (!m) throw new Error(`Ngày không hợp lệ: "${iso}" (cần dạng yyyy-mm-dd)`)
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`Ngày không tồn tại: "${iso}"`)
  }
  return d
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(iso: string, n: number): string {
  const d = parse(iso)
  d.setUTCDate(d.getUTCDate() + n)
  return fmt(d)
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(iso: string): number {
  return parse(iso).getUTCDay()
}

export function makeCalendar(holidays: Iterable<string | HolidayDay>, workingWeekends: Iterable<string> = []): WorkCalendar {
  const h = new Set<string>()
  for (const x of holidays) h.add(typeof x === 'string' ? fmt(parse(x)) : fmt(parse(x.date)))
  const w = new Set<string>()
  for (const x of workingWeekends) w.add(fmt(parse(x)))
  return { holidays: h, workingWeekends: w }
}

export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  const day = fmt(parse(iso))
  if (cal.holidays.has(day)) return false
  const wd = weekday(day)
  if (wd === 0 || wd === 6) return cal.workingWeekends.has(day)
  return true
}

/** The given day if it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(iso: string, cal: WorkCalendar): string {
  let d = fmt(parse(iso))
  for (let i = 0; i < 400; i++) {
    if (isWorkingDay(d, cal)) return d
    d = addDays(d, 1)
  }
  throw new Error(`Không tìm thấy ngày làm việc nào sau ${iso} trong 400 ngày: kiểm tra lịch nghỉ`)
}

/** The n-th working day after `start` (start itself not counted). n = 0 gives start. */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Số ngày làm việc phải là số nguyên không âm: ${n}`)
  let d = fmt(parse(start))
  let left = n
  while (left > 0) {
    d = addDays(d, 1)
    if (isWorkingDay(d, cal)) left--
  }
  return d
}

/** Working days in (from, to]: how many working days pass after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  const a = fmt(parse(from))
  const b = fmt(parse(to))
  if (b <= a) return b === a ? 0 : -workingDaysBetween(b, a, cal)
  let n = 0
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++
  return n
}

export function addMonths(iso: string, n: number): string {
  const d = parse(iso)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + n
  const target = new Date(Date.UTC(y, m, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), last))
  return fmt(target)
}

/**
 * The last day of a period of `rule` counted from the event day `start`.
 * working_days: the n-th working day after start. days/months: the calendar end, moved to the next
 * working day when it falls on a weekend or a holiday (BLDS 2015 Điều 148 khoản 5).
 */
export function dueDate(start: string, rule: DeadlineRule, cal: WorkCalendar): string {
  if (!Number.isInteger(rule.n) || rule.n < 0) throw new Error(`Thời hạn phải là số nguyên không âm: ${rule.n}`)
  switch (rule.unit) {
    case 'working_days':
      return addWorkingDays(start, rule.n, cal)
    case 'days':
      return nextWorkingDayOnOrAfter(addDays(start, rule.n), cal)
    case 'months':
      return nextWorkingDayOnOrAfter(addMonths(start, rule.n), cal)
  }
}

import { describe, expect, it } from 'vitest'
import {
  addMonths,
  addWorkingDays,
  dueDate,
  isWorkingDay,
  lunarToSolar,
  makeCalendar,
  tetDate,
  vnCalendar,
  vnHolidays,
  workingDaysBetween
} from '../../src/main/core/calendar'
import { ruleHolidays } from '../../src/main/core/calendar/holidays-rule'

const vn = vnCalendar()

describe('lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it('finds known Tết dates', () => {
    expect(tetDate(2012)).toBe('2012-01-23')
    expect(tetDate(2020)).toBe('2020-01-25')
    expect(tetDate(2023)).toBe('2023-01-22')
    expect(tetDate(2024)).toBe('2024-02-10')
    expect(tetDate(2025)).toBe('2025-01-29')
    expect(tetDate(2026)).toBe('2026-02-17')
  })
  it("finds Hùng Kings' day (10/3 lunar)", () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29')
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18')
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07')
  })
  it('handles leap months and refuses a leap month that does not exist', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22')
    expect(lunarToSolar(1, 3, 2023)).toBe('2023-04-20')
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25')
    expect(() => lunarToSolar(1, 5, 2024, true)).toThrow(/không có tháng/)
  })
})

describe('holiday data resources/holidays/vn.json', () => {
  it('covers 2012–2030 with every fixed and lunar holiday', () => {
    const set = new Set(vnHolidays.map((d) => d.date))
    for (let y = 2012; y <= 2030; y++) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(set.has(`${y}-${md}`), `${y}-${md}`).toBe(true)
      expect(set.has(tetDate(y)), `Tết ${y}`).toBe(true)
      expect(set.has(lunarToSolar(10, 3, y)), `Hùng ${y}`).toBe(true)
      expect(
        vnHolidays.some((d) => d.date === `${y}-09-03` && d.kind === 'holiday'),
        `3/9/${y}`
      ).toBe(y >= 2021)
    }
  })
  it('gives a compensatory day for a holiday on a weekend (2/9/2023 Sat, 3/9 Sun → 4/9, 5/9)', () => {
    const d = ruleHolidays(2023)
    expect(d.filter((x) => x.kind === 'compensatory').map((x) => x.date)).toEqual(expect.arrayContaining(['2023-09-04', '2023-09-05']))
    expect(isWorkingDay('2023-09-06', vn)).toBe(true)
  })
  it('Tết run: 5 days from 2013, 4 before', () => {
    expect(ruleHolidays(2025).filter((x) => x.name.startsWith('Tết Nguyên đán')).length).toBe(5)
    expect(ruleHolidays(2012).filter((x) => x.name.startsWith('Tết Nguyên đán')).length).toBe(4)
  })
})

describe('working days', () => {
  const plain = makeCalendar([])
  it('skips weekends', () => {
    expect(addWorkingDays('2024-03-08', 1, plain)).toBe('2024-03-11') // Fri → Mon
    expect(addWorkingDays('2024-03-04', 7, plain)).toBe('2024-03-13')
    expect(addWorkingDays('2024-03-09', 0, plain)).toBe('2024-03-09')
    expect(workingDaysBetween('2024-03-04', '2024-03-13', plain)).toBe(7)
    expect(workingDaysBetween('2024-03-13', '2024-03-04', plain)).toBe(-7)
  })
  it('skips a Tết run (2024: 9/2–15/2 by the rule)', () => {
    expect(addWorkingDays('2024-02-07', 3, vn)).toBe('2024-02-19')
    expect(workingDaysBetween('2024-02-08', '2024-02-16', vn)).toBe(1)
  })
  it('skips 30/4–1/5', () => {
    expect(addWorkingDays('2024-04-26', 2, vn)).toBe('2024-05-02')
  })
  it('crosses a year boundary over 1/1', () => {
    expect(addWorkingDays('2024-12-30', 3, vn)).toBe('2025-01-03')
  })
  it('counts a worked Saturday (announced swap) and removes a day from Settings', () => {
    const cal = makeCalendar([], ['2024-03-09'])
    expect(addWorkingDays('2024-03-08', 1, cal)).toBe('2024-03-09')
    expect(isWorkingDay('2024-04-30', vnCalendar({ remove: ['2024-04-30'] }))).toBe(true)
    expect(isWorkingDay('2024-06-03', vnCalendar({ add: ['2024-06-03'] }))).toBe(false)
  })
})

describe('deadlines (BLDS 2015 Điều 147–148)', () => {
  it('moves a calendar deadline that falls on a holiday to the next working day', () => {
    expect(dueDate('2024-03-31', { unit: 'days', n: 30 }, vn)).toBe('2024-05-02') // 30/4, 1/5 off
  })
  it('moves a deadline on a weekend to Monday (180 days from 01/07/2024 = Sat 28/12)', () => {
    expect(dueDate('2024-07-01', { unit: 'days', n: 180 }, vn)).toBe('2024-12-30')
  })
  it('months end on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15')
    expect(dueDate('2024-08-02', { unit: 'months', n: 1 }, vn)).toBe('2024-09-04') // 2/9, 3/9 off
  })
  it('working-day deadlines over Tết across the year end', () => {
    expect(dueDate('2025-01-24', { unit: 'working_days', n: 7 }, vn)).toBe('2025-02-11') // 27/1; 28/1–3/2 off (1/2 Sat → bù 3/2); 4–7/2, 10–11/2
  })
  it('refuses bad input with a Vietnamese message', () => {
    expect(() => dueDate('2024-02-30', { unit: 'days', n: 1 }, vn)).toThrow(/Ngày không tồn tại/)
    expect(() => dueDate('30/01/2024', { unit: 'days', n: 1 }, vn)).toThrow(/yyyy-mm-dd/)
    expect(() => addWorkingDays('2024-01-02', -1, vn)).toThrow(/không âm/)
  })
})

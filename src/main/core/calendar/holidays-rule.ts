// Derives Vietnam's public holidays for a year from the Labour Code rules, with the lunar dates
// computed by lunar.ts. Used to seed resources/holidays/vn.json (scripts/gen-holidays.ts) and to check it.
// Bộ luật Lao động 2012 Điều 115 (from 2013) and Bộ luật Lao động 2019 Điều 112 (from 2021):
// Tết Dương lịch 1/1; Tết Âm lịch 5 ngày; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9
// (+1 ngày liền kề từ 2021). The exact Tết days and the day next to 2/9 are fixed each year by the
// Prime Minister; the rule below (last day of the lunar year + 1–4 tháng Giêng; 2/9 + 3/9) is the
// usual pattern, not the announcement: announced swaps are edited in Settings.
// Nghỉ bù: a holiday on a Saturday/Sunday gives a day off on the next working day
// (BLLĐ 2012 Điều 115 khoản 3; BLLĐ 2019 Điều 111 khoản 3 — nghỉ bù vào ngày làm việc kế tiếp).
import { lunarToSolar, tetDate } from './lunar'
import { addDays, weekday, type HolidayDay } from './workdays'

export function ruleHolidays(year: number): HolidayDay[] {
  const days: HolidayDay[] = []
  days.push({ date: `${year}-01-01`, name: 'Tết Dương lịch', kind: 'holiday' })
  const tet = tetDate(year)
  const tetLen = year >= 2013 ? 4 : 3 // BLLĐ 1994 (sửa 2007): Tết 4 ngày; từ 2013: 5 ngày
  days.push({ date: addDays(tet, -1), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)', kind: 'holiday' })
  for (let i = 0; i < tetLen; i++) days.push({ date: addDays(tet, i), name: `Tết Nguyên đán (mùng ${i + 1})`, kind: 'holiday' })
  days.push({ date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'holiday' })
  days.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng 30/4', kind: 'holiday' })
  days.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động 1/5', kind: 'holiday' })
  days.push({ date: `${year}-09-02`, name: 'Quốc khánh 2/9', kind: 'holiday' })
  if (year >= 2021) days.push({ date: `${year}-09-03`, name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' })
  // nghỉ bù
  const taken = new Set(days.map((d) => d.date))
  const out = [...days]
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const wd = weekday(d.date)
    if (wd !== 0 && wd !== 6) continue
    let c = addDays(d.date, 1)
    while (weekday(c) === 0 || weekday(c) === 6 || taken.has(c)) c = addDays(c, 1)
    taken.add(c)
    out.push({ date: c, name: `Nghỉ bù ${d.name}`, kind: 'compensatory' })
  }
  return out.sort((a, b) => a.date.localeCompare(b.date))
}

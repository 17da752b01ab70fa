// Vietnamese lunar calendar, after Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam"),
// astronomical formulas from Jean Meeus, computed for UTC+7. Pure functions, no dependencies.
const PI = Math.PI

/** Julian day number of a Gregorian date. */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = Math.floor((14 - mm) / 12)
  const y = yy + 4800 - a
  const m = mm + 12 * a - 3
  let jd = dd + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045
  if (jd < 2299161) jd = dd + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083
  return jd
}

/** Gregorian date [dd, mm, yyyy] of a Julian day number. */
export function jdToDate(jd: number): [number, number, number] {
  let a: number, b: number, c: number
  if (jd > 2299160) {
    a = jd + 32044
    b = Math.floor((4 * a + 3) / 146097)
    c = a - Math.floor((b * 146097) / 4)
  } else {
    b = 0
    c = jd + 32082
  }
  const d = Math.floor((4 * c + 3) / 1461)
  const e = c - Math.floor((1461 * d) / 4)
  const m = Math.floor((5 * e + 2) / 153)
  const day = e - Math.floor((153 * m + 2) / 5) + 1
  const month = m + 3 - 12 * Math.floor(m / 10)
  const year = b * 100 + d - 4800 + Math.floor(m / 10)
  return [day, month, year]
}

/** Day number (local time) of the k-th new moon after 1/1/1900. */
function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = PI / 180
  let Jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  Jd1 = Jd1 + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M)
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr)
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr)
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr))
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M))
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr))
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M))
  let deltat: number
  if (T < -11) deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
  else deltat = -0.000278 + 0.000265 * T + 0.000262 * T2
  const JdNew = Jd1 + C1 - deltat
  return Math.floor(JdNew + 0.5 + timeZone / 24)
}

/** Sun longitude sector (0..11, 30° each) at local midnight starting day jdn. */
function sunLongitude(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525
  const T2 = T * T
  const dr = PI / 180
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M)
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M)
  let L = (L0 + DL) * dr
  L = L - PI * 2 * Math.floor(L / (PI * 2))
  return Math.floor((L / PI) * 6)
}

/** Day number of the start of lunar month 11 (the month containing the winter solstice) of year yy. */
function lunarMonth11(yy: number, timeZone: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021
  const k = Math.floor(off / 29.530588853)
  let nm = newMoonDay(k, timeZone)
  if (sunLongitude(nm, timeZone) >= 9) nm = newMoonDay(k - 1, timeZone)
  return nm
}

function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
  let last: number
  let i = 1
  let arc = sunLongitude(newMoonDay(k + i, timeZone), timeZone)
  do {
    last = arc
    i++
    arc = sunLongitude(newMoonDay(k + i, timeZone), timeZone)
  } while (arc !== last && i < 14)
  return i - 1
}

/** Gregorian ISO date (yyyy-mm-dd) of a lunar date; leap = the leap (nhuận) month. */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false, timeZone = 7): string {
  let a11: number, b11: number
  if (lunarMonth < 11) {
    a11 = lunarMonth11(lunarYear - 1, timeZone)
    b11 = lunarMonth11(lunarYear, timeZone)
  } else {
    a11 = lunarMonth11(lunarYear, timeZone)
    b11 = lunarMonth11(lunarYear + 1, timeZone)
  }
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
  let off = lunarMonth - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone)
    let leapMonth = leapOff - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && lunarMonth !== leapMonth) throw new Error(`Năm âm lịch ${lunarYear} không có tháng ${lunarMonth} nhuận`)
    if (leap || off >= leapOff) off += 1
  } else if (leap) {
    throw new Error(`Năm âm lịch ${lunarYear} không có tháng nhuận`)
  }
  const monthStart = newMoonDay(k + off, timeZone)
  const [d, m, y] = jdToDate(monthStart + lunarDay - 1)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Gregorian ISO date of Tết Nguyên đán (1/1 lunar) of the given lunar year. */
export function tetDate(lunarYear: number): string {
  return lunarToSolar(1, 1, lunarYear)
}

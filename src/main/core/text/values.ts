/**
 * Spreadsheet values the way offices type them: numbers with '.' thousands and
 * ',' decimals (often stored as text), dates as Excel serials or day-first text.
 */
import { clean, parseViDate } from '../../../shared/text'

export type Cell = string | number | boolean | null | undefined

/** Cell text: NFC, NBSP and stray spaces tidied; numbers as typed. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return ''
  // Fast path: already tidy (printable, precomposed, single spaces, no combining marks).
  if (
    typeof value === 'string' &&
    /^[\x21-\x7e\u00c0-\u1ef9](?:[\x21-\x7e\u00c0-\u1ef9]| (?! ))*$/.test(value) &&
    !/[\u0300-\u036f]/.test(value)
  )
    return value
  return clean(String(value))
}

/** One reading of typed numbers for every door (shared/numbers.ts). */
export { parseViNumber } from '../../../shared/numbers'

/** Excel's day count (1900 system, with its phantom 29/02/1900) → ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** A date cell → ISO; null for blank; undefined when it cannot be read. Never month-first. */
export function parseSheetDate(value: Cell): string | null | undefined {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') {
    // Typed as a year alone (e.g. 2015) is not a date; serials of real dates are > 1900*… only by chance.
    return excelSerialToIso(value) ?? undefined
  }
  const s = clean(String(value))
  if (s === '') return null
  const serial = /^\d{5}$/.test(s) ? excelSerialToIso(Number(s)) : null
  if (serial) return serial
  return parseViDate(s.replace(/\s*([/.-])\s*/g, '$1')) ?? undefined
}

/** "(Số liệu tính đến ngày 31/12/2022)" → "2022-12-31". */
export function asOfDateIn(text: string): string | null {
  const m = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/.exec(text)
  return m ? parseViDate(m[1]) : null
}

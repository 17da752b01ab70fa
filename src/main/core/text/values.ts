/**
 * Spreadsheet values the way offices type them: numbers with '.' thousands and
 * ',' decimals (often stored as text), dates as Excel serials or day-first text.
 */
import { clean, parseViDate } from '../../../shared/text'
import { parseViNumber } from '../../../shared/numbers'

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

/** The money words offices write after a number, with their worth in đồng. */
const MONEY_WORDS: Array<[RegExp, number, string]> = [
  [/^(?:tỷ|tỉ|ty)$/u, 1_000_000_000, 'tỷ'],
  [/^(?:triệu|trieu|tr|tr\.|trđ|tr\.đ|tr\.\s?đ)$/u, 1_000_000, 'triệu'],
  [/^(?:nghìn|ngàn|nghin|ngan|k)$/u, 1_000, 'nghìn']
]
const CURRENCY = /\s*(?:đồng|dong|đ|vnđ|vnd)\.?$/u

/**
 * «1,2 tỷ» → 1.200.000.000 đồng, «850 triệu», «850 tr.đ», «1 tỷ 200 triệu», «1.200.000.000 đ»:
 * a money amount that says its own unit. Null when the text names no unit (the column's unit
 * applies); NaN in `dong` when it names one but cannot be read (e.g. «1 tỷ 200», whose last part
 * has no unit). `words` are the units read, for saying how the value was read.
 */
export function moneyInWords(text: string): { dong: number; words: string[] } | null {
  // Digits and separators alone (the common cell) name no unit: no need to look further.
  if (!/[^\d\s.,+-]/.test(text)) return null
  let s = clean(text).toLowerCase()
  let currency = false
  if (CURRENCY.test(s) && /\d/.test(s)) {
    s = s.replace(CURRENCY, '')
    currency = true
  }
  const parts = s.match(/\d[\d.,]*|[^\d\s.,][^\d\s]*|[.,]/gu)
  if (!parts) return null
  let dong = 0
  const words: string[] = []
  let pending: number | null = null
  for (const p of parts) {
    if (/^\d/.test(p)) {
      if (pending !== null) return { dong: NaN, words }
      const n = parseViNumber(p)
      if (n === null || Number.isNaN(n)) return words.length || currency ? { dong: NaN, words } : null
      pending = n
      continue
    }
    const unit = MONEY_WORDS.find(([re]) => re.test(p))
    if (!unit || pending === null) return words.length || currency ? { dong: NaN, words } : null
    dong += pending * unit[1]
    words.push(unit[2])
    pending = null
  }
  if (words.length === 0) return currency && pending !== null ? { dong: pending, words: ['đồng'] } : null
  if (pending !== null) return { dong: NaN, words }
  return { dong, words }
}

/** «12 người», «15 lao động», «7 TV»: a count with the unit written after it; null when there is none. */
export function countInWords(text: string): number | null {
  if (!/[^\d\s.,+-]/.test(text)) return null
  const m = /^(\d[\d.\s]*)\s*(?:người|nguoi|ng|thành viên|tv|lao động|lđ|ld|cán bộ|cb)\.?$/iu.exec(clean(text))
  if (!m) return null
  const n = parseViNumber(m[1])
  return n === null ? null : n
}

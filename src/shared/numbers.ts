/**
 * Numbers the way offices type them, one reading for every door (import, grid,
 * paste, list editors, CLI): '.' or space thousands and ',' decimals, or a plain
 * decimal point where the digits after it cannot be thousands ("1500000000.00",
 * "2.5"). A hand-written strip of every dot turned 2.5 into 25 and
 * 1500000000.00 into 150 billion; this never drops a separator it cannot read.
 */
import { clean } from './text'

/**
 * "1.370" → 1370, "1.370,5" → 1370.5, "2,5" → 2.5, "1 500" → 1500, "-50.000.000"
 * → -50000000, "1234567.89" → 1234567.89, 12 → 12. Null for blank, NaN for what
 * is not a number.
 */
export function parseViNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN
  if (typeof value !== 'string') return NaN
  const s = clean(value)
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
  if (s === '' || s === '-') return null
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'))
  // "1.5" cannot be thousands (those need three digits after the dot): a decimal point.
  if (/^-?\d+\.\d{1,2}$/.test(s) || /^-?\d+\.\d{4,}$/.test(s)) return Number(s)
  return NaN
}

/**
 * For a typed cell or option: the number it reads as, null when blank, else the
 * text as typed, so the contract's rule names the real problem in its own words
 * ("… không có phần lẻ", "… phải là một số").
 */
export function typedNumber(text: unknown): number | string | null {
  const n = parseViNumber(text)
  if (n === null) return null
  return Number.isNaN(n) ? String(text).trim() : n
}

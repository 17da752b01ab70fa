/**
 * The one CSV writer every export uses: UTF-8 with a BOM (so Excel on a
 * Vietnamese Windows reads the diacritics), CRLF, RFC 4180 quoting, and text
 * that would start a formula (=, +, -, @, tab, CR) prefixed with an apostrophe so a
 * spreadsheet program shows it instead of running it (CSV injection).
 * Numbers stay numbers: only strings are guarded.
 */
export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell as it is safe to hand to a spreadsheet program. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function field(value: CsvValue, separator: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  const text = defuseFormula(value.normalize('NFC'))
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, separator = ','): string {
  return '\uFEFF' + rows.map((row) => row.map((v) => field(v, separator)).join(separator)).join('\r\n') + '\r\n'
}

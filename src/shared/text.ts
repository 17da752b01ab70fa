/**
 * Vietnamese text helpers used on both sides of the house: storage form (NFC),
 * folded keys for diacritic-free search, collation and the dd/mm/yyyy and
 * 1.234.567 conventions.
 */

// White space that clean() would change: anything but a single inner space (\u200b is not \s).
const UNTIDY_SPACE = /[^\S ]|\u200b|\s\s|^\s|\s$/

/** The storage form: NFC, trimmed, inner runs of white space (incl. NBSP) collapsed. */
export function clean(text: string): string {
  const nfc = text.normalize('NFC')
  // Most text is tidy already: tested once rather than copied by replace and trim.
  return UNTIDY_SPACE.test(nfc) ? nfc.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim() : nfc
}

/**
 * Folded key: no diacritics, đ→d, lower case, punctuation as spaces, spaces
 * collapsed. "Hợp tác xã Nông nghiệp, Đồng Đăng" → "hop tac xa nong nghiep dong dang".
 */
export function fold(text: string): string {
  let out = ''
  let gap = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const m = c < FOLD_TABLE.length ? FOLD_TABLE[c] : undefined
    // A character the table does not cover (another script, a symbol): the whole text by the rule itself.
    if (m === undefined) return foldByRule(text)
    if (m === '') continue
    if (m === ' ') gap = true
    else {
      if (gap && out !== '') out += ' '
      gap = false
      out += m
    }
  }
  return out
}

/** The rule fold() keeps: NFD, combining marks dropped, đ→d, lower case, anything but a-z and 0-9 as one space, trimmed. */
export function foldByRule(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * fold() one character at a time, for Latin letters with their marks (U+0000–U+036F, Vietnamese's U+1E00–U+1EFF):
 * '' for a combining mark, ' ' for a separator, else the letters it folds to. The rule is per character there (NFD
 * only decomposes, the marks it would reorder are dropped), so a text of these characters folds the same by the
 * table as by foldByRule — a test checks every entry — and the import folds 100,000 names without four regex passes.
 */
const FOLD_TABLE: Array<string | undefined> = (() => {
  const table: Array<string | undefined> = new Array(0x1f00)
  const covered = (c: number) => c <= 0x36f || c >= 0x1e00
  for (let c = 0; c < 0x1f00; c++) {
    if (!covered(c)) continue
    // The rule's first four steps on the character alone; left undefined (the rule then folds the text) when mixed.
    const folded = String.fromCharCode(c)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
    if (folded === '' || /^[a-z0-9]+$/.test(folded)) table[c] = folded
    else if (/^[^a-z0-9]+$/.test(folded)) table[c] = ' '
  }
  return table
})()

// The same organisation is written in full or abbreviated in every register;
// both sides of a search are brought to the short form so either finds the other.
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bhop tac xa\b/g, 'htx'],
  [/\bto hop tac\b/g, 'tht'],
  [/\blien hiep htx\b/g, 'lhhtx'],
  [/\bquy tin dung nhan dan\b/g, 'qtdnd']
]

/** Folded key with the usual abbreviations applied: what search matches on. */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return abbreviate(fold(parts.filter((p): p is string => !!p).join(' ')))
}

/**
 * searchKey from parts already folded (a bulk write folds the name once for both
 * keys): folding joins at a space, so fold(a + ' ' + b) is fold(a) + ' ' + fold(b)
 * with empty parts left out.
 */
export function searchKeyOfFolded(folded: string[]): string {
  return abbreviate(folded.filter((p) => p !== '').join(' '))
}

function abbreviate(key: string): string {
  for (const [pattern, short] of ABBREVIATIONS) key = key.replace(pattern, short)
  return key
}

/** Tokens of a user's search query, each of which must occur in the key. */
export function searchTokens(query: string): string[] {
  const key = searchKey(query)
  return key === '' ? [] : key.split(' ')
}

const collator = new Intl.Collator('vi', { numeric: true })

/** Vietnamese alphabetical order: a ă â b c d đ e ê …, tones after the base letter. */
export function compareVi(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '')
}

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })

/** 1234567 → "1.234.567"; decimals with a comma: 1150.5 → "1.150,5". */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  if (decimals === 0) return integerFormat.format(value)
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  }).format(value)
}

/** ISO "2024-05-06" → "06/05/2024". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/** True when y-m-d names a real calendar day. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/**
 * A date typed the Vietnamese way (day first, never month first): dd/mm/yyyy,
 * d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, or ISO yyyy-mm-dd. Returns ISO or null.
 */
export function parseViDate(text: string): string | null {
  const s = text.trim()
  let y: number, m: number, d: number
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (match) {
    ;[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
    if (!match) return null
    ;[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  }
  if (!isRealDate(y, m, d)) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * A sheet's text decoded before anything reads it: TCVN3 and VNI cells turned
 * into Unicode, each cell by its own evidence, else its column's, else the
 * sheet's — and the one way the other parts take a decoded cell's text.
 */
import type { ImportSheet } from '../../../shared/api'
import { clean } from '../../../shared/text'
import { detectEncoding, toUnicode, type TextEncoding } from '../text/legacy'
import { cellText, type Cell } from '../text/values'
import type { SheetGrid } from './read'

/**
 * The sheet with legacy text converted: each cell by its own evidence, else its column's, else the sheet's.
 * Converted in place: the grid is the reader's own, and a second copy of 100,000 rows would only be garbage.
 */
export function decodeSheet(grid: SheetGrid): { rows: Cell[][]; encoding: ImportSheet['encoding'] } {
  // One look at every cell; columns and the sheet vote with what the cells showed. Only the cells
  // that are not plainly Unicode are remembered (by row and column), the rest need no second look.
  const votes: Array<{ tcvn3: number; vni: number; unicode: number }> = []
  const sheetVotes = { tcvn3: 0, vni: 0, unicode: 0 }
  const rowsIn = grid.rows
  // What each cell showed, one byte a cell (rows laid end to end): 0 Unicode (or not text).
  const start = new Int32Array(rowsIn.length + 1)
  for (let ri = 0; ri < rowsIn.length; ri++) start[ri + 1] = start[ri] + rowsIn[ri].length
  const shown = new Uint8Array(start[rowsIn.length])
  for (let ri = 0; ri < rowsIn.length; ri++) {
    const r = rowsIn[ri]
    for (let c = 0; c < r.length; c++) {
      const v = r[c]
      if (typeof v !== 'string' || v === '') continue
      const e = detectEncoding(v)
      if (e === 'ambiguous') {
        shown[start[ri] + c] = SHOWN_AMBIGUOUS
        continue
      }
      const col = (votes[c] ??= { tcvn3: 0, vni: 0, unicode: 0 })
      if (e === 'unicode') {
        // "Céng" reads as Unicode but is TCVN3's "Cộng": letters both share follow the column or sheet.
        if (!UNICODE_ONLY.test(v)) {
          if (LATIN.test(v)) shown[start[ri] + c] = SHOWN_LATIN
          continue
        }
      } else shown[start[ri] + c] = e === 'tcvn3' ? SHOWN_TCVN3 : SHOWN_VNI
      col[e]++
      sheetVotes[e]++
    }
  }
  const decide = (v: { tcvn3: number; vni: number; unicode: number } | undefined): TextEncoding | null => {
    if (!v || (v.tcvn3 === 0 && v.vni === 0)) return null
    if (v.unicode > v.tcvn3 + v.vni) return null
    return v.tcvn3 >= v.vni ? 'tcvn3' : 'vni'
  }
  const sheetLegacy = decide(sheetVotes)
  const columns = votes.map(decide)
  const found = new Set<TextEncoding>()
  const rows = grid.rows
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri]
    for (let c = 0; c < r.length; c++) {
      const v = r[c]
      if (typeof v !== 'string') continue
      const own = shown[start[ri] + c]
      const enc: TextEncoding =
        own === SHOWN_AMBIGUOUS
          ? (columns[c] ?? sheetLegacy ?? 'tcvn3')
          : own === SHOWN_LATIN
            ? (columns[c] ?? sheetLegacy ?? 'unicode')
            : own === SHOWN_TCVN3
              ? 'tcvn3'
              : own === SHOWN_VNI
                ? 'vni'
                : 'unicode'
      if (enc !== 'unicode') found.add(enc)
      r[c] = tidy(enc === 'unicode' ? v : toUnicode(v, enc))
    }
  }
  const legacy = [...found]
  const encoding = legacy.length === 0 ? 'unicode' : legacy.length === 1 ? legacy[0] : 'mixed'
  return { rows, encoding }
}

/** Cell text of a decoded sheet: its strings are tidy already (decodeSheet), so only other values need cellText. */
export function textOf(value: Cell): string {
  if (typeof value === 'string') return value
  // A number's or a boolean's text is tidy as it is: no need for clean()'s normalising.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return cellText(value)
}

const SHOWN_AMBIGUOUS = 1
const SHOWN_LATIN = 2
const SHOWN_TCVN3 = 3
const SHOWN_VNI = 4

/** Latin-1 letters: Unicode Vietnamese has some (é, â, ô…), and legacy encodings use them all. */
const LATIN = /[\u00c0-\u00ff]/

/** Letters only Unicode Vietnamese has: proof a cell is not legacy text. */
const UNICODE_ONLY = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0323]/

/** clean() without its cost for the common case: already NFC, no stray spaces. */
function tidy(text: string): string {
  if (text === '') return text
  if (/^[\x21-\x7e\u00c0-\u1ef9](?:[\x21-\x7e\u00c0-\u1ef9]| (?! ))*$/.test(text) && !/[\u0300-\u036f]/.test(text)) return text
  return clean(text)
}

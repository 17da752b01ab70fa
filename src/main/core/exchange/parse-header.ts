/**
 * The header of a table: which row is one, how deep it is, and which field
 * each of its columns holds (by hand, remembered, or by the header's words).
 */
import { createHash } from 'node:crypto'
import { XLSX } from '../sheetjs'
import { IMPORT_FIELD_LABELS, type ImportColumn, type ImportField } from '../../../shared/api'
import { fold } from '../../../shared/text'
import { cellText, type Cell } from '../text/values'
import { isMoneyField, matchHeader, scoreHeader, type HeaderMatch } from './headers'
import type { ParseOptions } from './parse-context'
import { textOf } from './parse-decode'

export function columnLetter(index: number): string {
  return XLSX.utils.encode_col(index)
}

/** Column offset of the table (the letter of index 0). */
export function letterOrigin(c: ImportColumn): number {
  return XLSX.utils.decode_col(c.letter) - c.index
}

/** The columns of a row's non-empty cells (the columns, not [column, value] pairs: 100,000 rows would make 1.7 million of those). */
export function nonEmpty(row: Cell[] | undefined): number[] {
  const out: number[] = []
  if (!row) return out
  for (let c = 0; c < row.length; c++) {
    const v = row[c]
    // A decoded string is tidy, a number or a boolean always has text: only '' is empty among them.
    if (v !== null && v !== undefined && v !== '') out.push(c)
  }
  return out
}

/** Cells of a header row, merged group cells spread over the columns they cover. */
export function headerTexts(rows: Cell[][], r: number, merges: XLSX.Range[], origin: { r: number; c: number }): string[] {
  const row = rows[r] ?? []
  const texts = row.map((v) => cellText(v))
  for (const m of merges) {
    const mr = m.s.r - origin.r
    if (mr > r || m.e.r - origin.r < r) continue
    const value = cellText(rows[mr]?.[m.s.c - origin.c])
    for (let c = m.s.c - origin.c; c <= m.e.c - origin.c; c++) if (!texts[c]) texts[c] = value
  }
  return texts
}

function headerScore(texts: string[]): { score: number; hasName: boolean } {
  let score = 0
  let hasName = false
  for (const t of texts) {
    const m = t ? matchHeader(t) : null
    if (m) {
      score++
      if (m.field === 'name') hasName = true
    }
  }
  return { score, hasName }
}

export function isHeaderRow(texts: string[]): boolean {
  const { score, hasName } = headerScore(texts)
  return hasName && score >= 2
}

/** "(1) (2) (3) …" or "1 2 3 …" under a header: column numbers, not a record. */
export function isColumnNumbers(raw: Cell[], cells: number[]): boolean {
  if (cells.length < 3) return false
  return cells.every((c, i) => {
    const m = /^\(?(\d{1,2})\)?$/.exec(textOf(raw[c]))
    return m !== null && Number(m[1]) === i + 1
  })
}

const headerCache = new Map<string, HeaderMatch[]>()
function scored(text: string): HeaderMatch[] {
  let m = headerCache.get(text)
  if (!m) {
    m = scoreHeader(text)
    if (headerCache.size < 5000) headerCache.set(text, m)
  }
  return m
}

export function buildColumns(
  first: string[],
  second: string[],
  secondRaw: Cell[] | undefined,
  options: ParseOptions,
  originCol: number
): { columns: ImportColumn[]; shape: string; depth: number } {
  // A second header row: it names columns (under a group like "Trong đó") and carries no record.
  const nameCol = first.findIndex((t) => t && scored(t)[0]?.field === 'name')
  // «I. Xã Kim Chính» under the header is the first group row, not a header naming a column.
  const groupLike = (t: string) => /^(?:[IVXLC]+|[A-Za-z]|\d+)[.)]\s+\S/.test(t.trim())
  const secondNames = second.some((t, c) => t && t !== first[c] && !groupLike(t) && scored(t).length > 0)
  const secondUnits = second.some((t, c) => t && t !== first[c] && /^\(.*\)$/.test(t))
  const depth = (secondNames || secondUnits) && !cellText(secondRaw?.[nameCol] ?? null) ? 2 : 1
  const width = Math.max(first.length, depth === 2 ? second.length : 0)
  const headers: string[] = []
  for (let c = 0; c < width; c++) {
    const top = first[c] ?? ''
    const below = depth === 2 && second[c] && second[c] !== top ? second[c] : ''
    if (!below) headers.push(top)
    else if (/^\(.*\)$/.test(below)) headers.push(`${top} ${below}`)
    else {
      // "Trình độ CBQL" over "Sơ cấp, trung cấp": the words of both when together they mean more.
      const joined = `${top} ${below}`.trim()
      const alone = scored(below)[0]
      const both = scored(joined)[0]
      headers.push(alone && (!both || alone.score >= both.score) ? below : joined)
    }
  }
  const shape = createHash('sha256')
    .update(headers.map((h) => fold(h)).join('|'))
    .digest('hex')
    .slice(0, 16)
  const manual = options.mappingFor(shape)
  const columns: Array<ImportColumn | null> = headers.map(() => null)
  const taken = new Map<ImportField, number>()
  // By hand first, then the strongest evidence first: two columns never share a field.
  headers.forEach((header, index) => {
    const hand = manual?.get(index)
    if (!hand) return
    const money = isMoneyField(hand.field)
    const m = money ? matchHeader(header) : null
    columns[index] = {
      index,
      letter: columnLetter(index + originCol),
      header,
      field: hand.field,
      source: hand.source,
      evidence: hand.source === 'manual' ? 'ghép bằng tay' : 'đã ghép bằng tay ở lần nhập trước (cùng dạng tiêu đề)',
      ...(money ? { unit: m?.field === hand.field ? m.unit : 1_000_000 } : {})
    }
    if (hand.field) taken.set(hand.field, index)
  })
  const candidates = headers
    .map((header, index) => ({ index, header, matches: columns[index] || header === '' ? [] : scored(header) }))
    .filter((c) => c.matches.length > 0)
    .sort((a, b) => b.matches[0].score - a.matches[0].score || a.index - b.index)
  for (const c of candidates) {
    const m = c.matches.find((x) => !taken.has(x.field))
    const best = c.matches[0]
    if (!m || m.score < best.score) {
      const other = taken.get(best.field)!
      columns[c.index] = {
        index: c.index,
        letter: columnLetter(c.index + originCol),
        header: c.header,
        field: null,
        source: 'none',
        evidence: `cùng nghĩa «${IMPORT_FIELD_LABELS[best.field]}» với cột ${columnLetter(other + originCol)}; hãy chọn một`,
        confirm: true
      }
      continue
    }
    taken.set(m.field, c.index)
    columns[c.index] = {
      index: c.index,
      letter: columnLetter(c.index + originCol),
      header: c.header,
      field: m.field,
      source: m.score === 100 ? 'synonym' : 'meaning',
      evidence: m.evidence + (m.alternative ? `; cũng có thể là «${IMPORT_FIELD_LABELS[m.alternative]}»` : ''),
      ...(m.confirm ? { confirm: true } : {}),
      ...(m.unit ? { unit: m.unit } : {})
    }
  }
  const out: ImportColumn[] = []
  headers.forEach((header, index) => {
    const c = columns[index]
    if (c) out.push(c)
    else if (header !== '') out.push({ index, letter: columnLetter(index + originCol), header, field: null, source: 'none' })
  })
  return { columns: out, shape, depth }
}

/**
 * From a sheet's grid to tables of records: title rows, the header (anywhere in
 * the first rows, one or two rows deep), section rows giving the commune, blank
 * and totals rows skipped, a second table further down with its own title and
 * header. Values are converted and checked here; the register is not consulted.
 */
import { createHash } from 'node:crypto'
import { XLSX } from '../sheetjs'
import {
  IMPORT_FIELD_LABELS,
  type ImportColumn,
  type ImportField,
  type ImportIssue,
  type ImportRecord,
  type ImportRow,
  type ImportSheet,
  type UnknownValue,
  type ValueField
} from '../../../shared/api'
import {
  KIND_LABELS,
  KIND_SHORT,
  SECTOR_LABELS,
  STATUS_LABELS,
  type EntityKind,
  type ManagementLabel,
  type Sector,
  type Status
} from '../../../shared/domain'
import { clean, fold, formatNumber } from '../../../shared/text'
import { detectEncoding, toUnicode, type TextEncoding } from '../text/legacy'
import { asOfDateIn, cellText, countInWords, moneyInWords, parseSheetDate, parseViNumber, type Cell } from '../text/values'
import {
  kindFromName,
  kindInTitle,
  matchHeader,
  matchKind,
  matchSector,
  MONEY_FIELDS,
  isMoneyField,
  scoreHeader,
  sectorByMeaning,
  statusByMeaning,
  STATUS_MEANINGS,
  type HeaderMatch
} from './headers'
import type { SheetGrid } from './read'

/** How far below a title (or the sheet's top) a header may sit. */
const HEADER_SEARCH_ROWS = 15

export type ParsedTable = Omit<ImportSheet, 'rows' | 'counts' | 'figuresYear' | 'figuresYearSource'> & { rows: ImportRow[] }

const TEXT_FIELDS: ImportField[] = ['name', 'regNo', 'address', 'commune', 'representative', 'phone', 'businessLines', 'notes']
const FIGURE_FIELDS = {
  members: 'members',
  workers: 'workers',
  managers: 'managers',
  managersElementary: 'managersElementary',
  managersCollege: 'managersCollege'
} as const
/** FIGURE_FIELDS as pairs once, not once a record. */
const FIGURE_ENTRIES = Object.entries(FIGURE_FIELDS) as Array<[ImportField, keyof ImportRecord['figures']]>
const DATE_FIELDS = ['registrationDate', 'dissolutionDate'] as const
/** A capital column's unit by its worth in đồng, as the preview says it. */
const UNIT_NAMES: Record<number, string> = { 1: 'đồng', 1_000: 'nghìn đồng', 1_000_000: 'triệu đồng', 1_000_000_000: 'tỷ đồng' }

export function columnLetter(index: number): string {
  return XLSX.utils.encode_col(index)
}

/**
 * The sheet with legacy text converted: each cell by its own evidence, else its column's, else the sheet's.
 * Converted in place: the grid is the reader's own, and a second copy of 100,000 rows would only be garbage.
 */
function decodeSheet(grid: SheetGrid): { rows: Cell[][]; encoding: ImportSheet['encoding'] } {
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
function textOf(value: Cell): string {
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

/** The columns of a row's non-empty cells (the columns, not [column, value] pairs: 100,000 rows would make 1.7 million of those). */
function nonEmpty(row: Cell[] | undefined): number[] {
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
function headerTexts(rows: Cell[][], r: number, merges: XLSX.Range[], origin: { r: number; c: number }): string[] {
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

function isHeaderRow(texts: string[]): boolean {
  const { score, hasName } = headerScore(texts)
  return hasName && score >= 2
}

/** "(1) (2) (3) …" or "1 2 3 …" under a header: column numbers, not a record. */
function isColumnNumbers(raw: Cell[], cells: number[]): boolean {
  if (cells.length < 3) return false
  return cells.every((c, i) => {
    const m = /^\(?(\d{1,2})\)?$/.exec(textOf(raw[c]))
    return m !== null && Number(m[1]) === i + 1
  })
}

export interface ParseOptions {
  /** Remembered or hand-made mappings, by header shape: column → field (null: ignore). */
  mappingFor(shape: string): Map<number, { field: ImportField | null; source: 'remembered' | 'manual' }> | undefined
  /** Remembered or hand-made value mappings, by header shape: field → folded text → code. */
  valuesFor?(shape: string): ShapeValues | undefined
  /** Rows of the sheet looked at so far, now and then and once at the end. */
  progress?(done: number, total: number): void
  /**
   * Each row of a table as soon as it is read (table: its index in the result), in order: a row is
   * final once pushed, so the import worker sends it on while the rows after it are still being read.
   */
  row?(table: number, row: ImportRow, of: ParsedTable): void
}

/** Per field, folded text → the code a person chose and whether remembered or chosen now. */
export type ShapeValues = Map<ValueField, Map<string, { code: string; value: string; source: 'remembered' | 'manual' }>>

/** Rows between two progress reports. */
const PROGRESS_EVERY = 2000

/** Rows under a vertically merged cell get the merged cell's value: sheet row index → [column, row the value is in]. */
function verticalFills(grid: SheetGrid): Map<number, Array<[number, number]>> {
  const fills = new Map<number, Array<[number, number]>>()
  for (const m of grid.merges) {
    if (m.e.r <= m.s.r) continue
    const top = m.s.r - grid.originRow
    const col = m.s.c - grid.originCol
    if (top < 0 || col < 0) continue
    for (let r = top + 1; r <= m.e.r - grid.originRow && r < grid.rows.length; r++) {
      let list = fills.get(r)
      if (!list) fills.set(r, (list = []))
      list.push([col, top])
    }
  }
  return fills
}

/** Every table found on a sheet. */
export function parseSheet(grid: SheetGrid, options: ParseOptions): ParsedTable[] {
  const { rows, encoding } = decodeSheet(grid)
  const origin = { r: grid.originRow, c: grid.originCol }
  const rowNo = (r: number) => origin.r + r + 1
  const fills = verticalFills(grid)
  const tables: ParsedTable[] = []
  let pendingTitle: string | null = null
  let asOfDate: string | null = null
  let r = 0
  let lastHeaderSearchStart = 0
  let current: ParsedTable | null = null
  let ctx: TableContext | null = null

  while (r < rows.length) {
    if (r % PROGRESS_EVERY === 0) options.progress?.(r, rows.length)
    const raw = rows[r] ?? []
    // A cell merged down over several rows: each row it covers has its value (only below a header).
    let merged: number[] | null = null
    if (ctx && fills.size > 0) {
      const f = fills.get(r)
      if (f) {
        for (const [c, from] of f) {
          const v = rows[from]?.[c]
          if ((raw[c] === null || raw[c] === undefined || raw[c] === '') && v !== null && v !== undefined && v !== '') {
            raw[c] = v
            ;(merged ??= []).push(c)
          }
        }
        if (merged) rows[r] = raw
      }
    }
    const cells = nonEmpty(raw)
    // Only a row of words can be a header: a number or a date anywhere means a record.
    const candidate =
      !merged && cells.length >= 2 && cells.every((c) => typeof raw[c] === 'string' && !/^[\d\s.,/-]+$/.test(raw[c] as string))
    const texts = candidate ? headerTexts(rows, r, grid.merges, origin) : []
    if (candidate && isHeaderRow(texts)) {
      if (ctx) finishTable(ctx)
      // A header: a new table starts here, one or two rows deep.
      const next = headerTexts(rows, r + 1, grid.merges, origin)
      const built = buildColumns(texts, next, rows[r + 1], options, origin.c)
      current = {
        sheet: grid.name,
        table: tables.length + 1,
        title: pendingTitle,
        kind: kindInTitle(pendingTitle) ?? kindInTitle(grid.name),
        headerRow: rowNo(r),
        encoding,
        shape: built.shape,
        columns: built.columns,
        unknownColumns: [],
        unknownValues: [],
        asOfDate,
        rows: [],
        issues: []
      }
      tables.push(current)
      const values = options.valuesFor?.(built.shape)
      if (values && values.size > 0) {
        current.valueMappings = [...values].flatMap(([field, m]) =>
          [...m.values()].map((v) => ({ field, value: v.value, code: v.code, source: v.source }))
        )
      }
      const mapped = new Uint8Array(Math.max(64, ...built.columns.map((c) => c.index + 1)))
      for (const c of built.columns) if (c.field) mapped[c.index] = 1
      ctx = {
        table: current,
        commune: null,
        byField: new Map(built.columns.filter((c) => c.field).map((c) => [c.field!, c])),
        groups: [],
        values: values ?? new Map(),
        unknownCells: new Map(),
        unknownValues: new Map(),
        mapped,
        dateOrder: new Map(),
        sums: emptySums(),
        marks: [],
        lastPlainTotal: null
      }
      decideDateOrder(rows, r + built.depth, ctx, rowNo)
      pendingTitle = null
      r += built.depth
      continue
    }
    if (!current || !ctx) {
      // Above the first header: titles and the "as of" line.
      if (cells.length > 0 && cells.length <= 2) {
        const t = cells.map((c) => cellText(raw[c])).join(' ')
        const f = fold(t)
        if (f.includes('so lieu') || f.includes('tinh den')) asOfDate = asOfDateIn(t) ?? asOfDate
        else if (/danh sach|to hop tac|hop tac xa|tht|htx/.test(f)) pendingTitle = t
      }
      r++
      if (r - lastHeaderSearchStart > HEADER_SEARCH_ROWS && tables.length === 0 && r > HEADER_SEARCH_ROWS) {
        break
      }
      continue
    }
    // Inside a table.
    const row = classifyRow(raw, cells, ctx, rowNo(r), merged)
    if (row.reason === 'title') {
      const t = cells.map((c) => cellText(raw[c])).join(' ')
      const f = fold(t)
      if (f.includes('so lieu') || f.includes('tinh den')) asOfDate = asOfDateIn(t) ?? asOfDate
      else pendingTitle = t
      lastHeaderSearchStart = r
    }
    if (row.record || row.state === 'error') {
      // Cells with data in columns nobody knows the meaning of: counted, and listed per table.
      for (const c of cells) if (!ctx.mapped[c]) ctx.unknownCells.set(c, (ctx.unknownCells.get(c) ?? 0) + 1)
    }
    current.rows.push(row)
    options.row?.(tables.length - 1, row, current)
    r++
  }
  if (ctx) finishTable(ctx)
  options.progress?.(rows.length, rows.length)
  return tables
}

/** The table's lists of what was not understood, once its last row is read. */
function finishTable(ctx: TableContext): void {
  const t = ctx.table
  closeGroupCount(ctx, (t.rows[t.rows.length - 1]?.row ?? t.headerRow) + 1)
  const byIndex = new Map(t.columns.map((c) => [c.index, c]))
  t.unknownColumns = [...ctx.unknownCells]
    .sort((a, b) => a[0] - b[0])
    .map(([index, cells]) => {
      const c = byIndex.get(index)
      return {
        index,
        letter: c?.letter ?? columnLetter(index + (t.columns[0] ? letterOrigin(t.columns[0]) : 0)),
        header: c?.header ?? '',
        cells
      }
    })
  // Columns with a header but no data stay in the mapping list (t.columns), not in this one.
  t.unknownValues = [...ctx.unknownValues.values()].sort((a, b) => a.field.localeCompare(b.field) || b.count - a.count)
  for (const c of t.unknownColumns) {
    t.issues.push({
      row: t.headerRow,
      column: c.letter,
      severity: 'warning',
      code: 'COLUMN_UNKNOWN',
      message: `Cột ${c.letter}${c.header ? ` «${c.header}»` : ' (không có tiêu đề)'}: chưa rõ nghĩa, ${c.cells} ô có dữ liệu sẽ không được nhập. Hãy ghép cột này với một trường, hoặc chọn «bỏ qua».`
    })
  }
}

/** Column offset of the table (the letter of index 0). */
function letterOrigin(c: ImportColumn): number {
  return XLSX.utils.decode_col(c.letter) - c.index
}

interface GroupState {
  kind: NonNullable<ImportRow['group']>['kind']
  value: string | null
  /** A status group in everyday words («Ngừng hoạt động»): the management label its rows take beside the legal status. */
  label?: ManagementLabel | null
  row: number
  level: number
  /** The group row's label as the file wrote it («Xã Kim Chính»), shown beside the value it gives. */
  caption: string
}

interface TableContext {
  table: ParsedTable
  commune: string | null
  byField: Map<ImportField, ImportColumn>
  /** The group rows in force: the last of each kind, with its level (I before 1. before a)). */
  groups: GroupState[]
  values: ShapeValues
  unknownCells: Map<number, number>
  unknownValues: Map<string, UnknownValue>
  mapped: Uint8Array
  dateOrder: Map<ImportField, 'dmy' | 'mdy'>
  /** Running sums of the number columns over the record rows, and how many. */
  sums: Sums
  /** Group rows and sub-totals seen, with the sums at that point: a sub-total is checked from there. */
  marks: Array<{ mark: string | null; label: string; row: number; sums: Sums }>
  lastPlainTotal: { row: number; sums: Sums } | null
  /** A group row that said how many records it holds, checked when the group ends. */
  pendingCount?: { row: number; label: string; counted: number; n: number; level: number } | null
}

const SUM_FIELDS = ['charterCapital', 'members', 'workers', 'managers', 'managersElementary', 'managersCollege'] as const
type Sums = { n: number; v: Float64Array; first: number }
const emptySums = (): Sums => ({ n: 0, v: new Float64Array(SUM_FIELDS.length), first: 0 })
const copySums = (s: Sums): Sums => ({ n: s.n, v: Float64Array.from(s.v), first: s.first })

/** One cell that proves day-first (a first number over 12) or month-first (a second over 12) decides the column. */
function decideDateOrder(rows: Cell[][], from: number, ctx: TableContext, rowNo: (r: number) => number): void {
  for (const f of DATE_FIELDS) {
    const col = ctx.byField.get(f)
    if (!col) continue
    let day: { row: number; text: string } | null = null
    let month: { row: number; text: string } | null = null
    for (let r = from; r < rows.length; r++) {
      const v = rows[r]?.[col.index]
      if (typeof v !== 'string') continue
      const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(v)
      if (!m) continue
      const a = Number(m[1])
      const b = Number(m[2])
      if (a > 12 && b <= 12) day ??= { row: rowNo(r), text: v }
      else if (b > 12 && a <= 12) month ??= { row: rowNo(r), text: v }
      if (day && month) break
    }
    if (day && month) {
      ctx.table.issues.push({
        row: ctx.table.headerRow,
        column: col.letter,
        severity: 'error',
        code: 'DATE_ORDER_MIXED',
        message: `Cột ${col.letter} «${col.header}»: có ô chỉ đọc được theo ngày/tháng (dòng ${day.row}: «${day.text}») và có ô chỉ đọc được theo tháng/ngày (dòng ${month.row}: «${month.text}»). Hãy sửa cột ngày về một thứ tự ngày/tháng/năm rồi nhập lại.`
      })
    } else if (month) {
      ctx.dateOrder.set(f, 'mdy')
      ctx.table.issues.push({
        row: ctx.table.headerRow,
        column: col.letter,
        severity: 'warning',
        code: 'DATE_MONTH_FIRST',
        message: `Cột ${col.letter} «${col.header}»: ngày ghi theo tháng/ngày/năm (dòng ${month.row}: «${month.text}»), cả cột được đọc theo thứ tự đó.`
      })
    }
  }
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

function buildColumns(
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

function issue(
  row: number,
  column: ImportColumn | null,
  code: string,
  message: string,
  severity: 'error' | 'warning' = 'error'
): ImportIssue {
  return {
    row,
    column: column?.letter ?? null,
    severity,
    code,
    message: column ? `Cột ${column.letter} «${column.header}»: ${message}` : message
  }
}

/** "Cộng", "Cộng I", "Cộng xã Mai Pha", "Tổng số", "Tổng cộng toàn huyện": a sub-total or total row (folded). */
const TOTAL_ROW =
  /^(tong cong|tong so|tong|cong)(?: (?:([ivxlc]+|[a-z]|\d{1,3})|(?:toan|xa|phuong|thi tran|linh vuc|nhom|khoi|nganh|huyen|tinh|cac|so|chung|muc|phan|loai) .*|chung|cong))?$/
/** A group row's numbering mark: I, II, A, a, 1, with a stop or bracket. */
const MARK = /^\s*([IVXLC]+|[A-Za-z]|\d{1,3})\s*[.):\-/]?\s*$/
const LEADING_MARK = /^\s*([IVXLC]+|[A-Za-z]|\d{1,3})\s*[.):\-/]\s+(?=\S)/
/** "(5 HTX)", "(12 đơn vị)", "5 HTX": the number of records under a group row. */
const GROUP_COUNT = /\(?\s*(\d{1,4})\s*(htx|tht|lhhtx|hop tac xa|to hop tac|don vi|co so|qtdnd)\s*\)?\s*$/

function markLevel(mark: string | null): number {
  if (!mark) return 1
  if (/^[IVXLC]+$/.test(mark) || /^[A-Z]$/.test(mark)) return 1
  if (/^\d+$/.test(mark)) return 2
  return 3
}

/** What a group row's label names: a commune, a sector, a status, a kind — or nothing known. */
export function classifyGroup(
  label: string,
  strong: boolean
): { kind: NonNullable<ImportRow['group']>['kind']; value: string | null; label?: ManagementLabel | null } | null {
  const f = fold(label).replace(GROUP_COUNT, '').trim()
  // The commune named: "Xã Yên Khoái", "Địa bàn thị trấn Yên Thịnh", "Các HTX xã Mai Pha".
  const commune = /(?:^|\s)(xa|phuong|thi tran)\s+(\S.*)$/.exec(f)
  if (commune && !/\b(htx|hop tac xa)\s*$/.test(f.slice(0, commune.index + 1))) {
    // «Các xã khác», «Các xã còn lại»: a commune group that names none; the rows beneath take their column or address.
    if (/^(khac|con lai|tren dia ban|trong huyen|ngoai huyen)\b/.test(commune[2]!)) return { kind: 'commune', value: null }
    const at = label.normalize('NFC').search(/(?:^|\s)(xã|phường|thị trấn)\s+\S/i)
    const text =
      at >= 0
        ? label
            .slice(at)
            .trim()
            .replace(/\s*\(.*$/, '')
        : label
    return { kind: 'commune', value: text.charAt(0).toUpperCase() + text.slice(1) }
  }
  const bare = f
    .replace(/^(danh sach|cac|nhom|khoi|so)\s+/, '')
    .replace(/^(danh sach|cac|nhom|khoi|so)\s+/, '')
    .trim()
  const kind = matchKind(bare)
  if (kind && /^(htx|tht|lhhtx|hop tac xa|to hop tac|lien hiep hop tac xa|lien hiep htx|quy tin dung nhan dan)$/.test(bare)) {
    return { kind: 'kind', value: kind }
  }
  const sectorWords =
    /^(?:(?:htx|hop tac xa|tht|to hop tac)\s+)?(?:hoat dong\s+)?(?:trong\s+|thuoc\s+)?(?:linh vuc|nganh nghe|nganh|khoi)\s+(.*)$/.exec(bare)
  if (sectorWords) {
    const s = sectorByMeaning(sectorWords[1])
    return { kind: 'sector', value: s?.code ?? null }
  }
  const rest = bare.replace(/^(htx|hop tac xa|tht|to hop tac|lhhtx)\s+/, '').trim()
  if (rest.split(' ').length <= 8) {
    const st = statusByMeaning(rest)
    if (st && (strong || /^(htx|hop tac xa|tht|to hop tac|cac|tinh trang)/.test(f) || rest === f))
      return { kind: 'status', value: st.code, label: st.label }
  }
  const exact = matchSector(rest)
  if (exact && (strong || rest !== f || SECTOR_EXACT.test(rest))) return { kind: 'sector', value: exact }
  if (strong) {
    const s = sectorByMeaning(rest)
    if (s) return { kind: 'sector', value: s.code }
  }
  return null
}
/** A label that is a sector's whole name, nothing else: "Nông nghiệp", "Thương mại - dịch vụ". */
const SECTOR_EXACT =
  /^(nong nghiep|lam nghiep|thuy san|cong nghiep|tieu thu cong nghiep|xay dung|thuong mai|dich vu|van tai|du lich|moi truong|tin dung|nha o|nong lam nghiep|nong lam ngu nghiep|thuong mai dich vu|cong nghiep tieu thu cong nghiep|giao thong van tai)$/

function classifyRow(raw: Cell[], cells: number[], ctx: TableContext, row: number, merged: number[] | null): ImportRow {
  if (cells.length === 0) return { row, state: 'skipped', reason: 'blank', issues: [] }
  const nameCol = ctx.byField.get('name')
  const seqCol = ctx.byField.get('seq')
  for (let i = 0; i < 3 && i < cells.length; i++) {
    const t = textOf(raw[cells[i]])
    if (t.length < 60 && /^[tTcC]/.test(t)) {
      const f = fold(t)
      const total = TOTAL_ROW.exec(f)
      if (total) return totalRow(raw, ctx, row, t, f, total)
    }
  }
  if (isColumnNumbers(raw, cells)) return { row, state: 'skipped', reason: 'column-numbers', issues: [] }
  // A numbering mark in the STT column (I, II, A, 1.), a count "(5 HTX)": not data. One label left is a group row, or a title.
  let mark: string | null = null
  let counted: number | null = null
  let textCol = -1
  let textCount = 0
  for (const c of cells) {
    const t = textOf(raw[c])
    if (c === seqCol?.index) {
      const m = MARK.exec(t)
      if (m) {
        mark = m[1]
        continue
      }
    }
    if (
      c !== textCol &&
      typeof raw[c] === 'string' &&
      textCount >= 1 &&
      GROUP_COUNT.test(fold(t)) &&
      fold(t).replace(GROUP_COUNT, '') === ''
    ) {
      counted = Number(GROUP_COUNT.exec(fold(t))![1])
      continue
    }
    if (++textCount > 1) break
    textCol = c
  }
  if (textCount === 1 && typeof raw[textCol] === 'string' && !merged?.includes(textCol)) {
    const t = textOf(raw[textCol])
    const f = fold(t)
    const lead = LEADING_MARK.exec(t)
    const label = lead ? t.slice(lead[0].length).trim() : t
    const m = mark ?? lead?.[1] ?? null
    if (counted === null) {
      const inLabel = GROUP_COUNT.exec(fold(label))
      if (inLabel && /\(/.test(label)) counted = Number(inLabel[1])
    }
    // Roman numerals and letters mark groups; a number marks a group only when its label names one.
    const strong = (m !== null && !/^\d+$/.test(m)) || counted !== null
    const cls = /danh sach|so lieu|tinh den/.test(f) && !lead ? null : classifyGroup(label, strong)
    if (cls || strong) {
      return groupRow(ctx, row, m, label.replace(/\s*\(\s*\d+[^)]*\)\s*$/, '').trim(), cls ?? { kind: 'other', value: null }, counted)
    }
    if (textCol !== nameCol?.index || /danh sach|so lieu|tinh den/.test(f)) {
      return { row, state: 'skipped', reason: 'title', issues: [] }
    }
  }
  const rec = readRecord(raw, ctx, row, merged)
  addSums(raw, ctx)
  return rec
}

/** A group row: never a record; what it names applies to the rows beneath until the next group of its level or above. */
function groupRow(
  ctx: TableContext,
  row: number,
  mark: string | null,
  label: string,
  cls: { kind: NonNullable<ImportRow['group']>['kind']; value: string | null; label?: ManagementLabel | null },
  counted: number | null
): ImportRow {
  closeGroupCount(ctx, row)
  const level = markLevel(mark)
  ctx.groups = ctx.groups.filter((g) => g.level < level && g.kind !== cls.kind)
  if (cls.kind !== 'other') ctx.groups.push({ kind: cls.kind, value: cls.value, label: cls.label ?? null, row, level, caption: label })
  if (cls.kind === 'commune') ctx.commune = cls.value
  else if (!ctx.groups.some((g) => g.kind === 'commune')) ctx.commune = null
  ctx.marks.push({ mark, label: fold(label), row, sums: copySums(ctx.sums) })
  if (counted !== null) ctx.pendingCount = { row, label, counted, n: ctx.sums.n, level }
  const issues: ImportIssue[] = []
  if (cls.kind === 'other')
    issues.push(
      issue(
        row,
        null,
        'GROUP_UNKNOWN',
        `Dòng nhóm «${label}»: không rõ là xã, lĩnh vực, loại hình hay tình trạng nên không áp dụng cho các dòng dưới; không nhập như một bản ghi.`,
        'warning'
      )
    )
  else if (cls.value === null && cls.kind === 'commune')
    issues.push(
      issue(
        row,
        null,
        'GROUP_VALUE_UNKNOWN',
        `Dòng nhóm «${label}»: không nêu tên xã; xã của các dòng dưới lấy từ cột xã hoặc từ địa chỉ.`,
        'warning'
      )
    )
  else if (cls.value === null)
    issues.push(
      issue(row, null, 'GROUP_VALUE_UNKNOWN', `Dòng nhóm «${label}»: không nhận ra lĩnh vực; các dòng dưới để trống lĩnh vực.`, 'warning')
    )
  return {
    row,
    state: 'skipped',
    reason: cls.kind === 'commune' ? 'section' : 'group',
    group: { kind: cls.kind, label, value: cls.value },
    issues
  }
}

/** A group row said "(N HTX)": the records under it are counted when the next group starts or the table ends. */
function closeGroupCount(ctx: TableContext, row: number): void {
  const p = ctx.pendingCount
  if (!p) return
  ctx.pendingCount = null
  const n = ctx.sums.n - p.n
  if (n !== p.counted)
    ctx.table.issues.push(
      issue(
        p.row,
        null,
        'GROUP_COUNT_MISMATCH',
        `Dòng nhóm «${p.label}» ghi ${p.counted} đơn vị nhưng bên dưới (đến dòng ${row - 1}) có ${n} dòng bản ghi.`,
        'warning'
      )
    )
}

function addSums(raw: Cell[], ctx: TableContext): void {
  const s = ctx.sums
  s.n++
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    const c = ctx.byField.get(SUM_FIELDS[i])
    if (!c) continue
    const n = columnNumber(raw[c.index], SUM_FIELDS[i], c)
    if (n !== null && !Number.isNaN(n)) s.v[i] += n
  }
}

/** A number cell of a summed column in the column's own unit: «1,2 tỷ» in a (triệu đồng) column is 1.200, «12 người» 12. */
function columnNumber(v: Cell, field: (typeof SUM_FIELDS)[number], c: ImportColumn): number | null {
  if (typeof v === 'number') return v
  if (v === null || v === undefined || v === '') return null
  if (typeof v !== 'string') return parseViNumber(v)
  if (field === 'charterCapital') {
    const w = moneyInWords(v)
    if (w !== null) return Number.isNaN(w.dong) ? NaN : w.dong / (c.unit ?? 1_000_000)
  } else {
    const w = countInWords(v)
    if (w !== null) return w
  }
  return parseViNumber(v)
}

/** A number as the file wrote it, its decimals kept (12.920,5 — not rounded to 12.921). */
function exact(n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(3, String(n).split('.')[1]?.length ?? 0)
  return formatNumber(n, decimals)
}

/** A sub-total or total row: skipped, and its figures checked against the record rows it sums. */
function totalRow(raw: Cell[], ctx: TableContext, row: number, text: string, f: string, m: RegExpExecArray): ImportRow {
  const grand = m[1] !== 'cong'
  let from: { row: number; sums: Sums } | null = null
  if (!grand) {
    const rest = f.slice(m[1].length).trim()
    const mark = m[2]
    if (mark) from = [...ctx.marks].reverse().find((g) => g.mark !== null && fold(g.mark) === mark) ?? null
    else if (rest)
      from =
        [...ctx.marks].reverse().find((g) => g.label.startsWith(rest) || g.label.endsWith(rest.replace(/^(xa|phuong|thi tran) /, ''))) ??
        null
    if (!from) {
      const lastGroup = ctx.marks[ctx.marks.length - 1] ?? null
      const lastTotal = ctx.lastPlainTotal
      from = lastGroup && (!lastTotal || lastGroup.row > lastTotal.row) ? lastGroup : lastTotal
    }
  }
  // A bare «Cộng» after its last group may be that group's sub-total or the whole table's total:
  // whichever it matches is right; when it matches neither it is checked as the whole table's.
  const plain = !grand && !m[2] && !f.slice(m[1].length).trim()
  const agrees = (b: Sums) =>
    SUM_FIELDS.every((field, i) => {
      const c = ctx.byField.get(field)
      const written = c ? columnNumber(raw[c.index], field, c) : null
      return (
        written === null || Number.isNaN(written) || Math.abs(ctx.sums.v[i] - b.v[i] - written) <= 1e-6 * Math.max(1, Math.abs(written))
      )
    })
  if (plain && from && ctx.marks.length > 1 && !agrees(from.sums) && !ctx.lastPlainTotal) from = null
  const base = from?.sums ?? emptySums()
  const issues: ImportIssue[] = []
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    const c = ctx.byField.get(SUM_FIELDS[i])
    if (!c) continue
    const written = columnNumber(raw[c.index], SUM_FIELDS[i], c)
    if (written === null || Number.isNaN(written)) continue
    const sum = ctx.sums.v[i] - base.v[i]
    if (Math.abs(sum - written) > 1e-6 * Math.max(1, Math.abs(written))) {
      const first = from ? from.row + 1 : ctx.table.headerRow + 1
      issues.push(
        issue(
          row,
          c,
          'TOTAL_MISMATCH',
          `dòng «${text}» ghi ${exact(written)}, cộng ${formatNumber(ctx.sums.n - base.n)} dòng bản ghi ở trên (dòng ${first}–${row - 1}) được ${exact(Math.round(sum * 1000) / 1000)}.`,
          'warning'
        )
      )
    }
  }
  if (!grand) ctx.lastPlainTotal = { row, sums: copySums(ctx.sums) }
  return { row, state: 'skipped', reason: 'totals', issues }
}

/** A field's text in a record's row; null when the table has no such column or the cell is empty. */
function fieldText(raw: Cell[], ctx: TableContext, f: ImportField): string | null {
  const c = ctx.byField.get(f)
  if (!c) return null
  const t = textOf(raw[c.index])
  return t === '' ? null : t
}

/** The longest text manual entry takes for each text field (shared/contract/registry.ts). */
const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  name: 300,
  address: 300,
  commune: 100,
  representative: 100,
  phone: 30,
  businessLines: 2000,
  notes: 4000
}
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** "Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn" → "Mai Pha": the commune's name in an address. */
export function communeInAddress(address: string): string | null {
  const m = /(?:^|[,;–-]\s*|\s)(?:xã|phường|thị trấn|x\.|p\.|tt\.?)\s*([^,;–\-()]+?)\s*(?=[,;–\-()]|$)/iu.exec(address.normalize('NFC'))
  if (!m) return null
  const name = m[1].trim()
  return name.length >= 2 && name.length <= 60 ? name : null
}

function noteValue(ctx: TableContext, field: ValueField, value: string, row: number): void {
  const key = `${field}\u0000${value}`
  let u = ctx.unknownValues.get(key)
  if (!u) ctx.unknownValues.set(key, (u = { field, value, count: 0, rows: [] }))
  u.count++
  if (u.rows.length < 50) u.rows.push(row)
}

function handMapped(ctx: TableContext, field: ValueField, text: string): { code: string; source: 'remembered' | 'manual' } | null {
  const m = ctx.values.get(field)
  return m ? (m.get(fold(text)) ?? null) : null
}

/** A date cell of a column whose order is known; a year alone is the first of January, said. */
function readDate(
  raw: Cell,
  order: 'dmy' | 'mdy' | undefined
): { iso: string | null; yearOnly?: boolean; twoDigit?: boolean; how?: string } | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1900 && raw <= 2100) return { iso: `${raw}-01-01`, yearOnly: true }
  if (typeof raw === 'string') {
    const s = raw.trim()
    const y = /^(?:năm\s*)?(\d{4})$/iu.exec(s)
    if (y && Number(y[1]) >= 1900 && Number(y[1]) <= 2100) return { iso: `${y[1]}-01-01`, yearOnly: true }
    if (/^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$/.test(s)) return { iso: null, twoDigit: true }
    if (order === 'mdy') {
      const m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s)
      if (m) {
        const d = parseSheetDate(`${m[3]}/${m[1]}/${m[4]}`)
        return d === undefined ? undefined : { iso: d, how: 'cột ghi tháng/ngày/năm, đọc theo thứ tự đó' }
      }
    }
    // A date typed as text the register shows otherwise: an Excel day count, or yyyy-mm-dd.
    const d = parseSheetDate(raw)
    if (d === undefined) return undefined
    if (d && /^\d{5}$/.test(s)) return { iso: d, how: 'số ngày kiểu Excel' }
    if (d && /^\d{4}\s*-/.test(s)) return { iso: d, how: 'ghi năm-tháng-ngày' }
    return { iso: d }
  }
  const d = parseSheetDate(raw)
  return d === undefined ? undefined : { iso: d }
}

// No closures made per row here: 100,000 rows would make (and, under tsx, name) 200,000 of them.
function readRecord(raw: Cell[], ctx: TableContext, row: number, merged: number[] | null): ImportRow {
  const issues: ImportIssue[] = []
  let origin: ImportRow['origin'] | undefined
  const name = fieldText(raw, ctx, 'name')
  const record: ImportRecord = { kind: 'htx', regNo: null, name: name ?? '', figures: {} }
  if (!name) issues.push(issue(row, ctx.byField.get('name') ?? null, 'NAME_MISSING', 'thiếu tên.'))
  else if (name.length < 3) issues.push(issue(row, ctx.byField.get('name')!, 'NAME_SHORT', 'tên phải có ít nhất 3 ký tự.'))
  for (const f of TEXT_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const value = f === 'name' ? name : fieldText(raw, ctx, f)
    if (f !== 'name') (record as unknown as Record<string, unknown>)[f] = value
    if (value === null) continue
    const limit = TEXT_LIMITS[f]
    if (limit !== undefined && value.length > limit)
      issues.push(
        issue(
          row,
          c,
          'TEXT_TOO_LONG',
          `dài ${formatNumber(value.length)} ký tự, quá giới hạn ${formatNumber(limit)} ký tự như khi nhập tay.`
        )
      )
    if (CONTROL.test(value))
      issues.push(
        issue(
          row,
          c,
          'CONTROL_CHARACTERS',
          'có ký tự điều khiển không nhìn thấy được (thường do dán từ chương trình khác): hãy xóa trong tệp rồi nhập lại.'
        )
      )
  }
  if (merged)
    for (const c of merged) {
      const col = ctx.table.columns.find((x) => x.index === c)
      if (col?.field) (origin ??= {})[col.field] = { from: 'merged' }
    }
  if (record.regNo) {
    const reg = record.regNo.replace(/\s+/g, '')
    if (!/^[0-9A-Za-z./-]{1,20}$/.test(reg))
      issues.push(
        issue(row, ctx.byField.get('regNo')!, 'REG_NO_INVALID', `mã số «${record.regNo}» chỉ được gồm chữ số (có thể có dấu -, /, .).`)
      )
    if (reg !== record.regNo) (origin ??= {}).regNo = { text: record.regNo, meaning: 'bỏ khoảng trắng' }
    record.regNo = reg
  }
  if (record.phone && !/^[0-9+(). -]{1,30}$/.test(record.phone)) {
    issues.push(issue(row, ctx.byField.get('phone')!, 'PHONE_INVALID', `số điện thoại «${record.phone}» không hợp lệ.`, 'warning'))
    record.phone = null
  }
  // The commune: its column, else the group row above, else the address's "xã …".
  if (!record.commune) {
    const group = ctx.commune ? ctx.groups.find((g) => g.kind === 'commune') : undefined
    if (ctx.commune) {
      record.commune = ctx.commune
      ;(origin ??= {}).commune = { from: 'group', ...(group ? { row: group.row, text: group.caption } : {}) }
    } else if (record.address) {
      const c = communeInAddress(record.address)
      if (c) {
        record.commune = c
        ;(origin ??= {}).commune = { from: 'address', text: record.address }
      }
    }
  }

  for (const f of DATE_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const d = readDate(raw[c.index], ctx.dateOrder.get(f))
    if (d === undefined)
      issues.push(
        issue(row, c, 'DATE_INVALID', `«${cellText(raw[c.index])}» không phải ngày hợp lệ (gõ ngày/tháng/năm, ví dụ 06/05/2024).`)
      )
    else if (d.twoDigit)
      issues.push(
        issue(
          row,
          c,
          'DATE_TWO_DIGIT_YEAR',
          `«${cellText(raw[c.index])}»: năm chỉ có hai chữ số, không biết là 19.. hay 20..; hãy gõ đủ bốn chữ số (ví dụ 03/04/2021).`
        )
      )
    else {
      record[f] = d.iso
      if (d.how && d.iso) (origin ??= {})[f] = { text: cellText(raw[c.index]), meaning: d.how }
      if (d.yearOnly) {
        ;(origin ??= {})[f] = { from: 'year-only', text: cellText(raw[c.index]) }
        issues.push(
          issue(
            row,
            c,
            'DATE_YEAR_ONLY',
            `«${cellText(raw[c.index])}» chỉ có năm: ghi là ngày 01/01/${d.iso!.slice(0, 4)} (chỉ có năm).`,
            'warning'
          )
        )
      }
    }
  }
  for (const f of MONEY_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const cell = raw[c.index]
    const unit = c.unit ?? 1_000_000
    // «1,2 tỷ», «850 triệu»: the cell's own unit words win over the column's.
    const words = typeof cell === 'string' ? moneyInWords(cell) : null
    const n = words ? words.dong : parseViNumber(cell)
    const set = (v: number | null) => (f === 'charterCapital' ? (record.charterCapital = v) : (record.figures[f] = v))
    if (n === null) set(null)
    else if (Number.isNaN(n) || n < 0)
      issues.push(
        issue(
          row,
          c,
          'NUMBER_INVALID',
          `«${cellText(cell)}» không phải số tiền hợp lệ${words ? ' (ghi số rồi đơn vị cho từng phần, ví dụ «1,2 tỷ», «850 triệu», «1 tỷ 200 triệu»)' : ''}.`
        )
      )
    else {
      set(Math.round(words ? n : n * unit))
      if (words) (origin ??= {})[f] = { text: cellText(cell), meaning: `đọc chữ «${words.words.join(', ')}» trong ô, ra đồng` }
      else if (unit !== 1)
        (origin ??= {})[f] = {
          text: cellText(cell),
          meaning: `cột tính bằng ${UNIT_NAMES[unit] ?? `${formatNumber(unit)} đồng`}`
        }
    }
  }
  for (const [f, key] of FIGURE_ENTRIES) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const cell = raw[c.index]
    const counted = typeof cell === 'string' ? countInWords(cell) : null
    const n = counted ?? parseViNumber(cell)
    if (n === null) record.figures[key] = null
    else if (Number.isNaN(n) || n < 0 || !Number.isInteger(n))
      issues.push(issue(row, c, 'COUNT_INVALID', `«${cellText(cell)}» phải là số nguyên không âm.`))
    else {
      record.figures[key] = n
      if (counted !== null) (origin ??= {})[f] = { text: cellText(cell), meaning: 'bỏ chữ đơn vị sau số' }
    }
  }
  const statusText = fieldText(raw, ctx, 'status')
  if (statusText) {
    const hand = handMapped(ctx, 'status', statusText)
    const s = hand ? null : statusByMeaning(statusText)
    if (hand) {
      record.status = hand.code as Status
      ;(origin ??= {}).status = { text: statusText, meaning: hand.source === 'manual' ? 'ghép bằng tay' : 'đã ghép ở lần nhập trước' }
    } else if (s) {
      record.status = s.code
      if (s.label) record.label = s.label
      if (statusText !== STATUS_LABELS[s.code]) (origin ??= {}).status = { text: statusText, meaning: s.meaning }
    } else {
      noteValue(ctx, 'status', statusText, row)
      issues.push(
        issue(
          row,
          ctx.byField.get('status')!,
          'STATUS_UNKNOWN',
          `tình trạng «${statusText}» không hiểu được nghĩa nên dòng này không nhập. Các nghĩa nhận được: ${STATUS_MEANINGS.join('; ')}. Sửa trong tệp, hoặc ghép giá trị này với một tình trạng.`
        )
      )
    }
  }
  if (!record.status) {
    const g = ctx.groups.find((x) => x.kind === 'status' && x.value)
    if (g) {
      record.status = g.value as Status
      if (g.label) record.label = g.label
      ;(origin ??= {}).status = { from: 'group', row: g.row, text: g.caption }
    }
  }
  if (record.dissolutionDate && !record.status) {
    record.status = 'dissolved'
    const c = ctx.byField.get('dissolutionDate')
    ;(origin ??= {}).status = { text: c ? cellText(raw[c.index]) : '', meaning: 'có ngày giải thể nên là đã giải thể' }
  }
  const sectorText = fieldText(raw, ctx, 'sector')
  if (sectorText) {
    const hand = handMapped(ctx, 'sector', sectorText)
    const s = hand ? null : sectorByMeaning(sectorText)
    if (hand) {
      record.sector = hand.code as Sector
      ;(origin ??= {}).sector = { text: sectorText, meaning: 'ghép bằng tay' }
    } else if (s) {
      record.sector = s.code
      if (sectorText !== SECTOR_LABELS[s.code]) (origin ??= {}).sector = { text: sectorText, meaning: s.meaning }
      // Free text of the main business is kept as the business lines, not only folded into a code.
      if (!record.businessLines && !s.meaning.startsWith('cách viết') && sectorText.length > 12) record.businessLines = sectorText
    } else {
      record.sector = null
      noteValue(ctx, 'sector', sectorText, row)
      issues.push(
        issue(
          row,
          ctx.byField.get('sector')!,
          'SECTOR_UNKNOWN',
          `lĩnh vực «${sectorText}» không hiểu được nghĩa; để trống, ghi vào ghi chú (có thể ghép giá trị này với một lĩnh vực).`,
          'warning'
        )
      )
      record.notes = [record.notes, `Lĩnh vực (theo tệp nhập): ${sectorText}`].filter(Boolean).join('; ')
    }
  }
  if (!record.sector) {
    const g = ctx.groups.find((x) => x.kind === 'sector' && x.value)
    if (g) {
      record.sector = g.value as Sector
      ;(origin ??= {}).sector = { from: 'group', row: g.row, text: g.caption }
    } else if (record.businessLines && !sectorText) {
      const s = sectorByMeaning(record.businessLines)
      if (s) {
        record.sector = s.code
        ;(origin ??= {}).sector = { text: record.businessLines, meaning: `theo ngành nghề; ${s.meaning}` }
      }
    }
  }
  const kindText = fieldText(raw, ctx, 'kind')
  let kind: EntityKind | null = null
  if (kindText) {
    const hand = handMapped(ctx, 'kind', kindText)
    kind = hand ? (hand.code as EntityKind) : matchKind(kindText)
    if (!kind) {
      noteValue(ctx, 'kind', kindText, row)
      issues.push(
        issue(row, ctx.byField.get('kind')!, 'KIND_UNKNOWN', `loại hình «${kindText}» phải là HTX, Liên hiệp HTX hoặc Tổ hợp tác.`)
      )
    }
  }
  if (kind && kindText) {
    const hand = handMapped(ctx, 'kind', kindText)
    if (hand) (origin ??= {}).kind = { text: kindText, meaning: hand.source === 'manual' ? 'ghép bằng tay' : 'đã ghép ở lần nhập trước' }
    else if (kindText !== KIND_SHORT[kind]) (origin ??= {}).kind = { text: kindText, meaning: `nghĩa là ${KIND_LABELS[kind]}` }
  }
  if (!kind) {
    const g = ctx.groups.find((x) => x.kind === 'kind' && x.value)
    if (g) {
      kind = g.value as EntityKind
      ;(origin ??= {}).kind = { from: 'group', row: g.row, text: g.caption }
    }
  }
  // A union or group listed among cooperatives keeps the kind its name says.
  const byName = kindFromName(record.name)
  record.kind = kind ?? (ctx.table.kind === 'htx' && byName && byName !== 'htx' ? byName : ctx.table.kind) ?? byName ?? 'htx'
  if (!kind && ctx.table.kind === 'htx' && byName && byName !== 'htx')
    (origin ??= {}).kind = { text: record.name, meaning: `theo tên: ${KIND_LABELS[byName]} trong bảng HTX` }
  const hasError = issues.some((i) => i.severity === 'error')
  const out: ImportRow = { row, state: hasError ? 'error' : 'new', record, issues }
  if (origin) out.origin = origin
  return out
}

/** Year the figures belong to: the "as of" line's year, else the current year. */
export function defaultFiguresYear(asOfDate: string | null, now: string): number {
  return Number((asOfDate ?? now).slice(0, 4))
}

export type { TextEncoding }

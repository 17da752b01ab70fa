/**
 * From a sheet's grid to tables of records: title rows, the header (anywhere in
 * the first rows, one or two rows deep), section rows giving the commune, blank
 * and totals rows skipped, a second table further down with its own title and
 * header. Values are converted and checked here; the register is not consulted.
 */
import { createHash } from 'node:crypto'
import { XLSX } from '../sheetjs'
import type { ImportColumn, ImportField, ImportIssue, ImportRecord, ImportRow, ImportSheet } from '../../../shared/api'
import type { EntityKind } from '../../../shared/domain'
import { clean, fold } from '../../../shared/text'
import { detectEncoding, toUnicode, type TextEncoding } from '../text/legacy'
import { asOfDateIn, cellText, parseSheetDate, parseViNumber, type Cell } from '../text/values'
import { kindFromName, kindInTitle, matchHeader, matchKind, matchSector, matchStatus } from './headers'
import type { SheetGrid } from './read'

/** How far below a title (or the sheet's top) a header may sit. */
const HEADER_SEARCH_ROWS = 15

export type ParsedTable = Omit<ImportSheet, 'rows' | 'counts' | 'figuresYear'> & { rows: ImportRow[] }

const TOTALS = /^(tong cong|cong|tong so|tong|cong toan huyen|tong cong toan huyen)$/
const SECTION = /^(xa|phuong|thi tran)\s+\S/
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
  /** Rows of the sheet looked at so far, now and then and once at the end. */
  progress?(done: number, total: number): void
}

/** Rows between two progress reports. */
const PROGRESS_EVERY = 2000

/** Every table found on a sheet. */
export function parseSheet(grid: SheetGrid, options: ParseOptions): ParsedTable[] {
  const { rows, encoding } = decodeSheet(grid)
  const origin = { r: grid.originRow, c: grid.originCol }
  const rowNo = (r: number) => origin.r + r + 1
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
    const cells = nonEmpty(raw)
    // Only a row of words can be a header: a number or a date anywhere means a record.
    const candidate = cells.length >= 2 && cells.every((c) => typeof raw[c] === 'string' && !/^[\d\s.,/-]+$/.test(raw[c] as string))
    const texts = candidate ? headerTexts(rows, r, grid.merges, origin) : []
    if (candidate && isHeaderRow(texts)) {
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
        unknownColumns: built.columns.filter((c) => c.field === null && c.header !== '').map((c) => `${c.letter}: ${c.header}`),
        asOfDate,
        rows: [],
        issues: []
      }
      tables.push(current)
      ctx = { table: current, commune: null, byField: new Map(built.columns.filter((c) => c.field).map((c) => [c.field!, c])) }
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
    const row = classifyRow(raw, cells, ctx, rowNo(r))
    if (row.reason === 'title') {
      const t = cells.map((c) => cellText(raw[c])).join(' ')
      const f = fold(t)
      if (f.includes('so lieu') || f.includes('tinh den')) asOfDate = asOfDateIn(t) ?? asOfDate
      else pendingTitle = t
      lastHeaderSearchStart = r
    }
    current.rows.push(row)
    r++
  }
  options.progress?.(rows.length, rows.length)
  return tables
}

interface TableContext {
  table: ParsedTable
  commune: string | null
  byField: Map<ImportField, ImportColumn>
}

function buildColumns(
  first: string[],
  second: string[],
  secondRaw: Cell[] | undefined,
  options: ParseOptions,
  originCol: number
): { columns: ImportColumn[]; shape: string; depth: number } {
  // A second header row: it names columns (under a group like "Trong đó") and carries no record.
  const nameCol = first.findIndex((t) => matchHeader(t)?.field === 'name')
  const secondNames = second.some((t, c) => t && t !== first[c] && matchHeader(t) !== null)
  const secondUnits = second.some((t, c) => t && t !== first[c] && /^\(.*\)$/.test(t))
  const depth = (secondNames || secondUnits) && !cellText(secondRaw?.[nameCol] ?? null) ? 2 : 1
  const width = Math.max(first.length, depth === 2 ? second.length : 0)
  const headers: string[] = []
  for (let c = 0; c < width; c++) {
    const top = first[c] ?? ''
    const below = depth === 2 && second[c] && second[c] !== top ? second[c] : ''
    if (!below) headers.push(top)
    else if (/^\(.*\)$/.test(below)) headers.push(`${top} ${below}`)
    else headers.push(matchHeader(below) ? below : `${top} ${below}`.trim())
  }
  const shape = createHash('sha256')
    .update(headers.map((h) => fold(h)).join('|'))
    .digest('hex')
    .slice(0, 16)
  const manual = options.mappingFor(shape)
  const seen = new Set<ImportField>()
  const columns: ImportColumn[] = headers.flatMap((header, index): ImportColumn[] => {
    const letter = columnLetter(index + originCol)
    const hand = manual?.get(index)
    if (hand) {
      const m = hand.field === 'charterCapital' ? matchHeader(header) : null
      return [
        {
          index,
          letter,
          header,
          field: hand.field,
          source: hand.source,
          ...(hand.field === 'charterCapital' ? { unit: m?.field === 'charterCapital' ? m.unit : 1_000_000 } : {})
        }
      ]
    }
    if (header === '') return []
    const m = matchHeader(header)
    if (!m || seen.has(m.field)) return [{ index, letter, header, field: null, source: 'none' }]
    seen.add(m.field)
    return [{ index, letter, header, field: m.field, source: 'synonym', ...(m.unit ? { unit: m.unit } : {}) }]
  })
  return { columns, shape, depth }
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

function classifyRow(raw: Cell[], cells: number[], ctx: TableContext, row: number): ImportRow {
  if (cells.length === 0) return { row, state: 'skipped', reason: 'blank', issues: [] }
  const nameCol = ctx.byField.get('name')
  const seqCol = ctx.byField.get('seq')
  for (let i = 0; i < 3 && i < cells.length; i++) {
    const t = textOf(raw[cells[i]])
    if (t.length < 40 && /^[tTcC]/.test(t) && TOTALS.test(fold(t))) return { row, state: 'skipped', reason: 'totals', issues: [] }
  }
  if (isColumnNumbers(raw, cells)) return { row, state: 'skipped', reason: 'column-numbers', issues: [] }
  // The STT column holds numbers; a section or title typed into it is still text. Only a row of one such cell matters.
  let textCol = -1
  let textCount = 0
  for (const c of cells) {
    if (c === seqCol?.index && /^\d+\.?$/.test(textOf(raw[c]))) continue
    if (++textCount > 1) break
    textCol = c
  }
  if (textCount === 1 && typeof raw[textCol] === 'string') {
    const t = textOf(raw[textCol])
    const f = fold(t)
    // "I. Xã Yên Khoái", "2) Thị trấn Yên Thịnh", "Xã Yên Phong": a group heading naming the commune.
    const stripped = t.replace(/^\s*(?:[IVXLC]+|[a-zA-Z]|\d{1,2})\s*[.)\-/]\s+/, '').trim()
    if (SECTION.test(fold(stripped)) || (stripped !== t && !/danh sach/.test(f))) {
      ctx.commune = stripped
      return { row, state: 'skipped', reason: 'section', issues: [] }
    }
    if (textCol !== nameCol?.index || /danh sach|so lieu|tinh den/.test(f)) {
      return { row, state: 'skipped', reason: 'title', issues: [] }
    }
  }
  return readRecord(raw, ctx, row)
}

/** A field's text in a record's row; null when the table has no such column or the cell is empty. */
function fieldText(raw: Cell[], ctx: TableContext, f: ImportField): string | null {
  const c = ctx.byField.get(f)
  if (!c) return null
  const t = textOf(raw[c.index])
  return t === '' ? null : t
}

// No closures made per row here: 100,000 rows would make (and, under tsx, name) 200,000 of them.
function readRecord(raw: Cell[], ctx: TableContext, row: number): ImportRow {
  const issues: ImportIssue[] = []
  const name = fieldText(raw, ctx, 'name')
  const record: ImportRecord = { kind: 'htx', regNo: null, name: name ?? '', figures: {} }
  if (!name) issues.push(issue(row, ctx.byField.get('name') ?? null, 'NAME_MISSING', 'thiếu tên.'))
  else if (name.length < 3) issues.push(issue(row, ctx.byField.get('name')!, 'NAME_SHORT', 'tên phải có ít nhất 3 ký tự.'))
  for (const f of TEXT_FIELDS) {
    if (f === 'name' || !ctx.byField.get(f)) continue
    const value = fieldText(raw, ctx, f)
    ;(record as unknown as Record<string, unknown>)[f] = value
  }
  if (record.regNo) {
    const reg = record.regNo.replace(/\s+/g, '')
    if (!/^[0-9A-Za-z./-]{1,20}$/.test(reg))
      issues.push(
        issue(row, ctx.byField.get('regNo')!, 'REG_NO_INVALID', `mã số «${record.regNo}» chỉ được gồm chữ số (có thể có dấu -, /, .).`)
      )
    record.regNo = reg
  }
  if (record.phone && !/^[0-9+(). -]{1,30}$/.test(record.phone)) {
    issues.push(issue(row, ctx.byField.get('phone')!, 'PHONE_INVALID', `số điện thoại «${record.phone}» không hợp lệ.`, 'warning'))
    record.phone = null
  }
  if (!record.commune && ctx.commune) record.commune = ctx.commune
  else if (!ctx.byField.get('commune') && ctx.commune) record.commune = ctx.commune

  for (const f of DATE_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const d = parseSheetDate(raw[c.index])
    if (d === undefined)
      issues.push(
        issue(row, c, 'DATE_INVALID', `«${cellText(raw[c.index])}» không phải ngày hợp lệ (gõ ngày/tháng/năm, ví dụ 06/05/2024).`)
      )
    else record[f] = d
  }
  const capCol = ctx.byField.get('charterCapital')
  if (capCol) {
    const n = parseViNumber(raw[capCol.index])
    if (n === null) record.charterCapital = null
    else if (Number.isNaN(n) || n < 0)
      issues.push(issue(row, capCol, 'NUMBER_INVALID', `«${cellText(raw[capCol.index])}» không phải số tiền hợp lệ.`))
    else record.charterCapital = Math.round(n * (capCol.unit ?? 1_000_000))
  }
  for (const [f, key] of FIGURE_ENTRIES) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const n = parseViNumber(raw[c.index])
    if (n === null) record.figures[key] = null
    else if (Number.isNaN(n) || n < 0 || !Number.isInteger(n))
      issues.push(issue(row, c, 'COUNT_INVALID', `«${cellText(raw[c.index])}» phải là số nguyên không âm.`))
    else record.figures[key] = n
  }
  const statusText = fieldText(raw, ctx, 'status')
  if (statusText) {
    const s = matchStatus(statusText)
    if (s) {
      record.status = s.status
      if (s.label) record.label = s.label
    } else
      issues.push(
        issue(
          row,
          ctx.byField.get('status')!,
          'STATUS_UNKNOWN',
          `tình trạng «${statusText}» không có trong danh mục (Đang hoạt động, Tạm ngừng kinh doanh, Đang làm thủ tục giải thể, Đã giải thể…; hoặc nhãn Ngừng HĐ, Chờ giải thể).`
        )
      )
  }
  if (record.dissolutionDate && !record.status) record.status = 'dissolved'
  const sectorText = fieldText(raw, ctx, 'sector')
  if (sectorText) {
    const s = matchSector(sectorText)
    if (s) record.sector = s
    else {
      record.sector = null
      issues.push(
        issue(
          row,
          ctx.byField.get('sector')!,
          'SECTOR_UNKNOWN',
          `lĩnh vực «${sectorText}» không có trong danh mục; để trống, ghi vào ghi chú.`,
          'warning'
        )
      )
      record.notes = [record.notes, `Lĩnh vực (theo tệp nhập): ${sectorText}`].filter(Boolean).join('; ')
    }
  }
  const kindText = fieldText(raw, ctx, 'kind')
  let kind: EntityKind | null = null
  if (kindText) {
    kind = matchKind(kindText)
    if (!kind)
      issues.push(
        issue(row, ctx.byField.get('kind')!, 'KIND_UNKNOWN', `loại hình «${kindText}» phải là HTX, Liên hiệp HTX hoặc Tổ hợp tác.`)
      )
  }
  // A union or group listed among cooperatives keeps the kind its name says.
  const byName = kindFromName(record.name)
  record.kind = kind ?? (ctx.table.kind === 'htx' && byName && byName !== 'htx' ? byName : ctx.table.kind) ?? byName ?? 'htx'
  const hasError = issues.some((i) => i.severity === 'error')
  return { row, state: hasError ? 'error' : 'new', record, issues }
}

/** Year the figures belong to: the "as of" line's year, else the current year. */
export function defaultFiguresYear(asOfDate: string | null, now: string): number {
  return Number((asOfDate ?? now).slice(0, 4))
}

export type { TextEncoding }

/**
 * From a sheet's grid to tables of records: title rows, the header (anywhere in
 * the first rows, one or two rows deep), section rows giving the commune, blank
 * and totals rows skipped, a second table further down with its own title and
 * header. Values are converted and checked here; the register is not consulted.
 *
 * The parts live beside it: parse-decode (legacy text), parse-header (the header
 * and its columns), parse-groups (group and totals rows), parse-record (a data
 * row), parse-dates (date columns) and parse-context (what they share).
 */
import type { ImportRow } from '../../../shared/api'
import { fold } from '../../../shared/text'
import type { TextEncoding } from '../text/legacy'
import { asOfDateIn, cellText, type Cell } from '../text/values'
import { kindInTitle } from './headers'
import { emptySums, type ParsedTable, type ParseOptions, type TableContext } from './parse-context'
import { decideDateOrder } from './parse-dates'
import { decodeSheet, textOf } from './parse-decode'
import { addSums, classifyGroup, closeGroupCount, GROUP_COUNT, groupRow, LEADING_MARK, MARK, TOTAL_ROW, totalRow } from './parse-groups'
import { buildColumns, columnLetter, headerTexts, isColumnNumbers, isHeaderRow, letterOrigin, nonEmpty } from './parse-header'
import { readRecord } from './parse-record'
import type { SheetGrid } from './read'

export type { ParsedTable, ParseOptions, ShapeValues } from './parse-context'
export { classifyGroup } from './parse-groups'
export { columnLetter } from './parse-header'
export { communeInAddress } from './parse-record'

/** How far below a title (or the sheet's top) a header may sit. */
const HEADER_SEARCH_ROWS = 15

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

/** Year the figures belong to: the "as of" line's year, else the current year. */
export function defaultFiguresYear(asOfDate: string | null, now: string): number {
  return Number((asOfDate ?? now).slice(0, 4))
}

export type { TextEncoding }

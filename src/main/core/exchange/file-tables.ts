/**
 * One file from bytes to tables: open it safely, decode and parse every sheet.
 * Pure work on the file alone (the register is not consulted), which is why it
 * can run in the import worker, away from the thread that answers the window.
 */
import { basename } from 'node:path'
import type { ImportField, ImportFileResult, ImportRow, ValueField } from '../../../shared/api'
import { fold } from '../../../shared/text'
import type { Progress } from '../progress'
import { parseSheet, type ParsedTable, type ShapeValues } from './parse'
import { openWorkbook, type FileInput } from './read'

/** Column → field per header shape, as plain data (it crosses to the worker). */
export type Mappings = Record<string, Record<number, { field: ImportField | null; source: 'remembered' | 'manual' }>>

/** Values mapped by hand or remembered, per header shape ('*': every shape), as plain data. */
export type ValueMappings = Record<string, Array<{ field: ValueField; value: string; code: string; source: 'remembered' | 'manual' }>>

/** The value mappings of one shape: remembered ones first, the ones chosen now over them. */
function shapeValues(values: ValueMappings, shape: string): ShapeValues | undefined {
  const list = [...(values[shape] ?? []), ...(values['*'] ?? [])]
  if (list.length === 0) return undefined
  const out: ShapeValues = new Map()
  for (const v of list.sort((a, b) => (a.source === b.source ? 0 : a.source === 'remembered' ? -1 : 1))) {
    let m = out.get(v.field)
    if (!m) out.set(v.field, (m = new Map()))
    m.set(fold(v.value), { code: v.code, value: v.value, source: v.source })
  }
  return out
}

export interface ReadSheet {
  name: string
  tables: ParsedTable[]
  /** Some cell is filled: a sheet with content but no header is reported, an empty one is not. */
  hasContent: boolean
}

export interface ReadFile {
  name: string
  format: ImportFileResult['format']
  sha256: string
  bytes: number
  sheets: ReadSheet[]
}

/**
 * Each row of a table as soon as it is read: sheet and table are their indexes in the ReadFile, `of`
 * the table as known so far (its header, sheet name and "as of" date are final once it has a row).
 */
export type RowSink = (sheet: number, table: number, row: ImportRow, file: string, of: ParsedTable) => void

export function readTables(
  input: FileInput,
  mappings: Mappings,
  report: (p: Progress) => void,
  values: ValueMappings = {},
  onRow?: RowSink
): ReadFile {
  report({ phase: 'read', label: 'Đang mở tệp', file: basename('name' in input ? input.name : input.path), done: 0, total: null })
  const opened = openWorkbook(input)
  const file = opened.name
  const sheets = opened.sheets.map((grid, sheet): ReadSheet => {
    const total = grid.rows.length
    // Looked at before parsing, which tidies the cells in place (a cell of spaces is still content).
    const hasContent = grid.rows.some((r) => r.some((v) => v !== null && v !== ''))
    const tables = parseSheet(grid, {
      mappingFor: (shape) => {
        const m = mappings[shape]
        return m ? new Map(Object.entries(m).map(([col, v]) => [Number(col), v])) : undefined
      },
      valuesFor: (shape) => shapeValues(values, shape),
      progress: (done) => report({ phase: 'parse', label: 'Đang đọc các dòng', file, sheet: grid.name, done, total }),
      row: onRow && ((table, row, of) => onRow(sheet, table, row, file, of))
    })
    return { name: grid.name, tables, hasContent: tables.length > 0 || hasContent }
  })
  return { name: file, format: opened.format, sha256: opened.sha256, bytes: opened.bytes, sheets }
}

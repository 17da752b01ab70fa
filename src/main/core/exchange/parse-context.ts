/**
 * What the parts of the sheet parser share: the table being read, the options
 * it is read with, the state carried from row to row, and the issue a row gets.
 * Apart so the parts import it, and not each other or parse.ts.
 */
import type { ImportColumn, ImportField, ImportIssue, ImportRow, ImportSheet, UnknownValue, ValueField } from '../../../shared/api'
import type { ManagementLabel } from '../../../shared/domain'

export type ParsedTable = Omit<ImportSheet, 'rows' | 'counts' | 'figuresYear' | 'figuresYearSource'> & { rows: ImportRow[] }

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

export interface GroupState {
  kind: NonNullable<ImportRow['group']>['kind']
  value: string | null
  /** A status group in everyday words («Ngừng hoạt động»): the management label its rows take beside the legal status. */
  label?: ManagementLabel | null
  row: number
  level: number
  /** The group row's label as the file wrote it («Xã Kim Chính»), shown beside the value it gives. */
  caption: string
}

export interface TableContext {
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

export const SUM_FIELDS = ['charterCapital', 'members', 'workers', 'managers', 'managersElementary', 'managersCollege'] as const
export type Sums = { n: number; v: Float64Array; first: number }
export const emptySums = (): Sums => ({ n: 0, v: new Float64Array(SUM_FIELDS.length), first: 0 })
export const copySums = (s: Sums): Sums => ({ n: s.n, v: Float64Array.from(s.v), first: s.first })

export function issue(
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

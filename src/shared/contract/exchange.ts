/** Exchange: importing the offices' spreadsheets (preview, commit, history, undo). */
import { z } from 'zod'
import { ENTITY_KINDS, SECTORS, STATUSES, type EntityKind, type ManagementLabel, type Sector, type Status } from '../domain'
import type { Finding } from './checks'
import { fileInput, handler, id, text, type FileOutput } from './common'

export const exchangeLabels: Record<string, string> = {
  files: 'Tệp',
  figuresYear: 'Năm số liệu',
  strict: 'Từ chối cả tệp khi có lỗi',
  mappings: 'Ghép cột',
  batchId: 'Lần nhập'
}

/** The meanings a spreadsheet column can have. */
export const IMPORT_FIELDS = [
  'seq',
  'name',
  'regNo',
  'address',
  'commune',
  'representative',
  'phone',
  'registrationDate',
  'charterCapital',
  'sector',
  'businessLines',
  'members',
  'workers',
  'managers',
  'managersElementary',
  'managersCollege',
  'memberRevenue',
  'status',
  'dissolutionDate',
  'kind',
  'notes'
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  seq: 'STT',
  name: 'Tên',
  regNo: 'Mã số HTX',
  address: 'Địa chỉ trụ sở',
  commune: 'Xã, phường, thị trấn',
  representative: 'Người đại diện theo pháp luật',
  phone: 'Điện thoại',
  registrationDate: 'Ngày đăng ký lần đầu',
  charterCapital: 'Vốn điều lệ',
  sector: 'Lĩnh vực',
  businessLines: 'Ngành nghề kinh doanh',
  members: 'Số thành viên',
  workers: 'Số lao động',
  managers: 'Số cán bộ quản lý',
  managersElementary: 'CBQL trình độ sơ cấp, trung cấp',
  managersCollege: 'CBQL trình độ cao đẳng, đại học trở lên',
  memberRevenue: 'Doanh thu từ thành viên',
  status: 'Tình trạng',
  dissolutionDate: 'Ngày giải thể',
  kind: 'Loại hình',
  notes: 'Ghi chú'
}

/** A column mapped by hand: the header shape it belongs to, the column (0-based), its meaning (null: ignore). */
export const columnMapping = z
  .object({ shape: text(64).min(1), column: z.number().int().min(0).max(16_383), field: z.enum(IMPORT_FIELDS).nullable() })
  .strict()

/** The fields whose values are read by meaning, and may be mapped by hand. */
export const VALUE_FIELDS = ['status', 'sector', 'kind'] as const
export type ValueField = (typeof VALUE_FIELDS)[number]
const VALUE_CODES: Record<ValueField, readonly string[]> = { status: STATUSES, sector: SECTORS, kind: ENTITY_KINDS }

/**
 * A value mapped by hand: in the sheets of this header shape (any sheet when absent), this text of
 * this field means this code. Remembered per office for the next file of that shape.
 */
export const valueMapping = z
  .object({ shape: text(64).min(1).optional(), field: z.enum(VALUE_FIELDS), value: text(300).min(1), code: text(40).min(1) })
  .strict()
  .refine((m) => VALUE_CODES[m.field].includes(m.code), {
    message: 'Mã không có trong danh mục của trường này',
    path: ['code']
  })
export type ValueMapping = z.infer<typeof valueMapping>

const importInput = z
  .object({
    files: z.array(fileInput).min(1, 'Chọn ít nhất một tệp').max(50),
    figuresYear: z.number().int().min(1990).max(2200).optional(),
    /** The year box disagrees with the file's «Số liệu tính đến ngày…» line and the person chose the box. */
    figuresYearConfirmed: z.boolean().optional(),
    mappings: z.array(columnMapping).max(2000).optional(),
    valueMappings: z.array(valueMapping).max(2000).optional()
  })
  .strict()

export type RowState = 'new' | 'update' | 'unchanged' | 'duplicate' | 'skipped' | 'error'

export interface ImportIssue {
  /** 1-based row number as the spreadsheet shows it. */
  row: number
  /** Column letter (A, B…) or null for the whole row/sheet. */
  column: string | null
  severity: 'error' | 'warning'
  code: string
  message: string
}

export interface ImportedFigures {
  members?: number | null
  workers?: number | null
  managers?: number | null
  managersElementary?: number | null
  managersCollege?: number | null
  /** 024: doanh thu từ thành viên (đồng), read like the capital: in the column's unit or the cell's words. */
  memberRevenue?: number | null
}

export interface ImportRecord {
  kind: EntityKind
  regNo: string | null
  name: string
  address?: string | null
  commune?: string | null
  representative?: string | null
  phone?: string | null
  registrationDate?: string | null
  charterCapital?: number | null
  sector?: Sector | null
  businessLines?: string | null
  notes?: string | null
  status?: Status | null
  /** A status word that is a management label (Ngừng HĐ, Chờ giải thể…): the record is legally active and gets this label. */
  label?: ManagementLabel | null
  dissolutionDate?: string | null
  figures: ImportedFigures
}

/**
 * What a record's value was read from, when it is not the cell as written: the cell's text, or a group row,
 * or the address. Every field read by meaning has one (issue 20 point 7); `shared/interpreted.ts` turns a
 * row's origins into «value ← original» for every door.
 */
export interface ImportOrigin {
  /** The file's own text: the cell ("1,2 tỷ" for 1.200.000.000 đồng, "Đang HĐ" for active), the group row's label, the address. */
  text?: string
  /** Where else it came from: a group row, a merged cell above, the address. */
  from?: 'group' | 'merged' | 'address' | 'year-only'
  /** The group row's number when from a group. */
  row?: number
  /** How it was read: the meaning or the rule. */
  meaning?: string
}

export interface ImportRow {
  row: number
  state: RowState
  /** Why skipped: blank, section, totals, title, header, column-numbers. */
  reason?: string
  record?: ImportRecord
  /** For updates: the register's record and what changes. */
  entityId?: number
  changes?: Array<{ field: string; before: unknown; after: unknown }>
  /** For a group row: what it names and its label. */
  group?: { kind: 'commune' | 'sector' | 'status' | 'kind' | 'other'; label: string; value: string | null }
  /** Per field, where the value to be written came from, when not the cell as written. */
  origin?: Partial<Record<ImportField, ImportOrigin>>
  issues: ImportIssue[]
  /** Preview: what the data checks (resources/checks/rules.json) would say of the record as it would be saved. */
  findings?: Finding[]
  /**
   * Preview: the official commune of the office's area the record will be placed on (office/communes.ts), null when
   * its commune (or address) matches none — kept as written and flagged; absent where nothing is placed (a province).
   */
  place?: { key: string; code: string; name: string } | null
}

/** A column with data whose meaning was not found: nothing of it is imported, and this says so. */
export interface UnknownColumn {
  index: number
  letter: string
  header: string
  /** Cells with data in the table's record rows. */
  cells: number
}

/** A value not understood in a field read by meaning. */
export interface UnknownValue {
  field: ValueField
  value: string
  count: number
  /** Sheet rows (1-based), the first 50. */
  rows: number[]
}

export interface ImportColumn {
  index: number
  letter: string
  header: string
  field: ImportField | null
  /** Capital: multiplier to đồng read from the header. */
  unit?: number
  /** How the field was found: by synonym or by its words, remembered or by hand. */
  source: 'synonym' | 'meaning' | 'remembered' | 'manual' | 'none'
  /** Why this meaning, in words (the synonym, the words found). */
  evidence?: string
  /** A weak match or a tie: shown for a person to confirm. */
  confirm?: boolean
}

export interface ImportSheet {
  sheet: string
  /** 1-based number of the table on the sheet. */
  table: number
  title: string | null
  kind: EntityKind | null
  /** 1-based row of the header (its first row when it spans two). */
  headerRow: number
  encoding: 'unicode' | 'tcvn3' | 'vni' | 'mixed'
  /** Key of the header's shape: manual mappings are remembered by it. */
  shape: string
  columns: ImportColumn[]
  unknownColumns: UnknownColumn[]
  unknownValues: UnknownValue[]
  /** Values mapped by hand or remembered for this shape. */
  valueMappings?: Array<{ field: ValueField; value: string; code: string; source: 'remembered' | 'manual' }>
  asOfDate: string | null
  figuresYear: number
  /** Where the figures year came from: the file's date line, the year box, or this year by default. */
  figuresYearSource: 'file' | 'box' | 'default'
  rows: ImportRow[]
  counts: ImportCounts
  issues: ImportIssue[]
}

export interface ImportCounts {
  created: number
  updated: number
  unchanged: number
  duplicates: number
  skipped: number
  errors: number
  warnings: number
}

export interface ImportFileResult {
  file: string
  format: 'xlsx' | 'xls' | 'csv' | 'ods' | 'html'
  sha256: string
  bytes: number
  sheets: ImportSheet[]
}

export interface ImportResult {
  files: ImportFileResult[]
  totals: ImportCounts
  /** Set when committed. */
  batchId: number | null
  committed: boolean
}

export interface ImportBatch {
  id: number
  at: string
  user: string
  files: Array<{ name: string; sha256: string; bytes: number }>
  counts: ImportCounts
  undoneAt: string | null
  undoneBy: string | null
}

export const exchangeContract = {
  'exchange.previewImport': handler<ImportResult>('read')(importInput),
  'exchange.commitImport': handler<ImportResult>('write')(importInput.extend({ strict: z.boolean().optional() }).strict()),
  'exchange.undoImport': handler<{ batchId: number; deleted: number; restored: number }>('write')(z.object({ batchId: id }).strict()),
  'exchange.importTemplate': handler<FileOutput>('read')(z.object({}).strict()),
  'exchange.importHistory': handler<ImportBatch[]>('read')(z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict())
}

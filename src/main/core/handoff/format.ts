/**
 * The package format (version 1) and its canonical serialisation.
 *
 * A package is one .xlsx workbook: human sheets first (for reading only: nothing
 * in them is trusted), then one machine sheet per table below ("data_<table>":
 * row 1 holds "column:type" headers, then one row per stored row, in id order),
 * then the "manifest" sheet (key | value | label, every value a text cell).
 *
 * Canonical data, the thing the content hash covers, is independent of how a
 * spreadsheet program re-saves the workbook: each cell is read back through its
 * column's declared type and normalised —
 *   - empty cell, empty text → null;
 *   - type "number": a numeric text is read as the number; integers kept exact,
 *     other numbers rounded to 15 significant digits (what spreadsheets keep);
 *   - type "text": a number cell becomes its decimal text; CR LF / CR become LF;
 * and serialised as UTF-8 lines:
 *   "so-htx-package/1"
 *   for each table in MACHINE_TABLES order: "#<table>", JSON of the header
 *   ["column:type", …], then JSON of each row's value array;
 * every line ending in "\n". contentHash = SHA-256 (hex) of those bytes.
 * The signature is Ed25519 over "so-htx-manifest/1\n" + JSON of the manifest's
 * entries (signature excluded) sorted by key, so it covers the hash, the counts,
 * the unit, the times and the public key together.
 *
 * What a person reads is signed too: the manifest entry "humanSheets" lists each
 * human sheet as [name, SHA-256 of its cells] (humanSheetHash below: every cell as
 * text, so a re-save that re-types a cell or changes its formatting still verifies,
 * and any change to what a cell says does not). Verification refuses a workbook
 * with any other sheet, a sheet listed twice, a formula, link, comment, merged
 * block or a number format that shows other text, and zips that two programs could
 * read differently (zip.ts).
 *
 * Strings are written as shared strings with every literal "_xHHHH_" escaped as
 * "_x005F_xHHHH_" (OOXML's escape for its own escape), so they read back as written
 * by SheetJS, LibreOffice and Excel alike; characters XML cannot hold are written
 * by SheetJS as "_xHHHH_" and come back too.
 */
import { createHash, type Hash } from 'node:crypto'
import type Sqlite from 'better-sqlite3'

export const FORMAT = 'so-htx-package'
export const FORMAT_VERSION = 1
export const MANIFEST_SHEET = 'manifest'
/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32_767

export interface MachineTable {
  table: string
  sheet: string
  /** Columns holding another machine table's ids: remapped to the province's own ids (an empty cell stays empty). */
  refs: Record<string, string>
  /**
   * A table added after format 1 first shipped: a package from before has neither its
   * sheet nor its count, and still verifies (its hash never covered the table).
   */
  optional?: boolean
  /** A column naming the office's unit: the province sets it to the sending district and replaces by it. */
  unitColumn?: string
}

/** Parents before children, so the province can insert in this order and remap ids as it goes. */
export const MACHINE_TABLES: MachineTable[] = [
  { table: 'entities', sheet: 'data_entities', refs: {} },
  { table: 'status_events', sheet: 'data_status_events', refs: { entity_id: 'entities' } },
  { table: 'entity_labels', sheet: 'data_entity_labels', refs: { entity_id: 'entities' }, optional: true },
  { table: 'yearly_figures', sheet: 'data_yearly_figures', refs: { entity_id: 'entities' } },
  { table: 'dissolution_cases', sheet: 'data_dissolution_cases', refs: { entity_id: 'entities' } },
  { table: 'dissolution_steps', sheet: 'data_dissolution_steps', refs: { case_id: 'dissolution_cases' } },
  { table: 'dissolution_council', sheet: 'data_dissolution_council', refs: { case_id: 'dissolution_cases' } },
  { table: 'dissolution_items', sheet: 'data_dissolution_items', refs: { case_id: 'dissolution_cases' } },
  { table: 'dissolution_obstacles', sheet: 'data_dissolution_obstacles', refs: { case_id: 'dissolution_cases' } },
  // Support programmes (migration 012): after every table of the first format, so older packages hash the same.
  { table: 'support_entries', sheet: 'data_support_entries', refs: { entity_id: 'entities' }, optional: true, unitColumn: 'unit_code' }
]

/**
 * A handover package (kind "handover", issue 14 point 3): a former district's records going to one new
 * commune, with their whole history and the district's audit rows about them. Same format, hash and
 * signature as the province package; its own list of machine sheets, chosen by the signed `kind`.
 */
export const HANDOVER_KIND = 'handover'
export const HANDOVER_TABLES: MachineTable[] = [
  ...MACHINE_TABLES.filter((t) => t.table !== 'support_entries').map((t) => ({ ...t, optional: false })),
  { table: 'dissolution_attachments', sheet: 'data_dissolution_attachments', refs: { case_id: 'dissolution_cases' } },
  { table: 'audit_log', sheet: 'data_audit_log', refs: {} }
]

/** The machine sheets a package of this manifest carries. */
export function machineTablesOf(manifest: Manifest): MachineTable[] {
  return manifest.kind === HANDOVER_KIND ? HANDOVER_TABLES : MACHINE_TABLES
}

/** Columns whose meaning is local to one file (which import batch made a row). */
const LOCAL_COLUMNS = new Set(['import_batch_id'])

export type ColumnType = 'text' | 'number'
export interface Column {
  name: string
  type: ColumnType
}
export type Value = string | number | null

export interface TableData {
  table: string
  columns: Column[]
  rows: Value[][]
}

/** The columns a table has in this file, as the package carries them. */
export function tableColumns(sqlite: Sqlite.Database, table: string): Column[] {
  const info = sqlite.prepare(`select name, type from pragma_table_info(?) order by cid`).all(table) as Array<{
    name: string
    type: string
  }>
  return info
    .filter((c) => !LOCAL_COLUMNS.has(c.name))
    .map((c) => ({ name: c.name, type: /INT|REAL|NUM|FLOA|DOUB/i.test(c.type) ? 'number' : 'text' }))
}

export function headerCell(c: Column): string {
  return `${c.name}:${c.type}`
}

export function parseHeaderCell(cell: unknown): Column | null {
  const m = typeof cell === 'string' ? /^([a-z_][a-z0-9_]*):(text|number)$/.exec(cell) : null
  return m ? { name: m[1], type: m[2] as ColumnType } : null
}

const NUMERIC = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/

/** One value in canonical form, whatever a spreadsheet made of the cell. */
export function normalise(value: unknown, type: ColumnType): Value {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'boolean') value = value ? 1 : 0
  if (type === 'number') {
    if (typeof value === 'string') {
      const t = value.trim()
      if (!NUMERIC.test(t)) return value.replace(/\r\n?/g, '\n')
      value = Number(t)
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) return null
    return Number.isInteger(value) ? value : Number(value.toPrecision(15))
  }
  const text = typeof value === 'number' ? String(value) : String(value)
  return text.replace(/\r\n?/g, '\n')
}

/** Streams the canonical serialisation into a SHA-256. */
export class ContentHash {
  private readonly hash: Hash = createHash('sha256')
  constructor() {
    this.hash.update(`${FORMAT}/${FORMAT_VERSION}\n`)
  }
  table(table: string, columns: Column[]): void {
    this.hash.update(`#${table}\n${JSON.stringify(columns.map(headerCell))}\n`)
  }
  row(values: Value[]): void {
    this.hash.update(JSON.stringify(values) + '\n')
  }
  hex(): string {
    return this.hash.digest('hex')
  }
}

export function contentHash(tables: TableData[]): string {
  const h = new ContentHash()
  for (const t of tables) {
    h.table(t.table, t.columns)
    for (const r of t.rows) h.row(r)
  }
  return h.hex()
}

/** Every manifest entry is text; `signature` is the only one the signature does not cover. */
export type Manifest = Record<string, string>

export const MANIFEST_LABELS: Record<string, string> = {
  format: 'Định dạng',
  formatVersion: 'Phiên bản định dạng',
  appVersion: 'Phiên bản phần mềm',
  unitCode: 'Mã đơn vị gửi',
  unitName: 'Tên đơn vị gửi',
  unitLevel: 'Cấp đơn vị',
  provinceCode: 'Mã tỉnh',
  officeName: 'Cơ quan',
  exportedAt: 'Thời điểm xuất (UTC)',
  asOf: 'Số liệu tính đến ngày',
  contentHash: 'Mã băm SHA-256 của dữ liệu máy',
  publicKey: 'Khóa công khai (Ed25519, SPKI base64)',
  keyFingerprint: 'Dấu vân tay khóa',
  humanSheets: 'Các trang để đọc và mã băm SHA-256 của từng trang',
  closedChanges: 'Số liệu đã chốt bị sửa từ gói trước (sau khi mở lại kỳ)',
  reviewAnswers: 'Trả lời của đơn vị cho góp ý của tỉnh về lần gửi trước',
  kind: 'Loại gói',
  targetUnit: 'Mã xã nhận bàn giao',
  targetName: 'Tên xã nhận bàn giao',
  targetProvinceCode: 'Mã tỉnh của xã nhận',
  handedOverOn: 'Ngày bàn giao',
  signature: 'Chữ ký Ed25519'
}

/** The header row of the manifest sheet. */
export const MANIFEST_HEADER = ['Khóa', 'Giá trị', 'Ý nghĩa']

/** The label column of one manifest row, as written (checked on the way back in: it is what a person reads). */
export function manifestLabel(key: string): string {
  return MANIFEST_LABELS[key] ?? (key.startsWith('count.') ? `Số dòng ${key.slice(6)}` : '')
}

/**
 * A string as it goes into a cell: a literal "_xHHHH_" would be read back as the
 * character HHHH (SheetJS reads "_X…_" too), so its "_" is written "_x005F_".
 */
export function cellText(text: string): string {
  return text.replace(/_(?=[xX][0-9A-Fa-f]{4}_)/g, '_x005F_')
}

/** One human cell as the signature sees it: what it says, as text; empty is null. */
export function humanCell(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') {
    const n = normalise(value, 'number')
    return n === null ? null : String(n)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  return String(value).replace(/\r\n?/g, '\n')
}

/** SHA-256 of one human sheet's cells: rows of humanCell values, trailing empty cells and rows left out. */
export function humanSheetHash(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): string {
  // Array.from: a spreadsheet's rows may have holes (cells never written), read as empty.
  const canonical = Array.from(rows, (r) => {
    const cells = Array.from(r ?? [], (v) => humanCell(v))
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop()
    return cells
  })
  while (canonical.length > 0 && canonical[canonical.length - 1].length === 0) canonical.pop()
  const h = createHash('sha256').update('so-htx-human/1\n')
  for (const r of canonical) h.update(JSON.stringify(r) + '\n')
  return h.digest('hex')
}

export function countKey(table: string): string {
  return `count.${table}`
}

/** What is signed: the entries but the signature, sorted by key; `prefix` tells a package manifest from a review reply (review/reply.ts). */
export function signedText(manifest: Manifest, prefix = 'so-htx-manifest/1'): string {
  const entries = Object.entries(manifest)
    .filter(([k]) => k !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `${prefix}\n${JSON.stringify(entries)}`
}

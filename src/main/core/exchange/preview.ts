/**
 * The preview: every file read, every table parsed, every record compared with
 * the register — new, update (with the changed fields), unchanged, duplicate
 * within the import, skipped or error. Nothing is written here.
 */
import type { Selectable } from 'kysely'
import type { EntitiesTable, YearlyFiguresTable } from '../db/schema'
import { statusOf } from '../registry/status-at'
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import type {
  ImportCounts,
  ImportField,
  ImportFileResult,
  ImportResult,
  ImportRow,
  ImportSheet,
  ValueField,
  ValueMapping
} from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { fold } from '../../../shared/text'
import type { CoreContext } from '../context'
import { progressReporter } from '../progress'
import { readOffThread, tableKey, type ChunkSink, type TableKey } from './offthread'
import type { ChunkOf } from './worker'
import { defaultFiguresYear } from './parse'
import type { FileInput } from './read'
import type { Mappings, ReadFile, ValueMappings } from './file-tables'

export interface PreviewInput {
  files: FileInput[]
  figuresYear?: number
  figuresYearConfirmed?: boolean
  mappings?: Array<{ shape: string; column: number; field: ImportField | null }>
  valueMappings?: ValueMapping[]
}

/** A record of the register as the preview compares it: its stored columns (typed by the table) and current status. */
export type ExistingEntity = Pick<
  Selectable<EntitiesTable>,
  | 'id'
  | 'kind'
  | 'reg_no'
  | 'name'
  | 'name_key'
  | 'address'
  | 'commune'
  | 'representative'
  | 'phone'
  | 'registration_date'
  | 'charter_capital'
  | 'sector'
  | 'business_lines'
  | 'notes'
  | 'row_version'
> & { status: string | null }

/** The yearly figures the import writes, as stored. */
export type FiguresRow = Pick<
  Selectable<YearlyFiguresTable>,
  'id' | 'entity_id' | 'year' | 'members' | 'workers' | 'managers' | 'managers_elementary' | 'managers_college'
>

export const RECORD_COLUMNS = {
  regNo: 'reg_no',
  name: 'name',
  address: 'address',
  commune: 'commune',
  representative: 'representative',
  phone: 'phone',
  registrationDate: 'registration_date',
  charterCapital: 'charter_capital',
  sector: 'sector',
  businessLines: 'business_lines',
  notes: 'notes'
} as const
export const FIGURE_COLUMNS = {
  members: 'members',
  workers: 'workers',
  managers: 'managers',
  managersElementary: 'managers_elementary',
  managersCollege: 'managers_college',
  memberRevenue: 'member_revenue'
} as const

/** The identity a record is matched on: its registration number, or for groups without one, folded name + commune. */
export function recordKey(r: { kind: string; regNo: string | null; name: string; commune?: string | null }): string {
  if (r.regNo) return `reg:${r.regNo}`
  return `name:${fold(r.name)}|${fold(r.commune ?? '')}`
}

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, duplicates: 0, skipped: 0, errors: 0, warnings: 0 }
}

export function countRows(rows: ImportRow[], extraWarnings = 0): ImportCounts {
  const c = emptyCounts()
  for (const r of rows) {
    if (r.state === 'new') c.created++
    else if (r.state === 'update') c.updated++
    else if (r.state === 'unchanged') c.unchanged++
    else if (r.state === 'duplicate') c.duplicates++
    else if (r.state === 'skipped') c.skipped++
    else c.errors++
    c.warnings += r.issues.filter((i) => i.severity === 'warning').length
  }
  c.warnings += extraWarnings
  return c
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  const out = emptyCounts()
  for (const k of Object.keys(out) as Array<keyof ImportCounts>) out[k] = a[k] + b[k]
  return out
}

export interface PreviewState {
  result: ImportResult
  existing: Map<string, ExistingEntity>
  figures: Map<string, FiguresRow>
}

/**
 * The files last read, by what they were: the commit that follows a preview of
 * the same files and mappings compares a copy of these tables instead of
 * parsing the workbooks a second time. One entry; a commit uses it up.
 */
let lastRead: { key: string; files: ReadFile[] } | null = null

/** Path, size and time of change for a file on disk; a hash of the bytes for a dropped one; null when unsure. */
function readKey(files: FileInput[], mappings: Mappings, values: ValueMappings): string | null {
  const parts: string[] = [JSON.stringify(mappings), JSON.stringify(values)]
  for (const f of files) {
    if ('base64' in f) parts.push(`${f.name}\u0000${createHash('sha256').update(f.base64).digest('hex')}`)
    else {
      try {
        const st = statSync(f.path)
        parts.push(`${f.path}\u0000${st.size}\u0000${st.mtimeMs}`)
      } catch {
        return null
      }
    }
  }
  return parts.join('\u0001')
}

async function readFiles(
  files: FileInput[],
  mappings: Mappings,
  values: ValueMappings,
  reuse: boolean,
  report: ReturnType<typeof progressReporter>,
  onChunk: ChunkSink
): Promise<ReadFile[]> {
  const key = readKey(files, mappings, values)
  const cached = key !== null && lastRead?.key === key ? lastRead.files : null
  if (reuse) lastRead = null
  if (cached) return cached
  const read = await readOffThread(files, mappings, report, values, onChunk)
  if (!reuse && key !== null) lastRead = { key, files: read }
  return read
}

/**
 * What the preview does to each row it reads beside comparing it — the data checks' findings
 * (checks/handlers.ts): called with each chunk of compared rows while the file is still being read.
 */
export type RowInspector = (rows: ImportRow[], at: { file: string; sheet: string; figuresYear: number }) => void

export async function previewImport(
  input: PreviewInput,
  ctx: CoreContext,
  forCommit = false,
  inspect?: RowInspector
): Promise<PreviewState> {
  const report = progressReporter()
  const remembered: Mappings = {}
  for (const m of await ctx.db.selectFrom('import_mappings').selectAll().execute()) {
    const map: Mappings[string] = (remembered[m.shape] = {})
    for (const [col, field] of Object.entries(JSON.parse(m.mapping_json) as Record<string, ImportField | null>)) {
      map[Number(col)] = { field, source: 'remembered' }
    }
  }
  for (const m of input.mappings ?? []) (remembered[m.shape] ??= {})[m.column] = { field: m.field, source: 'manual' }
  const values: ValueMappings = {}
  for (const m of await ctx.db.selectFrom('import_value_mappings').selectAll().execute()) {
    ;(values[m.shape] ??= []).push({ field: m.field as ValueField, value: m.value, code: m.code, source: 'remembered' })
  }
  for (const m of input.valueMappings ?? []) {
    ;(values[m.shape ?? '*'] ??= []).push({ field: m.field, value: m.value, code: m.code, source: 'manual' })
  }
  // The register first: each chunk of rows is compared with it as it arrives from the import worker.
  const compare = await comparer(ctx)
  const figuresYearOf = (asOfDate: string | null) => input.figuresYear ?? defaultFiguresYear(asOfDate, ctx.now())
  const compared = new Map<TableKey, ImportRow[]>()
  const compareChunk = (key: TableKey, rows: ImportRow[], of: ChunkOf) => {
    const figuresYear = figuresYearOf(of.asOfDate)
    const out = rows.map((row) => compare(row, `${of.file} › ${of.sheet} › dòng ${row.row}`, figuresYear))
    const list = compared.get(key)
    if (list) for (const row of out) list.push(row)
    else compared.set(key, out)
    inspect?.(out, { file: of.file, sheet: of.sheet, figuresYear })
  }
  const read = await readFiles(input.files, remembered, values, forCommit, report, compareChunk)

  const files: ImportFileResult[] = []
  let totals = emptyCounts()
  for (const [index, opened] of read.entries()) {
    report({ phase: 'compare', label: 'Đang so với sổ đăng ký', file: opened.name, done: 0, total: null })
    const sheets: ImportSheet[] = []
    for (const [sheetIndex, { name: sheetName, tables, hasContent }] of opened.sheets.entries()) {
      if (tables.length === 0) {
        if (hasContent) {
          const sheet: ImportSheet = {
            sheet: sheetName,
            table: 0,
            title: null,
            kind: null,
            headerRow: 0,
            encoding: 'unicode',
            shape: '',
            columns: [],
            unknownColumns: [],
            unknownValues: [],
            asOfDate: null,
            figuresYear: input.figuresYear ?? defaultFiguresYear(null, ctx.now()),
            figuresYearSource: input.figuresYear ? 'box' : 'default',
            rows: [],
            counts: { ...emptyCounts(), warnings: 1 },
            issues: [
              {
                row: 0,
                column: null,
                severity: 'warning',
                code: 'NO_HEADER',
                message: `Trang «${sheetName}»: không tìm thấy dòng tiêu đề (cần có cột Tên và ít nhất một cột khác trong ${15} dòng đầu); trang này không được nhập.`
              }
            ]
          }
          sheets.push(sheet)
          totals = addCounts(totals, sheet.counts)
        }
        continue
      }
      for (const [tableIndex, t] of tables.entries()) {
        const figuresYear = figuresYearOf(t.asOfDate)
        const figuresYearSource: ImportSheet['figuresYearSource'] = input.figuresYear ? 'box' : t.asOfDate ? 'file' : 'default'
        const fileYear = t.asOfDate ? Number(t.asOfDate.slice(0, 4)) : null
        // The box never overrides the file's own date line in silence: a disagreement is asked.
        const yearIssues =
          input.figuresYear && fileYear !== null && fileYear !== input.figuresYear
            ? [
                {
                  row: t.headerRow,
                  column: null,
                  severity: input.figuresYearConfirmed ? ('warning' as const) : ('error' as const),
                  code: 'FIGURES_YEAR_DISAGREES',
                  message: `Trang «${t.sheet}»: tệp ghi «Số liệu tính đến ngày ${formatDate(t.asOfDate!)}» (năm ${fileYear}) nhưng ô Năm số liệu là ${input.figuresYear}.${input.figuresYearConfirmed ? ` Đã chọn năm ${input.figuresYear}.` : ' Hãy chọn năm nào đúng trước khi nhập.'}`
                }
              ]
            : []
        const issues = t.columns.some((c) => c.field === 'name')
          ? [...t.issues, ...yearIssues]
          : [
              ...yearIssues,
              ...t.issues,
              {
                row: t.headerRow,
                column: null,
                severity: 'error' as const,
                code: 'NO_NAME_COLUMN',
                message: `Trang «${t.sheet}»: không có cột Tên.`
              }
            ]
        // Rows compared as they came from the worker; rows of a read kept from before (a commit after
        // its preview) are compared now, the same way.
        const key = tableKey(index, sheetIndex, tableIndex)
        if (!compared.has(key) && t.rows.length > 0) compareChunk(key, t.rows, { file: opened.name, sheet: t.sheet, asOfDate: t.asOfDate })
        const rows = compared.get(key) ?? []
        const counts = countRows(rows, issues.filter((i) => i.severity === 'warning').length)
        counts.errors += issues.filter((i) => i.severity === 'error').length
        totals = addCounts(totals, counts)
        sheets.push({ ...t, issues, rows, figuresYear, figuresYearSource, counts })
      }
    }
    files.push({ file: opened.name, format: opened.format, sha256: opened.sha256, bytes: opened.bytes, sheets })
  }
  return { result: { files, totals, batchId: null, committed: false }, existing: compare.existing, figures: compare.figures }
}

type Comparer = ((read: ImportRow, where: string, figuresYear: number) => ImportRow) & {
  existing: Map<string, ExistingEntity>
  figures: Map<string, FiguresRow>
}

/**
 * The register as a row is compared with it: its records by identity, their yearly figures, the
 * records a dissolution closed, and the rows seen so far in this import (a second one is a duplicate).
 */
async function comparer(ctx: CoreContext): Promise<Comparer> {
  const rows = (await ctx.db
    .selectFrom('entities as e')
    .select([
      'e.id',
      'e.kind',
      'e.reg_no',
      'e.name',
      'e.name_key',
      'e.address',
      'e.commune',
      'e.representative',
      'e.phone',
      'e.registration_date',
      'e.charter_capital',
      'e.sector',
      'e.business_lines',
      'e.notes',
      'e.row_version'
    ])
    .select(statusOf('e').as('status'))
    .execute()) as ExistingEntity[]
  const existing = new Map<string, ExistingEntity>()
  // Records kept without a number: only these can be found by name for a row that has one.
  let withoutRegNo = 0
  for (const e of rows) {
    if (!e.reg_no) withoutRegNo++
    existing.set(recordKey({ kind: e.kind, regNo: e.reg_no, name: e.name, commune: e.commune }), e)
    if (e.reg_no) existing.set(recordKey({ kind: e.kind, regNo: null, name: e.name, commune: e.commune }), e)
  }
  const figureRows = (await ctx.db
    .selectFrom('yearly_figures')
    .select(['id', 'entity_id', 'year', 'members', 'workers', 'managers', 'managers_elementary', 'managers_college'])
    .execute()) as FiguresRow[]
  const figures = new Map(figureRows.map((f) => [`${f.entity_id}:${f.year}`, f]))
  // Closed by a dissolution case: read-only but for notes, for an import as for a hand edit.
  const closed = new Set(
    (await ctx.db.selectFrom('dissolution_cases').select('entity_id').where('state', '=', 'finalised').execute()).map((c) => c.entity_id)
  )
  const seen = new Map<string, string>()

  // Rows as read stay untouched (a commit may compare them again); a row that changes state is a new object.
  const compare = (read: ImportRow, where: string, figuresYear: number): ImportRow => {
    if (read.state !== 'new' || !read.record) return read
    const row: ImportRow = { ...read, issues: [...read.issues] }
    const rec = read.record
    const key = recordKey(rec)
    const first = seen.get(key)
    if (first) {
      row.state = 'duplicate'
      row.issues.push({
        row: row.row,
        column: null,
        severity: 'warning',
        code: 'DUPLICATE_IN_FILE',
        message: `Trùng với ${first}; chỉ nhập một lần.`
      })
      return row
    }
    seen.set(key, where)
    // A record typed in without its number is still the same one: same folded name and commune.
    let found = existing.get(key)
    if (!found && rec.regNo && withoutRegNo > 0) {
      const byName = existing.get(recordKey({ ...rec, regNo: null }))
      if (byName && !byName.reg_no) found = byName
    }
    if (!found) return read
    row.entityId = found.id
    const changes: NonNullable<ImportRow['changes']> = []
    for (const [field, column] of Object.entries(RECORD_COLUMNS) as Array<[keyof typeof RECORD_COLUMNS, keyof ExistingEntity]>) {
      const after = rec[field]
      if (after === undefined || after === null || after === '') continue
      if (after !== found[column]) changes.push({ field, before: found[column], after })
    }
    // A dissolution date means dissolved, whatever the status column says.
    const status = rec.dissolutionDate ? 'dissolved' : rec.status
    if (status && status !== found.status) changes.push({ field: 'status', before: found.status, after: status })
    const fig = figures.get(`${found.id}:${figuresYear}`)
    for (const [field, column] of Object.entries(FIGURE_COLUMNS) as Array<[keyof typeof FIGURE_COLUMNS, keyof FiguresRow]>) {
      const after = rec.figures[field]
      if (after === undefined || after === null) continue
      const before = fig ? fig[column] : null
      if (after !== before) changes.push({ field: `${field}:${figuresYear}`, before, after })
    }
    row.state = changes.length ? 'update' : 'unchanged'
    if (changes.length) row.changes = changes
    if (closed.has(found.id) && changes.some((c) => c.field !== 'notes')) {
      row.state = 'error'
      row.issues.push({
        row: row.row,
        column: null,
        severity: 'error',
        code: 'DISSOLVED',
        message: `«${found.name}» đã giải thể theo hồ sơ giải thể; chỉ được sửa phần ghi chú, không sửa bằng tệp nhập.`
      })
    }
    return row
  }
  return Object.assign(compare, { existing, figures })
}

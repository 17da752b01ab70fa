/**
 * Import of a generated 100,000-row, 17-column .xlsx: the whole import (read,
 * decode, map, compare, one transaction into a fresh register) against
 * - the machine's floor (goal ≤ 1.5): the sheet's XML inflated from the zip and
 *   every cell scanned once, plus the same records written by prepared
 *   statements in one transaction (the entity, its status event, its yearly
 *   figures and its audit row, as the import writes them);
 * - SheetJS parsing the same bytes alone (goal ≤ 1.3);
 * - `soffice --headless --convert-to csv` where LibreOffice is installed (goal ≤ 1.0);
 * and peak memory. Says which reader the import used (the .xlsx stream reader or SheetJS).
 */
import Sqlite from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { XLSX } from '../src/main/core/sheetjs'
import { createCore } from '../src/main/core/api'
import { openWorkbook } from '../src/main/core/exchange/read'
import { fold, searchKey } from '../src/shared/text'
import { collectGarbage, peakRss, sweepFigures, sweepSizes, time, type BenchFigure, type BenchOptions, type SweepPoint } from './lib'
import { communesOfDistrict } from '../src/main/core/office/map'

const HEADER = [
  'STT',
  'Tên HTX',
  'Mã số HTX',
  'Địa chỉ trụ sở',
  'Xã, phường, thị trấn',
  'Người đại diện theo pháp luật',
  'Điện thoại',
  'Ngày đăng ký lần đầu',
  'Vốn điều lệ (triệu đồng)',
  'Lĩnh vực',
  'Số thành viên',
  'Số lao động thường xuyên',
  'Số cán bộ quản lý',
  'Sơ cấp, trung cấp',
  'Cao đẳng, đại học trở lên',
  'Tình trạng hoạt động',
  'Ghi chú'
]
const SECTORS = ['Nông nghiệp', 'CN-TTCN', 'TM-DV', 'Vận tải', 'Xây dựng', 'Môi trường']
const STATUSES = ['Đang hoạt động', 'Tạm ngừng', 'Ngừng HĐ', 'Chờ giải thể']

type SourceRow = Array<string | number>

// The communes of the bench's office (Thành phố Lạng Sơn, 178), as a district's list names them; one row in 31 names
// one off the list, as a messy list does (it gets the data check's finding, and the commit keeps it as written).
const COMMUNES = communesOfDistrict('178').map((u) => u.name)
const communeOf = (i: number) => (i % 31 === 0 ? `Xã Yên ${i % 7}` : COMMUNES[i % COMMUNES.length]!)

function sourceRows(size: number): SourceRow[] {
  const rows: Array<Array<string | number>> = [HEADER]
  for (let i = 1; i <= size; i++) {
    rows.push([
      i,
      `HTX dịch vụ nông nghiệp số ${i}`,
      String(2_700_000_000 + i),
      `Thôn ${i % 97}, ${communeOf(i)}`,
      communeOf(i),
      `Nguyễn Văn ${i}`,
      `0229 ${String(i).padStart(6, '0')}`,
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${2000 + (i % 24)}`,
      i % 3 === 0 ? '1.370' : 500 + (i % 5000),
      SECTORS[i % SECTORS.length],
      7 + (i % 50),
      5 + (i % 40),
      3,
      2,
      1,
      STATUSES[i % STATUSES.length],
      i % 10 === 0 ? 'Ghi chú' : ''
    ])
  }
  return rows
}

function workbook(rows: SourceRow[]): Buffer {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'HTX')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

/**
 * The floor's first half: the one sheet's entry found in the zip's central directory,
 * inflated with zlib, and every cell visited once (its value's bounds found). Returns the
 * cells seen and the bytes of their values, so none of it can be skipped.
 */
function rawScan(zip: Buffer): { cells: number; valueBytes: number } {
  let eocd = zip.length - 22
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  let at = zip.readUInt32LE(eocd + 16)
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(at + 28)
    if (zip.toString('latin1', at + 46, at + 46 + nameLength) === 'xl/worksheets/sheet1.xml') break
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  const local = zip.readUInt32LE(at + 42)
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
  const xml = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20)))
  let cells = 0
  let valueBytes = 0
  for (let i = 0, n = xml.length; i < n; i++) {
    // "<c " opens a cell; its value runs from the next ">" after "<v" to the next "<".
    if (xml[i] !== 0x3c || xml[i + 1] !== 0x63 || xml[i + 2] !== 0x20) continue
    cells++
    while (i < n && !(xml[i] === 0x3c && xml[i + 1] === 0x76)) i++
    while (i < n && xml[i] !== 0x3e) i++
    const from = ++i
    while (i < n && xml[i] !== 0x3c) i++
    valueBytes += i - from
  }
  return { cells, valueBytes }
}

const SECTOR_CODES: Record<string, string> = {
  'Nông nghiệp': 'agri',
  'CN-TTCN': 'industry',
  'TM-DV': 'trade_service',
  'Vận tải': 'transport',
  'Xây dựng': 'construction',
  'Môi trường': 'environment'
}
const STATUS_CODES: Record<string, string> = {
  'Đang hoạt động': 'active',
  'Tạm ngừng': 'suspended',
  'Ngừng HĐ': 'active',
  'Chờ giải thể': 'active'
}

/** The management label the import gives a status word that is not a legal status (a label row beside «active»). */
const STATUS_LABELS: Record<string, string> = { 'Ngừng HĐ': 'stopped', 'Chờ giải thể': 'awaiting_dissolution' }
/** Each commune name of the sheet's list → its code, as the import places it (the ones off the list stay without). */
const COMMUNE_CODES = new Map(communesOfDistrict('178').map((u) => [u.name, u.code]))

/**
 * The floor's second half: the file's records written straight into a fresh register by
 * prepared statements in one transaction — per record the rows and columns the import writes:
 * the entity with its search keys, its commune's code and its batch, its status event, its
 * management label where the file gives one, its yearly figures, its audit row — on a connection
 * that checks foreign keys, as every connection of the app does.
 */
function rawInserts(dbPath: string, rows: SourceRow[]): void {
  const db = new Sqlite(dbPath)
  db.pragma('foreign_keys = ON')
  const now = new Date().toISOString()
  const batch = db
    .prepare(`insert into import_batches (at, user, files_json, counts_json) values (?, 'bench', '[]', '{}')`)
    .run(now).lastInsertRowid
  const entity = db.prepare(
    `insert into entities (kind, reg_no, name, name_key, search_key, address, commune, commune_code, representative, phone, registration_date, charter_capital, sector, notes, created_at, updated_at, import_batch_id)
     values ('htx', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const status = db.prepare(
    `insert into status_events (entity_id, status, effective_date, created_at, import_batch_id) values (?, ?, null, ?, ?)`
  )
  const label = db.prepare(
    `insert into entity_labels (entity_id, label, effective_date, note, created_at) values (?, ?, null, 'Từ tệp nhập', ?)`
  )
  const figures = db.prepare(
    `insert into yearly_figures (entity_id, year, members, workers, managers, managers_elementary, managers_college, import_batch_id) values (?, 2024, ?, ?, ?, ?, ?, ?)`
  )
  const audit = db.prepare(
    `insert into audit_log (at, user, action, table_name, row_id, before_json, after_json) values (?, 'bench', 'create', 'entities', ?, null, ?)`
  )
  db.transaction(() => {
    for (const r of rows.slice(1)) {
      const [
        ,
        name,
        regNo,
        address,
        commune,
        representative,
        phone,
        date,
        capital,
        sector,
        members,
        workers,
        managers,
        elementary,
        college,
        statusText,
        notes
      ] = r as string[]
      const [d, m, y] = String(date).split('/')
      const cap = typeof capital === 'number' ? capital * 1_000_000 : Number(String(capital).replace('.', '')) * 1_000_000
      const values = [
        regNo,
        name,
        fold(name),
        searchKey(name, regNo, representative, address, commune),
        address,
        commune,
        COMMUNE_CODES.get(commune) ?? null,
        representative,
        phone,
        `${y}-${m}-${d}`,
        cap,
        SECTOR_CODES[sector] ?? null,
        notes || null
      ] as const
      const id = entity.run(...values, now, now, batch).lastInsertRowid
      status.run(id, STATUS_CODES[statusText] ?? 'active', now, batch)
      const labelled = STATUS_LABELS[statusText]
      if (labelled) label.run(id, labelled, now)
      figures.run(id, members, workers, managers, elementary, college, batch)
      audit.run(
        now,
        id,
        JSON.stringify({
          kind: 'htx',
          values,
          status: [STATUS_CODES[statusText]],
          label: labelled,
          figures: { year: 2024, members, workers, managers, elementary, college }
        })
      )
    }
  })()
  db.close()
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** One import at one size into a fresh register; SheetJS reading the same bytes alone; the machine's floor. */
async function measureImport(dir: string, size: number, tag: string) {
  const file = join(dir, `register-${tag}.xlsx`)
  writeFileSync(file, workbook(sourceRows(size)))
  // The import first, before SheetJS's workbook and the floor's rows add to the process's memory,
  // and after the garbage of writing the workbook is gone: the import is not charged for the bench's own heap.
  collectGarbage()
  const core = await createCore({ dbPath: join(dir, `bench-${tag}.db`), user: 'bench' })
  await core.call('office.setup', { unitCode: '178' })
  // The import worker is started once by the first import (a moment with the built bundle; seconds under tsx,
  // which compiles the sources): started here beforehand so the figures measure the import itself.
  await core.call('exchange.previewImport', {
    files: [{ name: 'khoi-dong.csv', base64: Buffer.from('Tên HTX,Mã số\nHTX Khởi động,1\n').toString('base64') }]
  })
  const rssBeforeMiB = process.memoryUsage.rss() / 2 ** 20
  // What a user waits for on the screen: the preview, then the commit (which compares the tables that
  // preview read instead of parsing the workbook again, then writes). Peak memory over both.
  const both = await peakRss(async () => {
    const preview = await time(() => core.call('exchange.previewImport', { files: [{ path: file }] }))
    const commit = await time(() => core.call('exchange.commitImport', { files: [{ path: file }], figuresYear: 2024 }))
    return { preview, commit }
  })
  const { preview, commit } = both.result
  const whole = { peakMiB: both.peakMiB, rssBeforeMiB, result: { ms: preview.ms + commit.ms, result: commit.result } }
  const created = whole.result.result.totals.created
  await core.close()
  const bytes = readFileSync(file)
  const source = sourceRows(size)
  collectGarbage()
  // The floor at its best of two (the machine is shared: a floor slowed by a neighbour would flatter the import).
  let scanMs = Infinity
  let insertMs = Infinity
  for (let k = 0; k < 2; k++) {
    const scan = await time(() => rawScan(bytes))
    if (scan.result.cells < size * 10) throw new Error(`raw scan saw ${scan.result.cells} cells`)
    const floorDb = join(dir, `floor-${tag}-${k}.db`)
    await (await createCore({ dbPath: floorDb, user: 'bench' })).close()
    const inserts = await time(() => rawInserts(floorDb, source))
    scanMs = Math.min(scanMs, scan.ms)
    insertMs = Math.min(insertMs, inserts.ms)
  }
  const floor = { ms: scanMs + insertMs, scanMs, insertMs }
  const parse = await time(() => {
    const wb = XLSX.read(bytes, { type: 'buffer', dense: true })
    return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null }).length
  })
  // Which reader the import's worker used for this file (read again here, outside the timings).
  const reader = openWorkbook({ path: file }).reader
  return { file, parse, preview, commit, whole, created, floor, reader }
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const size = options.size ?? 100_000
  const dir = mkdtempSync(join(tmpdir(), 'so-htx-bench-import-'))
  try {
    const { file, parse, preview, commit, whole, created, floor, reader } = await measureImport(dir, size, 'full')
    const path = reader === 'stream' ? 'đọc .xlsx thẳng từ zip (xlsx-stream)' : 'đọc bằng SheetJS'
    const figures: BenchFigure[] = [
      {
        name: `Nhập hẳn ${size.toLocaleString('vi-VN')} dòng / sàn của máy`,
        value: whole.result.ms,
        floor: floor.ms,
        goal: 1.5,
        unit: 'ms',
        note: `${path}; sàn = giải nén + quét XML một lượt (${Math.round(floor.scanMs).toLocaleString('vi-VN')} ms) + ghi thẳng cùng các dòng bằng câu lệnh chuẩn bị sẵn (${Math.round(floor.insertMs).toLocaleString('vi-VN')} ms)`
      },
      {
        name: `Xem trước ${size.toLocaleString('vi-VN')} dòng × 17 cột / SheetJS đọc riêng`,
        value: preview.ms,
        floor: parse.ms,
        goal: 1.3,
        unit: 'ms'
      },
      {
        name: `Nhập hẳn (xem trước + ghi một giao dịch) / SheetJS đọc riêng`,
        value: whole.result.ms,
        floor: parse.ms,
        goal: 1.3,
        unit: 'ms',
        note: `${created.toLocaleString('vi-VN')} HTX mới; phần ghi ${Math.round(commit.ms).toLocaleString('vi-VN')} ms`
      },
      {
        name: 'Bộ nhớ đỉnh (RSS) khi nhập (xem trước + ghi)',
        value: whole.peakMiB,
        floor: null,
        goal: null,
        unit: 'MiB',
        note: `trước khi nhập: ${Math.round(whole.rssBeforeMiB)} MiB`
      }
    ]
    // Size sweep: the whole import at smaller sizes, each against the machine's floor at that size.
    const sweep: SweepPoint[] = [{ size, ms: whole.result.ms, floorMs: floor.ms }]
    for (const n of sweepSizes(options, size)) {
      const m = await measureImport(dir, n, String(n))
      sweep.push({ size: n, ms: m.whole.result.ms, floorMs: m.floor.ms })
    }
    if (sweep.length > 1) figures.push(...sweepFigures('nhập hẳn / sàn của máy', sweep))
    if (hasSoffice()) {
      const lo = await time(() =>
        execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore' })
      )
      figures.push({ name: 'Nhập hẳn / soffice --convert-to csv', value: whole.result.ms, floor: lo.ms, goal: 1.0, unit: 'ms' })
    } else {
      console.log('  (không có LibreOffice `soffice` trên máy này: bỏ qua phép so với soffice --convert-to csv)')
    }
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Import of a generated 100,000-row, 17-column .xlsx: the whole import (read,
 * decode, map, compare, one transaction into a fresh register) against SheetJS
 * parsing the same bytes alone (goal ≤ 1.3), and peak memory. Where LibreOffice
 * is installed, also against `soffice --headless --convert-to csv` (goal < 1.0).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XLSX } from '../src/main/core/sheetjs'
import { createCore } from '../src/main/core/api'
import { peakRss, sweepFigures, sweepSizes, time, type BenchFigure, type BenchOptions, type SweepPoint } from './lib'

const HEADER = [
  'STT', 'Tên HTX', 'Mã số HTX', 'Địa chỉ trụ sở', 'Xã, phường, thị trấn', 'Người đại diện theo pháp luật', 'Điện thoại',
  'Ngày đăng ký lần đầu', 'Vốn điều lệ (triệu đồng)', 'Lĩnh vực', 'Số thành viên', 'Số lao động thường xuyên',
  'Số cán bộ quản lý', 'Sơ cấp, trung cấp', 'Cao đẳng, đại học trở lên', 'Tình trạng hoạt động', 'Ghi chú'
]
const SECTORS = ['Nông nghiệp', 'CN-TTCN', 'TM-DV', 'Vận tải', 'Xây dựng', 'Môi trường']
const STATUSES = ['Đang hoạt động', 'Tạm ngừng', 'Ngừng HĐ', 'Chờ giải thể']

function workbook(size: number): Buffer {
  const rows: Array<Array<string | number>> = [HEADER]
  for (let i = 1; i <= size; i++) {
    rows.push([
      i, `HTX dịch vụ nông nghiệp số ${i}`, String(2_700_000_000 + i), `Thôn ${i % 97}, xã Yên ${i % 31}`, `Xã Yên ${i % 31}`,
      `Nguyễn Văn ${i}`, `0229 ${String(i).padStart(6, '0')}`, `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${2000 + (i % 24)}`,
      i % 3 === 0 ? '1.370' : 500 + (i % 5000), SECTORS[i % SECTORS.length], 7 + (i % 50), 5 + (i % 40), 3, 2, 1, STATUSES[i % STATUSES.length], i % 10 === 0 ? 'Ghi chú' : ''
    ])
  }
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'HTX')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** One import at one size into a fresh register, and SheetJS reading the same bytes alone. */
async function measureImport(dir: string, size: number, tag: string) {
  const file = join(dir, `register-${tag}.xlsx`)
  writeFileSync(file, workbook(size))
  const bytes = readFileSync(file)
  const parse = await time(() => {
    const wb = XLSX.read(bytes, { type: 'buffer', dense: true })
    return XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null }).length
  })
  const core = await createCore({ dbPath: join(dir, `bench-${tag}.db`), user: 'bench' })
  await core.call('office.setup', { unitCode: '178' })
  // The import worker is started once by the first import (a moment with the built bundle; seconds under tsx,
  // which compiles the sources): started here beforehand so the figures measure the import itself.
  await core.call('exchange.previewImport', { files: [{ name: 'khoi-dong.csv', base64: Buffer.from('Tên HTX,Mã số\nHTX Khởi động,1\n').toString('base64') }] })
  const preview = await time(() => core.call('exchange.previewImport', { files: [{ path: file }] }))
  const commit = await peakRss(() => time(() => core.call('exchange.commitImport', { files: [{ path: file }], figuresYear: 2024 })))
  // What a user waits for on the screen: the preview, then the commit (which compares the tables that
  // preview read instead of parsing the workbook again, then writes).
  const whole = { peakMiB: commit.peakMiB, result: { ms: preview.ms + commit.result.ms, result: commit.result.result } }
  const created = whole.result.result.totals.created
  await core.close()
  return { file, parse, preview, commit, whole, created }
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const size = options.size ?? 100_000
  const dir = mkdtempSync(join(tmpdir(), 'so-htx-bench-import-'))
  try {
    const { file, parse, preview, commit, whole, created } = await measureImport(dir, size, 'full')
    const figures: BenchFigure[] = [
      { name: `Xem trước ${size.toLocaleString('vi-VN')} dòng × 17 cột / SheetJS đọc riêng`, value: preview.ms, floor: parse.ms, goal: 1.3, unit: 'ms' },
      { name: `Nhập hẳn (xem trước + ghi một giao dịch) / SheetJS đọc riêng`, value: whole.result.ms, floor: parse.ms, goal: 1.3, unit: 'ms', note: `${created.toLocaleString('vi-VN')} HTX mới; phần ghi ${Math.round(commit.result.ms).toLocaleString('vi-VN')} ms` },
      { name: 'Bộ nhớ đỉnh (RSS) khi nhập', value: whole.peakMiB, floor: null, goal: null, unit: 'MiB' }
    ]
    // Size sweep: the whole import at smaller sizes, each against SheetJS alone at that size.
    const sweep: SweepPoint[] = [{ size, ms: whole.result.ms, floorMs: parse.ms }]
    for (const n of sweepSizes(options, size)) {
      const m = await measureImport(dir, n, String(n))
      sweep.push({ size: n, ms: m.whole.result.ms, floorMs: m.parse.ms })
    }
    if (sweep.length > 1) figures.push(...sweepFigures('nhập hẳn / SheetJS đọc riêng', sweep))
    if (hasSoffice()) {
      const lo = await time(() => execFileSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore' }))
      figures.push({ name: 'Nhập hẳn / soffice --convert-to csv', value: whole.result.ms, floor: lo.ms, goal: 1.0, unit: 'ms' })
    } else {
      console.log('  (không có LibreOffice `soffice` trên máy này: bỏ qua phép so với soffice --convert-to csv)')
    }
    return figures
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

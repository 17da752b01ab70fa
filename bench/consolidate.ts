/**
 * Province consolidation: 100 district packages × 1,000 entities each (11
 * districts, so most packages replace an earlier snapshot of their district),
 * consolidated in one call, against importing the same rows from plain
 * spreadsheets (one .xlsx per package, the import's usual 17 columns) into a
 * fresh register with exchange.commitImport (goal ≤ 2). Also against SheetJS
 * reading the packages alone.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XLSX } from '../src/main/core/sheetjs'
import { createCore } from '../src/main/core/api'
import { MACHINE_TABLES } from '../src/main/core/handoff/format'
import { keyFileFor } from '../src/main/core/handoff/keys'
import { peakRss, time, type BenchFigure, type BenchOptions } from './lib'

const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189']
const SECTORS = ['agri', 'industry', 'trade_service', 'transport', 'construction'] as const
const SECTOR_WORDS = ['Nông nghiệp', 'CN-TTCN', 'TM-DV', 'Vận tải', 'Xây dựng']

interface Row {
  name: string
  regNo: string
  address: string
  commune: string
  representative: string
  phone: string
  registrationDate: string
  charterCapital: number
  sector: (typeof SECTORS)[number]
}

function rowsOf(pkg: number, size: number): Row[] {
  return Array.from({ length: size }, (_, i) => {
    const n = pkg * size + i
    return {
      name: `HTX dịch vụ nông nghiệp số ${n}`,
      regNo: String(4_900_000_000 + n),
      address: `Thôn ${i % 97}, xã Yên ${i % 31}`,
      commune: `Xã Yên ${i % 31}`,
      representative: `Nguyễn Văn ${n}`,
      phone: `0205 ${String(n).padStart(6, '0')}`,
      registrationDate: `${2000 + (i % 24)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      charterCapital: 500_000_000 + (i % 5000) * 1000,
      sector: SECTORS[i % SECTORS.length]
    }
  })
}

/** The same rows as an office's plain register sheet. */
function plainSheet(rows: Row[]): Buffer {
  const aoa: Array<Array<string | number>> = [
    [
      'STT',
      'Tên HTX',
      'Mã số HTX',
      'Địa chỉ trụ sở',
      'Xã, phường, thị trấn',
      'Người đại diện theo pháp luật',
      'Điện thoại',
      'Ngày đăng ký lần đầu',
      'Vốn điều lệ (đồng)',
      'Lĩnh vực',
      'Số thành viên',
      'Số lao động thường xuyên',
      'Số cán bộ quản lý',
      'Sơ cấp, trung cấp',
      'Cao đẳng, đại học trở lên',
      'Tình trạng hoạt động',
      'Ghi chú'
    ]
  ]
  rows.forEach((r, i) => {
    const [y, m, d] = r.registrationDate.split('-')
    aoa.push([
      i + 1,
      r.name,
      r.regNo,
      r.address,
      r.commune,
      r.representative,
      r.phone,
      `${d}/${m}/${y}`,
      r.charterCapital,
      SECTOR_WORDS[SECTORS.indexOf(r.sector)],
      9,
      7,
      3,
      2,
      1,
      'Đang hoạt động',
      ''
    ])
  })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'HTX')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const size = options.size ?? 1000
  const packages = 100
  const dir = mkdtempSync(join(tmpdir(), 'so-htx-bench-consolidate-'))
  try {
    // Each package from its own district file; files of the same district share its key, as one office would.
    const pkgFiles: string[] = []
    const plainFiles: string[] = []
    for (let p = 0; p < packages; p++) {
      const unit = DISTRICTS[p % DISTRICTS.length]
      const dbPath = join(dir, `d${p}.db`)
      const firstOfUnit = join(dir, `d${p % DISTRICTS.length}.db`)
      if (p >= DISTRICTS.length && existsSync(keyFileFor(firstOfUnit))) copyFileSync(keyFileFor(firstOfUnit), keyFileFor(dbPath))
      const core = await createCore({ dbPath, user: 'bench' })
      await core.call('office.setup', { unitCode: unit })
      const rows = rowsOf(p, size)
      await core.call('entity.bulkCreate', { rows: rows.map((r) => ({ kind: 'htx' as const, ...r })) })
      const out = await core.call('handoff.export', { asOf: '2024-06-30' })
      await core.close()
      pkgFiles.push(join(dir, `p${p}.xlsx`))
      writeFileSync(pkgFiles[p], Buffer.from(out.base64, 'base64'))
      plainFiles.push(join(dir, `plain${p}.xlsx`))
      writeFileSync(plainFiles[p], plainSheet(rows))
      rmSync(dbPath)
    }

    const province = await createCore({ dbPath: join(dir, 'tinh.db'), user: 'bench' })
    await province.call('office.setup', { unitCode: '20' })
    // Reading packages is bounded: the peak memory of the call beside what the process held before it.
    const rssBefore = process.memoryUsage.rss() / 2 ** 20
    const reading = await peakRss(() =>
      time(() => province.call('handoff.consolidate', { files: pkgFiles.map((path) => ({ path })), trustNewKeys: true }))
    )
    const consolidated = reading.result
    const r = consolidated.result
    if (r.accepted.length !== packages)
      throw new Error(`consolidate accepted ${r.accepted.length}/${packages}: ${JSON.stringify(r.rejected.slice(0, 2))}`)
    await province.close()

    const register = await createCore({ dbPath: join(dir, 'huyen.db'), user: 'bench' })
    await register.call('office.setup', { unitCode: '178' })
    const imported = await time(async () => {
      let created = 0
      for (let i = 0; i < plainFiles.length; i += 50) {
        const res = await register.call('exchange.commitImport', {
          files: plainFiles.slice(i, i + 50).map((path) => ({ path })),
          figuresYear: 2024
        })
        created += res.totals.created
      }
      return created
    })
    await register.close()

    const parsed = await time(() => {
      // The sheets consolidation reads: the manifest and the machine sheets.
      const sheets = ['manifest', ...MACHINE_TABLES.map((s) => s.sheet)]
      for (const f of pkgFiles) XLSX.read(readFileSync(f), { type: 'buffer', dense: true, sheets })
    })
    return [
      {
        name: `Tổng hợp ${packages} gói × ${size.toLocaleString('vi-VN')} HTX / nhập cùng số dòng từ bảng tính thường`,
        value: consolidated.ms,
        floor: imported.ms,
        goal: 2,
        unit: 'ms',
        note: `${imported.result.toLocaleString('vi-VN')} dòng nhập mới`
      },
      { name: 'Tổng hợp / SheetJS chỉ đọc các trang máy và kê khai', value: consolidated.ms, floor: parsed.ms, goal: null, unit: 'ms' },
      {
        name: `Bộ nhớ đỉnh (RSS) khi đọc và tổng hợp ${packages} gói`,
        value: reading.peakMiB,
        floor: rssBefore,
        goal: null,
        unit: 'MiB',
        note: `sàn: tiến trình ngay trước khi đọc; gói lớn nhất ${Math.round(Math.max(...pkgFiles.map((f) => readFileSync(f).length)) / 1024).toLocaleString('vi-VN')} KiB`
      }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

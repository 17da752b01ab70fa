/**
 * Registry bench: a 100,000-entity register with 300,000 status events and
 * 100,000 yearly rows (or `size` entities, same proportions). Prints
 * (a) bulk insert through the app (validation, stored form, keys, status, audit)
 *     vs raw better-sqlite3 prepared statements on the same rows,
 * (b) status as of a date over all entities vs one full scan of status_events,
 * (d) resident memory of a fresh process that opens the register and serves the window
 *     the whole grid (entity.grid, as JSON), against the same process on an empty register.
 */
import Sqlite from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCore } from '../src/main/core/api'
import { searchKey, fold } from '../src/shared/text'
import { tempDir } from '../test/helpers/temp'
import { sweepFigures, sweepSizes, time, type BenchFigure, type BenchOptions, type SweepPoint } from './lib'

const COMMUNES = ['Xã Hoàng Đồng', 'Xã Hợp Thành', 'Phường Đông Kinh', 'Xã Gia Cát', 'Xã Tân Liên', 'Xã Yên Trạch']
const STATUSES = ['suspended', 'suspended', 'active', 'dissolving'] as const

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'htx' as const,
    regNo: String(4_900_000_000 + i),
    name: `Hợp tác xã Nông nghiệp Dịch vụ số ${i + 1}`,
    address: `Thôn ${(i % 40) + 1}`,
    commune: COMMUNES[i % COMMUNES.length]!,
    representative: `Nguyễn Văn ${i % 997}`,
    phone: `0912 ${String(i).padStart(6, '0')}`,
    registrationDate: `20${String(10 + (i % 14)).padStart(2, '0')}-0${(i % 9) + 1}-15`,
    charterCapital: 100_000_000 + (i % 1000) * 1_000_000,
    notes: null
  }))
}

const ROOT = resolve(__dirname, '..')

/**
 * (d) in a process of its own, so the bench's own rows and garbage are not counted: opens the
 * register, answers entity.grid for every record and turns it into the JSON the bridge sends,
 * then says its peak resident memory and what it holds after a collection.
 */
function residentMiB(dir: string, dbPath: string): { peak: number; held: number; rows: number } {
  const script = join(dir, 'resident.ts')
  writeFileSync(
    script,
    `import { createCore } from ${JSON.stringify(join(ROOT, 'src/main/core/api'))}
const mib = (bytes: number) => bytes / 2 ** 20
async function main() {
  const core = await createCore({ dbPath: ${JSON.stringify(dbPath)}, user: 'Bench' })
  const grid = await core.call('entity.grid', {})
  const sent = JSON.stringify({ ok: true, value: grid }).length
  ;(globalThis as unknown as { gc(): void }).gc()
  const held = mib(process.memoryUsage.rss())
  console.log(JSON.stringify({ peak: mib(process.resourceUsage().maxRSS * 1024), held, rows: grid.rows.length, sent }))
  await core.close()
}
void main()
`
  )
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!) as { peak: number; held: number; rows: number }
}

async function core(dir: string, name: string) {
  const c = await createCore({ dbPath: join(dir, name), user: 'Bench' })
  await c.call('office.setup', { unitCode: '178' })
  return c
}

/**
 * (a) at one size, in fresh files named by `tag`: the app's bulk write and its raw
 * floor. The app's file is left open for the caller.
 */
async function measureInsert(dir: string, data: ReturnType<typeof rows>, tag: string) {
  // Raw floor: the same rows, stored form and keys prepared by hand, prepared statements in one transaction.
  const rawCore = await core(dir, `raw-${tag}.db`)
  await rawCore.close()
  const raw = new Sqlite(join(dir, `raw-${tag}.db`))
  const now = new Date().toISOString()
  const rawMs = (
    await time(() => {
      const ins = raw.prepare(
        `insert into entities (kind, reg_no, name, name_key, search_key, address, commune, representative, phone, registration_date, charter_capital, notes, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      const st = raw.prepare(
        'insert into status_events (entity_id, status, effective_date, decision_no, note, created_at) values (?, ?, null, null, null, ?)'
      )
      raw.transaction(() => {
        for (const r of data) {
          const id = ins.run(
            r.kind,
            r.regNo,
            r.name,
            fold(r.name),
            searchKey(r.name, r.regNo, r.representative, r.address, r.commune),
            r.address,
            r.commune,
            r.representative,
            r.phone,
            r.registrationDate,
            r.charterCapital,
            r.notes,
            now,
            now
          ).lastInsertRowid
          st.run(id, 'active', now)
        }
      })()
    })
  ).ms
  raw.close()

  const app = await core(dir, `app-${tag}.db`)
  const appMs = (await time(() => app.call('entity.bulkCreate', { rows: data }))).ms
  return { app, appMs, rawMs }
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const n = options.size ?? 100_000
  const data = rows(n)
  const { dir, cleanup } = tempDir('so-htx-bench-')
  try {
    const { app, appMs, rawMs } = await measureInsert(dir, data, 'full')
    const now = new Date().toISOString()

    // Fill to 3 status events and 1 yearly row per entity.
    const sqlite = new Sqlite(join(dir, 'app-full.db'))
    const ev = sqlite.prepare(
      'insert into status_events (entity_id, status, effective_date, decision_no, note, created_at) values (?, ?, ?, ?, null, ?)'
    )
    const yr = sqlite.prepare(
      'insert into yearly_figures (entity_id, year, members, workers, managers, managers_elementary, managers_college, revenue, profit, avg_income, classification, new_members, taxes_paid) values (?, 2024, ?, ?, 3, 1, 1, ?, ?, ?, ?, ?, ?)'
    )
    const ids = sqlite.prepare('select id from entities order by id').pluck().all() as number[]
    sqlite.transaction(() => {
      for (const [i, id] of ids.entries()) {
        ev.run(id, STATUSES[i % 4], `2019-0${(i % 9) + 1}-01`, `${i}/QĐ-UBND`, now)
        ev.run(id, STATUSES[(i + 1) % 4], `2022-0${(i % 9) + 1}-10`, null, now)
        yr.run(
          id,
          20 + (i % 50),
          10 + (i % 30),
          1_000_000_000 + i,
          50_000_000,
          6_000_000,
          ['good', 'fair', 'average', 'weak'][i % 4],
          i % 5,
          12_000_000
        )
      }
    })()
    const events = sqlite.prepare('select count(*) from status_events').pluck().get() as number

    const scan = sqlite.prepare('select entity_id, status, effective_date from status_events')
    const scanTimes: number[] = []
    for (let k = 0; k < 3; k++) scanTimes.push((await time(() => scan.all())).ms)
    const scanMs = Math.min(...scanTimes)
    let asOfRows = 0
    const asOfTimes: number[] = []
    for (let k = 0; k < 3; k++) {
      const t = await time(() => app.call('status.asOf', { date: '2021-01-01' }))
      asOfRows = t.result.length
      asOfTimes.push(t.ms)
    }
    sqlite.close()
    await app.close()
    const empty = await core(dir, 'empty.db')
    await empty.close()
    const floorMem = residentMiB(dir, join(dir, 'empty.db'))
    const mem = residentMiB(dir, join(dir, 'app-full.db'))
    // Size sweep: the same insert at smaller sizes, each against its own floor.
    const sweep: SweepPoint[] = [{ size: n, ms: appMs, floorMs: rawMs }]
    for (const size of sweepSizes(options, n)) {
      const m = await measureInsert(dir, rows(size), String(size))
      await m.app.close()
      sweep.push({ size, ms: m.appMs, floorMs: m.rawMs })
    }
    return [
      {
        name: `(a) thêm ${n.toLocaleString('vi-VN')} HTX qua đường ghi của ứng dụng`,
        value: appMs,
        floor: rawMs,
        goal: 1.2,
        unit: 'ms',
        note: 'sàn: câu lệnh chuẩn bị sẵn của better-sqlite3, cùng dữ liệu'
      },
      {
        name: `(b) tình trạng tại ngày cho ${asOfRows.toLocaleString('vi-VN')} HTX`,
        value: Math.min(...asOfTimes),
        floor: scanMs,
        goal: 3,
        unit: 'ms',
        note: `sàn: đọc hết ${events.toLocaleString('vi-VN')} sự kiện một lượt`
      },
      {
        name: `(d) bộ nhớ thường trú khi mở sổ ${mem.rows.toLocaleString('vi-VN')} bản ghi và gửi cả lưới`,
        value: mem.peak,
        floor: floorMem.peak,
        goal: null,
        unit: 'MiB',
        note: `sàn: cùng tiến trình trên sổ trống; mục tiêu tuyệt đối ≤ 400 MiB; còn giữ sau khi dọn rác ${Math.round(mem.held)} MiB`
      },
      ...(sweep.length > 1 ? sweepFigures('thêm HTX qua đường ghi của ứng dụng', sweep) : [])
    ]
  } finally {
    cleanup()
  }
}

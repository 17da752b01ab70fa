/**
 * Data checks as data (resources/checks/rules.json): each rule on a real file, the
 * findings a write answers with, «đã kiểm tra» that stays quiet until the data changes,
 * the import preview, and the findings a province package carries to the province.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createPrivateKey, sign } from 'node:crypto'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/shared/api'
import { signedText } from '../../src/main/core/handoff/format'
import { keyFileFor } from '../../src/main/core/handoff/keys'
import { readPackage } from '../../src/main/core/handoff/read'
import { officeCore, testClock } from '../helpers/temp'
import { exportTo } from './package-fixture'

type TestCore = Awaited<ReturnType<typeof officeCore>>
const cores: TestCore[] = []
afterEach(async () => {
  while (cores.length) await cores.pop()!.dispose()
})
async function office(unit: string | null = '178', clock = testClock('2025-03-01T03:00:00.000Z')): Promise<TestCore> {
  const c = await officeCore(unit, 'Nguyễn Thị Lan', { now: clock.now })
  cores.push(c)
  return c
}

let seq = 0
async function htx(core: TestCore, extra: Record<string, unknown> = {}) {
  seq++
  return core.call('entity.create', {
    kind: 'htx',
    name: `HTX Kiểm tra số ${seq}`,
    regNo: `49${String(9000000 + seq).padStart(8, '0')}`.slice(0, 10),
    registrationDate: '2015-01-01',
    charterCapital: 500_000_000,
    sector: 'agri',
    ...extra
  } as never)
}
const full = {
  members: 20,
  workers: 10,
  managers: 3,
  managersElementary: 1,
  managersCollege: 1,
  revenue: 900_000_000,
  profit: 50_000_000,
  avgIncome: 4_000_000,
  newMembers: 2,
  taxesPaid: 12_000_000,
  memberRevenue: 300_000_000
}
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule)
const run = async (core: TestCore, entityId?: number) =>
  (await core.call('checks.run', { asOf: '2025-03-01', ...(entityId ? { entityId } : {}) })).findings

describe('each rule', () => {
  it('an HTX below 5 members (Luật HTX 2023, Điều 4 khoản 7), at entry and on demand', async () => {
    const core = await office()
    const e = await htx(core)
    const saved = await core.call('figures.set', { entityId: e.id, year: 2024, figures: { ...full, members: 4 } })
    const f = ofRule(saved.findings ?? [], 'htx.min_members')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ severity: 'warning', entityId: e.id, fields: ['members'], fieldLabels: ['Số thành viên'], year: 2024 })
    expect(f[0]!.message).toBe(
      `HTX «${e.name}» (mã số ${e.regNo}) có 4 thành viên (số liệu năm 2024), ít hơn mức tối thiểu 5 thành viên chính thức của một hợp tác xã.`
    )
    expect(f[0]!.source).toContain('Điều 4 khoản 7')
    expect(f[0]!.source).toContain('chưa đối chiếu văn bản')
    expect(ofRule(await run(core), 'htx.min_members')).toHaveLength(1)
    const fixed = await core.call('figures.set', { entityId: e.id, year: 2024, figures: { members: 5 } })
    expect(ofRule(fixed.findings ?? [], 'htx.min_members')).toEqual([])
  })

  it('an LHHTX with fewer than 3 member cooperatives (Điều 4 khoản 8), read from its list of members', async () => {
    const core = await office()
    const u = await core.call('entity.create', {
      kind: 'lhhtx',
      name: 'Liên hiệp HTX Chè Lạng Sơn',
      memberCoops: ['HTX A', 'HTX B']
    } as never)
    const f = ofRule(u.findings ?? [], 'lhhtx.min_member_coops')
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('có 2 HTX thành viên (theo danh sách HTX thành viên), ít hơn mức tối thiểu 3')
    const more = await core.call('entity.update', {
      id: u.id,
      rowVersion: u.rowVersion,
      changes: { memberCoops: ['HTX A', 'HTX B', 'HTX C'] }
    })
    expect(ofRule(more.findings ?? [], 'lhhtx.min_member_coops')).toEqual([])
  })

  it('active after a dissolution date, on the status categories the reports use', async () => {
    const core = await office()
    const e = await htx(core)
    await core.call('status.add', { entityId: e.id, status: 'dissolved', effectiveDate: '2023-05-10' })
    const back = await core.call('status.add', { entityId: e.id, status: 'active', effectiveDate: '2024-01-02' })
    const f = ofRule(back.findings ?? [], 'status.active_with_dissolution')
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ severity: 'error', fields: ['status', 'dissolutionDate'] })
    expect(f[0]!.message).toContain('đang ở tình trạng «Đang hoạt động» nhưng đã có ngày giải thể 10/05/2023')
    // Suspended (a stopped category) is not "active": the rule stays quiet.
    await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-02-01' })
    expect(ofRule(await run(core, e.id), 'status.active_with_dissolution')).toEqual([])
  })

  it('figures of a year after the dissolution', async () => {
    const core = await office()
    const e = await htx(core)
    await core.call('figures.set', { entityId: e.id, year: 2023, figures: full })
    await core.call('status.add', { entityId: e.id, status: 'dissolved', effectiveDate: '2023-09-30' })
    expect(ofRule(await run(core, e.id), 'figures.after_dissolution')).toEqual([])
    const late = await core.call('figures.set', { entityId: e.id, year: 2024, figures: full })
    const f = ofRule(late.findings ?? [], 'figures.after_dissolution')
    expect(f.map((x) => x.year)).toEqual([2024])
    expect(f[0]!.message).toContain('đã giải thể ngày 30/09/2023 nhưng có số liệu năm 2024')
  })

  it('more trained managers than managers', async () => {
    const core = await office()
    const e = await htx(core)
    const s = await core.call('figures.set', {
      entityId: e.id,
      year: 2024,
      figures: { ...full, managers: 3, managersElementary: 2, managersCollege: 2 }
    })
    const f = ofRule(s.findings ?? [], 'figures.trained_managers')
    expect(f).toHaveLength(1)
    expect(f[0]!.fields).toEqual(['managersElementary', 'managersCollege', 'managers'])
    expect(f[0]!.message).toContain(
      'tổng «Cán bộ quản lý trình độ sơ cấp, trung cấp» và «Cán bộ quản lý trình độ cao đẳng trở lên» là 4 người, nhiều hơn «Cán bộ quản lý» (3 người)'
    )
  })

  it('profit above revenue', async () => {
    const core = await office()
    const e = await htx(core)
    const s = await core.call('figures.set', {
      entityId: e.id,
      year: 2024,
      figures: { ...full, revenue: 100_000_000, profit: 150_000_000 }
    })
    const f = ofRule(s.findings ?? [], 'figures.profit_above_revenue')
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('«Lợi nhuận (đồng)» (150.000.000 đồng) lớn hơn «Doanh thu (đồng)» (100.000.000 đồng)')
    // A loss is never above revenue.
    const loss = await core.call('figures.set', { entityId: e.id, year: 2024, figures: { profit: -20_000_000 } })
    expect(ofRule(loss.findings ?? [], 'figures.profit_above_revenue')).toEqual([])
  })

  it('a jump beyond the factor year on year (5×, from the data), up or down', async () => {
    const core = await office()
    const e = await htx(core)
    await core.call('figures.set', { entityId: e.id, year: 2023, figures: full })
    const s = await core.call('figures.set', {
      entityId: e.id,
      year: 2024,
      figures: { ...full, members: 100, revenue: 3_600_000_000, workers: 2 }
    })
    const f = ofRule(s.findings ?? [], 'figures.jump')
    expect(f.map((x) => x.fields[0]).sort()).toEqual(['members', 'workers'])
    expect(f.find((x) => x.fields[0] === 'members')!.message).toContain('«Số thành viên» năm 2024 là 100, bằng 5,0 lần năm 2023 (20)')
    expect(f.find((x) => x.fields[0] === 'workers')!.message).toContain('bằng 0,20 lần năm 2023 (10)')
  })

  it('fields the report’s indicators need (Phụ lục 1 from resources/reports/), missing', async () => {
    const core = await office()
    const e = await htx(core, { charterCapital: null, sector: null })
    const f = ofRule(e.findings ?? [], 'report.required_fields')
    expect(f).toHaveLength(1)
    expect(f[0]!.severity).toBe('info')
    expect(f[0]!.fields).toEqual(expect.arrayContaining(['charterCapital', 'sector', 'members', 'workers', 'revenue', 'managers']))
    expect(f[0]!.message).toContain('chưa có số liệu năm nào')
    expect(f[0]!.message).toContain('Phụ lục 1')
    const filled = await core.call('figures.set', { entityId: e.id, year: 2024, figures: full })
    const after = ofRule(filled.findings ?? [], 'report.required_fields')
    expect(after[0]!.fields.sort()).toEqual(['charterCapital', 'sector'])
    const done = await core.call('entity.update', {
      id: e.id,
      rowVersion: (await core.call('entity.get', { id: e.id })).rowVersion,
      changes: { charterCapital: 1, sector: 'agri' }
    })
    expect(ofRule(done.findings ?? [], 'report.required_fields')).toEqual([])
  })
})

describe('«đã kiểm tra»', () => {
  it('stays quiet until the data it looked at changes, audited, refused for a finding that is gone', async () => {
    const core = await office()
    const e = await htx(core)
    await core.call('figures.set', { entityId: e.id, year: 2024, figures: { ...full, members: 4 } })
    const [f] = ofRule(await run(core, e.id), 'htx.min_members')
    const acked = await core.call('checks.acknowledge', { finding: f!.id, note: 'Đã gọi điện: HTX đang kết nạp thêm thành viên' })
    expect(acked).toMatchObject({
      state: 'acknowledged',
      acknowledged: { note: 'Đã gọi điện: HTX đang kết nạp thêm thành viên', by: 'Nguyễn Thị Lan' }
    })
    expect(ofRule(await run(core, e.id), 'htx.min_members')).toEqual([])
    const all = await core.call('checks.run', { entityId: e.id, includeAcknowledged: true })
    expect(ofRule(all.findings, 'htx.min_members')[0]).toMatchObject({ state: 'acknowledged' })
    expect(all.counts.acknowledged).toBe(1)
    // A write that does not touch what the rule looked at keeps it quiet …
    const other = await core.call('figures.set', { entityId: e.id, year: 2024, figures: { workers: 11 } })
    expect(ofRule(other.findings ?? [], 'htx.min_members')).toEqual([])
    // … a change to it speaks again.
    const changed = await core.call('figures.set', { entityId: e.id, year: 2024, figures: { members: 3 } })
    expect(ofRule(changed.findings ?? [], 'htx.min_members')[0]).toMatchObject({ state: 'open', id: f!.id })
    const audit = await core.call('audit.list', { table: 'check_acks' })
    expect(audit[0]).toMatchObject({ action: 'check_acknowledge' })
    await expect(core.call('checks.acknowledge', { finding: `htx.min_members:${e.id + 99}`, note: 'không có' })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})

describe('at import', () => {
  it('the preview names each row’s findings as it would be saved', async () => {
    const core = await office()
    const ws = XLSX.utils.aoa_to_sheet([
      ['STT', 'Tên HTX', 'Mã số HTX', 'Tình trạng', 'Ngày giải thể', 'Số thành viên'],
      [1, 'HTX Nông nghiệp Đồng Tiến', '4900123467', 'Đang hoạt động', '12/03/2024', 12],
      [2, 'HTX Dịch vụ Tân Lập', '4900000018', 'Đang hoạt động', '', 3]
    ])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'DS')
    const file = join(core.dir, 'ds.xlsx')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const r = await core.call('exchange.previewImport', { files: [{ path: file }], figuresYear: 2024 })
    const rows = r.files[0]!.sheets[0]!.rows.filter((x) => x.record)
    expect(ofRule(rows[0]!.findings ?? [], 'status.active_with_dissolution')[0]!.message).toContain('cột «Ngày giải thể» của dòng')
    expect(ofRule(rows[1]!.findings ?? [], 'htx.min_members')[0]!.message).toContain('có 3 thành viên (số liệu năm 2024)')
  })
})

/** What an older version wrote: the same package without the «Kiểm tra số liệu» sheet, signed by the district. */
function packageFromBefore(file: string, dbPath: string): string {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
  wb.SheetNames = wb.SheetNames.filter((s) => s !== 'Kiểm tra số liệu')
  delete wb.Sheets['Kiểm tra số liệu']
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.manifest!, { header: 1, raw: true })
  const manifest: Record<string, string> = Object.fromEntries(rows.slice(1).map((r) => [r[0], String(r[1] ?? '')]))
  manifest.humanSheets = JSON.stringify((JSON.parse(manifest.humanSheets!) as string[][]).filter(([n]) => n !== 'Kiểm tra số liệu'))
  delete manifest.signature
  manifest.signature = sign(null, Buffer.from(signedText(manifest), 'utf8'), createPrivateKey(readFileSync(keyFileFor(dbPath)))).toString(
    'base64'
  )
  const ws = wb.Sheets.manifest!
  for (let r = 1; r < rows.length; r++) {
    const key = rows[r]![0]!
    ws[XLSX.utils.encode_cell({ r, c: 1 })] = { t: 's', v: manifest[key] }
  }
  const out = file.replace(/\.xlsx$/, '-cu.xlsx')
  writeFileSync(out, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer)
  return out
}

describe('in the province package', () => {
  it('carries the open findings (not the acknowledged), and the province sees them per district, linked to its own records', async () => {
    const clock = testClock('2025-03-01T03:00:00.000Z')
    const district = await office('178', clock)
    const a = await htx(district, { name: 'HTX Chè Bắc Sơn' })
    const b = await htx(district, { name: 'HTX Rau Mẫu Sơn' })
    await district.call('figures.set', { entityId: a.id, year: 2024, figures: { ...full, members: 4 } })
    await district.call('figures.set', { entityId: b.id, year: 2024, figures: { ...full, revenue: 10, profit: 20 } })
    const [bf] = ofRule(await run(district, b.id), 'figures.profit_above_revenue')
    await district.call('checks.acknowledge', { finding: bf!.id, note: 'Đúng số: có khoản thu khác' })
    clock.advance()
    const { file, info } = await exportTo(district, district.dir, '2025-02-28')
    expect(ofRule(info.checks!.open, 'htx.min_members')).toHaveLength(1)
    expect(ofRule(info.checks!.open, 'figures.profit_above_revenue')).toEqual([])
    expect(info.checks!.counts.acknowledged).toBe(1)
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
    expect(wb.SheetNames).toContain('Kiểm tra số liệu')
    expect(readPackage(readFileSync(file), 'x').problems).toEqual([])

    const province = await office('20', clock)
    const result = await province.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })
    expect(result.accepted).toHaveLength(1)
    const seen = await province.call('checks.run', {})
    expect(seen.source).toBe('packages')
    const mine = ofRule(seen.findings, 'htx.min_members')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ district: '178', entityName: 'HTX Chè Bắc Sơn', severity: 'warning', fields: ['members'] })
    expect(mine[0]!.districtName).toBeTruthy()
    const provinceRecord = await province.call('entity.get', { id: mine[0]!.entityId! })
    expect(provinceRecord.name).toBe('HTX Chè Bắc Sơn')
    expect((await province.call('checks.run', { entityId: mine[0]!.entityId! })).findings.map((f) => f.rule)).toContain('htx.min_members')
    expect((await province.call('checks.run', { district: '179' })).findings).toEqual([])
  })

  it('a package from before (no findings sheet) still verifies and consolidates, and clears that district’s findings', async () => {
    const clock = testClock('2025-03-01T03:00:00.000Z')
    const district = await office('178', clock)
    const a = await htx(district)
    await district.call('figures.set', { entityId: a.id, year: 2024, figures: { ...full, members: 4 } })
    const first = await exportTo(district, district.dir, '2025-02-28', 'moi.xlsx')
    clock.advance()
    await district.call('entity.update', {
      id: a.id,
      rowVersion: (await district.call('entity.get', { id: a.id })).rowVersion,
      changes: { phone: '0205 3870 123' }
    })
    const second = await exportTo(district, district.dir, '2025-02-28', 'sau.xlsx')
    const old = packageFromBefore(second.file, district.dbPath)
    const province = await office('20', clock)
    await province.call('handoff.consolidate', { files: [{ path: first.file }], trustNewKeys: true })
    expect((await province.call('checks.run', {})).findings.length).toBeGreaterThan(0)
    const report = await province.call('handoff.verify', { file: { path: old } })
    expect(report).toMatchObject({ ok: true, problems: [] })
    const result = await province.call('handoff.consolidate', { files: [{ path: old }] })
    expect(result.accepted).toHaveLength(1)
    expect((await province.call('checks.run', {})).findings).toEqual([])
  })
})

/**
 * Classification (issue 17, point 4): the rating circular's default by sector and its
 * override, the size class of Luật 17/2023/QH15 Điều 16 computed from a year's figures
 * (agriculture at each boundary, a sector without thresholds, missing figures), the
 * independent-audit list of Điều 106 khoản 1 (a) and (b), and the CLI.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import type { SizeRow } from '../../src/shared/api'
import { cli } from '../helpers/cli'
import { officeCore, tempDir } from '../helpers/temp'

type TestCore = Awaited<ReturnType<typeof officeCore>>
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function office(): Promise<TestCore> {
  const core = await officeCore('178')
  cleanups.push(() => core.dispose())
  return core
}

const TY = 1_000_000_000

describe('the rating circular of a year', () => {
  it('defaults by sector (agriculture: TT 09/2017/TT-BNNPTNT, others and no sector: TT 01/2020/TT-BKHĐT) and keeps a chosen one', async () => {
    const core = await office()
    const agri = await core.call('entity.create', { kind: 'htx', name: 'HTX Nông Nghiệp Tân Thành', sector: 'agri' })
    const trade = await core.call('entity.create', { kind: 'htx', name: 'HTX Dịch Vụ Chi Lăng', sector: 'trade_service' })
    const none = await core.call('entity.create', { kind: 'htx', name: 'HTX Chưa Ghi Lĩnh Vực' })
    const set = (entityId: number, figures: Record<string, unknown>, year = 2024) => core.call('figures.set', { entityId, year, figures })

    expect((await set(agri.id, { classification: 'good' })).classificationCircular).toBe('Thông tư 09/2017/TT-BNNPTNT')
    expect((await set(trade.id, { classification: 'fair' })).classificationCircular).toBe('Thông tư 01/2020/TT-BKHĐT')
    expect((await set(none.id, { classification: 'weak' })).classificationCircular).toBe('Thông tư 01/2020/TT-BKHĐT')

    // The officer chose the other circular for 2025; a later rating of the year keeps that choice.
    const chosen = await set(agri.id, { classification: 'fair', classificationCircular: 'Thông tư 01/2020/TT-BKHĐT' }, 2025)
    expect(chosen.classificationCircular).toBe('Thông tư 01/2020/TT-BKHĐT')
    expect((await set(agri.id, { classification: 'good' }, 2025)).classificationCircular).toBe('Thông tư 01/2020/TT-BKHĐT')

    // The sizes list says which circular a year uses, and whether it was chosen or is the default.
    await set(trade.id, { members: 10 }, 2026)
    const rows = (await core.call('classification.sizes', { year: 2025 })).rows
    const byId = new Map(rows.map((r) => [r.entityId, r]))
    expect(byId.get(agri.id)).toMatchObject({
      circular: 'Thông tư 01/2020/TT-BKHĐT',
      circularChosen: true,
      defaultCircular: 'Thông tư 09/2017/TT-BNNPTNT'
    })
    expect(byId.get(trade.id)).toMatchObject({ circular: 'Thông tư 01/2020/TT-BKHĐT', circularChosen: false })

    const rules = await core.call('classification.rules', {})
    const tt09 = rules.circulars.find((c) => c.number === 'Thông tư 09/2017/TT-BNNPTNT')!
    expect(tt09.grades.map((g) => [g.label, g.from, g.below])).toEqual([
      ['Tốt', 80, null],
      ['Khá', 65, 80],
      ['Trung bình', 50, 65],
      ['Yếu', null, 50]
    ])
    expect(rules.inForceNote).toContain('chưa xác nhận')
  })
})

async function sizeOf(
  core: TestCore,
  sector: string | null,
  figures: Record<string, number | null>,
  name = 'HTX Thử Quy Mô'
): Promise<SizeRow> {
  const e = await core.call('entity.create', {
    kind: 'htx',
    name: `${name} ${Math.random().toString(36).slice(2, 8)}`,
    ...(sector ? { sector } : {})
  })
  await core.call('figures.set', { entityId: e.id, year: 2025, figures })
  const { rows } = await core.call('classification.sizes', { year: 2025, entityId: e.id })
  expect(rows).toHaveLength(1)
  return rows[0]!
}

describe('the size class (Luật 17/2023/QH15 Điều 16)', () => {
  it('agriculture at each boundary: members and revenue or total capital', async () => {
    const core = await office()
    const size = async (members: number, revenue: number | null, totalCapital: number | null = null) =>
      (await sizeOf(core, 'agri', { members, revenue, totalCapital })).size
    expect(await size(49, 2 * TY)).toBe('micro')
    expect(await size(50, 2 * TY)).toBe('small')
    expect(await size(50, 2 * TY - 1, 0)).toBe('micro')
    expect(await size(50, 0, 1 * TY)).toBe('small')
    expect(await size(199, 10 * TY)).toBe('small')
    expect(await size(200, 10 * TY)).toBe('medium')
    expect(await size(200, 10 * TY - 1, 5 * TY)).toBe('medium')
    expect(await size(299, 50 * TY)).toBe('medium')
    expect(await size(300, 50 * TY - 1, 0)).toBe('medium')
    expect(await size(300, 50 * TY)).toBe('large')
    expect(await size(300, 0, 10 * TY)).toBe('large')
    const large = await sizeOf(core, 'agri', { members: 300, revenue: 50 * TY })
    expect(large).toMatchObject({ sizeLabel: 'Lớn', sizeReason: null, group: 'nong_nghiep', auditRequired: true })
    expect(large.auditBasis).toContain('Điều 106 khoản 1 điểm a')
  })

  it('says «chưa xác định» with the reason: no sector, a sector without thresholds, missing figures', async () => {
    const core = await office()
    const noSector = await sizeOf(core, null, { members: 400, revenue: 90 * TY })
    expect(noSector).toMatchObject({ size: null, sizeLabel: 'Chưa xác định', auditRequired: null })
    expect(noSector.sizeReason).toContain('chưa ghi lĩnh vực')

    const trade = await sizeOf(core, 'trade_service', { members: 400, revenue: 90 * TY })
    expect(trade).toMatchObject({ size: null, sizeLabel: 'Chưa xác định', auditRequired: null })
    expect(trade.sizeReason).toContain('«Thương mại, dịch vụ» chưa có ngưỡng')

    const noMembers = await sizeOf(core, 'agri', { revenue: 90 * TY })
    expect(noMembers).toMatchObject({ size: null, auditRequired: null })
    expect(noMembers.sizeReason).toBe('Thiếu số thành viên năm 2025.')

    const noMoney = await sizeOf(core, 'agri', { members: 120 })
    expect(noMoney.sizeReason).toBe('Thiếu doanh thu và tổng nguồn vốn năm 2025.')

    // Revenue short of «lớn» and no total capital: the capital could still make it «lớn».
    const mayBeLarge = await sizeOf(core, 'agri', { members: 320, revenue: 20 * TY })
    expect(mayBeLarge).toMatchObject({ size: null, auditRequired: null })
    expect(mayBeLarge.sizeReason).toContain('Thiếu tổng nguồn vốn năm 2025')
    expect(mayBeLarge.sizeReason).toContain('«Lớn»')
    // Revenue alone decides it when it reaches the class.
    expect((await sizeOf(core, 'agri', { members: 320, revenue: 60 * TY })).size).toBe('large')

    // Industry: only the «lớn» row is known — below it the class is unknown, but the audit duty is not.
    const smallIndustry = await sizeOf(core, 'industry', { members: 40, revenue: 3 * TY, totalCapital: 1 * TY })
    expect(smallIndustry).toMatchObject({ size: null, auditRequired: false })
    expect(smallIndustry.sizeReason).toContain('Không đạt mức «Lớn»')
    expect((await sizeOf(core, 'construction', { members: 100, revenue: 0, totalCapital: 20 * TY })).size).toBe('large')

    const list = await core.call('classification.sizes', { year: 2025 })
    expect(list.thresholdsVerified).toBe(false)
    expect(list.thresholdsNote).toContain('Nghị định 113/2024/NĐ-CP')
  })

  it('keeps total capital as a yearly figure (validated, audited, undone)', async () => {
    const core = await office()
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Nguồn Vốn', sector: 'agri' })
    const f = await core.call('figures.set', {
      entityId: e.id,
      year: 2025,
      figures: { members: 60, revenue: 500_000_000, totalCapital: 1_500_000_000 }
    })
    expect(f.totalCapital).toBe(1_500_000_000)
    await expect(core.call('figures.set', { entityId: e.id, year: 2025, figures: { totalCapital: -1 } })).rejects.toMatchObject({
      message: expect.stringContaining('Tổng nguồn vốn không được âm')
    })
    await core.call('figures.set', { entityId: e.id, year: 2025, figures: { totalCapital: 900_000_000 } })
    expect((await core.call('classification.sizes', { year: 2025, entityId: e.id })).rows[0]!.size).toBe('micro')
    await core.call('entity.undo', {})
    expect((await core.call('figures.list', { entityId: e.id, year: 2025 }))[0]!.totalCapital).toBe(1_500_000_000)
    expect((await core.call('classification.sizes', { year: 2025, entityId: e.id })).rows[0]!.size).toBe('small')
  })
})

/** A register with two HTX that must be audited (one «lớn», one LHHTX of 10), and others that need not or cannot be told. */
async function auditRegister(core: Pick<TestCore, 'call'>) {
  const big = await core.call('entity.create', { kind: 'htx', name: 'HTX Nông Sản Lớn', regNo: '4900000017', sector: 'agri' })
  const small = await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Nhỏ', sector: 'agri' })
  const unknown = await core.call('entity.create', { kind: 'htx', name: 'HTX Vận Tải Hữu Nghị', sector: 'transport' })
  const union10 = await core.call('entity.create', { kind: 'lhhtx', name: 'Liên hiệp HTX Mười Thành Viên' })
  const union9 = await core.call('entity.create', {
    kind: 'lhhtx',
    name: 'Liên hiệp HTX Chín Thành Viên',
    memberCoops: Array.from({ length: 9 }, (_, i) => `HTX thành viên ${i + 1}`)
  })
  const gone = await core.call('entity.create', { kind: 'htx', name: 'HTX Đã Giải Thể', sector: 'agri' })
  await core.call('entity.create', { kind: 'tht', name: 'Tổ hợp tác Không Phân Loại' })
  await core.call('figures.set', { entityId: big.id, year: 2025, figures: { members: 310, revenue: 52 * TY } })
  await core.call('figures.set', { entityId: small.id, year: 2025, figures: { members: 20, revenue: 1 * TY } })
  await core.call('figures.set', { entityId: unknown.id, year: 2025, figures: { members: 500, revenue: 100 * TY } })
  await core.call('figures.set', { entityId: union10.id, year: 2025, figures: { members: 10 } })
  await core.call('figures.set', { entityId: gone.id, year: 2025, figures: { members: 400, revenue: 80 * TY } })
  await core.call('status.add', { entityId: gone.id, status: 'dissolved', effectiveDate: '2025-06-30' })
  return { big, small, unknown, union10, union9, gone }
}

describe('independent audit (Luật 17/2023/QH15 Điều 106 khoản 1)', () => {
  it('lists the HTX «lớn» and the LHHTX of 10 members or more; the rest say no or why it cannot be told', async () => {
    const core = await office()
    const r = await auditRegister(core)
    const all = await core.call('classification.sizes', { year: 2025 })
    const byId = new Map(all.rows.map((x) => [x.entityId, x]))
    expect(byId.has(r.gone.id)).toBe(false)
    expect(all.rows.every((x) => x.kind !== ('tht' as never))).toBe(true)
    expect(byId.get(r.small.id)).toMatchObject({ size: 'micro', auditRequired: false })
    expect(byId.get(r.unknown.id)).toMatchObject({ size: null, auditRequired: null, auditReason: 'Chưa xác định được quy mô.' })
    expect(byId.get(r.union10.id)).toMatchObject({ size: null, members: 10, auditRequired: true, sizeLabel: 'Không phân loại (LHHTX)' })
    expect(byId.get(r.union10.id)!.auditBasis).toContain('Điều 106 khoản 1 điểm b')
    expect(byId.get(r.union9.id)).toMatchObject({ members: 9, membersWhere: 'theo danh sách HTX thành viên', auditRequired: false })

    const audit = await core.call('classification.sizes', { year: 2025, auditOnly: true })
    expect(audit.rows.map((x) => x.name)).toEqual(['HTX Nông Sản Lớn', 'Liên hiệp HTX Mười Thành Viên'])
    expect(audit.auditSource).toContain('tối thiểu 02 năm')
  })

  it('the CLI prints the size list, the audit list and the note on the thresholds once; --json is the API answer', async () => {
    const t = tempDir()
    cleanups.push(async () => t.cleanup())
    const db = join(t.dir, 'so-htx.db')
    const core = await createCore({ dbPath: db, user: 'Nguyễn Thị Lan' })
    await core.call('office.setup', { unitCode: '178' })
    await auditRegister(core)
    await core.close()

    const text = await cli('figures', 'size', '--db', db, '--year', '2025')
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('Quy mô')
    expect(text.stdout).toMatch(/HTX Nông Sản Lớn\s+Nông, lâm, ngư nghiệp, thủy sản\s+310\s+52\.000\.000\.000\s+Lớn\s+Phải kiểm toán/)
    expect(text.stdout).toMatch(/HTX Chè Nhỏ .*Siêu nhỏ\s+Không/)
    expect(text.stdout).toMatch(/HTX Vận Tải Hữu Nghị .*Chưa xác định\s+Chưa rõ\s+Lĩnh vực «Vận tải» chưa có ngưỡng/)
    expect(text.stderr).toContain('Năm 2025: 5 HTX, LHHTX; 2 phải kiểm toán độc lập báo cáo tài chính.')
    expect(text.stderr.split('Ngưỡng quy mô chưa đối chiếu văn bản').length - 1).toBe(1)

    const audit = await cli('figures', 'size', '--db', db, '--year', '2025', '--audit', '--json')
    expect(audit.code).toBe(0)
    const parsed = JSON.parse(audit.stdout) as { rows: SizeRow[]; thresholdsVerified: boolean }
    expect(parsed.rows.map((x) => [x.name, x.auditRequired])).toEqual([
      ['HTX Nông Sản Lớn', true],
      ['Liên hiệp HTX Mười Thành Viên', true]
    ])
    expect(parsed.thresholdsVerified).toBe(false)

    const one = await cli('figures', 'size', '--db', db, '--year', '2025', '--entity', '4900000017', '--json')
    expect((JSON.parse(one.stdout) as { rows: SizeRow[] }).rows.map((x) => x.size)).toEqual(['large'])

    const set = await cli(
      'figures',
      'set',
      '--db',
      db,
      '--entity',
      '4900000017',
      '--year',
      '2025',
      '--total-capital',
      '12.000.000.000',
      '--classification',
      'tot'
    )
    expect(set.code).toBe(0)
    expect(set.stdout).toContain('12.000.000.000')
    expect(set.stdout).toContain('Thông tư 09/2017/TT-BNNPTNT')

    const missing = await cli('figures', 'size', '--db', db)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('Thiếu --year')
  })
})

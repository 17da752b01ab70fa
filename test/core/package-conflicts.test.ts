/**
 * A cooperative in two districts' packages (a moved head office): the province
 * counts it once — in the district whose package is the newest until the province
 * decides, then in the district it chose — in the summary, the dashboard and the
 * list; the decision survives re-consolidating both packages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore, testClock } from '../helpers/temp'
import { exportTo } from './package-fixture'

type Office = Awaited<ReturnType<typeof officeCore>>
const AS_OF = '2024-06-30'
const REG = '4900555001'
const KEY = `reg:${REG}`
let d178: Office
let d180: Office
let province: Office

const clock = testClock()

async function htx(core: Office, name: string, regNo: string) {
  return core.call('entity.create', {
    kind: 'htx',
    name,
    regNo,
    registrationDate: '2020-03-02',
    sector: 'agri',
    charterCapital: 500_000_000
  } as never)
}

/** Both districts export (178 first, so 180's package is the newer) and the province consolidates both. */
async function sendBoth(tag: string, expected = ['178', '180']) {
  const a = (await exportTo(d178, d178.dir, AS_OF, `178-${tag}.xlsx`)).file
  clock.advance()
  const b = (await exportTo(d180, d180.dir, AS_OF, `180-${tag}.xlsx`)).file
  const r = await province.call('handoff.consolidate', { files: [{ path: a }, { path: b }], trustNewKeys: true })
  expect(r.rejected).toEqual([])
  expect(r.accepted.map((x) => x.unit)).toEqual(expected)
  return r
}

async function provinceHtx() {
  const s = await province.call('report.summary', { asOf: AS_OF })
  return {
    total: s.indicators['htx.total'],
    d178: s.byUnit['178']['htx.total'],
    d180: s.byUnit['180']['htx.total'],
    capital: s.indicators['htx.charter_capital_million']
  }
}

/** How many times the moved cooperative's number appears in the province list (Biểu 4), whole and per district. */
async function listed(scope?: string) {
  const t = await province.call('report.build', { layout: 'danh-sach', asOf: AS_OF, ...(scope ? { scope } : {}) })
  return t.rows.filter((r) => r.cells[2] === REG).length
}

beforeAll(async () => {
  d178 = await officeCore('178', undefined, { now: clock.now })
  d180 = await officeCore('180', undefined, { now: clock.now })
  province = await officeCore('20')
  await htx(d178, 'HTX Chuyển trụ sở Hoàng Đồng', REG)
  await htx(d178, 'HTX Chỉ ở thành phố', '4900555002')
  await htx(d180, 'HTX Chuyển trụ sở Hoàng Đồng', REG)
  await htx(d180, 'HTX Chỉ ở Tràng Định', '4900555003')
})
afterAll(async () => {
  for (const o of [d178, d180, province]) await o?.dispose()
})

describe('a cooperative in two districts is counted once in the province', () => {
  it('unresolved: counted in the district whose package was exported most recently, everywhere', async () => {
    for (const d of [d178, d180]) expect((await d.call('report.summary', { asOf: AS_OF })).indicators['htx.total']).toBe(2)
    const r = await sendBoth('a')
    expect(r.conflicts).toEqual([
      { key: KEY, units: ['178', '180'], names: ['HTX Chuyển trụ sở Hoàng Đồng'], countedUnit: '180', resolved: false, decision: null }
    ])
    // 2 + 2 registered, 3 cooperatives: the shared one counts in 180 only.
    expect(await provinceHtx()).toMatchObject({ total: 3, d178: 1, d180: 2 })
    expect((await province.call('report.summary', { asOf: AS_OF })).indicators['htx.total']).toBe(3)
    expect((await province.call('report.dashboard', { asOf: AS_OF })).total).toBe(3)
    expect((await province.call('report.dashboard', { asOf: AS_OF, scope: '178' })).total).toBe(1)
    expect((await province.call('report.dashboard', { asOf: AS_OF })).founded.reduce((s, n) => s + n, 0)).toBe(3)
    expect([await listed(), await listed('178'), await listed('180')]).toEqual([1, 0, 1])
    // The register itself still holds both districts' rows: listed, not merged.
    expect((province.ctx.conn.sqlite.prepare('select count(*) n from entities where reg_no = ?').get(REG) as { n: number }).n).toBe(2)
  })

  it('resolving to the other district moves the count there; totals are unchanged; the decision is audited', async () => {
    const before = await provinceHtx()
    const c = await province.call('handoff.resolveConflict', {
      conflictKey: KEY,
      ownerUnit: '178',
      note: 'Đã chuyển trụ sở về Thành phố Lạng Sơn'
    })
    expect(c).toMatchObject({
      key: KEY,
      countedUnit: '178',
      resolved: true,
      decision: { owner: '178', by: 'Nguyễn Thị Lan', note: 'Đã chuyển trụ sở về Thành phố Lạng Sơn' }
    })
    const after = await provinceHtx()
    expect(after).toMatchObject({ total: 3, d178: 2, d180: 1 })
    expect([after.total, after.capital]).toEqual([before.total, before.capital])
    expect((await province.call('report.dashboard', { asOf: AS_OF, scope: '178' })).total).toBe(2)
    expect([await listed(), await listed('178'), await listed('180')]).toEqual([1, 1, 0])
    expect(await province.call('handoff.conflicts', {})).toEqual([c])
    // The person choosing sees each district's copy and what differs between them.
    expect(c.copies!.map((x) => x.unit).sort()).toEqual(['178', '180'])
    expect(c.differs).toEqual(Object.keys(c.copies![0]!.fields).filter((f) => c.copies![0]!.fields[f] !== c.copies![1]!.fields[f]))
    const audit = province.ctx.conn.sqlite
      .prepare(`select user, after_json from audit_log where action = 'resolve_conflict'`)
      .all() as Array<{ user: string; after_json: string }>
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ key: KEY, owner_unit: '178', units_json: '["178","180"]' })
  })

  it('the decision survives re-consolidating both packages (new rows, new ids), though 180 is still the newer', async () => {
    await htx(d178, 'HTX Mới ở thành phố', '4900555005')
    await htx(d180, 'HTX Mới ở Tràng Định', '4900555004')
    const r = await sendBoth('b')
    expect(r.conflicts).toMatchObject([{ key: KEY, countedUnit: '178', resolved: true, decision: { owner: '178' } }])
    expect(await provinceHtx()).toMatchObject({ total: 5, d178: 3, d180: 2 })
    expect((await province.call('report.dashboard', { asOf: AS_OF })).total).toBe(5)
  })

  it("refuses an owner that is not one of the conflict's districts, or a key that is not a conflict, with a Vietnamese message; nothing is written", async () => {
    await expect(province.call('handoff.resolveConflict', { conflictKey: KEY, ownerUnit: '181' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^Huyện quản lý phải là một trong các huyện đang cùng có mã số 4900555001: 178 — Thành phố Lạng Sơn, 180 — .+; «181» không phải\.$/
      )
    })
    await expect(province.call('handoff.resolveConflict', { conflictKey: 'reg:4900555002', ownerUnit: '178' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Không có mục trùng «reg:4900555002» giữa các huyện')
    })
    expect(province.ctx.conn.sqlite.prepare('select owner_unit from conflict_owners').pluck().all()).toEqual(['178'])
  })

  it('a district file neither resolves conflicts nor changes its own counts', async () => {
    await expect(d178.call('handoff.resolveConflict', { conflictKey: KEY, ownerUnit: '178' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Chỉ tệp dữ liệu cấp tỉnh')
    })
    expect((await d180.call('report.summary', { asOf: AS_OF })).indicators['htx.total']).toBe(3)
  })

  it('once the district that was chosen drops the cooperative, the conflict is gone and it counts once, in the other', async () => {
    const { rows } = await d178.call('entity.list', { q: REG })
    const id = rows.find((e) => e.regNo === REG)!.id
    await d178.call('entity.delete', { id, reason: 'Đã chuyển trụ sở sang huyện Tràng Định' })
    await sendBoth('c', ['178'])
    expect(await province.call('handoff.conflicts', {})).toEqual([])
    expect(await provinceHtx()).toMatchObject({ total: 5, d178: 2, d180: 3 })
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { loadSnapshot } from '../../src/main/core/reports/snapshot'
import { buildSummary } from '../../src/main/core/reports/summary'
import { AppError } from '../../src/shared/errors'
import { officeCore } from '../helpers/temp'
import { DISTRICTS, langSonRows, seed } from './reports-seed'

type TestCore = Awaited<ReturnType<typeof officeCore>>
let core: TestCore | null = null
afterEach(async () => {
  await core?.dispose()
  core = null
})

describe('report.summary on a district register with known history', () => {
  it('gives every indicator as of several dates: before/after a registration, a suspension, a dissolution; figures of the right year', async () => {
    core = await officeCore('178')
    const a = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Hoàng Đồng',
      registrationDate: '2020-03-01',
      sector: 'agri',
      charterCapital: 1_000_000_000
    })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2022-05-10' })
    await core.call('status.add', { entityId: a.id, status: 'dissolved', effectiveDate: '2023-04-20' })
    await core.call('figures.set', { entityId: a.id, year: 2021, figures: { members: 10, workers: 4, managers: 3, managersCollege: 1 } })
    await core.call('figures.set', { entityId: a.id, year: 2022, figures: { members: 12, workers: 5, managers: 3, managersElementary: 2 } })
    await core.call('figures.set', { entityId: a.id, year: 2023, figures: { members: 14, workers: 6, managers: 4 } })
    const b = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Thương mại Đông Kinh',
      registrationDate: '2023-02-01',
      sector: 'trade_service',
      charterCapital: 2_000_000_000
    })
    await core.call('figures.set', {
      entityId: b.id,
      year: 2023,
      figures: { revenue: 500_000_000, profit: 40_000_000, avgIncome: 6_500_000, classification: 'good' }
    })
    await core.call('entity.create', { kind: 'tht', name: 'Tổ hợp tác Chè Tân Liên', registrationDate: '2019-01-01', membersCount: 9 })
    await core.call('entity.create', {
      kind: 'lhhtx',
      name: 'Liên hiệp HTX Rau sạch',
      registrationDate: '2021-06-01',
      memberCoops: ['HTX Một', 'HTX Hai', 'HTX Ba'],
      status: 'suspended'
    })
    // A deleted record never counts.
    const gone = await core.call('entity.create', { kind: 'htx', name: 'HTX Nhập nhầm', registrationDate: '2020-01-01' })
    await core.call('entity.delete', { id: gone.id, reason: 'Nhập nhầm' })

    const at = async (asOf: string) => (await core!.call('report.summary', { asOf })).indicators
    const y2021 = await at('2021-12-31')
    expect(y2021).toMatchObject({
      'htx.total': 1,
      'htx.active': 1,
      'htx.stopped': 0,
      'htx.new': 0,
      'htx.members': 10,
      'htx.workers': 4,
      'htx.managers.college_plus': 1,
      'htx.charter_capital_million': 1000
    })
    expect(y2021).toMatchObject({
      'htx.sector.agri.total': 1,
      'htx.sector.agri.active': 1,
      'lhhtx.total': 1,
      'lhhtx.stopped': 1,
      'lhhtx.member_coops': 3,
      'tht.total': 1,
      'tht.members': 9,
      'tht.managers': 1
    })
    expect(y2021['htx.revenue_avg_million']).toBeNull()

    const mid2022 = await at('2022-06-30')
    expect(mid2022).toMatchObject({
      'htx.total': 1,
      'htx.active': 0,
      'htx.stopped': 1,
      'htx.sector.agri.stopped': 1,
      'htx.members': 12,
      'htx.managers.elementary_intermediate': 2
    })

    const q1 = await at('2023-03-31')
    expect(q1).toMatchObject({
      'htx.total': 2,
      'htx.active': 1,
      'htx.stopped': 1,
      'htx.new': 1,
      'htx.new.charter_capital_million': 2000,
      'htx.dissolved': 0
    })
    expect(q1).toMatchObject({
      'htx.members': 14,
      'htx.charter_capital_million': 3000,
      'htx.sector.trade_service_environment.total': 1,
      'htx.class.good': 1
    })

    const h1 = await at('2023-06-30')
    expect(h1).toMatchObject({
      'htx.total': 1,
      'htx.active': 1,
      'htx.stopped': 0,
      'htx.new': 1,
      'htx.dissolved': 1,
      'htx.members': 0,
      'htx.sector.agri.total': 0
    })
    expect(h1).toMatchObject({
      'htx.revenue_avg_million': 500,
      'htx.profit_avg_million': 40,
      'htx.income_avg_million_month': 6.5,
      'htx.class.good': 1,
      'htx.class.fair': 0
    })

    const next = await at('2024-06-30')
    expect(next).toMatchObject({ 'htx.total': 1, 'htx.new': 0, 'htx.dissolved': 0, 'htx.new.charter_capital_million': 0 })
    // Before anything was registered.
    const empty = await at('2018-12-31')
    expect([empty['htx.total'], empty['tht.total'], empty['lhhtx.total']]).toEqual([0, 0, 0])
  })

  it('keeps the same numbers for a past date after later changes, and names the office in byUnit', async () => {
    core = await officeCore('178')
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX Gia Cát', registrationDate: '2020-01-01' })
    const before = await core.call('report.summary', { asOf: '2023-06-30' })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2024-02-01' })
    await core.call('entity.create', { kind: 'htx', name: 'HTX Mới Lập', registrationDate: '2024-03-01' })
    const after = await core.call('report.summary', { asOf: '2023-06-30' })
    expect(after).toEqual(before)
    expect(Object.keys(after.byUnit)).toEqual(['178'])
    expect(after.unit).toBe('178')
    expect(after.byUnit['178']).toEqual(after.indicators)
  })

  it('refuses a scope that is not the office', async () => {
    core = await officeCore('178')
    const err = await core.call('report.summary', { asOf: '2023-06-30', scope: '180' }).catch((e: AppError) => e)
    expect(err).toMatchObject({ code: 'VALIDATION' })
    expect((err as AppError).message).toContain('Thành phố Lạng Sơn')
    const bad = await core.call('report.summary', { asOf: '30/06/2023' } as never).catch((e: AppError) => e)
    expect(bad).toMatchObject({ code: 'VALIDATION' })
  })
})

describe('the snapshot agrees with the registry', () => {
  it('picks the same status as status.asOf on tangled histories (undated, same-day, out-of-order events)', async () => {
    core = await officeCore('178')
    const statuses = ['active', 'suspended', 'not_at_address', 'dissolving', 'bankruptcy', 'dissolved']
    let r = 7
    const rand = (n: number) => ((r = (r * 1103515245 + 12345) % 2 ** 31), r % n)
    const dates = [null, '2021-01-01', '2022-06-30', '2022-06-30', '2023-01-01', '2023-06-30', '2024-02-29']
    seed(
      core.ctx.conn.sqlite,
      Array.from({ length: 120 }, () => ({
        registered: '2020-01-01',
        events: Array.from({ length: 1 + rand(5) }, () => [statuses[rand(6)]!, dates[rand(dates.length)]!] as [string, string | null])
      }))
    )
    for (const date of ['2020-12-31', '2022-06-30', '2023-03-01', '2024-12-31']) {
      const expected = new Map((await core.call('status.asOf', { date })).map((x) => [x.entityId, x.status]))
      const got = new Map(
        loadSnapshot(core.ctx, date)
          .filter((e) => e.status !== null)
          .map((e) => [e.id, e.status])
      )
      expect(got, date).toEqual(expected)
    }
  })
})

describe('report.summary on a province file (the seed plan of Lạng Sơn, 30/06/2023)', () => {
  it('prints exactly 474 / 400 / 74, 338 / 67 / 52 / 17 by sector, and every district in byUnit', async () => {
    core = await officeCore('20')
    seed(core.ctx.conn.sqlite, langSonRows())
    const s = await buildSummary(core.ctx, '2023-06-30')
    expect(s.unit).toBe('20@2025')
    expect(s.indicators).toMatchObject({
      'htx.total': 474,
      'htx.active': 400,
      'htx.stopped': 74,
      'htx.sector.agri.total': 338,
      'htx.sector.agri.active': 293,
      'htx.sector.agri.stopped': 45,
      'htx.sector.industry_construction.total': 67,
      'htx.sector.industry_construction.active': 52,
      'htx.sector.industry_construction.stopped': 15,
      'htx.sector.trade_service_environment.total': 52,
      'htx.sector.trade_service_environment.active': 44,
      'htx.sector.trade_service_environment.stopped': 8,
      'htx.sector.transport.total': 17,
      'htx.sector.transport.active': 11,
      'htx.sector.transport.stopped': 6,
      'htx.sector.credit.total': 0,
      'htx.new': 20,
      'htx.new.charter_capital_million': 36_480,
      'htx.dissolved': 6,
      'htx.charter_capital_million': 991_500,
      'htx.members': 5409,
      'htx.workers': 7302,
      'htx.managers': 1550,
      'htx.managers.elementary_intermediate': 300,
      'htx.managers.college_plus': 350,
      'lhhtx.total': 2,
      'lhhtx.active': 0,
      'lhhtx.stopped': 2,
      'lhhtx.member_coops': 13,
      'tht.total': 230,
      'tht.members': 4650,
      'tht.managers': 230
    })
    // Every district of the province, the empty one with zeros; counts and sums add up to the province.
    expect(Object.keys(s.byUnit).sort()).toEqual([...DISTRICTS, '189'].sort())
    expect(s.byUnit['189']!['htx.total']).toBe(0)
    for (const code of Object.keys(s.indicators)) {
      if (code.includes('avg')) continue
      const sum = Object.values(s.byUnit).reduce((t, u) => t + (u[code] ?? 0), 0)
      expect(sum, code).toBeCloseTo(s.indicators[code]!, 6)
    }
    // One district as the scope.
    const one = await core.call('report.summary', { asOf: '2023-06-30', scope: '183' })
    expect(one.unit).toBe('183')
    expect(one.indicators).toEqual(s.byUnit['183'])
    expect(Object.keys(one.byUnit)).toEqual(['183'])
  })
})

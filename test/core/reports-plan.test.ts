/**
 * Phụ lục 1 and 2 as the plan uses them: «Kế hoạch năm N+1» entered beside this year's
 * plan and shown as the last column, and the rows the seed plan reports that the first
 * tables lacked (new members, income per year, taxes paid, HTX rated tốt/khá and their
 * share, averages by sector, OCOP products by star, new and dissolved LHHTX and THT).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { definitions } from '../../src/main/core/reports/definitions'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let o: Office | null = null
afterEach(async () => {
  await o?.dispose()
  o = null
})

describe('Phụ lục 1 and 2 with the plan for next year and the seed’s rows', () => {
  it('computes every new row from the register and shows next year’s plan in the last column', async () => {
    o = await officeCore('178')
    const core = o
    const make = async (name: string, regNo: string | null, sector: string, extra: Record<string, unknown> = {}) =>
      (
        (await core.call('entity.create', { kind: 'htx', name, regNo, sector, registrationDate: '2018-01-01', ...extra } as never)) as {
          id: number
        }
      ).id
    const a = await make('HTX Nông nghiệp An Sơn', '4900123467', 'agri', {
      ocop: [
        { name: 'Na Chi Lăng', stars: 3, year: 2022 },
        { name: 'Trà diếp cá', stars: 4, year: 2023 },
        { name: 'Hồng vành khuyên', stars: 5, year: 2024 }
      ]
    })
    const b = await make('HTX Nông nghiệp Yên Khoái', '4900123475', 'agri')
    const c = await make('HTX Dịch vụ Thành Lộc', '4900123483', 'trade_service')
    await make('HTX Vận tải Đông Bắc', '4900123491', 'transport')
    const fig = (entityId: number, figures: Record<string, unknown>) => core.call('figures.set', { entityId, year: 2023, figures } as never)
    await fig(a, {
      classification: 'good',
      newMembers: 10,
      taxesPaid: 12_000_000,
      avgIncome: 3_500_000,
      revenue: 600_000_000,
      profit: 30_000_000
    })
    await fig(b, {
      classification: 'fair',
      newMembers: 5,
      taxesPaid: 3_000_000,
      avgIncome: 4_500_000,
      revenue: 500_000_000,
      profit: 20_000_000
    })
    await fig(c, { classification: 'weak', avgIncome: 4_500_000, revenue: 1_000_000_000, profit: 45_000_000 })
    await core.call('entity.create', {
      kind: 'lhhtx',
      name: 'LHHTX Lạng Sơn',
      regNo: '4900123509',
      registrationDate: '2023-03-01'
    } as never)
    await core.call('entity.create', { kind: 'tht', name: 'Tổ hợp tác Chè Yên Trạch', registrationDate: '2023-02-01' } as never)

    await core.call('report.setTargets', {
      year: 2023,
      values: [
        { indicator: 'htx.total', plan: 5, estimate: 4, nextPlan: 6 },
        { indicator: 'tht.total', nextPlan: 3 }
      ]
    })
    const targets = await core.call('report.targets', { year: 2023 })
    expect(targets.find((t) => t.indicator === 'htx.total')).toMatchObject({ plan: 5, estimate: 4, nextPlan: 6 })
    expect((await core.call('report.targets', { year: 2024 })).find((t) => t.indicator === 'htx.total')!.plan).toBe(6)
    const audit = core.ctx.conn.sqlite
      .prepare("select after_json from audit_log where action = 'target_create' order by id")
      .pluck()
      .all() as string[]
    expect(audit.map((j) => JSON.parse(j).year)).toEqual([2023, 2024, 2024])

    const t = await core.call('report.build', { layout: 'phu-luc-1', asOf: '2023-06-30' })
    expect(t.columns.map((col) => col.label).slice(3)).toEqual([
      'Thực hiện năm 2022',
      'Thực hiện đến 30/06/2023',
      'Ước thực hiện cả năm',
      'Kế hoạch năm',
      'Ước TH so với KH (%)',
      'Kế hoạch năm 2024'
    ])
    const row = (code: string) => t.rows.find((r) => r.indicator === code)!.cells
    expect(row('htx.total').slice(3)).toEqual([4, 4, 4, 5, 80, 6])
    const actual = (code: string) => row(code)[4]
    expect(actual('htx.new_members')).toBe(15)
    expect(actual('htx.income_avg_million_month')).toBe(4.2)
    expect(actual('htx.income_avg_million_year')).toBe(50)
    expect(actual('htx.taxes_paid_million')).toBe(15)
    expect(actual('htx.effective')).toBe(2)
    expect(actual('htx.effective_share')).toBe(50)
    expect(actual('htx.sector.agri.revenue_avg_million')).toBe(550)
    expect(actual('htx.sector.agri.profit_avg_million')).toBe(25)
    expect(actual('htx.sector.agri.income_avg_million_month')).toBe(4)
    expect(actual('htx.sector.trade_service_environment.revenue_avg_million')).toBe(1000)
    expect(actual('htx.sector.transport.revenue_avg_million')).toBe(null)
    expect([
      actual('htx.ocop.products'),
      actual('htx.ocop.star_three'),
      actual('htx.ocop.star_four'),
      actual('htx.ocop.star_five')
    ]).toEqual([2, 1, 1, 0])
    expect([actual('lhhtx.new'), actual('lhhtx.dissolved')]).toEqual([1, 0])
    expect(row('htx.effective_share')[2]).toBe('%')

    const t2 = await core.call('report.build', { layout: 'phu-luc-2', asOf: '2023-06-30' })
    const r2 = (code: string) => t2.rows.find((r) => r.indicator === code)!.cells
    expect(r2('tht.new')[4]).toBe(1)
    expect(r2('tht.total').at(-1)).toBe(3)

    // Each row's definition is data with its unit and, for the new ones, how it is computed.
    const { byCode } = definitions()
    for (const code of [
      'htx.new_members',
      'htx.income_avg_million_year',
      'htx.taxes_paid_million',
      'htx.effective_share',
      'htx.ocop.products',
      'tht.new'
    ])
      expect(byCode.get(code)!.how).toBeTruthy()
  })
})

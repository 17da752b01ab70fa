import { afterEach, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'
import { langSonRows, many, seed } from './reports-seed'

type TestCore = Awaited<ReturnType<typeof officeCore>>
let core: TestCore | null = null
afterEach(async () => {
  await core?.dispose()
  core = null
})

describe('report.dashboard', () => {
  it('counts HTX by status and sector as of the date, and per year: registrations, dissolutions, members, workers', async () => {
    core = await officeCore('178')
    seed(core.ctx.conn.sqlite, [
      ...many(3, (i) => ({
        sector: 'agri',
        registered: `202${i}-03-01`,
        figures: [
          { year: 2022, members: 10, workers: 4 },
          { year: 2023, members: 12, workers: 5 }
        ]
      })),
      {
        sector: 'transport',
        registered: '2021-05-01',
        events: [
          ['active', null],
          ['suspended', '2022-02-01']
        ]
      },
      {
        sector: 'industry',
        registered: '2015-05-01',
        events: [
          ['active', null],
          ['dissolved', '2022-09-01']
        ]
      },
      { kind: 'tht', registered: '2021-01-01' }
    ])
    const d = await core.call('report.dashboard', { asOf: '2022-12-31' })
    expect(d.total).toBe(4)
    expect(d.byStatus).toEqual({ active: 3, suspended: 1, not_at_address: 0, revoked_tax: 0, dissolving: 0, bankruptcy: 0 })
    expect(d.sectors.find((s) => s.code === 'agri')).toMatchObject({ active: 3, stopped: 0 })
    expect(d.sectors.find((s) => s.code === 'transport')).toMatchObject({ active: 0, stopped: 1 })
    expect(d.years).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022])
    expect(d.founded.slice(-3)).toEqual([1, 2, 1])
    expect(d.founded[2]).toBe(1)
    expect(d.dissolved.at(-1)).toBe(1)
    expect(d.members.at(-1)).toBe(30)
    expect(d.workers.at(-1)).toBe(12)
    // Figures of a later year are not in the picture yet.
    expect(d.members.reduce((a, b) => a + b, 0)).toBe(30)
  })

  it('narrows to one district of a province', async () => {
    core = await officeCore('20')
    seed(core.ctx.conn.sqlite, langSonRows())
    const all = await core.call('report.dashboard', { asOf: '2023-06-30' })
    expect(all.total).toBe(474)
    expect(all.dissolved.at(-1)).toBe(6)
    const one = await core.call('report.dashboard', { asOf: '2023-06-30', scope: '183' })
    const summary = await core.call('report.summary', { asOf: '2023-06-30', scope: '183' })
    expect(one.total).toBe(summary.indicators['htx.total'])
    expect(one.byStatus.active).toBe(summary.indicators['htx.active'])
  })
})

/**
 * The round trip the province relies on: eleven district files → eleven packages
 * → one province file whose summary equals the districts' summaries, indicator
 * by indicator, per district and in total.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { definitions } from '../../src/main/core/reports/definitions'
import { officeCore } from '../helpers/temp'
import { exportTo, seedDistrict } from './package-fixture'

const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189']
const AS_OF = '2024-06-30'
const open: Array<Awaited<ReturnType<typeof officeCore>>> = []
afterAll(async () => {
  for (const o of open) await o.dispose()
})

describe('round trip: 11 districts → packages → province', () => {
  it("the province summary is the sum of the districts' summaries, indicator by indicator", async () => {
    const province = await officeCore('20')
    open.push(province)
    const files: string[] = []
    const summaries = new Map<string, Record<string, number | null>>()
    for (const [i, code] of DISTRICTS.entries()) {
      const d = await officeCore(code)
      open.push(d)
      await seedDistrict(d, 4 + (i % 4), i + 1)
      summaries.set(code, (await d.call('report.summary', { asOf: AS_OF })).indicators)
      files.push((await exportTo(d, d.dir, AS_OF)).file)
    }
    const result = await province.call('handoff.consolidate', { files: files.map((path) => ({ path })), trustNewKeys: true })
    expect(result.rejected).toEqual([])
    expect(result.accepted.map((a) => a.unit).sort()).toEqual(DISTRICTS)

    const total = await province.call('report.summary', { asOf: AS_OF })
    let compared = 0
    for (const ind of definitions().indicators) {
      for (const code of DISTRICTS)
        expect([code, ind.code, total.byUnit[code][ind.code]]).toEqual([code, ind.code, summaries.get(code)![ind.code]])
      if (ind.measure === 'avg' || ind.measure === 'share') continue
      const sum = DISTRICTS.reduce((s, c) => s + (summaries.get(c)![ind.code] ?? 0), 0)
      expect([ind.code, total.indicators[ind.code] ?? 0]).toEqual([ind.code, sum])
      compared++
    }
    expect(compared).toBeGreaterThan(10)
    expect(total.indicators['htx.total']).toBeGreaterThan(0)
    const districts = await province.call('handoff.districts', {})
    expect(districts.filter((d) => d.exportedAt !== null).map((d) => d.code)).toEqual(DISTRICTS)
  }, 120_000)
})

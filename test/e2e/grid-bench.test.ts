import { describe, expect, it } from 'vitest'
import { run } from '../../bench/grid'

describe('registry grid bench, small size', () => {
  it('opens the grid in Chromium and prints first-rows and scroll figures against floors measured in the same run', async () => {
    const figures = await run({ size: 300 })
    expect(figures.map((f) => f.name.slice(0, 4))).toEqual(['(c) ', '(c) ', "(c')"])
    expect(figures[0]!.name).toContain('300 bản ghi')
    for (const f of figures) {
      expect(f.value).toBeGreaterThan(0)
      expect(f.floor).toBeGreaterThan(0)
    }
    // The first rows cannot come before the shell that holds them and the data they show.
    expect(figures[0]!.value).toBeGreaterThan(figures[0]!.floor! * 0.5)
  }, 120_000)
})

import { describe, expect, it } from 'vitest'
import { run } from '../../bench/registry'

describe('registry bench, small size', () => {
  it('builds the register and prints the insert, as-of and memory figures', async () => {
    const figures = await run({ size: 300 })
    expect(figures.map((f) => f.name.slice(0, 3))).toEqual(['(a)', '(b)', '(d)'])
    expect(figures[0]!.name).toContain('300')
    expect(figures[1]!.name).toContain('300 HTX')
    expect(figures[1]!.note).toContain('900 sự kiện')
    for (const f of figures) expect(f.value).toBeGreaterThan(0)
    expect(figures[0]!.floor).toBeGreaterThan(0)
  }, 60_000)
})

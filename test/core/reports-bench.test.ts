import { describe, expect, it } from 'vitest'
import { run } from '../../bench/report'

describe('report bench, small size', () => {
  it('builds the register with history and prints the summary and xlsx figures against their floors', async () => {
    const figures = await run({ size: 300 })
    expect(figures.map((f) => f.name.slice(0, 3))).toEqual(['(a)', '(b)'])
    expect(figures[0]!.name).toContain('300 HTX')
    expect(figures[0]!.note).toContain('900 sự kiện')
    // 300 HTX with the bench's rotating histories: the same count every run.
    expect(figures[0]!.note).toMatch(/htx\.total = \d+$/)
    for (const f of figures) {
      expect(f.value).toBeGreaterThan(0)
      expect(f.floor).toBeGreaterThan(0)
    }
  }, 60_000)
})

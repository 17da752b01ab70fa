/** The size sweep of the registry and import benches, run small: its lines and its growth exponent. */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run as importBench } from '../../bench/import'
import { formatFigure, sweepFigures, sweepSizes } from '../../bench/lib'
import { run as registryBench } from '../../bench/registry'

const ROOT = join(__dirname, '../..')

describe('size sweep', () => {
  it('computes the growth exponent: 1 for linear time, 2 for quadratic', () => {
    const linear = sweepFigures('x', [
      { size: 1000, ms: 10, floorMs: 5 },
      { size: 100_000, ms: 1000, floorMs: 500 }
    ])
    expect(linear.map((f) => f.name)).toEqual([
      '(s) x: 1.000 dòng',
      '(s) x: 100.000 dòng',
      '(s) x: số mũ tăng 1.000 → 100.000 (1 = tuyến tính)'
    ])
    expect(linear[2]!.value).toBeCloseTo(1, 6)
    expect(
      sweepFigures('x', [
        { size: 10, ms: 1, floorMs: 1 },
        { size: 1000, ms: 10_000, floorMs: 100 }
      ])[2]!.value
    ).toBeCloseTo(2, 6)
    expect(formatFigure(linear[2]!)).toContain('mục tiêu ≤ 1.15')
    expect(sweepSizes({}, 100_000)).toEqual([1000, 10_000])
    expect(sweepSizes({ size: 300 }, 300)).toEqual([])
  })

  it('runs the registry and import benches at two sizes each and prints how time grows', async () => {
    const registry = await registryBench({ size: 300, sweep: [100] })
    const reg = registry.filter((f) => f.name.startsWith('(s)'))
    expect(reg.map((f) => f.name)).toEqual([
      '(s) thêm HTX qua đường ghi của ứng dụng: 100 dòng',
      '(s) thêm HTX qua đường ghi của ứng dụng: 300 dòng',
      '(s) thêm HTX qua đường ghi của ứng dụng: số mũ tăng 100 → 300 (1 = tuyến tính)'
    ])
    for (const f of reg.slice(0, 2)) expect(f.floor).toBeGreaterThan(0)
    expect(Number.isFinite(reg[2]!.value)).toBe(true)

    const imported = await importBench({ size: 200, sweep: [50] })
    const imp = imported.filter((f) => f.name.startsWith('(s)'))
    expect(imp.map((f) => f.name)).toEqual([
      '(s) nhập hẳn / sàn của máy: 50 dòng',
      '(s) nhập hẳn / sàn của máy: 200 dòng',
      '(s) nhập hẳn / sàn của máy: số mũ tăng 50 → 200 (1 = tuyến tính)'
    ])
    for (const f of [...registry, ...imported]) console.log(formatFigure(f))
  }, 120_000)
})

describe('npm run bench', () => {
  it('runs each named module in a process of its own, so no module inherits another’s heap', () => {
    const out = execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'bench/run.ts'), 'report', 'registry', '--size', '200'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }
    )
    const sections = [...out.matchAll(/^== (\w+) \(tiến trình (\d+)\)$/gm)].map((m) => [m[1], m[2]])
    expect(sections.map(([name]) => name)).toEqual(['registry', 'report'])
    expect(new Set(sections.map(([, pid]) => pid)).size).toBe(2)
    expect(sections.every(([, pid]) => pid !== String(process.pid))).toBe(true)
    expect(out).toContain('(a) báo cáo tổng hợp tại ngày cho 200 HTX')
  }, 150_000)
})

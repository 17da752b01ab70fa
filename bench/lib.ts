/**
 * What every benchmark shares: timing, peak memory, and one printed line per
 * figure as a ratio against a raw floor measured in the same run. Ratios are
 * printed beside their goal; nothing here passes or fails.
 */
import { performance } from 'node:perf_hooks'
import * as v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { formatNumber } from '../src/shared/text'

export interface BenchFigure {
  /** What was measured, in Vietnamese or plain words. */
  name: string
  /** The app's time (ms) or other measure. */
  value: number
  /** The raw floor measured in the same run, same unit; null where there is none. */
  floor: number | null
  /** The goal for value/floor (e.g. 1.2), or for value itself when floor is null. */
  goal: number | null
  /** '' for a pure number (a ratio or an exponent). */
  unit: 'ms' | 'MiB' | 's' | ''
  note?: string
}

export interface BenchOptions {
  /** Rows/entities the benchmark builds; each module has its own full size. */
  size?: number
  /**
   * Smaller sizes to run too, to show how time grows. Default: 1,000 and 10,000
   * beside the full size when no --size is given, none otherwise (tests stay small).
   */
  sweep?: number[]
}

/** The sweep sizes below `full` this run should measure. */
export function sweepSizes(options: BenchOptions, full: number): number[] {
  const sizes = options.sweep ?? (options.size === undefined ? [1_000, 10_000] : [])
  return sizes.filter((s) => s > 0 && s < full)
}

export interface SweepPoint {
  size: number
  ms: number
  /** The raw floor at that size, measured in the same run. */
  floorMs: number
}

/**
 * How time grows with size: one line per size (ratio to its own floor), then
 * the exponent k of t ∝ n^k between the smallest and the largest size — 1 is
 * linear; the floor's own exponent is printed beside it for comparison.
 */
export function sweepFigures(what: string, points: SweepPoint[]): BenchFigure[] {
  const sorted = [...points].sort((a, b) => a.size - b.size)
  const figures: BenchFigure[] = sorted.map((p) => ({
    name: `(s) ${what}: ${formatNumber(p.size)} dòng`,
    value: p.ms,
    floor: p.floorMs,
    goal: null,
    unit: 'ms',
    note: `${((p.ms / p.size) * 1000).toFixed(1)} ms/nghìn dòng`
  }))
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (first && last && last.size > first.size) {
    const exponent = (a: number, b: number) => Math.log(b / a) / Math.log(last.size / first.size)
    figures.push({
      name: `(s) ${what}: số mũ tăng ${formatNumber(first.size)} → ${formatNumber(last.size)} (1 = tuyến tính)`,
      value: exponent(first.ms, last.ms),
      floor: null,
      goal: 1.15,
      unit: '',
      note: `sàn: ${exponent(first.floorMs, last.floorMs).toFixed(2)}`
    })
  }
  return figures
}

export type BenchModule = { run(options: BenchOptions): Promise<BenchFigure[]> }

/**
 * A full garbage collection now, so a figure is not charged for the garbage of what ran before it
 * (generating a 100,000-row workbook leaves hundreds of MiB behind). Node is started without
 * --expose-gc under tsx: the flag is set here and the function taken from a fresh context.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await work()
  return { ms: performance.now() - start, result }
}

/** Samples resident memory every 20 ms while `work` runs; returns the peak in MiB. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ peakMiB: number; result: T }> {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage.rss())
    return { peakMiB: peak / 1024 / 1024, result }
  } finally {
    clearInterval(timer)
  }
}

export function formatFigure(f: BenchFigure): string {
  const ratio = f.floor ? f.value / f.floor : null
  const shown = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2))
  const parts = [
    f.name.padEnd(58),
    `${shown(f.value)} ${f.unit}`.trimEnd().padStart(12),
    f.floor === null ? ''.padStart(14) : `sàn ${shown(f.floor)} ${f.unit}`.padStart(14),
    ratio === null ? ''.padStart(10) : `× ${ratio.toFixed(2)}`.padStart(10),
    f.goal === null ? '' : `mục tiêu ${ratio === null ? `≤ ${f.goal} ${f.unit}`.trimEnd() : '≤ ' + f.goal}`
  ]
  return parts.join('  ') + (f.note ? `  (${f.note})` : '')
}

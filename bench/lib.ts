/**
 * What every benchmark shares: timing, peak memory, and one printed line per
 * figure as a ratio against a raw floor measured in the same run. Ratios are
 * printed beside their goal; nothing here passes or fails.
 */
import { performance } from 'node:perf_hooks'

export interface BenchFigure {
  /** What was measured, in Vietnamese or plain words. */
  name: string
  /** The app's time (ms) or other measure. */
  value: number
  /** The raw floor measured in the same run, same unit; null where there is none. */
  floor: number | null
  /** The goal for value/floor (e.g. 1.2), or for value itself when floor is null. */
  goal: number | null
  unit: 'ms' | 'MiB' | 's'
  note?: string
}

export interface BenchOptions {
  /** Rows/entities the benchmark builds; each module has its own full size. */
  size?: number
}

export type BenchModule = { run(options: BenchOptions): Promise<BenchFigure[]> }

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
    `${shown(f.value)} ${f.unit}`.padStart(12),
    f.floor === null ? ''.padStart(14) : `sàn ${shown(f.floor)} ${f.unit}`.padStart(14),
    ratio === null ? ''.padStart(10) : `× ${ratio.toFixed(2)}`.padStart(10),
    f.goal === null ? '' : `mục tiêu ${ratio === null ? '≤ ' + f.goal + ' ' + f.unit : '≤ ' + f.goal}`
  ]
  return parts.join('  ') + (f.note ? `  (${f.note})` : '')
}

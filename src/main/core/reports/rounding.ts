/**
 * Rounding as the tables print it: half-up (away from zero) at the shown precision,
 * done on the decimal text so 1.005 → 1.01 as a person would expect (binary floating
 * point would give 1.00); shares that must add up to 100 use largest remainder.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value
  const sign = value < 0 ? -1 : 1
  const shifted = Number(`${Math.abs(value)}e${decimals}`)
  return sign * Number(`${Math.round(shifted)}e-${decimals}`)
}

/**
 * Percent shares of `counts` rounded to `decimals` so they sum to exactly 100:
 * each share is floored at the precision, then the units left over go to the
 * largest remainders (ties: the earlier row). All zeros give all zeros.
 */
export function largestRemainder(counts: number[], decimals = 2): number[] {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total <= 0) return counts.map(() => 0)
  const unit = 10 ** decimals
  const exact = counts.map((c) => (c * 100 * unit) / total)
  const floors = exact.map((x) => Math.floor(x + 1e-9))
  let left = 100 * unit - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]! += 1
    left--
  }
  return floors.map((f) => f / unit)
}

/**
 * Figures of the area entered per year and unit (indicators of measure «input», migration 024): stored
 * beside the plan in report_targets.actual, because they are typed in the same grid as the plan. The
 * register cannot count them (the OCOP products of the whole area, not only its HTX's); indicators of
 * measure «percentOf» then relate a counted indicator to one of these.
 */
import type { CoreContext } from '../context'
import type { Indicator } from './definitions'

export type Inputs = ReadonlyMap<string, number>

export function loadInputs(ctx: CoreContext, year: number, unitCode: string): Inputs {
  const rows = ctx.conn.sqlite
    .prepare('select indicator, actual from report_targets where year = ? and unit_code = ? and actual is not null')
    .raw()
    .all(year, unitCode) as Array<[string, number]>
  return new Map(rows)
}

/** Fills the entered and the derived indicators of one set of values, in place. */
export function derive(values: Record<string, number | null>, indicators: Indicator[], inputs: Inputs): void {
  for (const i of indicators) if (i.measure === 'input') values[i.code] = inputs.get(i.code) ?? null
  for (const i of indicators)
    if (i.measure === 'percentOf') {
      const of = values[i.of!] ?? null
      const per = values[i.per!] ?? null
      values[i.code] = of !== null && per !== null && per > 0 ? (of / per) * 100 : null
    }
}

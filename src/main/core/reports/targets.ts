/**
 * Plan targets ("kế hoạch") and year-end estimates ("ước thực hiện") entered by the
 * user per indicator and year, for the office (or one district in a province file);
 * and, for indicators of measure «input», the year's figure of the area (024, inputs.ts).
 * Saving is one transaction with one audit row per changed indicator.
 */
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { definitions } from './definitions'
import { checkScope, officeUnit } from './summary'

export interface TargetValues {
  plan: number | null
  estimate: number | null
  actual: number | null
}

export async function loadTargets(ctx: CoreContext, year: number, unitCode: string): Promise<Map<string, TargetValues>> {
  const rows = await ctx.db.selectFrom('report_targets').selectAll().where('year', '=', year).where('unit_code', '=', unitCode).execute()
  return new Map(rows.map((r) => [r.indicator, { plan: r.plan, estimate: r.estimate, actual: r.actual ?? null }]))
}

export interface TargetInput {
  indicator: string
  plan?: number | null
  estimate?: number | null
  /** The year's figure of the area, for an indicator of measure «input» only. */
  actual?: number | null
  /** The plan the office proposes for the next year («Kế hoạch năm N+1»): stored as that year's plan. */
  nextPlan?: number | null
}

export async function saveTargets(
  ctx: CoreContext,
  year: number,
  scope: string | null | undefined,
  values: TargetInput[]
): Promise<number> {
  const unit = await officeUnit(ctx)
  const unitCode = checkScope(unit, scope) ?? unit.code
  const { byCode } = definitions()
  for (const [i, v] of values.entries()) {
    if (!byCode.has(v.indicator)) {
      throw new AppError('VALIDATION', `Dòng ${i + 1}: chỉ tiêu «${v.indicator}» không có trong danh mục chỉ tiêu báo cáo.`, {
        field: `values.${i}.indicator`
      })
    }
    const ind = byCode.get(v.indicator)!
    if (v.actual !== undefined && v.actual !== null && ind.measure !== 'input') {
      throw new AppError(
        'VALIDATION',
        `Dòng ${i + 1}: «${ind.label}» được tính từ sổ, không nhập số thực hiện; chỉ nhập cho chỉ tiêu số liệu của địa bàn.`,
        { field: `values.${i}.actual` }
      )
    }
  }
  // «Kế hoạch năm N+1» is next year's plan: the same rows, one year on, in the same transaction.
  const rows: Array<{ year: number; v: Omit<TargetInput, 'nextPlan'> }> = values.flatMap((v) => [
    ...(v.plan !== undefined || v.estimate !== undefined || v.actual !== undefined
      ? [{ year, v: { indicator: v.indicator, plan: v.plan, estimate: v.estimate, actual: v.actual } }]
      : []),
    ...(v.nextPlan !== undefined ? [{ year: year + 1, v: { indicator: v.indicator, plan: v.nextPlan } }] : [])
  ])
  return ctx.db.transaction().execute(async (trx) => {
    let changed = 0
    for (const { year, v } of rows) {
      const before = await trx
        .selectFrom('report_targets')
        .select(['plan', 'estimate', 'actual'])
        .where('year', '=', year)
        .where('unit_code', '=', unitCode)
        .where('indicator', '=', v.indicator)
        .executeTakeFirst()
      const after = {
        plan: v.plan === undefined ? (before?.plan ?? null) : v.plan,
        estimate: v.estimate === undefined ? (before?.estimate ?? null) : v.estimate,
        actual: v.actual === undefined ? (before?.actual ?? null) : v.actual
      }
      if (before && before.plan === after.plan && before.estimate === after.estimate && (before.actual ?? null) === after.actual) continue
      if (!before && after.plan === null && after.estimate === null && after.actual === null) continue
      await trx
        .insertInto('report_targets')
        .values({ year, unit_code: unitCode, indicator: v.indicator, ...after, updated_at: ctx.now() })
        .onConflict((oc) => oc.columns(['year', 'unit_code', 'indicator']).doUpdateSet({ ...after, updated_at: ctx.now() }))
        .execute()
      await writeAudit(trx, ctx, {
        action: before ? 'target_update' : 'target_create',
        table: 'report_targets',
        rowId: null,
        before: before ? { year, unitCode, indicator: v.indicator, ...before } : undefined,
        after: { year, unitCode, indicator: v.indicator, ...after }
      })
      changed++
    }
    return changed
  })
}

/** The reports domain's handlers: thin, the work is in summary/build-table/render/targets. */
import type { DomainHandlers } from '../context'
import { buildDashboard } from './dashboard'
import { buildNarrative } from './narrative'
import { definitions } from './definitions'
import { toCsvText, toHtml, toXlsx } from './render'
import { roundHalfUp } from './rounding'
import { buildSummary, checkScope, officeUnit } from './summary'
import { buildTable } from './build-table'
import { loadTargets, saveTargets } from './targets'

type Names =
  | 'report.narrative'
  | 'report.dashboard'
  | 'report.list'
  | 'report.units'
  | 'report.summary'
  | 'report.build'
  | 'report.export'
  | 'report.targets'
  | 'report.setTargets'

export const reportsHandlers: DomainHandlers<Names> = {
  'report.units': async (input, ctx) => {
    const unit = await officeUnit(ctx, input.asOf)
    return unit.mode === 'province' ? unit.districts : []
  },
  'report.list': async () => definitions().layouts.map((l) => ({ id: l.id, title: l.title, annex: l.annex ?? null, type: l.type })),

  'report.summary': async (input, ctx) => buildSummary(ctx, input.asOf, input.scope),

  'report.dashboard': async (input, ctx) => buildDashboard(ctx, input.asOf, input.scope),

  'report.narrative': async (input, ctx) => buildNarrative(ctx, input.asOf, input.scope),

  'report.build': async (input, ctx) => buildTable(ctx, input),

  'report.export': async (input, ctx) => {
    const table = await buildTable(ctx, input)
    const bytes = input.format === 'xlsx' ? toXlsx(table) : Buffer.from(input.format === 'csv' ? toCsvText(table) : toHtml(table), 'utf8')
    const suffix = input.boundaries === 'new' ? '-dia-gioi-moi' : ''
    return { name: `${table.layoutId}-${table.asOf}${suffix}.${input.format}`, base64: bytes.toString('base64'), rows: table.rows.length }
  },

  /** Every indicator with last year's actual (as of 31/12), and this year's plan and estimate. */
  'report.targets': async (input, ctx) => {
    const unit = await officeUnit(ctx)
    const scope = checkScope(unit, input.scope)
    const targets = await loadTargets(ctx, input.year, scope ?? unit.code)
    const next = await loadTargets(ctx, input.year + 1, scope ?? unit.code)
    const prev = await buildSummary(ctx, `${input.year - 1}-12-31`, scope)
    return definitions().indicators.map((i) => {
      const t = targets.get(i.code)
      const p = prev.indicators[i.code]
      return {
        indicator: i.code,
        label: i.label,
        unit: i.unit,
        decimals: i.decimals ?? 0,
        previousActual: p === null || p === undefined ? null : roundHalfUp(p, i.decimals ?? 0),
        plan: t?.plan ?? null,
        estimate: t?.estimate ?? null,
        nextPlan: next.get(i.code)?.plan ?? null,
        input: i.measure === 'input',
        actual: i.measure === 'input' ? (t?.actual ?? null) : null
      }
    })
  },

  'report.setTargets': async (input, ctx) => ({ changed: await saveTargets(ctx, input.year, input.scope, input.values) })
}

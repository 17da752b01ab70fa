/** The reports domain's handlers: thin, the work is in summary/tables/render. */
import type { CoreContext, DomainHandlers } from '../context'
import { definitions } from './definitions'
import { buildSummary } from './summary'

export const reportsHandlers: DomainHandlers<'report.list' | 'report.summary'> = {
  'report.list': async () =>
    definitions().layouts.map((l) => ({ id: l.id, title: l.title, annex: l.annex ?? null, type: l.type })),
  'report.summary': async (input, ctx: CoreContext) => buildSummary(ctx, input.asOf, input.scope)
}

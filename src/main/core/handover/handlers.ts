/** The handover domain: a former district's plan, decisions and packages; a commune's import (issue 14, point 3). */
import type { DomainHandlers } from '../context'
import { exportHandover } from './export'
import { importHandover } from './import'
import { buildPlan, resolveRecord } from './plan'

type Names = 'handover.plan' | 'handover.resolve' | 'handover.export' | 'handover.import'

export const handoverHandlers: DomainHandlers<Names> = {
  'handover.plan': async (_input, ctx) => buildPlan(ctx),
  'handover.resolve': (input, ctx) => resolveRecord(ctx, input),
  'handover.export': (input, ctx) => exportHandover(ctx, input.commune),
  'handover.import': (input, ctx) => importHandover(ctx, input.file, input.trustNewKeys ?? false)
}

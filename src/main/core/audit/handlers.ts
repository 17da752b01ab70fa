import type { DomainHandlers } from '../context'
import { toAuditEntry } from './log'

export const auditHandlers: DomainHandlers<'audit.list'> = {
  'audit.list': async (input, ctx) => {
    let query = ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(input.limit ?? 200)
    if (input.table) query = query.where('table_name', '=', input.table)
    if (input.rowId) query = query.where('row_id', '=', input.rowId)
    return (await query.execute()).map(toAuditEntry)
  }
}

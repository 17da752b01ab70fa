/** period close | reopen | list: closing the data up to a date once it has been sent (chốt số liệu). */
import type { ClosedPeriod } from '../../../shared/contract/period'
import { formatDate, parseViDate } from '../../../shared/text'
import { vnDateTime } from '../../../shared/clock'
import { common, withCore, type Command, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

function asOf(values: Values): string {
  const v = values['as-of']
  if (typeof v !== 'string' || v === '') throw new UsageError('Cần --as-of NGÀY (chốt số liệu đến ngày, ví dụ 30/06/2025).')
  return parseViDate(v) ?? v
}

function printPeriod(result: unknown, io: CliIo): void {
  const p = result as ClosedPeriod
  io.err(
    p.reopenedAt ? `Đã mở lại kỳ chốt đến ${formatDate(p.asOf)}: ${p.reopenReason}` : `Đã chốt số liệu đến ngày ${formatDate(p.asOf)}.`
  )
}

export const periodCommands: Record<string, Command> = {
  'period close': {
    usage:
      'period close --db TỆP --as-of NGÀY [--note GHI_CHÚ]   chốt số liệu đến ngày (sự kiện, số liệu năm, bước giải thể đến ngày ấy không sửa được nữa)',
    options: { ...common, 'as-of': { type: 'string' }, note: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('period.close', { asOf: asOf(values), ...(typeof values.note === 'string' ? { note: values.note } : {}) })
      ),
    print: printPeriod
  },
  'period reopen': {
    usage: 'period reopen --db TỆP --as-of NGÀY --reason LÝ_DO   mở lại kỳ đã chốt (quản trị; ghi nhật ký)',
    options: { ...common, 'as-of': { type: 'string' }, reason: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('period.reopen', { asOf: asOf(values), reason: typeof values.reason === 'string' ? values.reason : '' })
      ),
    print: printPeriod
  },
  'period list': {
    usage: 'period list --db TỆP [--json]   các kỳ đã chốt',
    options: common,
    run: (values) => withCore(values, (core) => core.call('period.list', {})),
    print: (result, io) => {
      const list = result as ClosedPeriod[]
      io.out(
        table(
          ['Chốt đến', 'Lúc', 'Người chốt', 'Mở lại lúc', 'Người mở', 'Lý do'],
          list.map((p) => [formatDate(p.asOf), vnDateTime(p.closedAt), p.closedBy, vnDateTime(p.reopenedAt), p.reopenedBy, p.reopenReason])
        )
      )
    }
  }
}

/**
 * dissolution candidates|open|step|council|debt|asset|settle|obstacle|remove|attach|finalise|cancel|show|list|draft|dashboard
 *
 * The domain's commands in their help order: those that work a case (dissolution-case.ts), those that write its
 * papers (dissolution-papers.ts), then the list of cases, kept here. Shared option reading and the case print are in
 * dissolution-common.ts.
 */
import type { CaseSummary } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { common, withCore, type Command } from '../command'
import { table } from '../io'
import { dissolutionCaseCommands } from './dissolution-case'
import { date, STATE_LABEL, str } from './dissolution-common'
import { dissolutionPaperCommands } from './dissolution-papers'

export const dissolutionCommands: Record<string, Command> = {
  ...dissolutionCaseCommands,
  ...dissolutionPaperCommands,
  'dissolution list': {
    usage: 'dissolution list --db TỆP [--state open|finalised|cancelled] [--as-of NGÀY]',
    options: { ...common, state: { type: 'string' }, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.list', {
          ...(str(values, 'state') ? { state: str(values, 'state') } : {}),
          ...(date(values, 'as-of') ? { asOf: date(values, 'as-of') } : {})
        } as never)
      ),
    print: (result, io) => {
      const list = result as CaseSummary[]
      io.out(
        table(
          ['Hồ sơ', 'HTX', 'Hình thức', 'Luật', 'Mở ngày', 'Bước xong', 'Quá hạn', 'Nợ chưa xử lý (đồng)', 'Trạng thái'],
          list.map((c) => [
            c.id,
            c.entityName,
            c.kind === 'voluntary' ? 'Tự nguyện' : 'Bắt buộc',
            c.law,
            formatDate(c.openedOn),
            `${c.stepsDone}/${c.stepsTotal}`,
            c.overdue,
            formatNumber(c.unsettledPayable),
            STATE_LABEL[c.state]
          ])
        )
      )
    }
  }
}

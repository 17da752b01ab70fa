/** Reporting rounds and who has reported (rounds.ts, board.ts, outputs.ts). */
import { vnYear } from '../../../shared/clock'
import type { DomainHandlers } from '../context'
import { toHtml, toXlsx } from '../reports/render'
import { roundBoard } from './board'
import { roundCalendar } from './calendar'
import { boardTable } from './outputs'
import { listRounds, setRound } from './rounds'

type Names = 'round.list' | 'round.calendar' | 'round.set' | 'round.board' | 'round.page' | 'round.xlsx'

export const roundHandlers: DomainHandlers<Names> = {
  'round.list': (_input, ctx) => listRounds(ctx),
  'round.calendar': async (input, ctx) => roundCalendar(input.year ?? vnYear(ctx.now)),
  'round.set': (input, ctx) => setRound(ctx, input),
  'round.board': (input, ctx) => roundBoard(ctx, input.asOf),
  'round.page': async (input, ctx) => {
    const table = await boardTable(ctx, await roundBoard(ctx, input.asOf))
    return { name: `dot-bao-cao-${table.asOf}.html`, title: table.title, html: toHtml(table), rows: table.rows.length }
  },
  'round.xlsx': async (input, ctx) => {
    const table = await boardTable(ctx, await roundBoard(ctx, input.asOf))
    return { name: `dot-bao-cao-${table.asOf}.xlsx`, base64: toXlsx(table).toString('base64'), rows: table.rows.length }
  }
}

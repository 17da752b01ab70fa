/**
 * The board on paper and in a workbook: one ReportTable drawn by the reports' own writers
 * (reports/render.ts toXlsx, toHtml), so the printed page, the .xlsx and the screen show
 * the same rows under the province's letterhead.
 */
import { vnDateTime } from '../../../shared/clock'
import { BOARD_STATE_LABELS, BOARD_STATES, stateText, type RoundBoard } from '../../../shared/contract/round'
import { gsoCode } from '../../../shared/contract/office'
import type { ReportTable } from '../../../shared/contract/reports'
import type { UnitLevel } from '../../../shared/domain'
import { formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { requireProvince } from '../handoff/consolidate'
import { officeBody } from '../office/body'
import { officeBodyName, today } from '../office/office'
import { placeName } from '../text/document'

export function boardTitle(board: RoundBoard): string {
  return `Tình hình gửi số liệu — đợt số liệu đến ngày ${formatDate(board.round.asOf)}, hạn gửi ${formatDate(board.round.deadline)}`
}

export async function boardTable(ctx: CoreContext, board: RoundBoard): Promise<ReportTable> {
  const unit = await requireProvince(ctx)
  const office = officeBody({ ...unit, level: unit.level as UnitLevel }, today(ctx), await officeBodyName(ctx.db))
  const summary = BOARD_STATES.filter((s) => board.counts[s] > 0)
    .map((s) => `${BOARD_STATE_LABELS[s]}: ${board.counts[s]}`)
    .join('; ')
  return {
    layoutId: 'dot-bao-cao',
    annex: null,
    title: boardTitle(board),
    asOf: board.round.asOf,
    officeName: office.name,
    issuer: { parent: office.parent, body: office.body },
    place: placeName({ name: office.unitName }),
    scopeName: `${board.provinceName} — ${board.rows.length} đơn vị phải gửi (${summary})`,
    reportNo: null,
    columns: [
      { label: 'STT', type: 'number', width: 5 },
      { label: 'Mã', type: 'text', width: 8 },
      { label: 'Đơn vị', type: 'text', width: 30 },
      { label: 'Xuất lúc', group: 'Gói gần nhất', type: 'text', width: 17 },
      { label: 'Số liệu đến ngày', group: 'Gói gần nhất', type: 'text', width: 12 },
      { label: 'Tỉnh nhận lúc', group: 'Gói gần nhất', type: 'text', width: 17 },
      { label: 'Gửi cho đợt lúc', type: 'text', width: 17 },
      { label: 'Tình trạng', type: 'text', width: 30 },
      { label: 'Ý kiến của tỉnh', type: 'text', width: 35 }
    ],
    rows: board.rows.map((r, i) => ({
      cells: [
        i + 1,
        gsoCode(r.code),
        r.name,
        vnDateTime(r.lastExportedAt),
        formatDate(r.lastAsOf),
        vnDateTime(r.consolidatedAt),
        vnDateTime(r.sentAt),
        stateText(r),
        r.decisionNote ?? ''
      ]
    })),
    notes: board.rules,
    signTitle: office.signTitle
  }
}

/**
 * Who has reported (issue 18 point 3): a province's reporting rounds (đợt báo cáo: the
 * date the figures are as of and the day they are due) and, for a round, one row per
 * office the map expects for that date, with its last package and where it stands.
 */
import { z } from 'zod'
import type { UnitLevel } from '../domain'
import type { PrintablePage } from './dissolution'
import type { ReviewDecision } from './review'
import { empty, handler, isoDate, text, type FileOutput } from './common'

export const BOARD_STATES = ['missing', 'pending', 'late', 'returned', 'accepted'] as const
export type BoardState = (typeof BOARD_STATES)[number]

export const BOARD_STATE_LABELS: Record<BoardState, string> = {
  missing: 'Chưa gửi',
  pending: 'Đã gửi, chờ xem xét',
  late: 'Gửi muộn',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận'
}

/** A row's state as a person reads it, with the days late beside a decision taken on a late package. */
export function stateText(r: Pick<BoardRow, 'state' | 'daysLate'>): string {
  const label = BOARD_STATE_LABELS[r.state]
  if (r.daysLate === null) return label
  return r.state === 'late' ? `${label} ${r.daysLate} ngày` : `${label} (gửi muộn ${r.daysLate} ngày)`
}

export interface ReportRound {
  id: number
  asOf: string
  deadline: string
  note: string | null
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** The yearly calendar of the registration system (resources/rounds/calendar.json) and the round it suggests. */
export interface RoundCalendar {
  source: string
  verified: boolean
  /** What could not be confirmed (the text that replaced the circular); shown beside the default. */
  replacedNote: string
  steps: Array<{ label: string; by: string; basis: string }>
  /** The round the calendar gives for the year asked (default: this year). */
  suggested: { asOf: string; deadline: string }
  why: string
}

export interface BoardRow {
  /** The office's key (a former district "178", a commune "05977@2025"). */
  code: string
  name: string
  level: UnitLevel
  state: BoardState
  /** The office's package in place, whatever its date: when it was made, what date its figures are as of, when the province took it. */
  lastExportedAt: string | null
  lastAsOf: string | null
  consolidatedAt: string | null
  /** When the office first sent a package for this round (its export time); lateness is measured by it. */
  sentAt: string | null
  /** Days after the deadline the first package for the round was made (0 or more when late), null when on time or not sent. */
  daysLate: number | null
  /** The package in place, for the review screen; null when none counts for the round. */
  packageId: number | null
  decision: ReviewDecision | null
  decisionNote: string | null
}

export interface RoundBoard {
  round: ReportRound
  provinceName: string
  rows: BoardRow[]
  counts: Record<BoardState, number>
  /** Whether the deadline has passed today: a unit still «chưa gửi» is then overdue. */
  pastDeadline: boolean
  /** How the board is read, said once (screen, print, export). */
  rules: string[]
}

export const roundLabels: Record<string, string> = {
  deadline: 'Hạn gửi số liệu'
}

const asOfOnly = z.object({ asOf: isoDate.optional() }).strict()

export const roundContract = {
  'round.list': handler<ReportRound[]>('read')(empty),
  'round.calendar': handler<RoundCalendar>('read')(z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict()),
  /** Province: creates the round of an as-of date, or moves its deadline (audited); the deadline defaults to the calendar's. */
  'round.set': handler<ReportRound>('province-write')(
    z.object({ asOf: isoDate, deadline: isoDate.optional(), note: text(500).nullish() }).strict()
  ),
  /** Province: the board of a round (default: the latest), one row per office the map expects on its as-of date. */
  'round.board': handler<RoundBoard>('read')(asOfOnly),
  'round.page': handler<PrintablePage & { rows: number }>('read')(asOfOnly),
  'round.xlsx': handler<FileOutput & { rows: number }>('read')(asOfOnly)
}

/**
 * Who has reported for a round: one row per office the map expects on the round's as-of
 * date (sendersOf: the former districts of the area up to 30/06/2025, the communes of the
 * province after), never only those that happened to send. For each, its package in
 * place and a state:
 * - chưa gửi: no package in place is as of the round's date or later;
 * - bị trả lại / đã chấp nhận: the province's review of the package in place;
 * - gửi muộn: not reviewed yet, and the first package for the round was made after the deadline;
 * - đã gửi, chờ xem xét: not reviewed yet, sent in time.
 * A late package the province then accepted or returned shows that decision, with its days late.
 */
import { vnDate } from '../../../shared/clock'
import { BOARD_STATES, type BoardRow, type BoardState, type RoundBoard } from '../../../shared/contract/round'
import type { ReviewDecision } from '../../../shared/contract/review'
import { formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { requireProvince } from '../handoff/consolidate'
import { sendersOf, unitKey } from '../office/area'
import { today } from '../office/office'
import { findRound } from './rounds'

interface Sent {
  id: number
  exported_at: string
  as_of: string
  at: string
}

const DAY_MS = 86_400_000

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)
}

export async function roundBoard(ctx: CoreContext, asOf: string | undefined): Promise<RoundBoard> {
  const province = await requireProvince(ctx)
  const round = await findRound(ctx, asOf)
  const sqlite = ctx.conn.sqlite
  const current = sqlite.prepare(
    `select id, exported_at, as_of, at from package_consolidations
     where unit_code = ? and outcome = 'accepted' order by id desc limit 1`
  )
  const firstForRound = sqlite.prepare(
    `select id, exported_at, as_of, at from package_consolidations
     where unit_code = ? and outcome = 'accepted' and as_of >= ? order by exported_at, id limit 1`
  )
  const review = sqlite.prepare('select decision, note from package_reviews where consolidation_id = ?')
  const rows = sendersOf(province.code, round.asOf).map((u): BoardRow => {
    const code = unitKey(u)
    const last = current.get(code) as Sent | undefined
    const base = {
      code,
      name: u.name,
      level: u.level,
      lastExportedAt: last?.exported_at ?? null,
      lastAsOf: last?.as_of ?? null,
      consolidatedAt: last?.at ?? null
    }
    if (!last || last.as_of < round.asOf) {
      return { ...base, state: 'missing', sentAt: null, daysLate: null, packageId: null, decision: null, decisionNote: null }
    }
    const first = firstForRound.get(code, round.asOf) as Sent
    const sentOn = vnDate(first.exported_at)
    const daysLate = sentOn > round.deadline ? daysBetween(round.deadline, sentOn) : null
    const r = review.get(last.id) as { decision: ReviewDecision | null; note: string | null } | undefined
    const decision = r?.decision ?? null
    const state: BoardState = decision ?? (daysLate !== null ? 'late' : 'pending')
    return { ...base, state, sentAt: first.exported_at, daysLate, packageId: last.id, decision, decisionNote: r?.note ?? null }
  })
  const counts = Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>
  for (const r of rows) counts[r.state]++
  return {
    round,
    provinceName: province.name,
    rows,
    counts,
    pastDeadline: today(ctx) > round.deadline,
    rules: [
      `Đơn vị phải gửi: theo bản đồ hành chính tại ngày ${formatDate(round.asOf)} (${
        rows[0]?.level === 'commune' ? 'các xã, phường của tỉnh' : 'các huyện cũ của địa bàn'
      }), kể cả đơn vị chưa từng gửi gói nào.`,
      `Một gói tính cho đợt khi số liệu của nó tính đến ngày ${formatDate(round.asOf)} hoặc muộn hơn; gửi muộn khi gói đầu tiên cho đợt được xuất sau hạn ${formatDate(round.deadline)} (giờ xuất ghi trong gói đã ký).`,
      'Bị trả lại / đã chấp nhận: kết luận của tỉnh về gói đang dùng (Xem xét gói).'
    ]
  }
}

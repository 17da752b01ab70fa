/**
 * "Cần xử lý": HTX/LHHTX that meet a ground for compulsory dissolution or look abandoned,
 * each reason with the date its situation started (`start`: the suspension, the last
 * meeting, the last figures) and the date the ground is met (`since`: start + 12 or 18
 * months, two years); either is null when the record gives no date.
 */
import type { Kysely } from 'kysely'
import type { AgmMissing, Candidate } from '../../../shared/contract/dissolution'
import { addMonths } from '../calendar'
import type { Database } from '../db/schema'
import { selectEntities } from '../registry/entities'

export async function findCandidates(db: Kysely<Database>, asOf: string): Promise<Candidate[]> {
  const rows = await selectEntities(db, asOf)
    .where('e.kind', 'in', ['htx', 'lhhtx'])
    .where('e.deleted_at', 'is', null)
    .orderBy('e.name')
    .execute()
  const openCases = new Set(
    (await db.selectFrom('dissolution_cases').select('entity_id').where('state', '=', 'open').execute()).map((r) => r.entity_id)
  )
  const lastYear = new Map(
    (
      await db
        .selectFrom('yearly_figures')
        .select(['entity_id', (eb) => eb.fn.max('year').as('y')])
        .groupBy('entity_id')
        .execute()
    ).map((r) => [r.entity_id, Number(r.y)])
  )
  const asOfYear = Number(asOf.slice(0, 4))
  const out: Candidate[] = []
  for (const e of rows) {
    const status = e.status
    if (status === 'dissolved' || status === 'dissolving' || openCases.has(e.id)) continue
    const reasons: Candidate['reasons'] = []
    if (status === 'suspended' || status === 'inactive') {
      const since = e.status_since ? addMonths(e.status_since, 12) : null
      if (since === null || since <= asOf) {
        reasons.push({
          code: 'stopped_12m',
          label: `${status === 'suspended' ? 'Tạm ngừng' : 'Ngừng'} hoạt động từ 12 tháng trở lên${since === null ? ' (không rõ ngày bắt đầu)' : ''}`,
          since,
          start: e.status_since
        })
      }
    }
    if (status === 'revoked') {
      reasons.push({
        code: 'certificate_revoked',
        label: 'Bị thu hồi giấy chứng nhận đăng ký',
        since: e.status_since,
        start: e.status_since
      })
    }
    // Only a known meeting date makes "no general meeting for 18 months" a ground: a list that
    // never carried the date is not a violation, it is a date to complete (missingAgmDates).
    const agmSince = e.last_agm_date ? addMonths(e.last_agm_date, 18) : null
    if (agmSince !== null && agmSince <= asOf) {
      reasons.push({
        code: 'no_agm_18m',
        label: 'Không đại hội thành viên thường niên 18 tháng liên tục',
        since: agmSince,
        start: e.last_agm_date ?? null
      })
    }
    const y = lastYear.get(e.id)
    const regYear = e.registration_date ? Number(e.registration_date.slice(0, 4)) : null
    const from = y ?? (regYear !== null ? regYear : null)
    // two whole years without figures: the years after `from` up to asOfYear-1
    if (from !== null && asOfYear - 1 - from >= 2) {
      reasons.push({
        code: 'no_figures_2y',
        label: y ? `Không có số liệu hằng năm từ năm ${y + 1}` : 'Chưa có số liệu hằng năm nào',
        since: `${from + 3}-01-01`,
        start: `${from + 1}-01-01`
      })
    }
    if (reasons.length > 0)
      out.push({ entityId: e.id, name: e.name, regNo: e.reg_no, status, lastAgmDate: e.last_agm_date ?? null, reasons })
  }
  return out
}

/**
 * HTX and LHHTX registered more than 18 months before `asOf` whose last general meeting
 * the register does not know: listed for the officer to complete («chưa có ngày đại hội»),
 * not counted as candidates.
 */
export async function missingAgmDates(db: Kysely<Database>, asOf: string): Promise<AgmMissing[]> {
  const rows = await selectEntities(db, asOf)
    .where('e.kind', 'in', ['htx', 'lhhtx'])
    .where('e.deleted_at', 'is', null)
    .where('e.last_agm_date', 'is', null)
    .orderBy('e.name')
    .execute()
  return rows
    .filter((e) => e.status !== 'dissolved' && e.status !== 'dissolving')
    .filter((e) => !e.registration_date || addMonths(e.registration_date, 18) <= asOf)
    .map((e) => ({ entityId: e.id, name: e.name, regNo: e.reg_no, status: e.status, registrationDate: e.registration_date }))
}

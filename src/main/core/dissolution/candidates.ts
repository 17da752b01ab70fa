/**
 * "Cần xử lý": HTX/LHHTX that meet a ground of the 2023 law (Luật HTX 2023 Điều 103 khoản 1 and
 * what NĐ 295/2026 adds), each reason with its article, the date its situation started (`start`:
 * the suspension, the last meeting, the court decision) and the date the ground is met (`since`);
 * either is null when the record gives no date. The grounds, their periods and citations are data
 * (resources/dissolution/candidate-grounds.json). «No general meeting» counts only where the
 * meeting date is known; the others are listed apart (missingAgmDates). Records already in a
 * dissolution procedure (legal status dissolving, bankruptcy, dissolved) or with an open case are
 * not listed.
 */
import type { Kysely } from 'kysely'
import data from '../../../../resources/dissolution/candidate-grounds.json'
import type { AgmMissing, Candidate } from '../../../shared/contract/dissolution'
import { addMonths } from '../calendar'
import type { Database } from '../db/schema'
import { selectEntities } from '../registry/entities'

type GroundCode = keyof typeof data.grounds
interface Ground {
  label: string
  article: string
  months?: number
  noticeMonthsMax?: number
  verified: boolean
}
const GROUNDS = data.grounds as Record<GroundCode, Ground>
const MIN_MEMBERS = data.minMembers as Record<string, number>

function reason(code: GroundCode, since: string | null, start: string | null, extra = ''): Candidate['reasons'][number] {
  const g = GROUNDS[code]
  return {
    code,
    label: g.label + extra,
    article: g.verified ? g.article : `${g.article} — ${data.unverifiedNote}`,
    verified: g.verified,
    since,
    start
  }
}

/** For each record suspended on `asOf`: when its run of suspensions began and when the latest notice ends. */
function suspensions(db: Kysely<Database>, asOf: string) {
  return db
    .selectFrom('status_events')
    .select(['entity_id', 'status', 'effective_date', 'until_date', 'id'])
    .where((eb) => eb.or([eb('effective_date', 'is', null), eb('effective_date', '<=', asOf)]))
    .orderBy('entity_id')
    .orderBy((eb) => eb('effective_date', 'is not', null))
    .orderBy('effective_date')
    .orderBy('id')
    .execute()
    .then((rows) => {
      const out = new Map<number, { runStart: string | null; latest: string | null; until: string | null }>()
      for (const r of rows) {
        if (r.status !== 'suspended') {
          out.delete(r.entity_id)
          continue
        }
        const run = out.get(r.entity_id)
        if (run) {
          run.latest = r.effective_date
          run.until = r.until_date ?? null
        } else out.set(r.entity_id, { runStart: r.effective_date, latest: r.effective_date, until: r.until_date ?? null })
      }
      return out
    })
}

/** For each record: the run of its latest years (up to `year`) whose figures give fewer members than `min`. */
async function memberRuns(db: Kysely<Database>, year: number) {
  const rows = await db
    .selectFrom('yearly_figures')
    .select(['entity_id', 'year', 'members'])
    .where('year', '<=', year)
    .where('members', 'is not', null)
    .orderBy('entity_id')
    .orderBy('year', 'desc')
    .execute()
  const out = new Map<number, Array<{ year: number; members: number }>>()
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? []
    list.push({ year: r.year, members: r.members! })
    out.set(r.entity_id, list)
  }
  return out
}

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
  const suspended = await suspensions(db, asOf)
  const members = await memberRuns(db, asOfYear)
  const out: Candidate[] = []
  for (const e of rows) {
    const status = e.status
    if (status === 'dissolved' || status === 'dissolving' || status === 'bankruptcy' || openCases.has(e.id)) continue
    const reasons: Candidate['reasons'] = []

    if (status === 'suspended') {
      const run = suspended.get(e.id)
      const latest = run?.latest ?? e.status_since
      // A notice runs to its own date, or at most 12 months (Điều 48 khoản 1) when the register has none.
      const noticeEnd = run?.until ?? (latest ? addMonths(latest, GROUNDS.suspension_beyond_notice.noticeMonthsMax!) : null)
      if (noticeEnd !== null && noticeEnd < asOf)
        reasons.push(
          reason(
            'suspension_beyond_notice',
            noticeEnd,
            latest,
            run?.until ? '' : ' (sổ không ghi hạn: tính tối đa 12 tháng một lần thông báo)'
          )
        )
      const runStart = run?.runStart ?? e.status_since
      const total = runStart ? addMonths(runStart, GROUNDS.suspension_over_total.months!) : null
      if (total !== null && total <= asOf) reasons.push(reason('suspension_over_total', total, runStart))
    }
    if (status === 'not_at_address') reasons.push(reason('not_at_address', e.status_since, e.status_since))
    if (e.label === 'stopped') {
      const since = e.label_since ? addMonths(e.label_since, GROUNDS.stopped_without_notice.months!) : null
      if (since === null || since <= asOf)
        reasons.push(reason('stopped_without_notice', since, e.label_since ?? null, since === null ? ' (không rõ ngày bắt đầu)' : ''))
    }

    const min = MIN_MEMBERS[e.kind]!
    const years = members.get(e.id)
    if (years && years.length > 0) {
      let first: number | null = null
      for (const y of years) {
        if (y.members >= min) break
        first = y.year
      }
      if (first !== null) {
        const start = `${first}-01-01`
        const since = addMonths(start, GROUNDS.members_below_minimum.months!)
        if (since <= asOf)
          reasons.push(reason('members_below_minimum', since, start, ` — ${years[0]!.members} theo số liệu năm ${years[0]!.year}`))
      }
    } else {
      const count = e.kind === 'lhhtx' && e.member_coops_json ? (JSON.parse(e.member_coops_json) as unknown[]).length : e.members_count
      if (count !== null && count !== undefined && count < min)
        reasons.push(reason('members_below_minimum', null, null, ` — sổ ghi ${count}, chưa có số liệu năm để biết từ khi nào`))
    }

    // Only a known date makes a missed update a ground, as for the general meeting below.
    if (e.info_update_date) {
      const since = addMonths(e.info_update_date, GROUNDS.no_info_update.months!)
      if (since <= asOf) reasons.push(reason('no_info_update', since, e.info_update_date))
    }
    const agmSince = e.last_agm_date ? addMonths(e.last_agm_date, GROUNDS.no_agm_18m.months!) : null
    if (agmSince !== null && agmSince <= asOf) reasons.push(reason('no_agm_18m', agmSince, e.last_agm_date ?? null))
    if (e.court_decision_date && e.court_decision_date <= asOf)
      reasons.push(
        reason('court_decision', e.court_decision_date, e.court_decision_date, e.court_decision_no ? ` số ${e.court_decision_no}` : '')
      )

    const y = lastYear.get(e.id)
    const regYear = e.registration_date ? Number(e.registration_date.slice(0, 4)) : null
    const from = y ?? (regYear !== null ? regYear : null)
    // two whole years without figures: the years after `from` up to asOfYear-1
    if (from !== null && asOfYear - 1 - from >= 2) {
      const r = reason('no_figures_2y', `${from + 3}-01-01`, `${from + 1}-01-01`)
      r.label = y ? `Không có số liệu hằng năm từ năm ${y + 1}` : 'Chưa có số liệu hằng năm nào'
      reasons.push(r)
    }
    if (reasons.length > 0)
      out.push({
        entityId: e.id,
        name: e.name,
        regNo: e.reg_no,
        status,
        label: e.label ?? null,
        lastAgmDate: e.last_agm_date ?? null,
        reasons
      })
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
    .filter((e) => e.status !== 'dissolved' && e.status !== 'dissolving' && e.status !== 'bankruptcy')
    .filter((e) => !e.registration_date || addMonths(e.registration_date, 18) <= asOf)
    .map((e) => ({ entityId: e.id, name: e.name, regNo: e.reg_no, status: e.status, registrationDate: e.registration_date }))
}

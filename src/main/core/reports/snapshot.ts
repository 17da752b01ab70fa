/**
 * The register as it stood on a date: one pass over each of the three tables
 * (entities, status events up to the date, yearly figures up to its year), joined in
 * memory by entity id. Every report and the dashboard start from here, so a report
 * for 30/06/2023 gives the same numbers whenever it is run, unless the history
 * itself was corrected (and then the audit log says what changed). In a province
 * file, the copies of a cooperative claimed by two districts that are not counted
 * (province/conflicts.ts) are left out here, so it counts once everywhere. A record a former
 * district handed over to a commune (handover/, migration 021) counts for dates before its handover
 * date only: from that date it is the commune's, and counted there.
 */
import { labelsSql, statusesSql } from '../registry/status-at'
import type { Conversion, EntityKind, Sector, Status } from '../../../shared/domain'
import type { CoreContext } from '../context'
import type { YearlyFiguresTable } from '../db/schema'
import { leftOutOfProvinceCounts } from '../province/conflicts'
import { unitOnDate } from '../office/area'

export type Figures = Pick<
  YearlyFiguresTable,
  | 'year'
  | 'members'
  | 'workers'
  | 'managers'
  | 'managers_elementary'
  | 'managers_college'
  | 'revenue'
  | 'profit'
  | 'avg_income'
  | 'classification'
> & { new_members: number | null; taxes_paid: number | null; member_revenue: number | null }

export interface EntityAsOf {
  id: number
  kind: EntityKind
  name: string
  regNo: string | null
  address: string | null
  commune: string | null
  /** The unit a province counts it under on the date (office/area.ts unitOnDate): its sender, or before 01/07/2025 a new commune's former district. */
  districtCode: string | null
  /** Its commune on the map of its register's period (entities.commune_code, migration 022), null when unplaced. */
  communeCode: string | null
  sector: Sector | null
  registrationDate: string | null
  charterCapital: number | null
  membersCount: number | null
  memberCoops: number | null
  /** The status held on the date; null when none had started (registered later). */
  status: Status | null
  /** Date of the status held (null: since registration). */
  statusSince: string | null
  /** The management label held on the date (014), null when none. */
  label: string | null
  /** Registered in [1 Jan of the year, date]. */
  isNew: boolean
  /** A dissolution took effect in [1 Jan of the year, date]. */
  dissolvedInPeriod: boolean
  /** A conversion event (024) took effect in [1 Jan of the year, date]: the latest one's code. */
  conversionInPeriod: Conversion | null
  figures: Figures | null
  /** OCOP products rated by the report's year (entities.ocop_json): stars and year of each. */
  ocop: Array<{ stars: number; year: number }>
}

const FIGURE_COLUMNS =
  'entity_id, max(year), members, workers, managers, managers_elementary, managers_college, revenue, profit, avg_income, classification, new_members, taxes_paid, member_revenue'

/**
 * The status rule is the registry's ('status.asOf'): among events up to the date the
 * latest dated one wins (ties: the later recorded), and undated events, which hold
 * since registration, count only when no dated one has started.
 */
export function loadSnapshot(ctx: CoreContext, asOf: string, options: { details?: boolean } = {}): EntityAsOf[] {
  const sqlite = ctx.conn.sqlite
  const yearStart = `${asOf.slice(0, 4)}-01-01`
  const year = Number(asOf.slice(0, 4))
  // Names and addresses only when a table lists entities; the counts need none of them.
  const details = options.details ? 'name, reg_no, address, commune' : "'', null, null, null"
  const entities = sqlite
    .prepare(
      `select id, kind, ${details}, district_code, sector, registration_date, charter_capital, members_count,
              case when member_coops_json is null then null else json_array_length(member_coops_json) end, ocop_json,
              json_extract(handover_origin, '$.from'), commune_code
       from entities where deleted_at is null and (registration_date is null or registration_date <= ?)
         and (handed_over_on is null or handed_over_on > ?)`
    )
    .raw()
    .all(asOf, asOf) as Array<
    [
      number,
      EntityKind,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      Sector | null,
      string | null,
      number | null,
      number | null,
      number | null,
      string | null,
      string | null,
      string | null
    ]
  >

  const byId = new Map<number, EntityAsOf>()
  // Province: a cooperative in two districts' snapshots counts once, in one district.
  const leftOut = leftOutOfProvinceCounts(ctx)
  for (const r of entities) {
    if (leftOut.has(r[0])) continue
    const registrationDate = r[8]
    byId.set(r[0], {
      id: r[0],
      kind: r[1],
      name: r[2],
      regNo: r[3],
      address: r[4],
      commune: r[5],
      districtCode: unitOnDate(r[6], r[13], asOf),
      communeCode: r[14],
      sector: r[7],
      registrationDate,
      charterCapital: r[9],
      membersCount: r[10],
      memberCoops: r[11],
      status: null,
      statusSince: null,
      label: null,
      isNew: registrationDate !== null && registrationDate >= yearStart && registrationDate <= asOf,
      dissolvedInPeriod: false,
      conversionInPeriod: null,
      figures: null,
      ocop: ocopOf(r[12], year)
    })
  }

  // The deciding event per entity on the date (status-at.ts), in one grouped pass.
  const latest = sqlite
    .prepare(statusesSql({ asOf: true }))
    .raw()
    .all(asOf) as Array<[number, Status, string | null, number]>
  for (const [entityId, status, date] of latest) {
    const e = byId.get(entityId)
    if (!e) continue
    e.status = status
    e.statusSince = date
  }
  const labels = sqlite
    .prepare(labelsSql({ asOf: true }))
    .raw()
    .all(asOf) as Array<[number, string | null, string | null, number]>
  for (const [entityId, label] of labels) {
    const e = byId.get(entityId)
    if (e) e.label = label
  }
  const dissolved = sqlite
    .prepare("select distinct entity_id from status_events where status = 'dissolved' and effective_date between ? and ?")
    .pluck()
    .all(yearStart, asOf) as number[]
  for (const id of dissolved) {
    const e = byId.get(id)
    if (e) e.dissolvedInPeriod = true
  }
  const conversions = sqlite
    .prepare(
      'select entity_id, conversion from status_events where conversion is not null and effective_date between ? and ? order by effective_date, id'
    )
    .raw()
    .all(yearStart, asOf) as Array<[number, Conversion]>
  for (const [id, conversion] of conversions) {
    const e = byId.get(id)
    if (e) e.conversionInPeriod = conversion
  }

  // SQLite takes the bare columns of a max() aggregate from the row holding the max:
  // one row per entity, its latest year not after the report's year.
  const figures = sqlite
    .prepare(`select ${FIGURE_COLUMNS} from yearly_figures where year <= ? group by entity_id`)
    .raw()
    .all(year) as Array<
    [
      number,
      number,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      number | null,
      string | null,
      number | null,
      number | null,
      number | null
    ]
  >
  for (const f of figures) {
    const e = byId.get(f[0])
    if (!e) continue
    e.figures = {
      year: f[1],
      members: f[2],
      workers: f[3],
      managers: f[4],
      managers_elementary: f[5],
      managers_college: f[6],
      revenue: f[7],
      profit: f[8],
      avg_income: f[9],
      classification: f[10],
      new_members: f[11],
      taxes_paid: f[12],
      member_revenue: f[13]
    }
  }
  return [...byId.values()]
}

/** OCOP products of an entity rated in or before the year; a malformed list counts none (the registry checks it on entry). */
function ocopOf(json: string | null, year: number): Array<{ stars: number; year: number }> {
  if (!json) return []
  try {
    const list = JSON.parse(json) as Array<{ stars?: unknown; year?: unknown }>
    if (!Array.isArray(list)) return []
    return list
      .map((o) => ({ stars: Number(o.stars), year: Number(o.year) }))
      .filter((o) => Number.isInteger(o.stars) && (!Number.isFinite(o.year) || o.year <= year))
  } catch {
    return []
  }
}

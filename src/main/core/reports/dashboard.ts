/**
 * "Tổng quan": what the charts show, as of a date and for a scope. Counts by status
 * and by sector group come from the same snapshot as the reports; the per-year series
 * (registrations, dissolutions, members and workers from the yearly figures) are
 * grouped in SQL, one query each, over the ten years up to the date.
 */
import { STATUSES, type Status } from '../../../shared/domain'
import type { CoreContext } from '../context'
import { leftOutOfProvinceCounts } from '../province/conflicts'
import { defaultGrouping } from './definitions'
import { loadSnapshot } from './snapshot'
import { checkScope, inSet, officeUnit, unitKey } from './summary'
import type { DashboardData } from '../../../shared/contract/reports'

const YEARS = 10

export async function buildDashboard(ctx: CoreContext, asOf: string, scope?: string | null): Promise<DashboardData> {
  const unit = await officeUnit(ctx, asOf)
  const district = checkScope(unit, scope)
  const inScope = (code: string | null) => !district || (code ?? unit.code) === district
  const snapshot = loadSnapshot(ctx, asOf).filter((e) => e.kind === 'htx' && inScope(unitKey(unit, e)))

  const byStatus = Object.fromEntries(STATUSES.filter((s) => s !== 'dissolved').map((s) => [s, 0])) as Record<
    Exclude<Status, 'dissolved'>,
    number
  >
  const grouping = defaultGrouping()
  const groupOf = new Map<string, number>()
  grouping.groups.forEach((g, i) => g.sectors.forEach((s) => groupOf.set(s, i)))
  const sectors = grouping.groups.map((g) => ({ code: g.code, label: g.label, active: 0, stopped: 0 }))
  const operatingCount = { active: 0, stopped: 0 }
  for (const e of snapshot) {
    if (!inSet(e, 'present')) continue
    byStatus[e.status as Exclude<Status, 'dissolved'>]++
    const active = inSet(e, 'active')
    operatingCount[active ? 'active' : 'stopped']++
    const g = sectors[groupOf.get(e.sector ?? 'other') ?? -1]
    if (g && active) g.active++
    else if (g) g.stopped++
  }

  const last = Number(asOf.slice(0, 4))
  const years = Array.from({ length: YEARS }, (_, i) => last - YEARS + 1 + i)
  const first = `${years[0]}-01-01`
  // The snapshot above already leaves out a province's uncounted copies of conflicting cooperatives; so do these series.
  const leftOut = [...leftOutOfProvinceCounts(ctx)]
  const scoped = `${district ? 'and coalesce(e.district_code, ?) = ?' : ''} ${leftOut.length ? 'and e.id not in (select value from json_each(?))' : ''}`
  const params: unknown[] = [...(district ? [unit.code, district] : []), ...(leftOut.length ? [JSON.stringify(leftOut)] : [])]
  const sqlite = ctx.conn.sqlite
  const perYear = (sql: string, ...args: unknown[]) =>
    new Map(
      (
        sqlite
          .prepare(sql)
          .raw()
          .all(...args, ...params) as Array<[string | number, number]>
      ).map(([y, n]) => [Number(y), n])
    )
  const founded = perYear(
    `select substr(e.registration_date, 1, 4), count(*) from entities e where e.kind = 'htx' and e.deleted_at is null and e.registration_date between ? and ? ${scoped} group by 1`,
    first,
    asOf
  )
  const dissolved = perYear(
    `select substr(s.effective_date, 1, 4), count(distinct s.entity_id) from status_events s join entities e on e.id = s.entity_id
     where s.status = 'dissolved' and e.kind = 'htx' and e.deleted_at is null and s.effective_date between ? and ? ${scoped} group by 1`,
    first,
    asOf
  )
  const figures = sqlite
    .prepare(
      `select y.year, sum(y.members), sum(y.workers) from yearly_figures y join entities e on e.id = y.entity_id
       where e.kind = 'htx' and e.deleted_at is null and y.year between ? and ? ${scoped} group by y.year`
    )
    .raw()
    .all(years[0], last, ...params) as Array<[number, number | null, number | null]>
  const fig = new Map(figures.map(([y, m, w]) => [y, { members: m ?? 0, workers: w ?? 0 }]))
  return {
    asOf,
    scope: district ?? unit.code,
    total: snapshot.filter((e) => inSet(e, 'present')).length,
    byStatus,
    operating: operatingCount,
    sectors,
    years,
    founded: years.map((y) => founded.get(y) ?? 0),
    dissolved: years.map((y) => dissolved.get(y) ?? 0),
    members: years.map((y) => fig.get(y)?.members ?? 0),
    workers: years.map((y) => fig.get(y)?.workers ?? 0)
  }
}

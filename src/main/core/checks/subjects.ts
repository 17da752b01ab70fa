/**
 * The register's records as the rules see them (evaluate.ts): the status on the date
 * (registry/status-at.ts, the one definition), the earliest dissolution on or before it
 * (a status event the reports count as dissolved, or a finalised dissolution case), the
 * record's own counts and every year's figures. One pass per table for the whole
 * register, or one record.
 */
import type { Status } from '../../../shared/domain'
import type { CoreContext } from '../context'
import { YEARLY_COLUMNS } from '../registry/lifecycle'
import { statusesSql } from '../registry/status-at'
import { DISSOLVED_CODES, type Subject, type SubjectFigures } from './evaluate'
import { FIGURE_FIELDS } from './rules'

const FIGURE_COLUMNS = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, YEARLY_COLUMNS[f]])) as Record<
  (typeof FIGURE_FIELDS)[number],
  string
>

function memberCoops(json: string | null): number | null {
  if (!json) return null
  try {
    const list = JSON.parse(json) as unknown
    return Array.isArray(list) ? list.length : null
  } catch {
    return null
  }
}

export function loadSubjects(ctx: CoreContext, asOf: string, entityId?: number): Subject[] {
  const sqlite = ctx.conn.sqlite
  const one = entityId !== undefined
  const entities = sqlite
    .prepare(
      `select id, kind, name, reg_no, charter_capital, members_count, member_coops_json, sector, commune, commune_code from entities
       where deleted_at is null ${one ? 'and id = ?' : ''} order by id`
    )
    .all(...(one ? [entityId] : [])) as Array<{
    id: number
    kind: Subject['kind']
    name: string
    reg_no: string | null
    charter_capital: number | null
    members_count: number | null
    member_coops_json: string | null
    sector: string | null
    commune: string | null
    commune_code: string | null
  }>
  if (entities.length === 0) return []
  // A province's records are its districts' snapshots: their communes are not placed in its file.
  const places =
    (
      sqlite.prepare('select level from office join admin_units on admin_units.code = office.unit_code').get() as
        { level: string } | undefined
    )?.level !== 'province'
  const statuses = new Map(
    (
      sqlite
        .prepare(`select entity_id, status from (${statusesSql({ asOf: true, where: one ? 's.entity_id = ?' : undefined })})`)
        .all(...(one ? [asOf, entityId] : [asOf])) as Array<{ entity_id: number; status: Status }>
    ).map((r) => [r.entity_id, r.status])
  )
  const dissolved = new Map<number, { on: string; where: string }>()
  const codes = DISSOLVED_CODES.length ? DISSOLVED_CODES : ['dissolved']
  const events = sqlite
    .prepare(
      `select entity_id, min(effective_date) as d, decision_no from status_events
       where effective_date is not null and effective_date <= ? and status in (${codes.map(() => '?').join(', ')}) ${one ? 'and entity_id = ?' : ''}
       group by entity_id`
    )
    .all(asOf, ...codes, ...(one ? [entityId] : [])) as Array<{ entity_id: number; d: string; decision_no: string | null }>
  for (const e of events)
    dissolved.set(e.entity_id, {
      on: e.d,
      where: `sự kiện tình trạng «Đã giải thể»${e.decision_no ? `, quyết định ${e.decision_no}` : ''}`
    })
  // A finalised revocation ends in «đang làm thủ tục giải thể», not in dissolution.
  const cases = sqlite
    .prepare(
      `select entity_id, id, closed_on from dissolution_cases where state = 'finalised' and kind <> 'revocation' and closed_on is not null and closed_on <= ? ${one ? 'and entity_id = ?' : ''}
       order by closed_on`
    )
    .all(asOf, ...(one ? [entityId] : [])) as Array<{ entity_id: number; id: number; closed_on: string }>
  for (const c of cases) {
    const have = dissolved.get(c.entity_id)
    if (!have || c.closed_on < have.on) dissolved.set(c.entity_id, { on: c.closed_on, where: `hồ sơ giải thể số ${c.id} đã hoàn tất` })
  }
  const figures = new Map<number, SubjectFigures[]>()
  const rows = sqlite
    .prepare(
      `select entity_id, year, ${FIGURE_FIELDS.map((f) => FIGURE_COLUMNS[f]).join(', ')} from yearly_figures ${one ? 'where entity_id = ?' : ''} order by entity_id, year`
    )
    .raw()
    .all(...(one ? [entityId] : [])) as unknown[][]
  for (const r of rows) {
    const f = { year: r[1] as number } as SubjectFigures
    FIGURE_FIELDS.forEach((field, i) => (f[field] = (r[i + 2] as number | null) ?? null))
    const list = figures.get(r[0] as number) ?? []
    list.push(f)
    figures.set(r[0] as number, list)
  }
  return entities.map((e) => ({
    key: String(e.id),
    entityId: e.id,
    kind: e.kind,
    name: e.name,
    regNo: e.reg_no,
    status: statuses.get(e.id) ?? null,
    dissolvedOn: dissolved.get(e.id)?.on ?? null,
    dissolvedWhere: dissolved.get(e.id)?.where ?? null,
    charterCapital: e.charter_capital,
    membersCount: e.members_count,
    memberCoops: memberCoops(e.member_coops_json),
    sector: e.sector,
    communeUnplaced: places && e.commune && !e.commune_code ? e.commune : null,
    figures: figures.get(e.id) ?? []
  }))
}

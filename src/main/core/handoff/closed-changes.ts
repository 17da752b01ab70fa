/**
 * What changed in closed data since the last package (chốt số liệu, issue 18 point 1):
 * after a quản trị reopens a period and data dated inside it is changed, the next package
 * says so, so the province knows its earlier figures moved. Read from the change log:
 * every change after the last export to a status event, a year's figures or a dissolution
 * step whose date (before or after the change) falls on or before the date that was closed
 * when the last package left. Carried in the signed manifest as `closedChanges` (JSON), only
 * when there is something to say, so a package without such changes reads as before.
 */
import type { ClosedChange } from '../../../shared/contract/handoff'
import type { CoreContext } from '../context'
import type { Manifest } from './format'

const DATED: Record<string, { date: string[]; year?: string[]; label: string }> = {
  status_events: { date: ['effective_date', 'effectiveDate'], label: 'Sự kiện tình trạng' },
  yearly_figures: { date: [], year: ['year'], label: 'Số liệu năm' },
  dissolution_steps: { date: ['done_on', 'doneOn'], label: 'Bước giải thể' }
}

function pick(obj: Record<string, unknown> | null, keys: string[]): unknown {
  if (!obj) return null
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null) return obj[k]
  return null
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null
  try {
    const v = JSON.parse(json) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The closed changes since this office's last package; [] when it never sent one or nothing closed moved. */
export function closedChangesSinceLastPackage(ctx: CoreContext): ClosedChange[] {
  const sqlite = ctx.conn.sqlite
  const last = sqlite.prepare('select at from package_exports order by id desc limit 1').get() as { at: string } | undefined
  if (!last) return []
  // The date closed when that package left: closed by then, not reopened by then.
  const closed = sqlite
    .prepare(`select max(as_of) as d from closed_periods where closed_at <= ? and (reopened_at is null or reopened_at > ?)`)
    .get(last.at, last.at) as { d: string | null }
  if (!closed.d) return []
  const through = closed.d
  const reopen = sqlite
    .prepare(`select reopen_reason, reopened_by from closed_periods where reopened_at > ? and as_of >= ? order by reopened_at desc limit 1`)
    .get(last.at, through) as { reopen_reason: string; reopened_by: string } | undefined
  const rows = sqlite
    .prepare(
      `select id, at, user, action, table_name, row_id, before_json, after_json from audit_log
       where at > ? and table_name in ('status_events','yearly_figures','dissolution_steps') order by id`
    )
    .all(last.at) as Array<{
    id: number
    at: string
    user: string
    action: string
    table_name: string
    row_id: number | null
    before_json: string | null
    after_json: string | null
  }>
  const entityOf = {
    status_events: sqlite.prepare('select e.reg_no, e.name from status_events s join entities e on e.id = s.entity_id where s.id = ?'),
    yearly_figures: sqlite.prepare('select e.reg_no, e.name from yearly_figures f join entities e on e.id = f.entity_id where f.id = ?'),
    dissolution_steps: sqlite.prepare(
      `select e.reg_no, e.name from dissolution_steps s join dissolution_cases c on c.id = s.case_id
       join entities e on e.id = c.entity_id where s.id = ?`
    ),
    byEntity: sqlite.prepare('select reg_no, name from entities where id = ?'),
    byCase: sqlite.prepare('select e.reg_no, e.name from dissolution_cases c join entities e on e.id = c.entity_id where c.id = ?')
  }
  const out: ClosedChange[] = []
  for (const r of rows) {
    const spec = DATED[r.table_name]
    const before = parse(r.before_json)
    const after = parse(r.after_json)
    const dates: string[] = []
    for (const side of [before, after]) {
      const d = pick(side, spec.date)
      if (typeof d === 'string') dates.push(d)
      const y = spec.year ? pick(side, spec.year) : null
      if (typeof y === 'number') dates.push(`${y}-12-31`)
    }
    const inside = dates.filter((d) => d <= through)
    if (inside.length === 0) continue
    type Who = { reg_no: string | null; name: string } | undefined
    let who = (r.row_id !== null ? entityOf[r.table_name as ClosedChange['table']].get(r.row_id) : undefined) as Who
    const entityId = pick(before, ['entity_id', 'entityId']) ?? pick(after, ['entity_id', 'entityId'])
    const caseId = pick(before, ['case_id', 'caseId']) ?? pick(after, ['case_id', 'caseId'])
    if (!who && typeof entityId === 'number') who = entityOf.byEntity.get(entityId) as Who
    if (!who && typeof caseId === 'number') who = entityOf.byCase.get(caseId) as Who
    const year = spec.year ? (pick(after, spec.year) ?? pick(before, spec.year)) : null
    out.push({
      table: r.table_name as ClosedChange['table'],
      what: spec.label,
      rowId: r.row_id,
      regNo: who?.reg_no ?? null,
      name: who?.name ?? null,
      date: typeof year === 'number' ? null : inside.sort()[0],
      year: typeof year === 'number' ? year : null,
      action: r.action,
      at: r.at,
      user: r.user,
      reopenReason: reopen?.reopen_reason ?? null
    })
  }
  return out
}

/** The manifest's entry, read back: [] when absent or not a list. */
export function closedChangesOf(manifest: Manifest | null): ClosedChange[] {
  const raw = manifest?.closedChanges
  if (!raw) return []
  try {
    const v = JSON.parse(raw) as unknown
    return Array.isArray(v) ? (v as ClosedChange[]) : []
  } catch {
    return []
  }
}

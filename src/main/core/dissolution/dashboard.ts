/**
 * The dissolution dashboard: open cases by stage, overdue steps, unsettled debts,
 * obstacles by type, and cases opened/closed per quarter. Computed from the same case
 * views the screens show, so a figure here always matches the case it comes from.
 */
import type { Kysely } from 'kysely'
import { OBSTACLE_LABELS, type DissolutionDashboard } from '../../../shared/contract/dissolution'
import type { Database } from '../db/schema'
import { buildCaseView } from './case-view'

function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`
}

function nextQuarter(q: string): string {
  const y = Number(q.slice(0, 4))
  const n = Number(q.slice(6))
  return n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`
}

export async function dissolutionDashboard(db: Kysely<Database>, asOf: string): Promise<DissolutionDashboard> {
  const cases = await db
    .selectFrom('dissolution_cases')
    .select(['id', 'state', 'opened_on', 'closed_on'])
    .where('opened_on', '<=', asOf)
    .orderBy('id')
    .execute()
  const stages = new Map<string, number>()
  const obstacles = new Map<string, number>()
  const overdueSteps: DissolutionDashboard['overdueSteps'] = []
  const dueSoonSteps: DissolutionDashboard['dueSoonSteps'] = []
  let unsettledPayable = 0
  let unsettledReceivable = 0
  const open = cases.filter((c) => c.state === 'open' || (c.closed_on !== null && c.closed_on > asOf))
  for (const c of open) {
    const v = await buildCaseView(db, c.id, asOf)
    const next = v.steps.find((s) => s.state === 'todo')
    const stage = next ? next.title : 'Chờ hoàn tất'
    stages.set(stage, (stages.get(stage) ?? 0) + 1)
    for (const s of v.steps)
      if (s.overdue && s.due) overdueSteps.push({ caseId: v.id, entityName: v.entityName, code: s.code, title: s.title, due: s.due })
      else if (s.dueThisWeek && s.due)
        dueSoonSteps.push({ caseId: v.id, entityName: v.entityName, code: s.code, title: s.title, due: s.due })
    unsettledPayable += v.unsettledPayable
    unsettledReceivable += v.unsettledReceivable
    for (const o of v.obstacles) obstacles.set(o.code, (obstacles.get(o.code) ?? 0) + 1)
  }
  const perQuarter: DissolutionDashboard['perQuarter'] = []
  if (cases.length > 0) {
    const counts = new Map<string, { opened: number; finalised: number; cancelled: number }>()
    const bump = (q: string, key: 'opened' | 'finalised' | 'cancelled') => {
      const row = counts.get(q) ?? { opened: 0, finalised: 0, cancelled: 0 }
      row[key] += 1
      counts.set(q, row)
    }
    for (const c of cases) {
      bump(quarterOf(c.opened_on), 'opened')
      if (c.closed_on && c.closed_on <= asOf && (c.state === 'finalised' || c.state === 'cancelled')) bump(quarterOf(c.closed_on), c.state)
    }
    // Every quarter from the first case to the date asked, empty ones too, so the chart's time axis is even.
    const last = quarterOf(asOf)
    for (let q = [...counts.keys()].sort()[0]!; q <= last; q = nextQuarter(q))
      perQuarter.push({ quarter: q, ...(counts.get(q) ?? { opened: 0, finalised: 0, cancelled: 0 }) })
  }
  return {
    asOf,
    openCases: open.length,
    byStage: [...stages].map(([stage, count]) => ({ stage, count })).sort((a, b) => b.count - a.count),
    overdueSteps: overdueSteps.sort((a, b) => a.due.localeCompare(b.due)),
    dueSoonSteps: dueSoonSteps.sort((a, b) => a.due.localeCompare(b.due)),
    unsettledPayable,
    unsettledReceivable,
    obstacles: [...obstacles]
      .map(([code, count]) => ({ code, label: OBSTACLE_LABELS[code as keyof typeof OBSTACLE_LABELS] ?? code, count }))
      .sort((a, b) => b.count - a.count),
    perQuarter
  }
}

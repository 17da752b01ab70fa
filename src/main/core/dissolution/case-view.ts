/** A case as the screens, the pages and the CLI read it: steps with their due dates as of a date. */
import { OBSTACLE_LABELS, type CalendarOverrides, type CaseView, type StepView } from '../../../shared/contract/dissolution'
import { AppError } from '../../../shared/errors'
import { vnCalendar } from '../calendar'
import type { CoreContext, Trx } from '../context'
import { blockingSteps, scheduleSteps } from './schedule'
import type { Template } from './templates'
export type Db = CoreContext['db'] | Trx

export const CAL_KEY = 'holiday_overrides'
export async function calendarOverrides(db: Db): Promise<CalendarOverrides> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CAL_KEY).executeTakeFirst()
  return row ? (JSON.parse(row.value) as CalendarOverrides) : { add: [], remove: [], workingWeekends: [] }
}

export async function caseRow(db: Db, caseId: number) {
  const row = await db.selectFrom('dissolution_cases').selectAll().where('id', '=', caseId).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ giải thể số ${caseId}.`, { caseId })
  return row
}

const UNIT_WORDS = { working_days: 'ngày làm việc', days: 'ngày', months: 'tháng' } as const

function ruleText(rule: NonNullable<Template['steps'][number]['deadline']>): string {
  return `${rule.n} ${UNIT_WORDS[rule.unit]} kể từ ${rule.after === 'opening' ? 'ngày mở hồ sơ' : `ngày thực hiện bước ${rule.after}`}`
}

export async function buildCaseView(db: Db, caseId: number, asOf: string): Promise<CaseView> {
  const c = await caseRow(db, caseId)
  const template = JSON.parse(c.template_json) as Template
  const entity = await db.selectFrom('entities').select('name').where('id', '=', c.entity_id).executeTakeFirst()
  const steps = await db.selectFrom('dissolution_steps').selectAll().where('case_id', '=', caseId).execute()
  const states = steps.map((s) => ({ code: s.code, state: s.state as 'todo' | 'done' | 'na', doneOn: s.done_on }))
  const schedule = scheduleSteps(template.steps, states, c.opened_on, asOf, vnCalendar(await calendarOverrides(db)))
  const stepViews: StepView[] = template.steps.map((t, i) => {
    const s = steps.find((x) => x.code === t.code)
    return {
      code: t.code,
      title: t.title,
      actor: t.actor,
      legalBasis: t.legalBasis,
      verified: t.verified,
      optional: t.optional,
      condition: t.condition ?? null,
      documentsExpected: t.documents,
      state: (s?.state ?? 'todo') as StepView['state'],
      doneOn: s?.done_on ?? null,
      doneBy: s?.done_by ?? null,
      naReason: s?.na_reason ?? null,
      documents: s?.documents_json ? (JSON.parse(s.documents_json) as string[]) : [],
      notes: s?.notes ?? null,
      deadlineRule: t.deadline ? ruleText(t.deadline) : null,
      due: schedule[i].due,
      overdue: schedule[i].overdue,
      dueThisWeek: schedule[i].dueThisWeek
    }
  })
  const council = await db.selectFrom('dissolution_council').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  const councilWarnings: string[] = []
  if (!council.some((m) => m.role === 'chair')) councilWarnings.push(`${template.council.title}: chưa có chủ tịch hội đồng.`)
  for (const r of template.council.requires) {
    if (!council.some((m) => m.represents === r.code))
      councilWarnings.push(
        `${template.council.title}: thiếu ${r.label.toLowerCase()} (${template.council.basis}${template.council.verified ? '' : ' — chưa đối chiếu văn bản'}).`
      )
  }
  const items = await db.selectFrom('dissolution_items').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  const sum = (type: string) => items.filter((i) => i.type === type && !i.settled).reduce((a, i) => a + (i.amount ?? 0), 0)
  const obstacles = await db.selectFrom('dissolution_obstacles').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  const attachments = await db.selectFrom('dissolution_attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  return {
    id: c.id,
    entityId: c.entity_id,
    entityName: entity?.name ?? '',
    kind: c.kind as CaseView['kind'],
    law: c.law as CaseView['law'],
    templateId: c.template_id,
    templateVersion: c.template_version,
    templateTitle: template.title,
    ground: c.ground,
    openedOn: c.opened_on,
    decisionNo: c.decision_no,
    state: c.state as CaseView['state'],
    closedOn: c.closed_on,
    closedDecisionNo: c.closed_decision_no,
    closeReason: c.close_reason,
    steps: stepViews,
    blockingSteps: blockingSteps(template.steps, states).map((t) => t.code),
    council: council.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      represents: m.represents,
      organisation: m.organisation,
      decisionNo: m.decision_no
    })),
    councilWarnings,
    items: items.map((i) => ({
      id: i.id,
      type: i.type,
      category: i.category,
      party: i.party,
      amount: i.amount,
      settled: i.settled === 1,
      settledOn: i.settled_on,
      landCertificate: i.land_certificate,
      areaM2: i.area_m2,
      handling: i.handling,
      note: i.note
    })),
    unsettledPayable: sum('payable'),
    unsettledReceivable: sum('receivable'),
    obstacles: obstacles.map((o) => ({
      id: o.id,
      code: o.code,
      label: OBSTACLE_LABELS[o.code as keyof typeof OBSTACLE_LABELS] ?? o.code,
      note: o.note
    })),
    attachments: attachments.map((a) => ({ id: a.id, stepCode: a.step_code, name: a.name, size: a.size, sha256: a.sha256 }))
  }
}

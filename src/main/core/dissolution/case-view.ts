/** A case as the screens, the pages and the CLI read it: steps with their due dates as of a date. */
import { OBSTACLE_LABELS, type CalendarOverrides, type CaseView, type StepView } from '../../../shared/contract/dissolution'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { vnCalendar } from '../calendar'
import type { CoreContext, Trx } from '../context'
import { blockingSteps, completedRoute, ruleFor, scheduleSteps, type StepState } from './schedule'
import { lawOn, normaliseTemplate, outcomeOf, type DeadlineSpec, type Template } from './templates'
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
const nn = (n: number) => String(n).padStart(2, '0')

/** "05 ngày làm việc kể từ ngày thực hiện bước TT_NO"; with `then`: "sau 06 tháng kể từ …, trong 03 ngày làm việc". */
export function ruleText(rule: DeadlineSpec): string {
  const from = rule.after === 'opening' ? 'ngày căn cứ của hồ sơ' : `ngày thực hiện bước ${rule.after}`
  if (rule.then)
    return `sau ${nn(rule.n)} ${UNIT_WORDS[rule.unit]} kể từ ${from}, trong ${nn(rule.then.n)} ${UNIT_WORDS[rule.then.unit]} tiếp theo`
  return `${nn(rule.n)} ${UNIT_WORDS[rule.unit]} kể từ ${from}`
}

/** The template a case was opened with, read from the case row (older rows lack fields added since). */
export function caseTemplate(c: { template_json: string }): Template {
  return normaliseTemplate(JSON.parse(c.template_json) as Template)
}

/**
 * Why finalising would be refused now: required steps left (per route when the procedure has two ways
 * to finish), or debts still open where the way it finishes needs them settled first (NĐ 295/2026
 * Điều 51 khoản 2, Điều 52 khoản 2, Điều 64 khoản 3: the file is filed after every debt is paid).
 */
export function finaliseBlocks(
  template: Template,
  states: StepState[],
  unsettled: { payable: number; receivable: number; count: number }
): string[] {
  const out: string[] = []
  const blocking = blockingSteps(template, states)
  if (blocking.length > 0)
    out.push(
      `còn ${blocking.length} bước bắt buộc chưa làm hoặc chưa ghi lý do không áp dụng: ${blocking.map((s) => `bước ${template.steps.indexOf(s) + 1} (${s.title})`).join('; ')}`
    )
  const route = completedRoute(template, states)
  const needsSettlement = route ? route.requiresSettlement : (template.routes ?? []).length === 0 && template.law === '2023'
  if (needsSettlement && unsettled.count > 0)
    out.push(
      `còn ${unsettled.count} khoản nợ chưa xử lý (HTX nợ ${formatNumber(unsettled.payable)} đồng, nợ HTX ${formatNumber(unsettled.receivable)} đồng): ${route ? route.basis : 'Luật Hợp tác xã 2023 Điều 97 khoản 2'} — hồ sơ đăng ký giải thể chỉ nộp sau khi thanh toán hết các khoản nợ`
    )
  return out
}

export async function buildCaseView(db: Db, caseId: number, asOf: string): Promise<CaseView> {
  const c = await caseRow(db, caseId)
  const template = caseTemplate(c)
  const entity = await db.selectFrom('entities').select('name').where('id', '=', c.entity_id).executeTakeFirst()
  const steps = await db.selectFrom('dissolution_steps').selectAll().where('case_id', '=', caseId).execute()
  const states = steps.map((s) => ({ code: s.code, state: s.state as 'todo' | 'done' | 'na', doneOn: s.done_on }))
  const schedule = scheduleSteps(template.steps, states, c.opened_on, asOf, vnCalendar(await calendarOverrides(db)), c.ground)
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
      deadlineRule: ruleFor(t, c.ground) ? ruleText(ruleFor(t, c.ground)!) : null,
      due: schedule[i].due,
      earliest: schedule[i].earliest,
      overdue: schedule[i].overdue,
      dueThisWeek: schedule[i].dueThisWeek,
      route: t.route ?? null
    }
  })
  const council = await db.selectFrom('dissolution_council').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
  const councilWarnings: string[] = []
  const tc = template.council
  if (tc) {
    if (!council.some((m) => m.role === 'chair')) councilWarnings.push(`${tc.title}: chưa có chủ tịch hội đồng.`)
    for (const r of tc.requires) {
      if (!council.some((m) => m.represents === r.code))
        councilWarnings.push(`${tc.title}: thiếu ${r.label.toLowerCase()} (${tc.basis}${tc.verified ? '' : ' — chưa đối chiếu văn bản'}).`)
    }
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
    drafts: template.drafts,
    trigger: template.trigger,
    lawReason: c.law_reason ?? null,
    lawOfDate: lawOn(c.opened_on),
    unverified: {
      // The procedure's own sentence; the screen counts the unchecked steps itself.
      note: template.unverifiedNote ?? null,
      steps: template.steps.filter((s) => !s.verified).map((s) => s.code)
    },
    sources: template.sources,
    routes: (template.routes ?? []).map((r) => ({
      code: r.code,
      label: r.label,
      basis: r.basis,
      requiresSettlement: r.requiresSettlement,
      complete: completedRoute({ steps: template.steps, routes: [r] }, states) !== null
    })),
    outcome: outcomeOf(template, c.ground).label,
    next: template.next ?? null,
    finaliseBlocks:
      c.state === 'open'
        ? finaliseBlocks(template, states, {
            payable: sum('payable'),
            receivable: sum('receivable'),
            count: items.filter((i) => i.type !== 'asset' && !i.settled).length
          })
        : [],
    ground: c.ground,
    groundLabel: c.ground ? (template.grounds?.find((g) => g.code === c.ground)?.label ?? c.ground) : null,
    openedOn: c.opened_on,
    decisionNo: c.decision_no,
    state: c.state as CaseView['state'],
    closedOn: c.closed_on,
    closedDecisionNo: c.closed_decision_no,
    closeReason: c.close_reason,
    steps: stepViews,
    blockingSteps: blockingSteps(template, states).map((t) => t.code),
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

/** Due dates of a case's steps: pure, from the template's rules, the case's ground and the done dates of earlier steps. */
import { addDays, addWorkingDays, dueDate, type WorkCalendar } from '../calendar'
import type { DeadlineSpec, Template, TemplateStep } from './templates'

export interface StepState {
  code: string
  state: 'todo' | 'done' | 'na'
  doneOn: string | null
}
export interface StepSchedule {
  code: string
  due: string | null
  /** The first day the step may be done: the law's period for the cooperative has ended (rules with `then`). */
  earliest: string | null
  overdue: boolean
  dueThisWeek: boolean
}

/** The rule a step follows on a case with this ground. */
export function ruleFor(step: TemplateStep, ground: string | null): DeadlineSpec | null {
  if (ground && step.deadlineByGround && ground in step.deadlineByGround) return step.deadlineByGround[ground] ?? null
  return step.deadline
}

/** Due date and earliest day of one rule from its trigger date. */
export function applyRule(base: string, rule: DeadlineSpec, cal: WorkCalendar): { due: string; earliest: string | null } {
  const first = dueDate(base, rule, cal)
  if (!rule.then) return { due: first, earliest: null }
  const due = rule.then.unit === 'working_days' ? addWorkingDays(first, rule.then.n, cal) : dueDate(first, rule.then, cal)
  return { due, earliest: addDays(first, 1) }
}

/** `after: "opening"` counts from the case's trigger date; otherwise from that step's done date (unknown until it is done). */
export function scheduleSteps(
  steps: TemplateStep[],
  states: StepState[],
  openedOn: string,
  asOf: string,
  cal: WorkCalendar,
  ground: string | null = null
): StepSchedule[] {
  const byCode = new Map(states.map((s) => [s.code, s]))
  return steps.map((step) => {
    const st = byCode.get(step.code)
    const rule = ruleFor(step, ground)
    let due: string | null = null
    let earliest: string | null = null
    if (rule) {
      const base = rule.after === 'opening' ? openedOn : (byCode.get(rule.after)?.doneOn ?? null)
      if (base) ({ due, earliest } = applyRule(base, rule, cal))
    }
    const open = !st || st.state === 'todo'
    const overdue = open && due !== null && due < asOf
    const dueThisWeek = open && due !== null && due >= asOf && due <= addDays(asOf, 7)
    return { code: step.code, due, earliest, overdue, dueThisWeek }
  })
}

const settled = (states: Map<string, StepState>, code: string) => (states.get(code)?.state ?? 'todo') !== 'todo'

/** Required steps outside any route, still neither done nor N/A. */
function commonBlocking(template: Pick<Template, 'steps' | 'routes'>, byCode: Map<string, StepState>): TemplateStep[] {
  const inRoute = new Set((template.routes ?? []).flatMap((r) => r.steps))
  return template.steps.filter((s) => !s.optional && !inRoute.has(s.code) && !settled(byCode, s.code))
}

/** The route the case has completed (every required step of it done or N/A, one at least done), if any: the first such. */
export function completedRoute(template: Pick<Template, 'steps' | 'routes'>, states: StepState[]) {
  const byCode = new Map(states.map((s) => [s.code, s]))
  const steps = new Map(template.steps.map((s) => [s.code, s]))
  return (
    (template.routes ?? []).find(
      (r) => r.steps.every((c) => steps.get(c)?.optional || settled(byCode, c)) && r.steps.some((c) => byCode.get(c)?.state === 'done')
    ) ?? null
  )
}

/**
 * Required steps still blocking finalisation: not optional and neither done nor N/A. With routes,
 * one route done is enough; until then the steps of every route are listed, each under its route.
 */
export function blockingSteps(template: Pick<Template, 'steps' | 'routes'>, states: StepState[]): TemplateStep[] {
  const byCode = new Map(states.map((s) => [s.code, s]))
  const common = commonBlocking(template, byCode)
  if (!template.routes?.length || completedRoute(template, states)) return common
  const steps = new Map(template.steps.map((s) => [s.code, s]))
  const open = template.routes.flatMap((r) => r.steps.filter((c) => !steps.get(c)?.optional && !settled(byCode, c)))
  return [...common, ...template.steps.filter((s) => open.includes(s.code))]
}

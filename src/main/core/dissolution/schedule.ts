/** Due dates of a case's steps: pure, from the template's rules and the done dates of earlier steps. */
import { addDays, dueDate, type WorkCalendar } from '../calendar'
import type { TemplateStep } from './templates'

export interface StepState {
  code: string
  state: 'todo' | 'done' | 'na'
  doneOn: string | null
}
export interface StepSchedule {
  code: string
  due: string | null
  overdue: boolean
  dueThisWeek: boolean
}

/** `after: "opening"` counts from the opening date; otherwise from that step's done date (unknown until it is done). */
export function scheduleSteps(
  steps: TemplateStep[],
  states: StepState[],
  openedOn: string,
  asOf: string,
  cal: WorkCalendar
): StepSchedule[] {
  const byCode = new Map(states.map((s) => [s.code, s]))
  return steps.map((step) => {
    const st = byCode.get(step.code)
    let due: string | null = null
    if (step.deadline) {
      const base = step.deadline.after === 'opening' ? openedOn : (byCode.get(step.deadline.after)?.doneOn ?? null)
      if (base) due = dueDate(base, step.deadline, cal)
    }
    const open = !st || st.state === 'todo'
    const overdue = open && due !== null && due < asOf
    const dueThisWeek = open && due !== null && due >= asOf && due <= addDays(asOf, 7)
    return { code: step.code, due, overdue, dueThisWeek }
  })
}

/** Required steps still blocking finalisation: not optional and neither done nor N/A. */
export function blockingSteps(steps: TemplateStep[], states: StepState[]): TemplateStep[] {
  const byCode = new Map(states.map((s) => [s.code, s]))
  return steps.filter((s) => !s.optional && (byCode.get(s.code)?.state ?? 'todo') === 'todo')
}

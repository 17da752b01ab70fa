/**
 * The yearly calendar of the registration system, as data (resources/rounds/calendar.json:
 * Thông tư 09/2024/TT-BKHĐT Điều 6–7, with what could not be confirmed): the round it
 * suggests for a year, and the default deadline of a round the province opens.
 */
import calendar from '../../../../resources/rounds/calendar.json'
import type { RoundCalendar } from '../../../shared/contract/round'

interface Step {
  who: string
  label: string
  by: string
  basis: string
}

const STEPS = calendar.steps as Step[]
const DEADLINE_DAY = STEPS.find((s) => s.who === calendar.default.deadlineStep)!.by
const AS_OF_DAY = calendar.default.asOf

/** dd/mm of a "MM-DD" day of the calendar. */
function dayMonth(mmdd: string): string {
  return `${mmdd.slice(3, 5)}/${mmdd.slice(0, 2)}`
}

/** The deadline the calendar gives a round as of this date: the first day of the offices' step on or after it. */
export function defaultDeadline(asOf: string): string {
  const year = Number(asOf.slice(0, 4))
  const same = `${year}-${DEADLINE_DAY}`
  return same >= asOf ? same : `${year + 1}-${DEADLINE_DAY}`
}

export function roundCalendar(year: number): RoundCalendar {
  const asOf = `${year}-${AS_OF_DAY}`
  return {
    source: calendar.source,
    verified: calendar.verified,
    replacedNote: calendar.replacedNote,
    steps: STEPS.map((s) => ({ label: s.label, by: dayMonth(s.by), basis: s.basis })),
    suggested: { asOf, deadline: defaultDeadline(asOf) },
    why: calendar.default.why
  }
}

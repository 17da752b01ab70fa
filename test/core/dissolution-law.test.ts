/** The 2023 procedures as data: deadlines on the working-day calendar across Tết 2027 and its substitute days. */
import { describe, expect, it } from 'vitest'
import { vnCalendar } from '../../src/main/core/calendar'
import { blockingSteps, scheduleSteps } from '../../src/main/core/dissolution/schedule'
import { lawOn, templateFor } from '../../src/main/core/dissolution/templates'

const cal = vnCalendar()
const due = (law: string, kind: string, states: Array<[string, string]>, opened: string, ground: string | null = null) => {
  const t = templateFor(law, kind)
  const s = scheduleSteps(
    t.steps,
    states.map(([code, doneOn]) => ({ code, state: 'done' as const, doneOn })),
    opened,
    opened,
    cal,
    ground
  )
  return Object.fromEntries(s.map((x) => [x.code, x]))
}

describe('procedures of the 2023 law', () => {
  it('picks the law of the trigger date', () => {
    expect(lawOn('2024-06-30')).toBe('2012')
    expect(lawOn('2024-07-01')).toBe('2023')
  })
  it('revocation (NĐ 295/2026 Điều 54): the decision 03 working days after the explanation period, across Tết 2027', () => {
    // explanation period ends Thu 04/02/2027; 05/02–11/02 off (Tết, with substitute days 10–11/02) → 12, 15, 16/02
    const s = due(
      '2023',
      'revocation',
      [
        ['TB_VP', '2027-01-20'],
        ['GT', '2027-02-04']
      ],
      '2027-01-18',
      'violation_103'
    )
    expect(s.QD_TH.due).toBe('2027-02-16')
    // publishing the notice: 03 working days after it is issued
    expect(s.DT_VP.due).toBe('2027-01-25')
    // a court decision: 03 working days from receipt
    expect(due('2023', 'revocation', [], '2027-02-04', 'court').QD_TH.due).toBe('2027-02-16')
  })
  it('voluntary (Điều 51): 1 working day to publish, 5 to register; the office route after 06 months + 03 working days', () => {
    const s = due(
      '2023',
      'voluntary',
      [
        ['GUI_NQ', '2027-02-04'],
        ['HS', '2027-02-04']
      ],
      '2027-02-01'
    )
    expect(s.DT_NQ.due).toBe('2027-02-12')
    expect(s.XOA.due).toBe('2027-02-18')
    expect(s.XOA_TU.earliest).toBe('2027-08-05')
    expect(s.XOA_TU.due).toBe('2027-08-09')
  })
  it('THT termination (Điều 64): 07 working days to send the minutes; office records after 03 months', () => {
    const s = due('2023', 'tht_termination', [['DT', '2026-11-05']], '2027-01-29')
    expect(s.GUI.due).toBe('2027-02-16')
    expect(s.XOA_TU.due).toBe('2027-02-17') // 05/02 is Tết: the period ends 12/02, then 15, 16, 17
  })
  it('one finished route is enough to finalise', () => {
    const t = templateFor('2023', 'compulsory')
    const st = t.steps.map((x) => ({ code: x.code, state: 'todo' as const, doneOn: null }))
    const done = st.map((x) => (x.code === 'DT_TT' || x.code === 'XOA_TU' ? { ...x, state: 'done' as const, doneOn: '2027-03-01' } : x))
    expect(blockingSteps(t, done)).toEqual([])
    expect(blockingSteps(t, st).map((x) => x.code)).toContain('XOA_TU')
  })
})

/**
 * "No general meeting for 18 months" is a ground only where the register knows the
 * last meeting: an ordinary import of an old list (no meeting dates) must not make
 * every record a candidate. Those records are listed apart, to be completed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

describe('the 18-month general meeting rule', () => {
  it('flags a known meeting date 18 months old, lists unknown dates apart, and never both', async () => {
    const known = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Có Ngày Đại Hội',
      registrationDate: '2015-05-05',
      status: 'active'
    })
    await core.call('dissolution.setLastAgm', { entityId: known.id, lastAgmDate: '2022-12-20' })
    const unknown = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Chưa Có Ngày',
      registrationDate: '2015-05-05',
      status: 'active'
    })
    const young = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Mới Đăng Ký',
      registrationDate: '2024-01-10',
      status: 'active'
    })
    // Their yearly figures are up to date, so the meeting is the only question.
    for (const e of [known, unknown]) await core.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 9 } })
    const asOf = '2024-06-30'
    const candidates = await core.call('dissolution.candidates', { asOf })
    expect(candidates.map((c) => [c.name, c.reasons.map((r) => r.code)])).toEqual([['HTX Có Ngày Đại Hội', ['no_agm_18m']]])
    expect(candidates[0]!.reasons[0]).toMatchObject({ since: '2024-06-20', start: '2022-12-20' })
    const missing = await core.call('dissolution.missingAgm', { asOf })
    expect(missing.map((m) => m.entityId)).toEqual([unknown.id])
    expect(missing.map((m) => m.entityId)).not.toContain(young.id)
    // Once the date is entered the record leaves the list to complete, and is judged by the rule.
    await core.call('dissolution.setLastAgm', { entityId: unknown.id, lastAgmDate: '2020-01-01' })
    expect(await core.call('dissolution.missingAgm', { asOf })).toEqual([])
    expect((await core.call('dissolution.candidates', { asOf })).map((c) => c.name)).toContain('HTX Chưa Có Ngày')
  })
})

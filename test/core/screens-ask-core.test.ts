/**
 * The screens only show: the questions they used to answer with rules of their own
 * (may this record still be deleted for good, which steps keep a case from being
 * finalised) are answered by the core, from the same rule it enforces.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'

const cores: Array<Awaited<ReturnType<typeof officeCore>>> = []
afterEach(async () => {
  while (cores.length) await cores.pop()!.dispose()
})

const HOUR = 60 * 60 * 1000

describe('the core answers what the screens ask', () => {
  it('says until when a record may be deleted for good, and null from the moment entity.delete would refuse', async () => {
    const core = await officeCore('178')
    cores.push(core)
    const made = Date.parse('2024-05-06T02:00:00.000Z')
    core.ctx.now = () => new Date(made).toISOString()
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Tạo Nhầm' })
    const other = await core.call('entity.create', { kind: 'htx', name: 'HTX Tạo Nhầm Hai' })
    core.ctx.now = () => new Date(made + 23 * HOUR).toISOString()
    expect((await core.call('entity.get', { id: e.id })).hardDeleteUntil).toBe('2024-05-07T02:00:00.000Z')
    core.ctx.now = () => new Date(made + 24 * HOUR).toISOString()
    expect((await core.call('entity.get', { id: e.id })).hardDeleteUntil).toBeNull()
    await expect(core.call('entity.delete', { id: e.id, reason: 'tạo nhầm', hard: true })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // A record already deleted (restorable) is offered restore, not deletion for good.
    core.ctx.now = () => new Date(made + HOUR).toISOString()
    await core.call('entity.delete', { id: other.id, reason: 'tạo nhầm' })
    expect((await core.call('entity.get', { id: other.id })).hardDeleteUntil).toBeNull()
  })

  it('lists on the case the required steps still blocking finalisation, as dissolution.finalise counts them', async () => {
    const core = await officeCore('178')
    cores.push(core)
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Giải Thể' })
    const view = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', openedOn: '2024-02-01' })
    const required = view.steps.filter((s) => !s.optional).map((s) => s.code)
    expect(view.blockingSteps).toEqual(required)
    const refused = await core
      .call('dissolution.finalise', { caseId: view.id, authorityDate: '2024-06-01', decisionNo: 'QĐ 1' })
      .catch((err) => err)
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { steps: view.blockingSteps } })
    const [first, second] = required
    await core.call('dissolution.step', { caseId: view.id, code: first!, state: 'done', doneOn: '2024-02-02' })
    const after = await core.call('dissolution.step', { caseId: view.id, code: second!, state: 'na', naReason: 'Không có' })
    expect(after.blockingSteps).toEqual(required.slice(2))
  })

  it('finds a record by its registration number (entity.byRegNo): the live one, exactly that number', async () => {
    const core = await officeCore('178')
    cores.push(core)
    const old = await core.call('entity.create', { kind: 'htx', name: 'HTX Cũ Đã Xóa', regNo: '4907000777' })
    await core.call('entity.delete', { id: old.id, reason: 'nhập trùng' })
    const live = await core.call('entity.create', { kind: 'htx', name: 'HTX Đang Dùng', regNo: '4907000777' })
    await core.call('entity.create', { kind: 'htx', name: 'HTX Số Dài Hơn', regNo: '49070007770' })
    expect(await core.call('entity.byRegNo', { regNo: '4907000777' })).toMatchObject({ id: live.id, name: 'HTX Đang Dùng' })
    await expect(core.call('entity.byRegNo', { regNo: '490700077' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không có HTX nào mang mã số 490700077.'
    })
  })
})

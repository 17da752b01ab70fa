import { afterEach, describe, expect, it } from 'vitest'
import { ACCESS_LEVELS, API_NAMES, apiContract, empty, handler } from '../../src/shared/api'
import { accessOf, isRead } from '../../src/main/core/access'
import { officeCore } from '../helpers/temp'

const cores: Array<Awaited<ReturnType<typeof officeCore>>> = []
afterEach(async () => {
  while (cores.length) await cores.pop()!.dispose()
})

describe('who may write', () => {
  it('lists only handlers that exist as reads, and treats every other one as a write', () => {
    const READS = API_NAMES.filter((n) => accessOf(n) === 'read')
    for (const name of READS) expect(API_NAMES).toContain(name)
    expect(isRead('entity.list')).toBe(true)
    expect(isRead('entity.create')).toBe(false)
  })

  it('reads each handler\'s access from its contract entry, and an entry cannot be declared without one', () => {
    for (const name of API_NAMES) expect(ACCESS_LEVELS).toContain(apiContract[name].access)
    expect(accessOf('profile.setRole')).toBe('admin')
    expect(accessOf('exchange.consolidate')).toBe('province-write')
    expect(accessOf('profile.select')).toBe('self-service')
    // @ts-expect-error: not saying who may call it does not compile.
    expect(handler<number>()(empty).access).toBeUndefined()
  })

  it('lets a district office write its register', async () => {
    const core = await officeCore('178')
    cores.push(core)
    await expect(core.call('entity.create', { kind: 'htx', name: 'HTX Hoàng Đồng' })).resolves.toMatchObject({ name: 'HTX Hoàng Đồng' })
  })

  it('refuses direct edits in province mode with a Vietnamese reason, and nothing is written', async () => {
    const core = await officeCore('20')
    cores.push(core)
    await expect(core.call('entity.create', { kind: 'htx', name: 'HTX Hoàng Đồng' })).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringContaining('chế độ tỉnh')
    })
    const n = core.ctx.conn.sqlite.prepare('select count(*) n from entities').get() as { n: number }
    expect(n.n).toBe(0)
    await expect(core.call('entity.list', {})).resolves.toMatchObject({ total: 0 })
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { API_NAMES } from '../../src/shared/api'
import { isRead, READS } from '../../src/main/core/access'
import { officeCore } from '../helpers/temp'

const cores: Array<Awaited<ReturnType<typeof officeCore>>> = []
afterEach(async () => {
  while (cores.length) await cores.pop()!.dispose()
})

describe('who may write', () => {
  it('lists only handlers that exist as reads, and treats every other one as a write', () => {
    for (const name of READS) expect(API_NAMES).toContain(name)
    expect(isRead('entity.list')).toBe(true)
    expect(isRead('entity.create')).toBe(false)
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

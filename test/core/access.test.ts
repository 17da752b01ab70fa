import { afterEach, describe, expect, it } from 'vitest'
import { ACCESS_LEVELS, API_NAMES, apiContract, empty, handler } from '../../src/shared/api'
import { accessOf, isRead } from '../../src/main/core/access'
import { createCore } from '../../src/main/core/api'
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

  it("reads each handler's access from its contract entry, and an entry cannot be declared without one", () => {
    for (const name of API_NAMES) expect(ACCESS_LEVELS).toContain(apiContract[name].access)
    expect(accessOf('profile.setRole')).toBe('admin')
    expect(accessOf('handoff.consolidate')).toBe('province-write')
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

  it("says through office.info, for the caller's own session, why the register is for reading (the screens only show it)", async () => {
    const district = await officeCore('178')
    cores.push(district)
    expect((await district.call('office.info', {})).readOnly).toBeNull()
    await district.call('profile.create', { name: 'Nguyễn Thị Lan' })
    await district.call('profile.create', { name: 'Lê Thu Hà', role: 'viewer' })
    expect((await district.call('office.info', {})).readOnly).toBeNull()
    await district.call('profile.select', { name: 'Lê Thu Hà' })
    expect((await district.call('office.info', {})).readOnly).toBe('Hồ sơ «Lê Thu Hà» chỉ được xem: không sửa được sổ.')
    const stranger = await createCore({ dbPath: district.dbPath, user: 'Không Ai' })
    try {
      expect((await stranger.call('office.info', {})).readOnly).toBe('Chưa chọn hồ sơ người dùng: chỉ xem. Bấm «Đổi» để chọn hồ sơ.')
    } finally {
      await stranger.close()
    }
    const province = await officeCore('20')
    cores.push(province)
    expect((await province.call('office.info', {})).readOnly).toBe(
      'Sổ của tỉnh được lập từ gói các huyện gửi lên: chỉ xem, mọi sửa đổi làm ở huyện.'
    )
  })
})

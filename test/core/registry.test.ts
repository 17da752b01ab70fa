import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { officeCore } from '../helpers/temp'

type TestCore = Awaited<ReturnType<typeof officeCore>>
let core: TestCore
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => {
  await core.dispose()
})

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError
  )

describe('the register through the core', () => {
  it('refuses records until the office has chosen its unit', async () => {
    const blank = await officeCore(null)
    const err = await rejection(blank.call('entity.create', { kind: 'htx', name: 'HTX Chưa thiết lập' }))
    expect(err).toMatchObject({ code: 'NOT_CONFIGURED' })
    await blank.dispose()
  })

  it('adds a cooperative with its starting status held since registration, and an audit row', async () => {
    const e = await core.call('entity.create', {
      kind: 'htx',
      name: 'Hợp tác xã Nông nghiệp Tân Thành'.normalize('NFD'),
      regNo: '4900123456',
      commune: 'Xã Tân Thành',
      registrationDate: '2024-05-06',
      charterCapital: 1_500_000_000,
      sector: 'agri'
    })
    expect(e).toMatchObject({ id: expect.any(Number), status: 'active', rowVersion: 1, registrationDate: '2024-05-06' })
    expect(e.name).toBe('Hợp tác xã Nông nghiệp Tân Thành') // NFC on the way in
    const events = core.ctx.conn.sqlite.prepare('select status, effective_date from status_events where entity_id = ?').all(e.id)
    expect(events).toEqual([{ status: 'active', effective_date: null }])
    const audit = await core.call('audit.list', { table: 'entities', rowId: e.id })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'create', user: 'Nguyễn Thị Lan', after: { regNo: '4900123456' } })
  })

  it('finds records without diacritics and by abbreviation, sorted in Vietnamese order', async () => {
    for (const name of ['HTX nông nghiệp Đồng Đăng', 'Hợp tác xã Nông nghiệp Ân Phú', 'HTX Vận tải Bắc Sơn', 'Tổ hợp tác Mây tre đan']) {
      await core.call('entity.create', { kind: name.startsWith('Tổ') ? 'tht' : 'htx', name, representative: 'Hoàng Văn Thụ' })
    }
    const hits = await core.call('entity.list', { q: 'hop tac xa nong nghiep' })
    expect(hits.rows.map((r) => r.name)).toEqual(['Hợp tác xã Nông nghiệp Ân Phú', 'HTX nông nghiệp Đồng Đăng'])
    expect((await core.call('entity.list', { q: 'HTX van tai' })).total).toBe(1)
    expect((await core.call('entity.list', { q: 'hoang van thu' })).total).toBe(4) // representative is searched too
    expect((await core.call('entity.list', { kind: 'tht' })).rows.map((r) => r.name)).toEqual(['Tổ hợp tác Mây tre đan'])
    const all = await core.call('entity.list', { limit: 2, offset: 1 })
    expect(all.total).toBe(4)
    expect(all.rows.map((r) => r.name)).toEqual(['HTX nông nghiệp Đồng Đăng', 'HTX Vận tải Bắc Sơn'])
  })

  it('edits with optimistic concurrency: a stale row version is refused, nothing overwritten', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Hoàng Văn Thụ' })
    const first = await core.call('entity.update', { id: e.id, rowVersion: 1, changes: { phone: '0205 3870 123' } })
    expect(first).toMatchObject({ rowVersion: 2, phone: '0205 3870 123' })
    const err = await rejection(core.call('entity.update', { id: e.id, rowVersion: 1, changes: { phone: '0999' } }))
    expect(err).toMatchObject({ code: 'STALE' })
    expect(err!.message).toMatch(/vừa được sửa ở nơi khác/)
    expect((await core.call('entity.get', { id: e.id })).phone).toBe('0205 3870 123')
    const audit = await core.call('audit.list', { table: 'entities', rowId: e.id })
    expect(audit.map((a) => a.action)).toEqual(['update', 'create'])
    expect(audit[0]).toMatchObject({ before: { phone: null }, after: { phone: '0205 3870 123' } })
  })

  it('keeps search keys in step with edits', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Bắc Sơn' })
    await core.call('entity.update', { id: e.id, rowVersion: 1, changes: { name: 'HTX Hồi Văn Quan' } })
    expect((await core.call('entity.list', { q: 'che bac son' })).total).toBe(0)
    expect((await core.call('entity.list', { q: 'hoi van quan' })).total).toBe(1)
  })

  it('names every invalid field in Vietnamese and writes nothing', async () => {
    const before = await core.call('office.info', {})
    const err = await rejection(
      core.dispatch('entity.create', { kind: 'htx', name: 'X', registrationDate: '2024-02-30', charterCapital: -5, phone: 'gọi tôi' })
    )
    expect(err).toMatchObject({ code: 'VALIDATION' })
    const fields = (err!.details as { fields: Record<string, string> }).fields
    expect(Object.keys(fields).sort()).toEqual(['charterCapital', 'name', 'phone', 'registrationDate'])
    expect(err!.message).toMatch(/Tên: Tên phải có ít nhất 3 ký tự/)
    expect(err!.message).toMatch(/Ngày đăng ký: Ngày không có thật trên lịch/)
    expect(err!.message).toMatch(/Vốn điều lệ \(đồng\): Vốn điều lệ không được âm/)
    expect(await core.call('office.info', {})).toEqual(before)
  })

  it('refuses unknown fields and unknown handlers with typed errors', async () => {
    expect(await rejection(core.dispatch('entity.create', { kind: 'htx', name: 'HTX Thử', secret: 1 }))).toMatchObject({
      code: 'VALIDATION'
    })
    expect(await rejection(core.dispatch('entity.drop', {}))).toMatchObject({ code: 'UNKNOWN_HANDLER' })
    expect(await rejection(core.dispatch('__proto__', {}))).toMatchObject({ code: 'UNKNOWN_HANDLER' })
    expect(await rejection(core.dispatch('entity.get', { id: 404 }))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses a registration number that is already in the register', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Một', regNo: '4900123456' })
    const err = await rejection(core.call('entity.create', { kind: 'htx', name: 'HTX Hai', regNo: '4900123456', confirmDuplicate: true }))
    expect(err).toMatchObject({ code: 'ALREADY_EXISTS' })
    expect(err!.message).toContain('HTX Một')
    expect((await core.call('entity.list', {})).total).toBe(1)
  })

  it('rolls the row back when the audit write fails: no change without its audit row', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Nguyên vẹn' })
    core.ctx.conn.sqlite.exec("create trigger no_audit before insert on audit_log begin select raise(abort, 'audit down'); end")
    const err = await rejection(core.call('entity.update', { id: e.id, rowVersion: 1, changes: { notes: 'mất' } }))
    expect(err).toMatchObject({ code: 'INTERNAL' })
    expect(await core.call('entity.get', { id: e.id })).toMatchObject({ notes: null, rowVersion: 1 })
  })
})

import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { checkDigit, regNoWarning } from '../../src/main/core/registry/check-digit'
import { AppError } from '../../src/shared/errors'
import { officeCore, tempDir } from '../helpers/temp'

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

describe('registration number check digit', () => {
  it('computes the check digit and warns without refusing', async () => {
    expect(checkDigit('490000001')).toBe(7)
    expect(checkDigit('490012345')).toBeNull()
    expect(regNoWarning('4900000017')).toBeNull()
    expect(regNoWarning('4900000018')).toContain('chữ số kiểm tra')
    expect(regNoWarning('12/HTX')).toContain('mẫu cũ')
    const good = await core.call('entity.create', { kind: 'htx', name: 'HTX Đúng mã', regNo: '4900000017' })
    expect(good.warnings).toBeUndefined()
    const bad = await core.call('entity.create', { kind: 'htx', name: 'HTX Sai mã', regNo: '4900000018' })
    expect(bad.warnings?.[0]).toContain('đúng ra là 7')
    expect((await core.call('entity.get', { id: bad.id })).regNo).toBe('4900000018')
  })
})

describe('new fields', () => {
  it('stores short name, address parts, title, email, VSIC, member coops, OCOP', async () => {
    const e = await core.call('entity.create', {
      kind: 'lhhtx',
      name: 'Liên hiệp HTX Rau Lạng Sơn',
      shortName: 'LH Rau',
      street: 'Thôn Bản Ngà',
      commune: 'Xã Hợp Thành',
      districtName: 'Cao Lộc',
      representativeTitle: 'Chủ tịch HĐQT',
      email: 'lhrau@vidu.vn',
      vsic: [{ code: '0118', label: 'Trồng rau, đậu các loại' }],
      memberCoops: ['HTX Một', 'HTX Hai'],
      ocop: [{ name: 'Rau cải ngọt', stars: 4, year: 2024 }]
    })
    const got = await core.call('entity.get', { id: e.id })
    expect(got).toMatchObject({ shortName: 'LH Rau', street: 'Thôn Bản Ngà', districtName: 'Cao Lộc', email: 'lhrau@vidu.vn' })
    expect(got.vsic).toEqual([{ code: '0118', label: 'Trồng rau, đậu các loại' }])
    expect(got.memberCoops).toEqual(['HTX Một', 'HTX Hai'])
    expect(got.ocop).toEqual([{ name: 'Rau cải ngọt', stars: 4, year: 2024 }])
    const err = await rejection(
      core.call('entity.create', { kind: 'htx', name: 'HTX OCOP', ocop: [{ name: 'Mật ong', stars: 2, year: 2024 }] })
    )
    expect(err).toMatchObject({ code: 'VALIDATION' })
    expect(err!.message).toContain('3 đến 5 sao')
    const mail = await rejection(core.call('entity.create', { kind: 'htx', name: 'HTX Thư', email: 'khong-co-a-cong' }))
    expect(mail!.message).toContain('Thư điện tử')
  })
})

describe('duplicate guard', () => {
  it('refuses a same number, asks before a same folded name in one commune, and names the other', async () => {
    const first = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Hoàng Đồng',
      commune: 'Xã Hoàng Đồng',
      regNo: '4900000017'
    })
    const byNumber = await rejection(core.call('entity.create', { kind: 'htx', name: 'HTX Khác', regNo: '4900000017' }))
    expect(byNumber).toMatchObject({ code: 'ALREADY_EXISTS', details: { otherId: first.id } })
    const byName = await rejection(
      core.call('entity.create', { kind: 'htx', name: 'htx nong nghiep hoang dong', commune: 'Xã Hoàng Đồng' })
    )
    expect(byName).toMatchObject({ code: 'DUPLICATE', details: { otherId: first.id, field: 'name' } })
    expect(byName!.message).toContain('HTX Nông nghiệp Hoàng Đồng')
    // Another commune is a different record; a THT is told apart by commune and contract date.
    await core.call('entity.create', { kind: 'htx', name: 'HTX Nông nghiệp Hoàng Đồng', commune: 'Xã Gia Cát' })
    const confirmed = await core.call('entity.create', {
      kind: 'tht',
      name: 'HTX Nông nghiệp Hoàng Đồng',
      commune: 'Xã Hoàng Đồng',
      contractDate: '2023-04-01',
      confirmDuplicate: true
    })
    expect(confirmed.contractDate).toBe('2023-04-01')
    const upd = await rejection(
      core.call('entity.update', { id: confirmed.id, rowVersion: confirmed.rowVersion, changes: { regNo: '4900000017' } })
    )
    expect(upd).toMatchObject({ code: 'ALREADY_EXISTS' })
  })
})

describe('status history', () => {
  it('adds dated events, lists them with "since registration" marked, and answers as of a date in one query', async () => {
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX An Bình', registrationDate: '2015-03-01' })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Bình An' })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2020-06-01', decisionNo: '12/QĐ-UBND' })
    await core.call('status.add', { entityId: a.id, status: 'active', effectiveDate: '2021-01-15' })
    await core.call('status.add', { entityId: b.id, status: 'dissolved', effectiveDate: '2022-12-31' })
    const events = await core.call('status.list', { entityId: a.id })
    expect(events.map((e) => [e.status, e.effectiveDate, e.sinceRegistration])).toEqual([
      ['active', null, true],
      ['suspended', '2020-06-01', false],
      ['active', '2021-01-15', false]
    ])
    expect(events[1]!.decisionNo).toBe('12/QĐ-UBND')
    const asOf = async (date: string) => Object.fromEntries((await core.call('status.asOf', { date })).map((r) => [r.entityId, r.status]))
    expect(await asOf('2019-01-01')).toEqual({ [a.id]: 'active', [b.id]: 'active' })
    expect(await asOf('2020-12-31')).toEqual({ [a.id]: 'suspended', [b.id]: 'active' })
    expect(await asOf('2023-01-01')).toEqual({ [a.id]: 'active', [b.id]: 'dissolved' })
    expect((await core.call('entity.get', { id: b.id })).status).toBe('dissolved')
    const early = await rejection(core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2010-01-01' }))
    expect(early).toMatchObject({ code: 'VALIDATION' })
  })
})

describe('yearly figures', () => {
  it('sets, lists and copies forward (counts only, no money), with the circular noted', async () => {
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX Số Liệu' })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Có Sẵn' })
    const f = await core.call('figures.set', {
      entityId: a.id,
      year: 2024,
      figures: { members: 25, newMembers: 3, revenue: 1_500_000_000, taxesPaid: 12_000_000, classification: 'fair' }
    })
    expect(f).toMatchObject({ members: 25, newMembers: 3, taxesPaid: 12_000_000, classification: 'fair' })
    expect(f.classificationCircular).toContain('Thông tư')
    await core.call('figures.set', { entityId: a.id, year: 2024, figures: { members: 26 } })
    await core.call('figures.set', { entityId: b.id, year: 2024, figures: { members: 9 } })
    await core.call('figures.set', { entityId: b.id, year: 2025, figures: { members: 10 } })
    expect(await core.call('figures.copyForward', { fromYear: 2024, toYear: 2025 })).toEqual({ copied: 1 })
    const y2025 = await core.call('figures.list', { year: 2025 })
    expect(y2025.map((r) => [r.entityId, r.members, r.revenue])).toEqual([
      [a.id, 26, null],
      [b.id, 10, null]
    ])
    const bad = await rejection(core.call('figures.set', { entityId: a.id, year: 2024, figures: { members: -1 } }))
    expect(bad!.message).toContain('không được âm')
    const audit = await core.call('audit.list', { table: 'yearly_figures' })
    expect(audit.some((x) => x.action === 'figures_update')).toBe(true)
    await core.call('figures.set', { entityId: a.id, year: 2024, figures: { members: 99 } })
    await core.call('entity.undo', {})
    expect((await core.call('figures.list', { entityId: a.id, year: 2024 }))[0]!.members).toBe(26)
  })
})

describe('soft delete, restore, hard delete, undo', () => {
  it('hides a deleted record, restores it, and only hard-deletes records younger than 24 h', async () => {
    const { dir, cleanup } = tempDir()
    let clock = '2026-01-01T08:00:00.000Z'
    const c = await createCore({ dbPath: join(dir, 'x.db'), user: 'Lan', now: () => clock })
    try {
      await c.call('office.setup', { unitCode: '178' })
      const e = await c.call('entity.create', { kind: 'htx', name: 'HTX Xóa Thử' })
      await c.call('entity.delete', { id: e.id, reason: 'Trùng với bản khác' })
      expect((await c.call('entity.list', {})).total).toBe(0)
      expect((await c.call('entity.list', { includeDeleted: true })).rows[0]!.deletedReason).toBe('Trùng với bản khác')
      const upd = await rejection(c.call('entity.update', { id: e.id, rowVersion: 2, changes: { name: 'HTX Mới' } }))
      expect(upd).toMatchObject({ code: 'FORBIDDEN' })
      await c.call('entity.restore', { id: e.id })
      expect((await c.call('entity.list', {})).total).toBe(1)
      clock = '2026-01-02T09:00:00.000Z'
      const old = await rejection(c.call('entity.delete', { id: e.id, reason: 'Tạo nhầm', hard: true }))
      expect(old).toMatchObject({ code: 'FORBIDDEN' })
      const fresh = await c.call('entity.create', { kind: 'htx', name: 'HTX Tạo Nhầm' })
      clock = '2026-01-02T10:00:00.000Z'
      expect(await c.call('entity.delete', { id: fresh.id, reason: 'Tạo nhầm', hard: true })).toEqual({ id: fresh.id, hard: true })
      expect(await rejection(c.call('entity.get', { id: fresh.id }))).toMatchObject({ code: 'NOT_FOUND' })
      const audit = await c.call('audit.list', { table: 'entities' })
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['soft_delete', 'restore', 'hard_delete']))
    } finally {
      await c.close()
      cleanup()
    }
  })

  it('undoes the last change through the audit log, one step at a time', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Hoàn Tác', commune: 'Xã Một' })
    const u1 = await core.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { name: 'HTX Đổi Tên' } })
    await core.call('entity.update', { id: e.id, rowVersion: u1.rowVersion, changes: { commune: 'Xã Hai' } })
    await core.call('entity.undo', {})
    expect(await core.call('entity.get', { id: e.id })).toMatchObject({ name: 'HTX Đổi Tên', commune: 'Xã Một' })
    await core.call('entity.undo', {})
    const back = await core.call('entity.get', { id: e.id })
    expect(back.name).toBe('HTX Hoàn Tác')
    expect((await core.call('entity.list', { q: 'hoan tac' })).total).toBe(1)
    await core.call('entity.delete', { id: e.id, reason: 'Thử xóa' })
    await core.call('entity.undo', {})
    expect((await core.call('entity.get', { id: e.id })).deletedAt).toBeNull()
    expect((await core.call('audit.list', { table: 'entities', rowId: e.id })).filter((a) => a.action === 'undo')).toHaveLength(3)
  })
})

describe('paste from Excel', () => {
  const FIELDS = ['name', 'commune', 'representative', 'charterCapital', 'registrationDate']
  async function twenty() {
    const ids: number[] = []
    for (let i = 0; i < 20; i++) ids.push((await core.call('entity.create', { kind: 'htx', name: `HTX Dòng ${i + 1}` })).id)
    return ids
  }
  const block = () =>
    Array.from({ length: 20 }, (_, i) => [
      `HTX Dán ${i + 1}`,
      `Xã ${i + 1}`,
      `Nguyễn Văn ${i + 1}`,
      `${i + 1}.000.000`,
      `0${(i % 9) + 1}/05/2020`
    ])

  it('saves a valid 20×5 block in one go', async () => {
    const ids = await twenty()
    expect(await core.call('entity.paste', { rowIds: ids, fields: FIELDS, cells: block() })).toEqual({ updated: 20 })
    const got = await core.call('entity.get', { id: ids[19]! })
    expect(got).toMatchObject({ name: 'HTX Dán 20', commune: 'Xã 20', charterCapital: 20_000_000, registrationDate: '2020-05-02' })
  })

  it('undoes a whole paste as one step, audited, and names the records it took back', async () => {
    const ids = await twenty()
    const typed = await core.call('entity.update', { id: ids[0]!, rowVersion: 1, changes: { phone: '0912 000 000' } })
    expect(typed.phone).toBe('0912 000 000')
    await core.call('entity.paste', {
      rowIds: ids.slice(0, 3),
      fields: ['name', 'commune'],
      cells: block()
        .slice(0, 3)
        .map((r) => r.slice(0, 2))
    })
    const undone = await core.call('entity.undo', {})
    expect(undone).toMatchObject({ action: 'paste', entityIds: ids.slice(0, 3), names: ['HTX Dòng 1', 'HTX Dòng 2', 'HTX Dòng 3'] })
    for (const [i, id] of ids.slice(0, 3).entries())
      expect(await core.call('entity.get', { id })).toMatchObject({ name: `HTX Dòng ${i + 1}`, commune: null })
    // Each record's history says it was undone; the next step back is the edit before the paste.
    expect((await core.call('audit.list', { table: 'entities', rowId: ids[1]! })).map((a) => a.action)).toContain('undo')
    expect(await core.call('entity.undo', {})).toMatchObject({ action: 'update', entityIds: [ids[0]], names: ['HTX Dòng 1'] })
    expect((await core.call('entity.get', { id: ids[0]! })).phone).toBeNull()
  })

  it('refuses the whole 20×5 block when one cell is bad, naming row and column, saving nothing', async () => {
    const ids = await twenty()
    const cells = block()
    cells[13]![3] = 'mười triệu'
    const err = await rejection(core.call('entity.paste', { rowIds: ids, fields: FIELDS, cells }))
    expect(err).toMatchObject({ code: 'VALIDATION', details: { row: 14, column: 'Vốn điều lệ (đồng)' } })
    expect(err!.message).toContain('Dòng 14')
    const names = (await core.call('entity.list', {})).rows.map((r) => r.name)
    expect(names.filter((n) => n.startsWith('HTX Dán'))).toHaveLength(0)
  })
})

describe('profiles', () => {
  it('lists and selects a local profile whose name goes into later audit rows', async () => {
    await core.call('profile.select', { name: 'Trần Văn Bình' })
    expect(await core.call('profile.list', {})).toMatchObject({
      profiles: [{ name: 'Trần Văn Bình', role: 'admin', hasPassword: false }],
      selected: 'Trần Văn Bình'
    })
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Hồ Sơ' })
    expect((await core.call('audit.list', { table: 'entities', rowId: e.id }))[0]!.user).toBe('Trần Văn Bình')
  })
})

describe('bulk write path', () => {
  it('stores rows like entity.create (keys, status, NFC) with one audit row, all or nothing', async () => {
    const res = await core.call('entity.bulkCreate', {
      rows: [
        { kind: 'htx', name: 'HTX  Hoa\u0300ng Đồng', commune: 'Xã Hoàng Đồng', regNo: '4900000017' },
        { kind: 'tht', name: 'THT Rau Sạch', status: 'suspended' }
      ]
    })
    expect(res.created).toBe(2)
    const found = await core.call('entity.list', { q: 'hoang dong' })
    expect(found.rows[0]).toMatchObject({ name: 'HTX Hoàng Đồng', status: 'active', regNo: '4900000017' })
    expect((await core.call('entity.list', { q: 'rau sach' })).rows[0]!.status).toBe('suspended')
    expect((await core.call('audit.list', { table: 'entities' })).filter((a) => a.action === 'bulk_create')).toHaveLength(1)
    const bad = await rejection(
      core.call('entity.bulkCreate', {
        rows: [
          { kind: 'htx', name: 'HTX Tốt' },
          { kind: 'htx', name: 'X' }
        ]
      })
    )
    expect(bad).toMatchObject({ code: 'VALIDATION' })
    expect((await core.call('entity.list', {})).total).toBe(2)
  })
})

describe('entity.checkRegNos', () => {
  it('gives the register’s check-digit warning for each number that fails it, nothing for a good one', async () => {
    const { warnings } = await core.call('entity.checkRegNos', { regNos: ['4900000017', '4900000018', '4900000018', 'QĐ-12'] })
    expect(Object.keys(warnings).sort()).toEqual(['4900000018', 'QĐ-12'])
    expect(warnings['4900000018']).toContain('sai chữ số kiểm tra (đúng ra là 7)')
  })
})

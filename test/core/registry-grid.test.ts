import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { byName, firstInOrder } from '../../src/main/core/registry/order'
import { GRID_FIELDS } from '../../src/shared/api'
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
const asObjects = (g: { fields: readonly string[]; rows: unknown[][] }) =>
  g.rows.map((r) => Object.fromEntries(g.fields.map((f, i) => [f, r[i]])) as Record<string, unknown>)

describe('the registry grid reads', () => {
  it('gives every record as one lean row, in Vietnamese name order, with its current status and deleted ones marked', async () => {
    const b = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Bắc Sơn',
      regNo: '4900000017',
      commune: 'Xã Bắc Sơn',
      charterCapital: 500_000_000
    })
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX Ăn uống Đồng Đăng', representative: 'Lý Văn Ba' })
    const c = await core.call('entity.create', { kind: 'tht', name: 'HTX An Phú', status: 'suspended' })
    await core.call('status.add', { entityId: b.id, status: 'suspended', effectiveDate: '2024-03-01', decisionNo: '12/QĐ' })
    await core.call('entity.delete', { id: c.id, reason: 'Nhập trùng' })

    const grid = await core.call('entity.grid', {})
    expect(grid.fields).toEqual(GRID_FIELDS)
    const rows = asObjects(grid)
    // a < ă < â …: "An" before "Ăn" before "Bắc".
    expect(rows.map((r) => r.name)).toEqual(['HTX An Phú', 'HTX Ăn uống Đồng Đăng', 'HTX Bắc Sơn'])
    expect(rows[2]).toMatchObject({
      id: b.id,
      status: 'suspended',
      regNo: '4900000017',
      commune: 'Xã Bắc Sơn',
      charterCapital: 500_000_000,
      rowVersion: 2,
      deletedAt: null
    })
    expect(rows[0]).toMatchObject({ kind: 'tht', status: 'suspended' })
    expect(rows[0].deletedAt).toEqual(expect.any(String))

    // The first rows in name order, deleted ones left out: what the screen paints first.
    expect(asObjects(await core.call('entity.grid', { first: 1 })).map((r) => r.name)).toEqual(['HTX Ăn uống Đồng Đăng'])
    // Ties of name by id, numbers in names by value, as the whole grid orders them.
    for (const name of ['HTX số 10', 'HTX số 9', 'HTX Bắc Sơn', 'HTX số 9'])
      await core.call('entity.create', { kind: 'tht', name, confirmDuplicate: true })
    const whole = asObjects(await core.call('entity.grid', {})).filter((r) => !r.deletedAt)
    for (const k of [1, 3, 5, 6])
      expect(asObjects(await core.call('entity.grid', { first: k })).map((r) => r.id)).toEqual(whole.slice(0, k).map((r) => r.id))

    // Just some rows, e.g. after an edit: the same shape.
    const some = asObjects(await core.call('entity.grid', { ids: [a.id] }))
    expect(some).toHaveLength(1)
    expect(some[0]).toMatchObject({ id: a.id, representative: 'Lý Văn Ba', status: 'active' })
  })

  it('searches as entity.list does: without diacritics, "hop tac xa" for HTX, across number and representative', async () => {
    const a = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Yên Khoái',
      regNo: '4900123456',
      representative: 'Hoàng Thị Mận'
    })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Vận tải Bắc Sơn', address: 'Thôn Quỳnh Sơn' })
    expect((await core.call('entity.search', { q: 'hop tac xa yen khoai' })).ids).toEqual([a.id])
    expect((await core.call('entity.search', { q: 'hoang thi man' })).ids).toEqual([a.id])
    expect((await core.call('entity.search', { q: '4900123' })).ids).toEqual([a.id])
    expect((await core.call('entity.search', { q: 'quynh son' })).ids).toEqual([b.id])
    expect((await core.call('entity.search', { q: 'khong co dau' })).ids).toEqual([])
  })
})

describe('per-profile preferences', () => {
  it('keeps each profile its own value, audited, and refuses a bad key', async () => {
    expect(await core.call('prefs.get', { key: 'registry.columns' })).toEqual({ value: null })
    await core.call('prefs.set', { key: 'registry.columns', value: '[{"colId":"phone","hide":true}]' })
    expect((await core.call('prefs.get', { key: 'registry.columns' })).value).toBe('[{"colId":"phone","hide":true}]')
    const audit = await core.call('audit.list', { table: 'meta' })
    expect(audit[0]).toMatchObject({ action: 'prefs_set', user: 'Nguyễn Thị Lan' })

    core.ctx.user = 'Trần Văn Bình'
    expect((await core.call('prefs.get', { key: 'registry.columns' })).value).toBeNull()
    const bad = await rejection(core.call('prefs.set', { key: "x'; drop", value: '1' } as never))
    expect(bad?.code).toBe('VALIDATION')
  })
})

describe('a "chỉ xem" profile', () => {
  it('may keep its own columns, though it may not edit the register', async () => {
    await core.call('profile.create', { name: 'Nguyễn Thị Lan' })
    await core.call('profile.create', { name: 'Lê Thu Hà', role: 'viewer' })
    const viewer = await createCore({ dbPath: core.dbPath, user: 'Lê Thu Hà' })
    try {
      expect((await rejection(viewer.call('entity.create', { kind: 'htx', name: 'HTX Thu Hà' })))?.code).toBe('READ_ONLY')
      await viewer.call('prefs.set', { key: 'registry.columns', value: '[]' })
      expect((await viewer.call('prefs.get', { key: 'registry.columns' })).value).toBe('[]')
      expect((await core.call('prefs.get', { key: 'registry.columns' })).value).toBeNull()
    } finally {
      await viewer.close()
    }
  })
})

describe('undo names the record to refresh', () => {
  it('for a status event and for a field edit', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Hoàn tác' })
    await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-05-01' })
    expect(await core.call('entity.undo', {})).toMatchObject({ action: 'status_add', entityId: e.id })
    const { rowVersion } = await core.call('entity.get', { id: e.id })
    await core.call('entity.update', { id: e.id, rowVersion, changes: { phone: '0205 111' } })
    expect(await core.call('entity.undo', {})).toMatchObject({ action: 'update', entityId: e.id })
    expect((await core.call('entity.get', { id: e.id })).phone).toBeNull()
  })
})

describe('the first records in order without a full sort', () => {
  it('gives exactly the head of the full sort, ties by id, for any k', () => {
    const names = ['Ăn', 'An', 'Â', 'Bắc', 'an', 'Đông', 'Dương', 'HTX số 10', 'HTX số 9', 'Ấp', 'An']
    const items = Array.from({ length: 400 }, (_, i) => ({ id: ((i * 7919) % 400) + 1, name: `${names[i % names.length]} ${i % 13}` }))
    const sorted = [...items].sort(byName)
    for (const k of [0, 1, 2, 60, 399, 400, 500]) expect(firstInOrder(items, k, byName)).toEqual(sorted.slice(0, k))
    // "số 9" before "số 10": numbers in names count as numbers.
    expect(
      firstInOrder(
        [
          { id: 1, name: 'HTX số 10' },
          { id: 2, name: 'HTX số 9' }
        ],
        1,
        byName
      )[0]!.id
    ).toBe(2)
  })
})

/**
 * Đối chiếu với CSDL quốc gia: a list shaped like the national database's export beside
 * a register that disagrees with it in every way a real one does.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { XLSX } from '../../src/main/core/sheetjs'
import type { ReconcileResult } from '../../src/shared/api'
import { cli } from '../helpers/cli'
import { officeCore, testClock } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
let ids: Record<string, number>
beforeEach(async () => {
  core = await officeCore('178', 'Nguyễn Thị Lan', { now: testClock('2026-12-07T02:00:00.000Z').now })
  ids = {}
  const add = async (name: string, fields: Record<string, unknown>) => {
    ids[name] = (await core.call('entity.create', { kind: 'htx', name, ...fields })).id
  }
  await add('HTX Nông nghiệp An Bình', { regNo: '4900100001', address: 'Thôn Nà Làng, xã Mai Pha', representative: 'Hoàng Văn A' })
  await add('HTX Dịch vụ Bình Minh', { regNo: '4900100002', representative: 'Lý Thị B', status: 'active' })
  await add('HTX Chè Tân Cương', { address: 'Xã Hoàng Đồng' }) // kept without a number
  await add('HTX Chỉ Có Trên Sổ', { regNo: '4900100009' })
})
afterEach(async () => core.dispose())

/** The national export: its own headers, names in capitals, one status in the decree's words. */
function nationalList(rows: unknown[][]): string {
  const ws = XLSX.utils.aoa_to_sheet([
    ['DANH SÁCH HỢP TÁC XÃ TRÊN HỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐĂNG KÝ HỢP TÁC XÃ'],
    [],
    ['STT', 'Mã số HTX', 'Tên HTX', 'Tình trạng pháp lý', 'Ngày thành lập', 'Địa chỉ trụ sở chính', 'Người đại diện theo pháp luật'],
    ...rows
  ])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Danh sach')
  const path = join(core.dir, 'csdl-quoc-gia.xlsx')
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return path
}

const LIST = [
  // Same record: only capitals differ in the name, the address is the same; the representative changed.
  [1, '4900100001', 'HỢP TÁC XÃ NÔNG NGHIỆP AN BÌNH', 'Đang hoạt động', '12/03/2015', 'Thôn Nà Làng, xã Mai Pha', 'Hoàng Văn Ánh'],
  // Suspended on the national side.
  [2, '4900100002', 'HTX Dịch vụ Bình Minh', 'Tạm ngừng kinh doanh', '05/06/2018', 'Phường Đông Kinh', 'Lý Thị B'],
  // Ours has no number: found by name, and the number is the difference.
  [3, '4900100003', 'HTX Chè Tân Cương', 'Đang hoạt động', '01/01/2019', 'Xã Hoàng Đồng', 'Vi Văn C'],
  // Only on the national side.
  [4, '4900100004', 'HTX Mới Đăng Ký Ở Tỉnh', 'Đang hoạt động', '02/02/2026', 'Xã Mai Pha', 'Nông Văn D']
]

describe('reconcile.compare', () => {
  it('lists the records of one side only and every field that differs, and writes nothing', async () => {
    const before = Number(
      (
        await core.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )
    const r = (await core.call('reconcile.compare', { file: { path: nationalList(LIST) } })) as ReconcileResult
    expect(r.file).toBe('csdl-quoc-gia.xlsx')
    expect(r.matched).toBe(3)
    expect(r.matchedByName).toBe(1)
    expect(r.onlyNational.map((o) => [o.regNo, o.name, o.status, o.place.row])).toEqual([
      ['4900100004', 'HTX Mới Đăng Ký Ở Tỉnh', 'active', 7]
    ])
    expect(r.onlyRegister.map((o) => o.name)).toEqual(['HTX Chỉ Có Trên Sổ'])
    expect(r.differences.map((d) => [d.name, d.field, d.ours, d.national, d.place.row])).toEqual([
      ['HTX Nông nghiệp An Bình', 'representative', 'Hoàng Văn A', 'Hoàng Văn Ánh', 4],
      ['HTX Dịch vụ Bình Minh', 'status', 'active', 'suspended', 5],
      ['HTX Dịch vụ Bình Minh', 'address', null, 'Phường Đông Kinh', 5],
      ['HTX Chè Tân Cương', 'regNo', null, '4900100003', 6],
      ['HTX Chè Tân Cương', 'representative', null, 'Vi Văn C', 6]
    ])
    const after = Number(
      (
        await core.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    )
    expect(after).toBe(before)
  })
})

describe('reconcile.adopt', () => {
  it('adopts the values picked in one transaction with their audit rows; the rest still differ', async () => {
    const file = { path: nationalList(LIST) }
    const out = await core.call('reconcile.adopt', {
      file,
      picks: [
        { entityId: ids['HTX Dịch vụ Bình Minh']!, field: 'status' },
        { entityId: ids['HTX Chè Tân Cương']!, field: 'regNo' }
      ]
    })
    expect(out.adopted).toBe(2)
    expect(out.result.differences.map((d) => [d.name, d.field])).toEqual([
      ['HTX Nông nghiệp An Bình', 'representative'],
      ['HTX Dịch vụ Bình Minh', 'address'],
      ['HTX Chè Tân Cương', 'representative']
    ])
    expect((await core.call('entity.get', { id: ids['HTX Chè Tân Cương']! })).regNo).toBe('4900100003')
    const events = await core.call('status.list', { entityId: ids['HTX Dịch vụ Bình Minh']! })
    expect(events.at(-1)).toMatchObject({ status: 'suspended', effectiveDate: '2026-12-07' })
    expect(events.at(-1)!.note).toBe('Theo CSDL quốc gia: «Tạm ngừng kinh doanh» (tệp csdl-quoc-gia.xlsx, trang Danh sach, dòng 5).')
    const audit = await core.ctx.db.selectFrom('audit_log').select(['action', 'table_name']).orderBy('id', 'desc').limit(2).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['status_add', 'update'])
  })

  it('adopts all at once, after which the two sides agree on every field compared', async () => {
    const out = await core.call('reconcile.adopt', { file: { path: nationalList(LIST) }, all: true })
    expect(out.adopted).toBe(5)
    expect(out.result.differences).toEqual([])
    expect((await core.call('entity.get', { id: ids['HTX Nông nghiệp An Bình']! })).representative).toBe('Hoàng Văn Ánh')
  })

  it('refuses the whole adoption when the register changed after the comparison, and writes nothing', async () => {
    const file = { path: nationalList(LIST) }
    const e = await core.call('entity.get', { id: ids['HTX Nông nghiệp An Bình']! })
    await core.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { representative: 'Hoàng Văn Ánh' } })
    const err = await core.call('reconcile.adopt', { file, picks: [{ entityId: e.id, field: 'representative' }] }).catch((x) => x)
    expect(err).toMatchObject({ code: 'STALE' })
    expect(err.message).toContain('không còn khác với danh sách «csdl-quoc-gia.xlsx»')
    expect((await core.call('entity.get', { id: ids['HTX Chè Tân Cương']! })).regNo).toBeNull()
  })
})

describe('CLI reconcile', () => {
  it('prints the comparison as JSON and as text, and adopts with --adopt', async () => {
    const path = nationalList(LIST)
    await core.close()
    const json = await cli('reconcile', path, '--db', core.dbPath, '--json')
    expect(json.code).toBe(0)
    const r = JSON.parse(json.stdout) as ReconcileResult
    expect(r.differences).toHaveLength(5)
    const text = await cli('reconcile', path, '--db', core.dbPath)
    expect(text.stdout).toContain('HTX Mới Đăng Ký Ở Tỉnh')
    expect(text.stdout).toContain('Tạm ngừng kinh doanh')
    expect(text.stderr).toContain('Khớp 3 bản ghi (1 theo tên); chỉ có trong CSDL quốc gia: 1; chỉ có trong sổ: 1; 5 chỗ khác nhau.')
    const adopt = await cli('reconcile', path, '--db', core.dbPath, '--adopt', `${ids['HTX Chè Tân Cương']}:regNo`)
    expect(adopt.code).toBe(0)
    expect(adopt.stderr).toContain('Đã nhận 1 giá trị theo CSDL quốc gia')
    const all = await cli('reconcile', path, '--db', core.dbPath, '--adopt', 'all', '--json')
    expect(JSON.parse(all.stdout)).toMatchObject({ adopted: 4 })
  })
})

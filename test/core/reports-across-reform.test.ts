/**
 * Reports across the reform, on real files (issue 14, point 5): a province of today's map holding a
 * former district's package and a commune's breaks its «theo đơn vị» table down by the units of the
 * report's date — the former districts of its old provinces as of 30/06/2023, its communes (and the
 * former district whose register it still holds) as of today — each with its own letterhead by date.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore, testClock } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
const clock = testClock('2026-11-02T02:00:00.000Z')
let province: Office
let district: Office
let commune: Office

async function send(from: Office, asOf: string): Promise<string> {
  const p = await from.call('handoff.export', { asOf })
  const file = join(from.dir, p.name)
  writeFileSync(file, Buffer.from(p.base64, 'base64'))
  return file
}

beforeAll(async () => {
  province = await officeCore('08', undefined, { now: clock.now })
  district = await officeCore('024', undefined, { now: clock.now })
  commune = await officeCore('00691', undefined, { now: clock.now })
  for (const [name, date] of [
    ['HTX Chè Shan Hà Giang', '2019-03-01'],
    ['HTX Dịch vụ Minh Khai', '2022-05-05']
  ] as const)
    await district.call('entity.create', { kind: 'htx', name, registrationDate: date, commune: 'Phường Minh Khai' })
  // Quang Trung was split between Hà Giang 1 and 2; «Xã Không Có» is on no list.
  await district.call('entity.create', {
    kind: 'htx',
    name: 'HTX Vận tải Quang Trung',
    registrationDate: '2020-01-02',
    commune: 'Phường Quang Trung'
  })
  await district.call('entity.create', { kind: 'htx', name: 'HTX Chưa Rõ Xã', registrationDate: '2021-01-02', commune: 'Xã Không Có' })
  await commune.call('entity.create', { kind: 'htx', name: 'HTX Mới Hà Giang 2', registrationDate: '2025-09-01' })
  const files = [await send(district, '2025-06-30'), await send(commune, '2026-10-31')]
  const r = await province.call('handoff.consolidate', { files: files.map((path) => ({ path })), trustNewKeys: true })
  expect(r.accepted).toHaveLength(2)
}, 60_000)
afterAll(async () => {
  for (const o of [province, district, commune]) await o?.dispose()
})

const rowsOf = (t: { rows: Array<{ cells: Array<string | number | null> }> }) =>
  t.rows.filter((r) => r.cells[1] !== 'Tổng cộng' && Number(r.cells[2]) > 0).map((r) => [r.cells[1], Number(r.cells[2])])

describe('a province report before and after 01/07/2025, from the same data', () => {
  it('as of 30/06/2023: by the former districts of old Hà Giang and old Tuyên Quang', async () => {
    const t = await province.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30' })
    expect(t.columns[1]!.label).toBe('Huyện, thành phố')
    expect(rowsOf(t)).toEqual([['Thành phố Hà Giang', 4]])
    // Every former district of the area has its row, zeros included (old Hà Giang's 11 and old Tuyên Quang's 7).
    expect(t.rows.length - 1).toBe(18)
    expect(t.issuer).toEqual({ parent: 'UBND TỈNH TUYÊN QUANG', body: 'SỞ TÀI CHÍNH' })
  })

  it('as of today: by the communes of Tuyên Quang, then the former district whose register it still holds', async () => {
    const t = await province.call('report.build', { layout: 'theo-don-vi', asOf: '2026-10-31' })
    expect(t.columns[1]!.label).toBe('Xã, phường, đặc khu')
    expect(rowsOf(t)).toEqual([
      ['Phường Hà Giang 2', 1],
      ['Thành phố Hà Giang (huyện cũ)', 4]
    ])
    const units = await province.call('report.units', { asOf: '2026-10-31' })
    expect(units[0]).toEqual({ code: '00691@2025', name: 'Phường Hà Giang 2' })
    expect(units.at(-1)).toEqual({ code: '024', name: 'Thành phố Hà Giang (huyện cũ)' })
    expect((await province.call('report.units', { asOf: '2023-06-30' })).map((u) => u.code)).toContain('024')
    // The total is the same data's: 5 HTX today, none counted twice.
    expect(t.rows.at(-1)!.cells.slice(1, 3)).toEqual(['Tổng cộng', 5])
  })

  it("a scope is a unit of the report's date", async () => {
    const s = await province.call('report.summary', { asOf: '2026-10-31', scope: '00691@2025' })
    expect(s.indicators['htx.total']).toBe(1)
    await expect(province.call('report.summary', { asOf: '2023-06-30', scope: '00691@2025' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe("a former district's own report, its letterhead by date", () => {
  it('is the Phòng Tài chính - Kế hoạch of its district for the dates of its register', async () => {
    const t = await district.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30' })
    expect(t.issuer).toEqual({ parent: 'UBND THÀNH PHỐ HÀ GIANG', body: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH' })
    expect(rowsOf(t)).toEqual([['Thành phố Hà Giang', 4]])
  })
})

describe('the commune of a record is history: each list names it as the map of its date does', () => {
  const communes = async (o: Office, asOf: string) =>
    Object.fromEntries(
      (await o.call('report.build', { layout: 'danh-sach', asOf })).rows.map((r) => [r.cells[1], r.cells[4]] as [string, string])
    )
  it("a former district's list: the old commune then, the commune that took it today, a split or unknown one as kept", async () => {
    expect(await communes(district, '2023-06-30')).toMatchObject({
      'HTX Chè Shan Hà Giang': 'Phường Minh Khai',
      'HTX Vận tải Quang Trung': 'Phường Quang Trung',
      'HTX Chưa Rõ Xã': 'Xã Không Có'
    })
    expect(await communes(district, '2026-10-31')).toMatchObject({
      'HTX Chè Shan Hà Giang': 'Phường Minh Khai (nay thuộc Phường Hà Giang 2)',
      'HTX Vận tải Quang Trung': 'Phường Quang Trung (xã cũ)',
      'HTX Chưa Rõ Xã': 'Xã Không Có'
    })
  })
})

describe('«theo địa giới mới»: years compared across the reform by the new communes', () => {
  const split = 'Phường Quang Trung cũ (Thành phố Hà Giang) — chia cho Phường Hà Giang 2, Phường Hà Giang 1'
  it("a former district's 2023 table by the communes that replaced it: whole ones carried, a split one apart, the unknown last", async () => {
    const t = await district.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30', boundaries: 'new' })
    expect(t.columns[1]!.label).toBe('Xã, phường, đặc khu (địa giới mới)')
    // Every new commune that took part of the district has its row, zeros included; then the split commune; then the unknown.
    expect(t.rows.map((r) => [r.cells[1], Number(r.cells[2])])).toEqual([
      ['Phường Hà Giang 2', 2],
      ['Phường Hà Giang 1', 0],
      ['Xã Ngọc Đường', 0],
      [split, 1],
      ['Chưa xác định xã', 1],
      ['Tổng cộng', 4]
    ])
    expect(t.notes.at(-1)).toMatch(/xã cũ được chia cho nhiều xã mới để riêng một dòng/)
    // The same table by the date's units is the district itself.
    const byDate = await district.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30' })
    expect(byDate.rows.at(-1)!.cells[2]).toBe(4)
  })

  it('a province compares 2023 and today on the same rows; the file is named for it; other layouts refuse it', async () => {
    const rows = async (asOf: string) => {
      const t = await province.call('report.build', { layout: 'theo-don-vi', asOf, boundaries: 'new' })
      return rowsOf(t)
    }
    expect(await rows('2023-06-30')).toEqual([
      ['Phường Hà Giang 2', 2],
      [split, 1],
      ['Chưa xác định xã', 1]
    ])
    expect(await rows('2026-10-31')).toEqual([
      ['Phường Hà Giang 2', 3],
      [split, 1],
      ['Chưa xác định xã', 1]
    ])
    const all = await province.call('report.build', { layout: 'theo-don-vi', asOf: '2026-10-31', boundaries: 'new' })
    // Every commune of today's Tuyên Quang has its row.
    const communes = (await province.call('report.units', { asOf: '2026-10-31' })).filter((u) => u.code.includes('@'))
    expect(all.rows.length).toBe(communes.length + 2 + 1)
    const file = await province.call('report.export', { layout: 'theo-don-vi', asOf: '2023-06-30', boundaries: 'new', format: 'csv' })
    expect(file.name).toBe('theo-don-vi-2023-06-30-dia-gioi-moi.csv')
    await expect(province.call('report.build', { layout: 'phu-luc-1', asOf: '2023-06-30', boundaries: 'new' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Chỉ các mẫu «theo đơn vị»')
    })
  })
})

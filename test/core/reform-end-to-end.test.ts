/**
 * The whole reform on real files, outside Lạng Sơn (issue 14, proof): Huyện Bạch Thông (063, old
 * Bắc Kạn 06, now Thái Nguyên 19) brings in its Excel list as offices write it — a title and a date
 * line, headers in their own words, a column-number row, communes as group rows, in a column and
 * only in the address, a total row, dates as text, a year and an Excel serial, capital in millions,
 * statuses in words — then hands its register over to the five new communes that took its
 * fourteen old ones, one record by the officer's decision; each commune imports its package and
 * sends its own to the new province, which also takes the district's. At every step the counts
 * equal the district's, as of 30/06/2023 and as of today, and the «theo đơn vị» table breaks them
 * down by the units of each date.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/api'
import { XLSX } from '../../src/main/core/sheetjs'
import { definitions } from '../../src/main/core/reports/definitions'
import { officeCore, testClock } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
type Indicators = Record<string, number | null>
const opened: Office[] = []
afterAll(async () => {
  while (opened.length) await opened.pop()!.dispose()
})
const clock = testClock('2026-12-07T02:00:00.000Z')
async function office(code: string): Promise<Office> {
  const o = await officeCore(code, 'Hoàng Thị Lan', { now: clock.now })
  opened.push(o)
  return o
}

const BEFORE = '2023-06-30'
const TODAY = '2026-12-07'
const COMMUNES: Record<string, string> = {
  '01849': 'Xã Phong Quang',
  '01969': 'Xã Phủ Thông',
  '01981': 'Xã Vĩnh Thông',
  '02008': 'Xã Cẩm Giàng',
  '02014': 'Xã Bạch Thông'
}

/** The list as the district keeps it (one sheet, grouped by commune; the last group only in addresses). */
function messyList(dir: string): string {
  const rows: unknown[][] = [
    ['UBND HUYỆN BẠCH THÔNG', null, null, null, null, null, null, null, null],
    ['DANH SÁCH HỢP TÁC XÃ, TỔ HỢP TÁC TRÊN ĐỊA BÀN HUYỆN'],
    ['(Số liệu đến ngày 31/12/2024)'],
    [
      'STT',
      'Tên HTX/THT',
      'Loại hình',
      'Số GCN ĐKHTX',
      'Ngày thành lập',
      'Địa chỉ trụ sở chính',
      'Vốn điều lệ (tr.đ)',
      'Tổng số thành viên',
      'Tình hình hoạt động hiện tại',
      'Địa bàn (xã)'
    ],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
    ['I. Thị trấn Phủ Thông', null, null, null, null, null, null, null, null, null],
    [1, 'HTX Nông nghiệp Phủ Thông', 'HTX', '1300100001', '12/3/2015', 'Tiểu khu 3, thị trấn Phủ Thông', 1500, 12, 'Đang hoạt động', null],
    [2, 'HTX Miến dong Phủ Thông', 'HTX', '1300100002', '2018', 'Tiểu khu 6', '2.000', 25, 'Đang HĐ SXKD', null],
    [3, 'Tổ hợp tác nuôi ong Vi Hương', 'THT', null, '05/06/2021', 'Thôn Nà Dấu', null, 9, null, 'xa vi huong'],
    ['II. Xã Cẩm Giàng', null, null, null, null, null, null, null, null, null],
    [4, 'HTX Dịch vụ Cẩm Giàng', 'HTX', '1300100004', 42461, 'Thôn Nà Lẹng', 800, 7, 'Tạm ngừng SXKD', null],
    [5, 'HTX Chè Quân Hà', 'HTX', '1300100005', '20/10/2019', 'Thôn Nà Lường', 600, 10, 'Đang hoạt động', 'Xã Quân Hà'],
    [6, 'HTX Mỹ Thanh xanh', 'HTX', '1300100006', '01/02/2024', 'Thôn Khuổi Kheo', 300, 7, 'Đang hoạt động', 'X. Mỹ Thanh'],
    ['III. Các xã khác', null, null, null, null, null, null, null, null, null],
    [
      7,
      'HTX Lâm nghiệp Sĩ Bình',
      'HTX',
      '1300100007',
      '15/08/2016',
      'Thôn Bản Pyàn, xã Sĩ Bình, huyện Bạch Thông, tỉnh Bắc Kạn',
      1200,
      15,
      'Đang hoạt động',
      null
    ],
    [
      8,
      'HTX Dong riềng Cao Sơn',
      'HTX',
      '1300100008',
      '03/04/2017',
      'Thôn Nà Hin, xã Cao Sơn, huyện Bạch Thông',
      900,
      8,
      'Đã giải thể năm 2022',
      null
    ],
    [
      9,
      'HTX Đôn Phong',
      'HTX',
      '1300100009',
      '22/11/2020',
      'Thôn Nà Phai, xã Đôn Phong, huyện Bạch Thông, tỉnh Bắc Kạn',
      450,
      7,
      'Đang hoạt động',
      null
    ],
    [10, 'HTX Dương Phong', 'HTX', '1300100010', '09/09/2014', 'Thôn Nà Lẹng, xã Dương Phong', 700, 11, 'Hoạt động cầm chừng', null],
    [11, 'HTX Quang Thuận', 'HTX', '1300100011', '12/12/2022', 'xã Quang Thuận, Bạch Thông', 350, 7, 'Đang hoạt động', null],
    [12, 'HTX Thôn Không Rõ', 'HTX', '1300100012', '01/06/2023', 'Thôn Bản Cáu', 200, 7, 'Đang hoạt động', null],
    ['Tổng cộng', null, null, null, null, null, 8800, 125, null, null]
  ]
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'DS HTX 2024')
  const path = join(dir, 'danh-sach-htx-bach-thong.xlsx')
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return path
}

const summary = async (o: Office, asOf: string): Promise<Indicators> => (await o.call('report.summary', { asOf })).indicators
/** The counts a handover and a consolidation must keep (averages and shares are not sums). */
const COUNTED = definitions().indicators.filter((i) => i.measure !== 'avg' && i.measure !== 'share')
const counted = (s: Indicators) => Object.fromEntries(COUNTED.map((i) => [i.code, s[i.code] ?? 0]))
const added = (all: Indicators[]) => Object.fromEntries(COUNTED.map((i) => [i.code, all.reduce((n, s) => n + (s[i.code] ?? 0), 0)]))

async function writeOut(o: Office, p: { name: string; base64: string }): Promise<string> {
  const file = join(o.dir, p.name)
  writeFileSync(file, Buffer.from(p.base64, 'base64'))
  return file
}

describe('a former district outside Lạng Sơn, from its messy list to the new province', () => {
  it('imports, hands over to all its communes, each sends to the province: the counts equal at every step, before the reform and today', async () => {
    const district = await office('063')
    const list = messyList(district.dir)

    // 1. The list by meaning: twelve records, no group or total row taken for one, each commune placed.
    const files = [{ path: list }]
    const preview = (await district.call('exchange.previewImport', { files })) as ImportResult
    const sheet = preview.files[0]!.sheets[0]!
    const records = sheet.rows.filter((r) => r.record)
    expect(records.map((r) => r.record!.name)).toHaveLength(12)
    expect(sheet.rows.filter((r) => r.state === 'error')).toEqual([])
    expect(sheet.rows.filter((r) => r.state === 'skipped').map((r) => r.reason)).toEqual([
      'column-numbers',
      'section',
      'section',
      'section',
      'totals'
    ])
    // «III. Các xã khác» names no commune: the rows beneath are placed by their addresses, not on a «Xã khác».
    const others = sheet.rows.find((r) => r.group?.label.includes('Các xã khác'))!
    expect(others.group).toMatchObject({ kind: 'commune', value: null })
    expect(others.issues.map((i) => i.message)).toEqual([expect.stringContaining('không nêu tên xã')])
    const done = (await district.call('exchange.commitImport', { files })) as ImportResult
    expect(done.totals.created).toBe(12)
    const placed = district.ctx.conn.sqlite.prepare('select name, kind, commune_code code from entities order by id').all() as Array<{
      name: string
      kind: string
      code: string | null
    }>
    expect(placed.map((r) => [r.name, r.code])).toEqual([
      ['HTX Nông nghiệp Phủ Thông', '01969'],
      ['HTX Miến dong Phủ Thông', '01969'],
      ['Tổ hợp tác nuôi ong Vi Hương', '01975'],
      ['HTX Dịch vụ Cẩm Giàng', '02008'],
      ['HTX Chè Quân Hà', '02005'],
      ['HTX Mỹ Thanh xanh', '02011'],
      ['HTX Lâm nghiệp Sĩ Bình', '01978'],
      ['HTX Dong riềng Cao Sơn', '02002'],
      ['HTX Đôn Phong', '01984'],
      ['HTX Dương Phong', '02014'],
      ['HTX Quang Thuận', '02017'],
      ['HTX Thôn Không Rõ', null]
    ])
    expect(placed.filter((r) => r.kind === 'tht').map((r) => r.name)).toEqual(['Tổ hợp tác nuôi ong Vi Hương'])

    const districtThen = counted(await summary(district, BEFORE))
    const districtNow = counted(await summary(district, TODAY))
    // Eleven HTX: the one founded in 2024 is not counted then, the one dissolved in 2022 at neither date; the THT is not an HTX.
    expect([districtThen['htx.total'], districtNow['htx.total']]).toEqual([9, 10])

    // 2. The handover: the one record the map cannot place waits for the officer.
    const plan = await district.call('handover.plan', {})
    expect(plan.unassigned.map((u) => u.name)).toEqual(['HTX Thôn Không Rõ'])
    const unknown = plan.unassigned[0]!
    expect(unknown.candidates.map((c) => c.code)).toEqual(Object.keys(COMMUNES))
    await district.call('handover.resolve', { recordId: unknown.id, commune: '02014', note: 'Thôn Bản Cáu nay thuộc xã Bạch Thông' })
    const decided = await district.call('handover.plan', {})
    expect(decided.unassigned).toEqual([])
    expect(Object.fromEntries(decided.communes.map((c) => [c.code, c.records]))).toEqual({
      '01849': 1,
      '01969': 3,
      '01981': 2,
      '02008': 3,
      '02014': 3
    })
    const handovers: Record<string, string> = {}
    for (const code of Object.keys(COMMUNES))
      handovers[code] = await writeOut(district, await district.call('handover.export', { commune: code }))
    // Still the district's history before the handover; nothing of it today.
    expect(counted(await summary(district, BEFORE))).toEqual(districtThen)
    expect((await summary(district, TODAY))['htx.total'] ?? 0).toBe(0)

    // 3. Each commune takes its package; together they are the district, then and now.
    const communes: Office[] = []
    for (const [code, name] of Object.entries(COMMUNES)) {
      const c = await office(code)
      const r = await c.call('handover.import', { file: { path: handovers[code]! }, trustNewKeys: true })
      expect([name, r.imported, r.records]).toEqual([name, true, decided.communes.find((x) => x.code === code)!.records])
      communes.push(c)
    }
    // The record's commune is history: Phủ Thông's list names the old town in 2023 and today's commune now.
    const communeOf = async (o: Office, asOf: string, name: string) =>
      (await o.call('report.build', { layout: 'danh-sach', asOf })).rows.find((r) => r.cells[1] === name)?.cells[4]
    expect(await communeOf(communes[1]!, BEFORE, 'HTX Nông nghiệp Phủ Thông')).toBe('Tiểu khu 3, thị trấn Phủ Thông, Thị trấn Phủ Thông')
    expect(await communeOf(communes[1]!, TODAY, 'HTX Nông nghiệp Phủ Thông')).toBe('Tiểu khu 3, thị trấn Phủ Thông, Xã Phủ Thông')
    expect(added(await Promise.all(communes.map((c) => summary(c, BEFORE))))).toEqual(districtThen)
    expect(added(await Promise.all(communes.map((c) => summary(c, TODAY))))).toEqual(districtNow)

    // 4. The new province takes the district's package (its register to 30/06/2025) and each commune's, sent after it.
    const province = await office('19')
    const packages = [await writeOut(district, await district.call('handoff.export', { asOf: '2025-06-30' }))]
    for (const c of communes) {
      clock.advance(60_000)
      packages.push(await writeOut(c, await c.call('handoff.export', { asOf: TODAY })))
    }
    const consolidated = await province.call('handoff.consolidate', { files: packages.map((path) => ({ path })), trustNewKeys: true })
    expect(consolidated.rejected).toEqual([])
    expect(consolidated.accepted).toHaveLength(6)
    expect(counted(await summary(province, BEFORE))).toEqual(districtThen)
    expect(counted(await summary(province, TODAY))).toEqual(districtNow)

    // 5. The same data by the units of each date: the former district then, the five communes today.
    const byUnit = async (asOf: string) => {
      const t = await province.call('report.build', { layout: 'theo-don-vi', asOf })
      return t.rows.filter((r) => r.cells[1] !== 'Tổng cộng' && Number(r.cells[2]) > 0).map((r) => [r.cells[1], Number(r.cells[2])])
    }
    expect(await byUnit(BEFORE)).toEqual([['Huyện Bạch Thông', 9]])
    const today = await byUnit(TODAY)
    expect(today.map(([n]) => n).sort()).toEqual(Object.values(COMMUNES).sort())
    expect(today.reduce((n, [, v]) => n + Number(v), 0)).toBe(10)

    // 6. Xã Phong Quang was made from Dương Quang (Thành phố Bắc Kạn) and Đôn Phong (Bạch Thông): a record it enters
    // itself, registered in 2020, cannot be given to one former district, so a report of 2023 shows it apart.
    const phongQuang = communes[0]!
    await phongQuang.call('entity.create', {
      kind: 'htx',
      name: 'HTX Dương Quang',
      registrationDate: '2020-05-01',
      commune: 'Xã Dương Quang'
    })
    clock.advance(60_000)
    const resent = await writeOut(phongQuang, await phongQuang.call('handoff.export', { asOf: TODAY }))
    expect((await province.call('handoff.consolidate', { files: [{ path: resent }] })).rejected).toEqual([])
    expect(await byUnit(BEFORE)).toEqual([
      ['Huyện Bạch Thông', 9],
      ['Xã Phong Quang (xã mới, nhiều huyện cũ)', 1]
    ])
    expect((await province.call('report.summary', { asOf: BEFORE })).indicators['htx.total']).toBe(10)
  }, 180_000)
})

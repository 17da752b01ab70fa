/**
 * The three rows of Phụ lục 1 the register could not fill before (issue 17): revenue from members and per
 * member (a yearly figure, importable by meaning), HTX converted to or from enterprises and from THT (dated
 * status events with their document), and the HTX share of the area's OCOP products (an area figure entered
 * per year like the plan). Each figure is checked in the table the core builds and in the workbook read back.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, describe, expect, it } from 'vitest'
import { definitions } from '../../src/main/core/reports/definitions'
import type { ImportResult } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let o: Office | null = null
afterEach(async () => {
  await o?.dispose()
  o = null
})

function sheetRows(base64: string): unknown[][] {
  const wb = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' })
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: null })
}

const NEW_ROWS = [
  'htx.converted_from_enterprise',
  'htx.converted_from_tht',
  'htx.converted_to_enterprise',
  'htx.member_revenue_avg_million',
  'htx.member_revenue_per_member_million',
  'area.ocop.products',
  'htx.ocop.share'
]

describe('Phụ lục 1: revenue from members, conversions, the HTX share of the area’s OCOP products', () => {
  it('computes each new row exactly, as of a date, in the table and in the workbook', async () => {
    o = await officeCore('178')
    const core = o
    const make = async (name: string, regNo: string, registrationDate: string, extra: Record<string, unknown> = {}) =>
      (
        (await core.call('entity.create', { kind: 'htx', name, regNo, sector: 'agri', registrationDate, ...extra } as never)) as {
          id: number
        }
      ).id
    const a = await make('HTX Nông nghiệp An Sơn', '4900123467', '2018-01-01', {
      ocop: [
        { name: 'Na Chi Lăng', stars: 3, year: 2023 },
        { name: 'Trà diếp cá', stars: 4, year: 2024 },
        { name: 'Hồng vành khuyên', stars: 3, year: 2025 }
      ]
    })
    const b = await make('HTX Nông nghiệp Yên Khoái', '4900123475', '2018-01-01')
    const c = await make('HTX Dịch vụ Thành Lộc', '4900123483', '2018-01-01')
    const d = await make('HTX Chè Bắc Sơn', '4900123491', '2018-01-01')
    const fig = (entityId: number, figures: Record<string, unknown>) => core.call('figures.set', { entityId, year: 2024, figures } as never)
    await fig(a, { members: 10, memberRevenue: 300_000_000, revenue: 900_000_000 })
    await fig(b, { members: 20, memberRevenue: 900_000_000 })
    await fig(c, { members: 5 })
    // No member count: in the average per HTX, not in the ratio per member.
    await fig(d, { memberRevenue: 600_000_000 })
    await expect(core.call('figures.set', { entityId: c, year: 2024, figures: { memberRevenue: -1 } } as never)).rejects.toMatchObject({
      message: expect.stringContaining('Doanh thu từ thành viên không được âm')
    })

    // Conversions: dated status events with their document, checked against the rule of conversions.json.
    const fromTht = await make('HTX Chè Yên Trạch', '4900123509', '2024-03-15')
    const fromEnterprise = await make('HTX Thương mại Đồng Đăng', '4900123517', '2024-02-01')
    const toEnterprise = await make('HTX Vận tải Hữu Nghị', '4900123525', '2015-05-01')
    const dissolved = await make('HTX Xây dựng Tân Thanh', '4900123533', '2015-05-01')
    const status = (entityId: number, input: Record<string, unknown>) => core.call('status.add', { entityId, ...input } as never)
    await expect(
      status(fromTht, { status: 'active', effectiveDate: '2024-03-20', decisionNo: 'GCN 4900123509', conversion: 'from_tht' })
    ).rejects.toMatchObject({ message: expect.stringContaining('phải là ngày đăng ký của HTX (15/03/2024)') })
    await expect(
      status(toEnterprise, { status: 'active', effectiveDate: '2024-05-20', decisionNo: 'GCN 4901234567', conversion: 'to_enterprise' })
    ).rejects.toMatchObject({ message: expect.stringContaining('«Đã giải thể, phá sản, chấm dứt tồn tại»') })
    await expect(
      status(toEnterprise, { status: 'dissolved', effectiveDate: '2024-05-20', conversion: 'to_enterprise' })
    ).rejects.toMatchObject({
      message: expect.stringContaining('cần số văn bản')
    })
    const lhhtx = (
      (await core.call('entity.create', {
        kind: 'lhhtx',
        name: 'LHHTX Lạng Sơn',
        regNo: '4900123541',
        registrationDate: '2024-01-10'
      } as never)) as {
        id: number
      }
    ).id
    await expect(
      status(lhhtx, { status: 'active', effectiveDate: '2024-01-10', decisionNo: 'GCN 4900123541', conversion: 'from_tht' })
    ).rejects.toMatchObject({ message: expect.stringContaining('chỉ ghi cho HTX, không cho LHHTX') })
    const event = await status(fromTht, {
      status: 'active',
      effectiveDate: '2024-03-15',
      decisionNo: 'GCN 4900123509',
      conversion: 'from_tht'
    })
    expect(event).toMatchObject({ conversion: 'from_tht', decisionNo: 'GCN 4900123509' })
    await status(fromEnterprise, {
      status: 'active',
      effectiveDate: '2024-02-01',
      decisionNo: 'GCN 4900123517',
      conversion: 'from_enterprise'
    })
    await status(toEnterprise, {
      status: 'dissolved',
      effectiveDate: '2024-05-20',
      decisionNo: 'GCN doanh nghiệp 4901234567',
      conversion: 'to_enterprise',
      note: 'Thành Công ty TNHH Vận tải Hữu Nghị'
    })
    await status(dissolved, { status: 'dissolved', effectiveDate: '2024-04-01', decisionNo: '12/TB-ĐKKD' })
    expect((await core.call('status.list', { entityId: toEnterprise })).at(-1)).toMatchObject({ conversion: 'to_enterprise' })
    const audit = core.ctx.conn.sqlite
      .prepare("select after_json from audit_log where action = 'status_add' order by id")
      .pluck()
      .all() as string[]
    expect(audit.map((j) => JSON.parse(j).conversion)).toEqual(['from_tht', 'from_enterprise', 'to_enterprise', null])

    // The area's OCOP products: entered per year like the plan, only for an indicator of measure «input».
    await core.call('report.setTargets', { year: 2024, values: [{ indicator: 'area.ocop.products', actual: 40, nextPlan: 45 }] })
    await core.call('report.setTargets', { year: 2023, values: [{ indicator: 'area.ocop.products', actual: 25 }] })
    await expect(
      core.call('report.setTargets', { year: 2024, values: [{ indicator: 'htx.ocop.products', actual: 3 }] })
    ).rejects.toMatchObject({ message: expect.stringContaining('được tính từ sổ') })
    const targets = await core.call('report.targets', { year: 2024 })
    expect(targets.find((t) => t.indicator === 'area.ocop.products')).toMatchObject({
      input: true,
      actual: 40,
      previousActual: 25,
      nextPlan: 45
    })
    expect(targets.find((t) => t.indicator === 'htx.ocop.products')).toMatchObject({ input: false, actual: null })

    const t = await core.call('report.build', { layout: 'phu-luc-1', asOf: '2024-06-30' })
    const row = (code: string) => t.rows.find((r) => r.indicator === code)!.cells
    // [prev (31/12/2023), actual to 30/06/2024]
    const both = (code: string) => [row(code)[3], row(code)[4]]
    expect(both('htx.member_revenue_avg_million')).toEqual([null, 600])
    expect(both('htx.member_revenue_per_member_million')).toEqual([null, 40])
    expect(both('htx.new')).toEqual([0, 2])
    expect(both('htx.converted_from_enterprise')).toEqual([0, 1])
    expect(both('htx.converted_from_tht')).toEqual([0, 1])
    expect(both('htx.converted_to_enterprise')).toEqual([0, 1])
    // The HTX become an enterprise is no dissolution: only the other one counts there.
    expect(both('htx.dissolved')).toEqual([0, 1])
    expect(both('htx.ocop.products')).toEqual([1, 2])
    expect(both('area.ocop.products')).toEqual([25, 40])
    expect(both('htx.ocop.share')).toEqual([4, 5])
    expect(row('area.ocop.products').at(-1)).toBe(45)
    expect(row('htx.ocop.share')[2]).toBe('%')
    expect(row('htx.member_revenue_per_member_million')[2]).toBe('Triệu đồng/người/năm')
    // As of an earlier date the conversion of 20/05 has not happened yet.
    const april = await core.call('report.build', { layout: 'phu-luc-1', asOf: '2024-04-30' })
    const aprilRow = (code: string) => april.rows.find((r) => r.indicator === code)!.cells[4]
    expect([aprilRow('htx.converted_to_enterprise'), aprilRow('htx.dissolved'), aprilRow('htx.converted_from_tht')]).toEqual([0, 1, 1])

    // The workbook in the official layout, opened back: every cell of every row, the new ones by value too.
    const rows = sheetRows((await core.call('report.export', { layout: 'phu-luc-1', asOf: '2024-06-30', format: 'xlsx' })).base64)
    const first = rows.findIndex((r) => r[1] === t.rows[0]!.cells[1])
    expect(first).toBeGreaterThan(0)
    t.rows.forEach((r, i) => {
      const back = rows[first + i]!.slice(0, t.columns.length).map((v) => (v === '' ? null : v))
      expect(back).toEqual(r.cells.map((v) => (v === '' ? null : v)))
    })
    const byLabel = (label: string) => rows.find((r) => typeof r[1] === 'string' && (r[1] as string).endsWith(label))!
    expect(byLabel('Trong đó: doanh thu từ thành viên').slice(2, 5)).toEqual(['Triệu đồng/năm', null, 600])
    expect(byLabel('Doanh thu bình quân đối với một thành viên').slice(2, 5)).toEqual(['Triệu đồng/người/năm', null, 40])
    expect(byLabel('Số HTX chuyển đổi thành doanh nghiệp').slice(2, 5)).toEqual(['HTX', 0, 1])
    expect(byLabel('Trong đó: chuyển đổi từ doanh nghiệp').slice(2, 5)).toEqual(['HTX', 0, 1])
    expect(byLabel('Chuyển đổi từ tổ hợp tác').slice(2, 5)).toEqual(['HTX', 0, 1])
    expect(byLabel('Tổng số sản phẩm OCOP của địa bàn').slice(2, 5)).toEqual(['Sản phẩm', 25, 40])
    expect(byLabel('trong tổng số sản phẩm OCOP của địa bàn').slice(2, 5)).toEqual(['%', 4, 5])

    // The printed page carries the same rows.
    const html = Buffer.from(
      (await core.call('report.export', { layout: 'phu-luc-1', asOf: '2024-06-30', format: 'html' })).base64,
      'base64'
    ).toString('utf8')
    for (const code of NEW_ROWS) expect(html).toContain(definitions().byCode.get(code)!.unit)
    expect(html).toContain('Tổng số sản phẩm OCOP của địa bàn')
    expect(html).toContain('Số HTX chuyển đổi thành doanh nghiệp')

    // Each row's definition is data, with its unit and how it is computed.
    for (const code of NEW_ROWS) expect(definitions().byCode.get(code)!.how).toBeTruthy()
  })

  it('imports revenue from members by the meaning of its header, in the column’s unit', async () => {
    o = await officeCore('178')
    const core = o
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['DANH SÁCH HỢP TÁC XÃ NĂM 2024'],
        ['STT', 'Tên HTX', 'Mã số HTX', 'Số thành viên', 'Doanh thu của HTX với thành viên (triệu đồng)'],
        [1, 'HTX Nông nghiệp An Sơn', '4900123467', 12, 250],
        [2, 'HTX Nông nghiệp Yên Khoái', '4900123475', 8, '1,2 tỷ']
      ]),
      'DS'
    )
    const path = join(core.dir, 'htx.xlsx')
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const files = [{ path }]
    const preview = (await core.call('exchange.previewImport', { files, figuresYear: 2024 } as never)) as ImportResult
    const sheet = preview.files[0]!.sheets[0]!
    expect(sheet.columns.find((col) => col.header.startsWith('Doanh thu'))?.field).toBe('memberRevenue')
    await core.call('exchange.commitImport', { files, figuresYear: 2024 } as never)
    const figures = await core.call('figures.list', { year: 2024 })
    expect(figures.map((f) => [f.members, f.memberRevenue])).toEqual([
      [12, 250_000_000],
      [8, 1_200_000_000]
    ])
  })
})

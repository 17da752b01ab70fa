import * as XLSX from 'xlsx'
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { largestRemainder, roundHalfUp } from '../../src/main/core/reports/rounding'
import { AppError } from '../../src/shared/errors'
import { officeCore } from '../helpers/temp'
import { langSonRows, many, seed } from './reports-seed'

type TestCore = Awaited<ReturnType<typeof officeCore>>
let core: TestCore | null = null
afterEach(async () => {
  await core?.dispose()
  core = null
})

describe('rounding', () => {
  it('rounds half-up at the shown precision and shares by largest remainder to exactly 100', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01)
    expect(roundHalfUp(2.5, 0)).toBe(3)
    expect(roundHalfUp(-2.5, 0)).toBe(-3)
    expect(roundHalfUp(49.2957746, 2)).toBe(49.3)
    expect(largestRemainder([1, 1, 1])).toEqual([33.34, 33.33, 33.33])
    expect(largestRemainder([0, 0])).toEqual([0, 0])
  })
})

describe('sector table: Than Uyên, 71 HTX', () => {
  it('shows 49,30 / 9,86 / 4,22 / 28,17 / 5,63 / 2,82 summing to exactly 100', async () => {
    core = await officeCore('178')
    const counts: Array<[string, number]> = [
      ['agri', 35],
      ['construction', 7],
      ['industry', 3],
      ['trade_service', 20],
      ['transport', 4],
      ['tourism', 2]
    ]
    seed(
      core.ctx.conn.sqlite,
      counts.flatMap(([sector, n]) => many(n, () => ({ sector, registered: '2015-01-01' })))
    )
    const t = await core.call('report.build', { layout: 'linh-vuc-chi-tiet', asOf: '2023-06-30' })
    const byLabel = new Map(t.rows.map((r) => [r.cells[1], r.cells]))
    const shares = ['Nông nghiệp', 'Xây dựng', 'Công nghiệp - tiểu thủ công nghiệp', 'Thương mại - dịch vụ', 'Vận tải', 'Du lịch'].map(
      (l) => byLabel.get(l)![5]
    )
    // Half-up alone gives the seed's 4,23 for industry and a column of 100,01; largest remainder
    // gives the one unit to the larger remainder (9,859 → 9,86 keeps, 4,225 → 4,22) and sums to 100,00.
    expect(shares).toEqual([49.3, 9.86, 4.22, 28.17, 5.63, 2.82])
    expect(counts.map(([, n]) => roundHalfUp((n / 71) * 100, 2))).toEqual([49.3, 9.86, 4.23, 28.17, 5.63, 2.82])
    expect(Math.round((shares as number[]).reduce((a, b) => a + b, 0) * 100)).toBe(10000)
    expect(byLabel.get('Tổng cộng')!.slice(2)).toEqual([71, 71, 0, 100])
    expect(byLabel.get('Môi trường')![2]).toBe(0)
  })
})

describe('plan targets, estimates and the annex table', () => {
  it('stores targets with an audit row and shows prev / actual / estimate / plan / % in Phụ lục 1', async () => {
    core = await officeCore('178')
    seed(core.ctx.conn.sqlite, [
      ...many(3, () => ({ sector: 'agri', registered: '2015-01-01', capital: 1_500_000_000 })),
      { sector: 'agri', registered: '2023-02-01', capital: 2_250_000_000 },
      {
        sector: 'transport',
        registered: '2016-01-01',
        events: [
          ['active', null],
          ['suspended', '2022-08-01']
        ]
      }
    ])
    const saved = await core.call('report.setTargets', {
      year: 2023,
      values: [
        { indicator: 'htx.total', plan: 8, estimate: 6 },
        { indicator: 'htx.new', plan: 2 }
      ]
    })
    expect(saved.changed).toBe(2)
    expect((await core.call('report.setTargets', { year: 2023, values: [{ indicator: 'htx.total', plan: 8 }] })).changed).toBe(0)
    const audit = await core.ctx.db.selectFrom('audit_log').selectAll().where('table_name', '=', 'report_targets').execute()
    expect(audit.map((a) => a.action)).toEqual(['target_create', 'target_create'])
    const bad = await core
      .call('report.setTargets', {
        year: 2023,
        values: [
          { indicator: 'htx.total', plan: 1 },
          { indicator: 'htx.khong_co', plan: 1 }
        ]
      })
      .catch((e: AppError) => e)
    expect(bad).toMatchObject({ code: 'VALIDATION' })
    expect((bad as AppError).message).toContain('Dòng 2')
    expect((await core.call('report.targets', { year: 2023 })).find((r) => r.indicator === 'htx.total')).toMatchObject({
      plan: 8,
      estimate: 6,
      previousActual: 4
    })

    const t = await core.call('report.build', { layout: 'phu-luc-1', asOf: '2023-06-30', reportNo: '15/BC-TCKH' })
    expect(t.columns.map((c) => c.label).slice(3)).toEqual([
      'Thực hiện năm 2022',
      'Thực hiện đến 30/06/2023',
      'Ước thực hiện cả năm',
      'Kế hoạch năm',
      'Ước TH so với KH (%)',
      'Kế hoạch năm 2024'
    ])
    const row = (code: string) => t.rows.find((r) => r.indicator === code)!.cells.slice(3)
    expect(row('htx.total')).toEqual([4, 5, 6, 8, 75, null])
    expect(row('htx.active')).toEqual([3, 4, 4, null, null, null])
    expect(row('htx.new')).toEqual([0, 1, 1, 2, 50, null])
    expect(row('htx.new.charter_capital_million')).toEqual([0, 2250, 2250, null, null, null])
    expect(row('htx.charter_capital_million')).toEqual([4500, 6750, 6750, null, null, null])
    expect(t.rows[0]).toMatchObject({ cells: ['I', 'Hợp tác xã', null, null, null, null, null, null, null], style: 'section' })
    expect(t.reportNo).toBe('15/BC-TCKH')
  })
})

describe('files: xlsx read back, printable page, CSV', () => {
  it('writes the official workbook (header block, merged headers, widths, number formats, frozen header, notes, signature)', async () => {
    core = await officeCore('178')
    seed(
      core.ctx.conn.sqlite,
      many(1234, (i) => ({
        sector: i % 2 ? 'agri' : 'transport',
        registered: '2015-01-01',
        capital: 1_000_000_000,
        figures: [{ year: 2022, members: 10 }]
      }))
    )
    const out = await core.call('report.export', { layout: 'phu-luc-1', asOf: '2023-06-30', format: 'xlsx' })
    expect(out.name).toBe('phu-luc-1-2023-06-30.xlsx')
    const buf = Buffer.from(out.base64, 'base64')
    const wb = XLSX.read(buf, { type: 'buffer', cellNF: true, cellStyles: true })
    const ws = wb.Sheets[wb.SheetNames[0]!]!
    const aoa = XLSX.utils.sheet_to_json<Array<string | number>>(ws, { header: 1, defval: '' })
    expect(aoa[0]![0]).toBe('UBND THÀNH PHỐ LẠNG SƠN')
    expect(aoa[1]![0]).toBe('PHÒNG TÀI CHÍNH - KẾ HOẠCH')
    expect(aoa[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(aoa[1]).toContain('Độc lập - Tự do - Hạnh phúc')
    expect(aoa[3]![0]).toBe('Phụ lục 1')
    expect(aoa[4]![0]).toBe('KẾT QUẢ PHÁT TRIỂN HỢP TÁC XÃ, LIÊN HIỆP HỢP TÁC XÃ')
    expect(String(aoa[5]![0])).toMatch(/^\(Kèm theo Báo cáo số /)
    expect(aoa[6]![0]).toBe('Đơn vị: Thành phố Lạng Sơn — số liệu tính đến ngày 30/06/2023')
    expect(aoa[8]!.slice(0, 4)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Thực hiện năm 2022'])
    expect(aoa[8]![4]).toBe('Năm 2023')
    expect(aoa[9]!.slice(4, 8)).toEqual(['Thực hiện đến 30/06/2023', 'Ước thực hiện cả năm', 'Kế hoạch năm', 'Ước TH so với KH (%)'])
    expect(aoa[8]![8]).toBe('Kế hoạch năm 2024')
    const total = aoa.find((r) => r[1] === 'Tổng số hợp tác xã')!
    expect(total.slice(3, 6)).toEqual([1234, 1234, 1234])
    const merges = (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m))
    expect(merges).toContain('A5:I5') // title across the table
    expect(merges).toContain('E9:H9') // "Năm 2023" over its four columns
    expect(merges).toContain('A9:A10') // STT over both header rows
    expect(ws['!cols']!.map((c) => c.wch)).toEqual([6, 48, 14, 14, 14, 14, 14, 12, 14])
    // Numbers stay numbers, shown with thousands separators (dots on a Vietnamese Windows).
    const totalRow = aoa.indexOf(total)
    const cell = ws[XLSX.utils.encode_cell({ r: totalRow, c: 3 })]!
    expect(cell.t).toBe('n')
    expect(cell.z).toBe('#,##0')
    const capital = aoa.findIndex((r) => r[1] === 'Tổng vốn điều lệ')
    expect(ws[XLSX.utils.encode_cell({ r: capital, c: 4 })]!.v).toBe(1_234_000)
    expect(aoa.some((r) => String(r[0]).startsWith('Ghi chú: Số liệu tính theo lịch sử'))).toBe(true)
    expect(aoa.some((r) => r[0] === 'NGƯỜI LẬP BIỂU' && r.includes('TRƯỞNG PHÒNG'))).toBe(true)
    // The frozen pane under the two header rows, in the sheet XML itself.
    const zip = XLSX.CFB.read(buf, { type: 'buffer' })
    const xml = Buffer.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml').content).toString('utf8')
    expect(xml).toContain('<pane ySplit="10" topLeftCell="A11" activePane="bottomLeft" state="frozen"/>')
  })

  it('prints a page in Times New Roman with the national motto, and CSV through the shared writer', async () => {
    core = await officeCore('178')
    seed(
      core.ctx.conn.sqlite,
      many(1500, (i) => ({
        sector: 'agri',
        name: i === 0 ? 'HTX <Đồng Tâm>' : undefined,
        registered: '2015-01-01',
        capital: 2_000_000_000
      }))
    )
    const html = await core.call('report.export', { layout: 'linh-vuc', asOf: '2023-06-30', format: 'html' })
    const page = Buffer.from(html.base64!, 'base64').toString('utf8')
    expect(html.name).toBe('linh-vuc-2023-06-30.html')
    expect(page).toContain('Times New Roman')
    expect(page).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(page).toContain('Lạng Sơn, ngày …… tháng …… năm ……')
    expect(page).toContain('<td class="n">1.500</td>')
    expect(page).toContain('<td class="n">100,00</td>')
    expect(page).toContain('colspan="2">Trong đó</th>')
    expect(page).toContain('TRƯỞNG PHÒNG')
    expect(page).not.toMatch(/<script|https?:/)
    const list = await core.call('report.export', { layout: 'danh-sach', asOf: '2023-06-30', format: 'html' })
    expect(Buffer.from(list.base64!, 'base64').toString('utf8')).toContain('HTX &lt;Đồng Tâm&gt;')
    const csv = await core.call('report.export', { layout: 'linh-vuc', asOf: '2023-06-30', format: 'csv' })
    const text = Buffer.from(csv.base64!, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFFSTT,Lĩnh vực,Tổng số HTX,Trong đó - Đang hoạt động')).toBe(true)
    expect(text).toContain('\r\n1,"Nông, lâm, ngư nghiệp",1.500,1.500,0,"100,00"\r\n')
  })

  it('refuses an unknown layout in Vietnamese, and takes no path to write (the door saves the bytes)', async () => {
    core = await officeCore('178')
    const e1 = await core.call('report.build', { layout: 'khong-co', asOf: '2023-06-30' }).catch((e: AppError) => e)
    expect(e1).toMatchObject({ code: 'NOT_FOUND' })
    expect((e1 as AppError).message).toContain('phu-luc-1')
    const e2 = await core
      .call('report.export', { layout: 'linh-vuc', asOf: '2023-06-30', format: 'xlsx', path: join(core.dir, 'a.xlsx') } as never)
      .catch((e: AppError) => e)
    expect(e2).toMatchObject({ code: 'VALIDATION' })
    expect(existsSync(join(core.dir, 'a.xlsx'))).toBe(false)
  })
})

const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version'], { timeout: 20_000 }).status === 0)
if (soffice === undefined)
  console.log('LibreOffice (soffice) is not on PATH: skipping "opens the workbook cleanly"; .ci/run installs libreoffice-calc-nogui')

describe('LibreOffice', () => {
  it.runIf(soffice !== undefined)(
    'opens the workbook cleanly (converted headless to .ods)',
    async () => {
      core = await officeCore('178')
      seed(
        core.ctx.conn.sqlite,
        many(20, () => ({ sector: 'agri', registered: '2015-01-01' }))
      )
      const path = join(core.dir, 'phu-luc-1.xlsx')
      writeFileSync(
        path,
        Buffer.from((await core.call('report.export', { layout: 'phu-luc-1', asOf: '2023-06-30', format: 'xlsx' })).base64, 'base64')
      )
      const r = spawnSync(soffice!, ['--headless', '--convert-to', 'ods', '--outdir', core.dir, path], { timeout: 120_000 })
      expect(r.status).toBe(0)
      expect(existsSync(join(core.dir, 'phu-luc-1.ods'))).toBe(true)
    },
    150_000
  )
})

describe('province file', () => {
  it('breaks the units table down by district with a total row, and keeps its own plan targets', async () => {
    core = await officeCore('20')
    seed(core.ctx.conn.sqlite, langSonRows())
    const t = await core.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30' })
    expect(t.rows).toHaveLength(12)
    expect(t.rows.map((r) => r.cells[1]).slice(0, 3)).toEqual(['Thành phố Lạng Sơn', 'Huyện Tràng Định', 'Huyện Bình Gia'])
    const total = t.rows.at(-1)!
    expect(total.cells.slice(1, 5)).toEqual(['Tổng cộng', 474, 400, 74])
    const dinhLap = t.rows.find((r) => r.cells[1] === 'Huyện Đình Lập')!
    expect(dinhLap.cells[2]).toBe(0)
    expect(t.issuer).toEqual({ parent: 'UBND TỈNH LẠNG SƠN', body: 'SỞ TÀI CHÍNH' })
    expect(t.signTitle).toBe('GIÁM ĐỐC')
    const sectors = await core.call('report.build', { layout: 'linh-vuc', asOf: '2023-06-30' })
    expect(sectors.rows.map((r) => r.cells[2])).toEqual([338, 67, 52, 17, 0, 0, 474])
    // A layout added as data only: sectors by district.
    const bySector = await core.call('report.build', { layout: 'linh-vuc-theo-don-vi', asOf: '2023-06-30' })
    expect(bySector.rows.at(-1)!.cells.slice(2)).toEqual([474, 400, 74, 338, 67, 52, 17, 0, 0])
    expect(bySector.columns[6]!.label).toBe('Số HTX lĩnh vực công nghiệp - TTCN - xây dựng (HTX)')
    // The registry refuses edits in a province file, but the province's plan is its own.
    expect((await core.call('report.setTargets', { year: 2023, values: [{ indicator: 'htx.total', plan: 500 }] })).changed).toBe(1)
    const district = await core.call('report.build', { layout: 'linh-vuc', asOf: '2023-06-30', scope: '183' })
    expect(district.scopeName).toBe('Huyện Cao Lộc')
    expect(district.rows.at(-1)!.cells[2]).toBe(
      (await core.call('report.summary', { asOf: '2023-06-30', scope: '183' })).indicators['htx.total']
    )
  })
})

import * as XLSX from 'xlsx'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { findBrowser } from '../../src/main/core/reports/pdf'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
describe('report CLI', () => {
  it('lists layouts, prints the summary as JSON for dd/mm/yyyy and ISO dates, saves targets, writes xlsx/csv/html', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    expect(
      (
        await cli(
          'entity',
          'add',
          '--db',
          db,
          '--name',
          'HTX Nông nghiệp Yên Khoái',
          '--registration-date',
          '06/05/2022',
          '--capital',
          '1.500.000.000',
          '--sector',
          'agri'
        )
      ).code
    ).toBe(0)
    expect(
      (
        await cli(
          'entity',
          'add',
          '--db',
          db,
          '--name',
          'HTX Vận tải Kỳ Lừa',
          '--reg-no',
          '4900000017',
          '--registration-date',
          '10/02/2023',
          '--sector',
          'transport'
        )
      ).code
    ).toBe(0)
    expect((await cli('status', 'add', '--db', db, '--entity', '4900000017', '--status', 'suspended', '--date', '01/06/2023')).code).toBe(0)

    const list = await cli('report', 'list', '--json')
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout).map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining(['phu-luc-1', 'phu-luc-2', 'linh-vuc', 'danh-sach'])
    )

    const sum = await cli('report', 'summary', '--db', db, '--as-of', '30/06/2023', '--json')
    expect(sum.code).toBe(0)
    const s = JSON.parse(sum.stdout)
    expect(s).toMatchObject({ asOf: '2023-06-30', unit: '178' })
    expect(s.indicators).toMatchObject({
      'htx.total': 2,
      'htx.active': 1,
      'htx.stopped': 1,
      'htx.new': 1,
      'htx.charter_capital_million': 1500,
      'htx.sector.transport.stopped': 1
    })
    expect(Object.keys(s.byUnit)).toEqual(['178'])
    expect(
      JSON.parse((await cli('report', 'summary', '--db', db, '--as-of', '2023-05-31', '--json')).stdout).indicators['htx.stopped']
    ).toBe(0)
    const human = await cli('report', 'summary', '--db', db, '--as-of', '30/06/2023')
    expect(human.stdout).toContain('Tính đến ngày 30/06/2023')
    expect(human.stdout).toMatch(/htx\.charter_capital_million\s+Tổng vốn điều lệ\s+1\.500/)

    expect(
      (
        await cli(
          'report',
          'target',
          '--db',
          db,
          '--year',
          '2023',
          '--indicator',
          'htx.total',
          '--plan',
          '4',
          '--estimate',
          '3',
          '--next-plan',
          '6'
        )
      ).code
    ).toBe(0)
    const targets = JSON.parse((await cli('report', 'targets', '--db', db, '--year', '2023', '--json')).stdout)
    expect(targets.find((r: { indicator: string }) => r.indicator === 'htx.total')).toMatchObject({
      plan: 4,
      estimate: 3,
      previousActual: 1
    })

    const xlsx = join(t.dir, 'phu luc 1.xlsx')
    const r = await cli('report', 'phu-luc-1', '--db', db, '--as-of', '30/06/2023', '--xlsx', xlsx, '--report-no', '15/BC-TCKH')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('Đã ghi')
    const ws = XLSX.read(readFileSync(xlsx)).Sheets['Phụ lục 1']!
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: '' })
    expect(aoa[5]![0]).toBe('(Kèm theo Báo cáo số 15/BC-TCKH)')
    expect(aoa.find((row) => row[1] === 'Tổng số hợp tác xã')!.slice(3)).toEqual([1, 2, 3, 4, 75, 6])

    const csv = join(t.dir, 'ds.csv')
    expect((await cli('report', 'danh-sach', '--db', db, '--as-of', '2023-06-30', '--csv', csv)).code).toBe(0)
    expect(readFileSync(csv, 'utf8')).toContain('HTX Vận tải Kỳ Lừa,4900000017,HTX')
    const html = join(t.dir, 'lv.html')
    expect((await cli('report', 'linh-vuc', '--db', db, '--as-of', '30/06/2023', '--html', html)).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toContain('Độc lập - Tự do - Hạnh phúc')
    // «theo đơn vị» by today's communes: the district's records without a commune are on a row of their own.
    const moi = join(t.dir, 'moi.csv')
    expect((await cli('report', 'theo-don-vi', '--db', db, '--as-of', '30/06/2023', '--csv', moi, '--dia-gioi-moi')).code).toBe(0)
    const text = readFileSync(moi, 'utf8')
    expect(text).toContain('Xã, phường, đặc khu (địa giới mới)')
    expect(text).toContain('Phường Đông Kinh')
    expect(text).toMatch(/Chưa xác định xã,[1-9]/)
  })

  it('answers wrong usage with exit 2 and bad data with exit 1, in Vietnamese', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const noDate = await cli('report', 'summary', '--db', db)
    expect(noDate.code).toBe(2)
    expect(noDate.stderr).toContain('--as-of')
    const badDate = await cli('report', 'summary', '--db', db, '--as-of', '31/02/2023', '--json')
    expect(badDate.code).toBe(1)
    expect(JSON.parse(badDate.stdout).error.code).toBe('VALIDATION')
    const two = await cli('report', 'linh-vuc', '--db', db, '--as-of', '30/06/2023', '--xlsx', 'a.xlsx', '--csv', 'a.csv')
    expect(two.code).toBe(2)
    const unknown = await cli('report', 'khong-co', '--db', db, '--as-of', '30/06/2023', '--xlsx', join(t.dir, 'x.xlsx'))
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Không có mẫu báo cáo «khong-co»')
    const badPlan = await cli('report', 'target', '--db', db, '--year', '2023', '--indicator', 'htx.total', '--plan', 'bốn')
    expect(badPlan.code).toBe(2)
    expect(badPlan.stderr).toContain('--plan')
    // A counted indicator takes no entered figure; the area's OCOP products do (issue 17).
    const counted = await cli('report', 'target', '--db', db, '--year', '2023', '--indicator', 'htx.ocop.products', '--actual', '3')
    expect(counted.code).toBe(1)
    expect(counted.stderr).toContain('được tính từ sổ')
    expect((await cli('report', 'target', '--db', db, '--year', '2023', '--indicator', 'area.ocop.products', '--actual', '147')).code).toBe(
      0
    )
    const targets = JSON.parse((await cli('report', 'targets', '--db', db, '--year', '2023', '--json')).stdout)
    expect(targets.find((r: { indicator: string }) => r.indicator === 'area.ocop.products')).toMatchObject({ input: true, actual: 147 })
    // A conversion is a status event with its date and document, checked against its rule.
    const add = ['entity', 'add', '--db', db, '--name', 'HTX Chè Yên Trạch', '--reg-no', '4900000017', '--registration-date', '15/03/2023']
    expect((await cli(...add)).code).toBe(0)
    const conversion = ['status', 'add', '--db', db, '--entity', '4900000017', '--status', 'active', '--conversion', 'from-tht']
    const wrongDate = await cli(...conversion, '--date', '20/03/2023', '--decision', 'GCN 4900000017')
    expect(wrongDate.code).toBe(1)
    expect(wrongDate.stderr).toContain('phải là ngày đăng ký của HTX (15/03/2023)')
    expect((await cli(...conversion, '--date', '15/03/2023', '--decision', 'GCN 4900000017')).code).toBe(0)
    const events = JSON.parse((await cli('status', 'list', '--db', db, '--entity', '4900000017', '--json')).stdout)
    expect(events.at(-1)).toMatchObject({ conversion: 'from_tht', effectiveDate: '2023-03-15' })
  })

  it.runIf(findBrowser() !== null)(
    'prints a PDF through the local Chromium',
    async () => {
      const t = tempDir()
      cleanups.push(t.cleanup)
      const db = join(t.dir, 'a.db')
      expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
      const pdf = join(t.dir, 'linh-vuc.pdf')
      const r = await cli('report', 'linh-vuc', '--db', db, '--as-of', '30/06/2023', '--pdf', pdf)
      expect(r.code, r.stderr).toBe(0)
      expect(existsSync(pdf)).toBe(true)
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    },
    60_000
  )
})

/**
 * The support register (hỗ trợ) and Phụ lục 3–4: the seed plan's figures rebuilt from a
 * register, the workbook opened back cell by cell, entry by paste and import with
 * Vietnamese messages that name the row and column, audit on every write, the CLI,
 * and the province package (a package from before still verifies and consolidates).
 */
import * as XLSX from 'xlsx'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MACHINE_TABLES } from '../../src/main/core/handoff/format'
import { AppError } from '../../src/shared/errors'
import { cli } from '../helpers/cli'
import { officeCore } from '../helpers/temp'
import { exportTo } from './package-fixture'
import { SEED_2023, SEED_2024 } from './support-seed'

type Office = Awaited<ReturnType<typeof officeCore>>
const open: Office[] = []
async function office(unit: string): Promise<Office> {
  const o = await officeCore(unit)
  open.push(o)
  return o
}
afterEach(async () => {
  for (const o of open.splice(0)) await o.dispose()
})

const audits = (o: Office, action: string) =>
  (o.ctx.conn.sqlite.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n

function sheetRows(base64: string): unknown[][] {
  const wb = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' })
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: null })
}

const PL3_EXPECTED = [
  ['1', 'Hỗ trợ thành lập mới, củng cố tổ chức KTTT, HTX', 45, null, 900, 23, null, 446, 0, 446, 49.6],
  ['2', 'Nâng cao năng lực, nhận thức (đào tạo, bồi dưỡng)', null, 460, 526, null, 200, 228, 88, 140, 43.3],
  ['3', 'Xúc tiến thương mại, mở rộng thị trường', 70, null, 1750, 60, null, 1508, 1008, 500, 86.2],
  ['4', 'Đầu tư kết cấu hạ tầng và chế biến sản phẩm', null, null, null, null, null, null, null, null, null],
  ['5', 'Đưa lao động trẻ về làm việc tại tổ chức KTTT, HTX', 28, 30, 1210, 27, 29, 1170, 1170, 0, 96.7],
  ['6', 'Liên kết sản xuất, tiêu thụ sản phẩm theo chuỗi giá trị', 6, null, 1520, null, null, null, null, null, null],
  ['7', 'Hỗ trợ lãi suất tín dụng, tiếp cận vốn', null, null, null, 2, null, 731, 0, 731, null],
  ['8', 'Hỗ trợ phát triển sản xuất', null, null, null, 1, null, 264, 0, 264, null],
  ['9', 'Các hỗ trợ khác', null, null, null, null, null, null, null, null, null],
  ['', 'Tổng cộng', 149, 490, 5906, 113, 229, 4347, 2266, 2081, 73.6]
]

const PL4_TOTAL = ['', 'Tổng cộng', 162, 532, 23720, 10000, 13720, 11120, 6000, 5120, 12600, 4000, 8600]

describe('Phụ lục 3 and 4 from the support register: the seed plan of Lạng Sơn', () => {
  it('rebuilds the six-month results of 2023 and the 2024 needs exactly, in the grid and in the workbook', async () => {
    const o = await office('178')
    const { saved } = await o.call('support.save', { rows: [...SEED_2023, ...SEED_2024] })
    expect(saved).toHaveLength(SEED_2023.length + SEED_2024.length)
    expect(audits(o, 'support_create')).toBe(saved.length)

    const pl3 = await o.call('report.build', { layout: 'phu-luc-3', asOf: '2023-06-30' })
    expect(pl3.annex).toBe('Phụ lục 3')
    expect(pl3.title).toBe('KẾT QUẢ THỰC HIỆN HỖ TRỢ PHÁT TRIỂN KINH TẾ TẬP THỂ, HỢP TÁC XÃ NĂM 2023')
    expect(pl3.rows.map((r) => r.cells)).toEqual(PL3_EXPECTED)
    // The row decided on 01/08/2023 joins the results only once the report date passes it.
    const dec = await o.call('report.build', { layout: 'phu-luc-3', asOf: '2023-12-31' })
    expect(dec.rows[0]!.cells.slice(5, 8)).toEqual([28, null, 546])

    const pl4 = await o.call('report.build', { layout: 'phu-luc-4', asOf: '2023-06-30' })
    expect(pl4.title).toBe('NHU CẦU VỐN HỖ TRỢ PHÁT TRIỂN KINH TẾ TẬP THỂ, HỢP TÁC XÃ NĂM 2024')
    expect(pl4.rows.at(-1)!.cells).toEqual(PL4_TOTAL)
    expect(pl4.rows.find((r) => r.cells[1] === 'Đầu tư kết cấu hạ tầng và chế biến sản phẩm')!.cells).toEqual([
      '4',
      'Đầu tư kết cấu hạ tầng và chế biến sản phẩm',
      4,
      null,
      10000,
      10000,
      0,
      6000,
      6000,
      0,
      4000,
      4000,
      0
    ])

    // The workbook in the official layout, opened back: header block, two header rows, every data cell.
    for (const [layout, table] of [
      ['phu-luc-3', pl3],
      ['phu-luc-4', pl4]
    ] as const) {
      const x = await o.call('report.export', { layout, asOf: '2023-06-30', format: 'xlsx', reportNo: '15/BC-TCKH' })
      const rows = sheetRows(x.base64)
      expect(rows[3]![0]).toBe(table.annex)
      expect(rows[4]![0]).toBe(table.title)
      expect(rows[5]![0]).toBe('(Kèm theo Báo cáo số 15/BC-TCKH)')
      const top = rows[8]!
      const bottom = rows[9]!
      table.columns.forEach((c, i) => {
        if (c.group) expect(bottom[i]).toBe(c.label)
        else expect(top[i]).toBe(c.label)
      })
      table.rows.forEach((r, i) => {
        const back = rows[10 + i]!.slice(0, table.columns.length).map((v) => (v === '' ? null : v))
        expect(back).toEqual(r.cells.map((v) => (v === '' ? null : v)))
      })
    }
    const pl3x = sheetRows((await o.call('report.export', { layout: 'phu-luc-3', asOf: '2023-06-30', format: 'xlsx' })).base64)
    expect(pl3x[8]!.slice(2, 4)).toEqual(['Kế hoạch năm 2023', ''])
    expect(pl3x[8]![5]).toBe('Thực hiện đến 30/06/2023')
    const html = Buffer.from(
      (await o.call('report.export', { layout: 'phu-luc-4', asOf: '2023-06-30', format: 'html' })).base64,
      'base64'
    ).toString()
    expect(html).toContain('23.720')
    expect(html).toContain('Ngân sách trung ương')
  })
})

describe('support register: entry, paste, import, audit', () => {
  it('updates and deletes with an audit row each, and links a cooperative by its registration number', async () => {
    const o = await office('178')
    const e = await o.call('entity.create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Yên Khoái',
      regNo: '4900123467',
      sector: 'agri'
    } as never)
    const { saved } = await o.call('support.save', {
      rows: [
        { year: 2024, stage: 'done', programme: 'Hỗ trợ phát triển sản xuất', entity: '4900123467', nsdpSn: 264, decisionNo: '12/QĐ-UBND' }
      ]
    })
    expect(saved[0]).toMatchObject({
      programme: 'san_xuat',
      entityId: (e as { id: number }).id,
      entityName: 'HTX Nông nghiệp Yên Khoái',
      total: 264
    })
    await o.call('support.save', { rows: [{ ...SEED_2024[0]!, id: saved[0]!.id }] })
    expect(audits(o, 'support_update')).toBe(1)
    const t = await o.call('report.build', { layout: 'phu-luc-4', asOf: '2023-12-31' })
    expect(t.rows.at(-1)!.cells[4]).toBe(10000)
    await o.call('support.delete', { ids: [saved[0]!.id] })
    expect(audits(o, 'support_delete')).toBe(1)
    expect(await o.call('support.list', {})).toEqual([])
    await expect(
      o.call('support.save', { rows: [{ year: 2024, stage: 'done', programme: 'san_xuat', entity: '4900999999', nsdpSn: 1 }] })
    ).rejects.toThrow('không có HTX mã số 4900999999')
  })

  it('reads a pasted block as offices type it, and refuses a bad cell naming its row and column, writing nothing', async () => {
    const o = await office('178')
    const columns = ['year', 'stage', 'programme', 'coops', 'nstwSn', 'nsdpSn', 'decisionDate'] as const
    const ok = await o.call('support.paste', {
      columns: [...columns],
      rows: [
        ['2023', 'Đã thực hiện', 'Xúc tiến thương mại', '60', '1.008', '500', '02/05/2023'],
        ['', '', '', '', '', '', ''],
        ['2023', 'Kế hoạch', 'xuc_tien', '70', '1.000', '750,5', '']
      ]
    })
    expect(ok).toMatchObject({ rows: 2, saved: 2 })
    const list = await o.call('support.list', { year: 2023 })
    expect(list.map((r) => [r.stage, r.coops, r.nstwSn, r.nsdpSn, r.decisionDate])).toEqual([
      ['done', 60, 1008, 500, '2023-05-02'],
      ['plan', 70, 1000, 750.5, null]
    ])
    const bad = o.call('support.paste', {
      columns: [...columns],
      rows: [
        ['2023', 'Kế hoạch', 'xuc_tien', '1', '1', '1', ''],
        ['2023', 'Kế hoạch', 'xuc_tien', 'hai', '1', '1', '']
      ]
    })
    await expect(bad).rejects.toThrow('Dòng 2 của khối dán, cột «Số HTX»: «hai» không phải là một số')
    await expect(
      o.call('support.paste', {
        columns: ['year', 'stage', 'programme', 'coops'],
        rows: [['2023', 'Kế hoạch', 'Hỗ trợ du lịch vũ trụ', '1']]
      })
    ).rejects.toThrow('không có trong danh mục')
    expect(await o.call('support.list', { year: 2023 })).toHaveLength(2)
  })

  it('imports a list with Vietnamese headers (dry run first), and names the file, sheet, row and column of a bad cell', async () => {
    const o = await office('178')
    const header = [
      'Năm',
      'Kế hoạch / thực hiện',
      'Nội dung hỗ trợ',
      'Số HTX',
      'Số người',
      'NSTW - sự nghiệp (triệu đồng)',
      'NSĐP - sự nghiệp (triệu đồng)',
      'Số quyết định',
      'Ngày quyết định'
    ]
    const good = [
      header,
      [2023, 'Đã thực hiện', 'Thành lập mới', 23, null, null, 446, '125/QĐ-UBND', '15/03/2023'],
      [2023, 'Đã thực hiện', 'Bồi dưỡng', null, 200, 88, 140, null, null]
    ]
    const file = join(o.dir, 'ho-tro.xlsx')
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['DANH SÁCH HỖ TRỢ NĂM 2023'], [], ...good]), 'Hỗ trợ')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const dry = await o.call('support.import', { file: { path: file }, dryRun: true })
    expect(dry).toMatchObject({ rows: 2, saved: 0, dryRun: true, sheet: 'Hỗ trợ' })
    expect(await o.call('support.list', {})).toEqual([])
    expect(await o.call('support.import', { file: { path: file } })).toMatchObject({ rows: 2, saved: 2 })
    const t = await o.call('report.build', { layout: 'phu-luc-3', asOf: '2023-06-30' })
    expect(t.rows[0]!.cells.slice(5, 8)).toEqual([23, null, 446])
    expect(t.rows[1]!.cells.slice(5, 8)).toEqual([null, 200, 228])

    const badFile = join(o.dir, 'ho-tro-sai.xlsx')
    const wb2 = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      wb2,
      XLSX.utils.aoa_to_sheet([header, good[1]!, [2023, 'Đã thực hiện', 'Bồi dưỡng', null, 200, 88, 140, null, '31/02/2023']]),
      'DS'
    )
    writeFileSync(badFile, XLSX.write(wb2, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const err = await o.call('support.import', { file: { path: badFile } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).message).toBe(
      'Tệp ho-tro-sai.xlsx, trang «DS», dòng 3, cột «Ngày quyết định»: «31/02/2023» không phải là ngày (gõ ngày/tháng/năm, ví dụ 15/03/2023).'
    )
    expect(await o.call('support.list', {})).toHaveLength(2)
  })
})

describe('support on the command line', () => {
  it('adds, lists (--json) and imports; a wrong amount is refused with a Vietnamese message', async () => {
    const o = await office('178')
    await o.close()
    const db = o.dbPath
    const add = await cli(
      'support',
      'add',
      '--db',
      db,
      '--year',
      '2023',
      '--stage',
      'done',
      '--programme',
      'xuc_tien',
      '--coops',
      '60',
      '--nstw-sn',
      '1.008',
      '--nsdp-sn',
      '500',
      '--decision',
      '45/QĐ-UBND',
      '--decision-date',
      '02/05/2023'
    )
    expect(add.code).toBe(0)
    expect(add.stderr).toContain('Đã thêm dòng hỗ trợ số 1')
    const list = await cli('support', 'list', '--db', db, '--json')
    expect(list.code).toBe(0)
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 1, programme: 'xuc_tien', coops: 60, total: 1508, decisionDate: '2023-05-02' }])
    const text = await cli('support', 'list', '--db', db)
    expect(text.stdout).toContain('1.508')
    const wrong = await cli(
      'support',
      'add',
      '--db',
      db,
      '--year',
      '2023',
      '--stage',
      'done',
      '--programme',
      'xuc_tien',
      '--nsdp-sn',
      'năm trăm'
    )
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('--nsdp-sn phải là một số')
    const csv = join(o.dir, 'ds.csv')
    writeFileSync(
      csv,
      '\ufeffNăm,Kế hoạch / thực hiện,Nội dung hỗ trợ,Số HTX,NSĐP - sự nghiệp (triệu đồng)\r\n2024,Kế hoạch,Chuỗi giá trị,8,4.000\r\n'
    )
    const imp = await cli('support', 'import', csv, '--db', db, '--json')
    expect(imp.code).toBe(0)
    expect(JSON.parse(imp.stdout)).toMatchObject({ rows: 1, saved: 1 })
    const progs = await cli('support', 'programmes')
    expect(progs.stdout).toContain('lao_dong_tre')
  })
})

describe('support in the province package', () => {
  it('travels in the package, is kept per district at the province, and a package from before still verifies and consolidates', async () => {
    const a = await office('178')
    const b = await office('180')
    const province = await office('20')
    await a.call('entity.create', { kind: 'htx', name: 'HTX Thành Lộc', regNo: '4900123467', sector: 'agri' } as never)
    await a.call('support.save', {
      rows: [
        ...SEED_2023,
        { year: 2023, stage: 'done', programme: 'san_xuat', entity: '4900123467', nsdpSn: 50, decisionDate: '2023-02-02' }
      ]
    })
    await b.call('support.save', { rows: SEED_2024 })

    const pa = await exportTo(a, a.dir)
    expect((await a.call('handoff.verify', { file: { path: pa.file } })).counts.support_entries).toBe(SEED_2023.length + 1)
    // A package written before the support table existed: the same writer without it.
    const at = MACHINE_TABLES.findIndex((t) => t.table === 'support_entries')
    const [spec] = MACHINE_TABLES.splice(at, 1)
    let old: string
    try {
      old = (await exportTo(b, b.dir, '2024-06-30', 'goi-cu.xlsx')).file
    } finally {
      MACHINE_TABLES.splice(at, 0, spec!)
    }
    const oldReport = await b.call('handoff.verify', { file: { path: old } })
    expect([oldReport.code, oldReport.ok]).toEqual([null, true])
    expect(oldReport.counts.support_entries).toBeUndefined()

    const r = await province.call('handoff.consolidate', { files: [{ path: pa.file }, { path: old }], trustNewKeys: true })
    expect(r.rejected).toEqual([])
    expect(r.accepted).toHaveLength(2)
    const rows = await province.call('support.list', {})
    expect(rows).toHaveLength(SEED_2023.length + 1)
    expect(new Set(rows.map((x) => x.unitCode))).toEqual(new Set(['178']))
    expect(rows.at(-1)!.entityName).toBe('HTX Thành Lộc')
    const pl3 = await province.call('report.build', { layout: 'phu-luc-3', asOf: '2023-06-30', scope: '178' })
    expect(pl3.rows.at(-1)!.cells.slice(5, 8)).toEqual([114, 229, 4397])
    expect((await province.call('report.build', { layout: 'phu-luc-3', asOf: '2023-06-30', scope: '180' })).rows.at(-1)!.cells[7]).toBe(
      null
    )

    // District 180 sends again, now with its support: its rows land beside 178's; 178's stay as they were.
    const pb = await exportTo(b, b.dir, '2024-07-01', 'goi-moi.xlsx')
    const r2 = await province.call('handoff.consolidate', { files: [{ path: pb.file }] })
    expect(r2.rejected).toEqual([])
    const pl4 = await province.call('report.build', { layout: 'phu-luc-4', asOf: '2023-06-30' })
    expect(pl4.rows.at(-1)!.cells).toEqual(PL4_TOTAL)
    expect((await province.call('report.build', { layout: 'phu-luc-4', asOf: '2023-06-30', scope: '178' })).rows.at(-1)!.cells[4]).toBe(
      null
    )
    // And again from 178: replaced, not doubled.
    await a.call('support.save', { rows: [{ year: 2023, stage: 'done', programme: 'khac', coops: 1, nsdpSn: 10 }] })
    const pa2 = await exportTo(a, a.dir, '2024-07-02', 'goi-178-2.xlsx')
    expect((await province.call('handoff.consolidate', { files: [{ path: pa2.file }] })).rejected).toEqual([])
    expect((await province.call('support.list', { scope: '178' })).length).toBe(SEED_2023.length + 2)
  })
})

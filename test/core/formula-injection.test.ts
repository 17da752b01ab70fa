/**
 * Formula injection: text that begins with = + - @ must reach every export as
 * text — xlsx string cells with no formula (no `f`, no <f> in the sheet XML),
 * CSV through toCsv with the apostrophe guard. Exports are found by handler
 * name, so one added later is covered as soon as it is listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { isApiName, type ApiName } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'

const HOSTILE = {
  name: '=HYPERLINK("http://vi-du.invalid","Bấm vào đây")',
  representative: '@SUM(1+1)*cmd|" /C calc"!A0',
  address: '-2+3 thôn Nà Cạn',
  businessLines: '+cmd|" /C notepad"!A0',
  notes: '=1+1',
  phone: '+84 205 3870 123'
}
const STARTS_FORMULA = /^[=+\-@]/

let core: Awaited<ReturnType<typeof officeCore>>
beforeAll(async () => {
  core = await officeCore('178')
  const e = await core.call('entity.create', {
    kind: 'htx',
    regNo: '4900123456',
    registrationDate: '2015-03-02',
    sector: 'agri',
    ...HOSTILE
  })
  await core.call('entity.create', { kind: 'htx', name: '+HTX Cộng Đầu Tên', representative: '-Trừ Đầu Tên', sector: 'transport' })
  await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2023-01-05' })
}, 60_000)
afterAll(async () => {
  await core?.dispose()
})

/** Every cell of every sheet: never a formula; text that looks like one is a string cell. */
function checkWorkbook(bytes: Buffer, what: string): string[] {
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true })
  const texts: string[] = []
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!
    for (const [address, cell] of Object.entries(ws)) {
      if (address.startsWith('!')) continue
      const c = cell as XLSX.CellObject
      expect(c.f, `${what} › ${name}!${address}`).toBeUndefined()
      if (typeof c.v === 'string') {
        texts.push(c.v)
        if (STARTS_FORMULA.test(c.v)) expect(c.t, `${what} › ${name}!${address}`).toBe('s')
      }
    }
  }
  // And in the file itself: no <f> element in any sheet part.
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' })
  for (const [i, entry] of zip.FileIndex.entries()) {
    if (!/sheet\d*\.xml$/.test(zip.FullPaths[i] ?? '') || !entry.content) continue
    expect(Buffer.from(entry.content as Uint8Array).toString('utf8'), `${what} › ${zip.FullPaths[i]}`).not.toMatch(/<f[ >]/)
  }
  return texts
}

/** CSV fields after unquoting: none may start a formula (toCsv puts an apostrophe first). */
function checkCsv(text: string, what: string): string[] {
  const fields: string[] = []
  for (const m of text.replace(/^\uFEFF/, '').matchAll(/"((?:[^"]|"")*)"|([^,\r\n]*)/g)) {
    const value = m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? '')
    if (value === '') continue
    fields.push(value)
    if (!/^-?\d+([.,]\d+)?$/.test(value)) expect(value, what).not.toMatch(STARTS_FORMULA)
  }
  return fields
}

type Probe = (
  call: (name: ApiName, input: unknown) => Promise<any>,
  dir: string
) => Promise<{ xlsx?: Buffer; csv?: string; listsEntities: boolean }>

const EXPORTS: Record<string, Probe> = {
  'exchange.importTemplate': async (call) => ({
    xlsx: Buffer.from((await call('exchange.importTemplate', {})).base64, 'base64'),
    listsEntities: false
  }),
  'dissolution.summaryXlsx': async (call) => ({
    xlsx: Buffer.from((await call('dissolution.summaryXlsx', { asOf: '2026-01-01' })).base64, 'base64'),
    listsEntities: true
  }),
  'dissolution.summaryXlsx (a title)': async (call) => ({
    xlsx: Buffer.from((await call('dissolution.summaryXlsx', { asOf: '2026-01-01', title: '=Tiêu đề độc' })).base64, 'base64'),
    listsEntities: true
  }),
  'report.export': async (call) => {
    const layouts = (await call('report.list', {})) as Array<{ id?: string; layout?: string; name?: string }>
    const layout = layouts[0]?.id ?? layouts[0]?.layout ?? layouts[0]?.name
    const base = { layout, asOf: '2026-01-01', reportNo: '=Số 01/BC' }
    const xlsx = await call('report.export', { ...base, format: 'xlsx' })
    const csv = await call('report.export', { ...base, format: 'csv' })
    return { xlsx: Buffer.from(xlsx.base64, 'base64'), csv: Buffer.from(csv.base64, 'base64').toString('utf8'), listsEntities: false }
  },
  'handoff.export': async (call) => ({
    xlsx: Buffer.from((await call('handoff.export', {})).base64, 'base64'),
    listsEntities: true
  })
}

const present = Object.keys(EXPORTS).filter(isApiName)

describe('formula injection in every export', () => {
  it('covers the exports that exist (by handler name)', () => {
    console.log(
      `Kiểm tra chèn công thức: ${present.join(', ')}; chưa có: ${
        Object.keys(EXPORTS)
          .filter((n) => !isApiName(n))
          .join(', ') || 'không'
      }`
    )
    expect(present).toEqual(expect.arrayContaining(['exchange.importTemplate', 'dissolution.summaryXlsx']))
  })

  it.each(present)('%s writes = + - @ text as text, never as a formula', async (name) => {
    const out = await EXPORTS[name]!((n, input) => core.call(n, input), core.dir)
    const texts = [...(out.xlsx ? checkWorkbook(out.xlsx, `${name} (xlsx)`) : []), ...(out.csv ? checkCsv(out.csv, `${name} (csv)`) : [])]
    expect(texts.length, name).toBeGreaterThan(0)
    // The hostile names really went through this export, so the check above saw them.
    if (out.listsEntities) expect(texts, name).toContain(HOSTILE.name)
  })

  it('the check itself catches a formula and an undefused CSV field', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Tên']])
    ws.A2 = { t: 'n', v: 2, f: 'HYPERLINK("http://vi-du.invalid")' }
    ws['!ref'] = 'A1:A2'
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'x')
    expect(() => checkWorkbook(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'mẫu')).toThrow()
    expect(() => checkCsv('Tên\r\n=1+1\r\n', 'mẫu')).toThrow()
  })

  it('the CSV writer itself defuses what the report CSV may hold', async () => {
    const { toCsv } = await import('../../src/main/core/text/csv')
    const text = toCsv([[HOSTILE.name, HOSTILE.representative, HOSTILE.address, HOSTILE.businessLines, -5, 'an toàn']])
    const fields = checkCsv(text, 'toCsv')
    expect(fields).toContain(`'${HOSTILE.name}`)
    expect(fields).toContain('-5')
  })
})

/**
 * The two readers of a package (handoff/read.ts): a package as exported is read straight from
 * the zip, and reads exactly as SheetJS reads it; a file with anything a person would see
 * beside the values — a formula whose cached value is the signed one, an error value over an
 * empty cell, a number format that shows other words, merged cells, a hyperlink — is read by
 * SheetJS, which refuses it naming the cell, as before.
 */
import { readFileSync } from 'node:fs'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPackage } from '../../src/main/core/handoff/read'
import { officeCore } from '../helpers/temp'
import { exportTo, seedDistrict } from './package-fixture'

let district: Awaited<ReturnType<typeof officeCore>>
let bytes: Buffer

beforeAll(async () => {
  district = await officeCore('178')
  await seedDistrict(district, 12, 3)
  bytes = readFileSync((await exportTo(district, district.dir)).file)
})
afterAll(async () => {
  await district.dispose()
})

/** Both readings of one file: the app's, and SheetJS alone. */
function both(file: Buffer) {
  const { reader, ...app } = readPackage(file, 'goi.xlsx')
  const { reader: alone, ...sheetjs } = readPackage(file, 'goi.xlsx', { reader: 'sheetjs' })
  // SheetJS, unless the file was refused before any reading.
  expect(alone).toBe(sheetjs.problems.length && !sheetjs.manifest ? undefined : 'sheetjs')
  return { reader, app, sheetjs }
}

/** The package read by SheetJS, `edit` applied, written back by SheetJS. */
function edited(edit: (wb: XLSX.WorkBook) => void): Buffer {
  const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true })
  edit(wb)
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}
/** The address of the first cell of `sheet` whose value passes `find`. */
const cellOf = (wb: XLSX.WorkBook, sheet: string, find: (v: unknown) => boolean): string =>
  Object.keys(wb.Sheets[sheet]).find((k) => !k.startsWith('!') && find((wb.Sheets[sheet][k] as XLSX.CellObject).v))!

describe('a package as exported', () => {
  it('is read straight from the zip, and reads exactly as SheetJS reads it', () => {
    const { reader, app, sheetjs } = both(bytes)
    expect(reader).toBe('stream')
    expect(app.problems).toEqual([])
    expect(app.signature).toBe('valid')
    expect(app.tables!.find((t) => t.table === 'entities')!.rows.length).toBe(12)
    expect(app).toEqual(sheetjs)
  })

  it('re-written by SheetJS with nothing changed, still reads straight and verifies', () => {
    const { reader, app, sheetjs } = both(edited(() => {}))
    expect(reader).toBe('stream')
    expect(app.problems).toEqual([])
    expect(app).toEqual(sheetjs)
  })
})

describe('what a person would see beside the values is refused, never read straight', () => {
  const cases: Array<[string, (wb: XLSX.WorkBook) => void, RegExp]> = [
    [
      'a formula on a machine cell whose cached value is the signed one',
      (wb) => {
        const at = cellOf(wb, 'data_entities', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
        const c = wb.Sheets.data_entities[at] as XLSX.CellObject
        c.f = `"${String(c.v)}"`
      },
      /có công thức/
    ],
    [
      'an error value over an empty human cell (the values alone are unchanged)',
      (wb) => {
        const ws = wb.Sheets['Danh sách']
        const range = XLSX.utils.decode_range(ws['!ref']!)
        ws[XLSX.utils.encode_cell({ r: range.e.r, c: range.e.c + 1 })] = { t: 'e', v: 0x07 }
        ws['!ref'] = XLSX.utils.encode_range({ s: range.s, e: { r: range.e.r, c: range.e.c + 1 } })
      },
      /có giá trị lỗi/
    ],
    [
      'a number format that shows other words, the value unchanged',
      (wb) => {
        const ws = wb.Sheets['Tổng hợp']
        const at = Object.keys(ws).find((k) => /^D\d+$/.test(k) && typeof (ws[k] as XLSX.CellObject).v === 'number')!
        ;(ws[at] as XLSX.CellObject).z = '"Không có số liệu"'
      },
      /định dạng số hiện chữ khác/
    ],
    [
      'merged cells over human cells',
      (wb) => {
        wb.Sheets['Danh sách']['!merges'] = [{ s: { r: 5, c: 0 }, e: { r: 6, c: 3 } }]
      },
      /ô gộp/
    ],
    [
      'a hyperlink on a human cell',
      (wb) => {
        const at = cellOf(wb, 'Danh sách', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
        ;(wb.Sheets['Danh sách'][at] as XLSX.CellObject).l = { Target: 'http://lua-dao.example/nop-tien' }
      },
      /có liên kết/
    ]
  ]
  for (const [what, edit, says] of cases) {
    it(what, () => {
      const { reader, app, sheetjs } = both(edited(edit))
      // Refused before any reading (what no reader of values sees: handoff/read.ts BEYOND_CELLS), or by SheetJS.
      expect([undefined, 'sheetjs']).toContain(reader)
      expect(app.problems.map((p) => p.code)).toEqual(['EDITED'])
      expect(app.problems[0].message).toMatch(says)
      expect(app).toEqual(sheetjs)
    })
  }

  it('a value edited on a machine sheet: read straight, found edited, then read again by SheetJS for the message', () => {
    const file = edited((wb) => {
      const at = cellOf(wb, 'data_entities', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
      wb.Sheets.data_entities[at] = { t: 's', v: 'HTX Giả mạo' }
    })
    const { reader, app, sheetjs } = both(file)
    expect(reader).toBe('sheetjs')
    expect(app.problems[0].code).toBe('EDITED')
    expect(app).toEqual(sheetjs)
  })
})

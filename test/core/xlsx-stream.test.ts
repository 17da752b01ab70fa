/**
 * The .xlsx stream reader against SheetJS read as read.ts reads with it: cell by
 * cell the same grid (values, blank rows, merged ranges, origin) on every fixture
 * workbook, on generated 17-column registers (shared strings and not), and on
 * hand-written sheet XML with what Excel and other programs put there. Where it
 * cannot judge a file it says so (null), and openWorkbook reads it with SheetJS.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { XLSX } from '../../src/main/core/sheetjs'
import { MAX_SHEET_ROWS, openWorkbook } from '../../src/main/core/exchange/read'
import { readXlsxSheets } from '../../src/main/core/exchange/xlsx-stream'
import { bigRegister } from '../fixtures/import/big'
import { setText, unzip, zip } from '../helpers/zip'

const FIXTURES = join(__dirname, '../fixtures/import')

/** What openWorkbook's SheetJS path hands the parser. */
function bySheetJS(data: Buffer) {
  const wb = XLSX.read(data, {
    type: 'buffer',
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    sheetRows: MAX_SHEET_ROWS + 1,
    dense: true
  })
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]
    const start = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s : { r: 0, c: 0 }
    return {
      name,
      rows: XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: true }),
      merges: ws['!merges'] ?? [],
      originRow: start.r,
      originCol: start.c
    }
  })
}

function expectSameGrid(data: Buffer, what: string) {
  const streamed = readXlsxSheets(data, MAX_SHEET_ROWS)
  expect(streamed, `${what}: read by the stream reader`).not.toBeNull()
  const expected = bySheetJS(data)
  expect(
    streamed!.map((s) => s.name),
    what
  ).toEqual(expected.map((s) => s.name))
  for (const [i, sheet] of expected.entries()) {
    const got = streamed![i]!
    expect({ originRow: got.originRow, originCol: got.originCol, merges: got.merges }, `${what} › ${sheet.name}`).toEqual({
      originRow: sheet.originRow,
      originCol: sheet.originCol,
      merges: sheet.merges
    })
    expect(got.rows.length, `${what} › ${sheet.name}: rows`).toBe(sheet.rows.length)
    // Cell by cell, so a difference names its place.
    for (const [r, row] of (sheet.rows as unknown[][]).entries()) {
      expect(got.rows[r]?.length, `${what} › ${sheet.name} row ${r}: width`).toBe(row.length)
      for (const [c, value] of row.entries()) expect(got.rows[r]![c], `${what} › ${sheet.name} R${r}C${c}`).toStrictEqual(value)
    }
  }
}

/** A workbook written by SheetJS with its first sheet's XML (and shared strings, if given) replaced. */
function withSheetXml(sheetData: string, opts: { before?: string; after?: string; sst?: string } = {}): Buffer {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Trang 1')
  const entries = unzip(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer)
  setText(
    entries,
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `${opts.before ?? ''}<sheetData>${sheetData}</sheetData>${opts.after ?? ''}</worksheet>`
  )
  if (opts.sst !== undefined) {
    setText(
      entries,
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.sst}</sst>`
    )
  }
  return zip(entries)
}

describe('the .xlsx stream reader', () => {
  const readable = readdirSync(FIXTURES).filter(
    (f) => f.endsWith('.xlsx') && !['bomb.xlsx', 'corrupt.xlsx', 'password.xlsx', 'program.xlsx'].includes(f)
  )

  it.each(readable.filter((f) => f !== 'million-rows.xlsx'))('reads the fixture %s cell by cell as SheetJS does', (file) => {
    expectSameGrid(readFileSync(join(FIXTURES, file)), file)
  })

  it('leaves to SheetJS what it does not judge: too many rows, damage, not a zip, no cell with a value', () => {
    for (const file of ['million-rows.xlsx', 'bomb.xlsx', 'corrupt.xlsx', 'password.xlsx', 'program.xlsx']) {
      expect(readXlsxSheets(readFileSync(join(FIXTURES, file)), MAX_SHEET_ROWS), file).toBeNull()
    }
    const good = bigRegister(50)
    expect(readXlsxSheets(good.subarray(0, good.length >> 1), MAX_SHEET_ROWS), 'cut in half').toBeNull()
    // A byte changed inside the compressed sheet: the inflate fails or the checksum differs.
    const entries = unzip(good)
    const flipped = zip(entries)
    const sheetAt = flipped.indexOf('xl/worksheets/sheet1.xml') + 60
    flipped[sheetAt] ^= 0x5a
    expect(readXlsxSheets(flipped, MAX_SHEET_ROWS), 'damaged sheet').toBeNull()
    expect(readXlsxSheets(withSheetXml('<row r="1"><c r="A1" t="s"/></row>'), MAX_SHEET_ROWS), 'no value').toBeNull()
    expect(
      readXlsxSheets(withSheetXml('<row r="1"><c r="A1" t="d"><v>2024-05-06</v></c></row>'), MAX_SHEET_ROWS),
      'a date typed as text'
    ).toBeNull()
    expect(
      readXlsxSheets(withSheetXml('<row r="1"><c r = "A1" t = "s"><v>0</v></c></row>'), MAX_SHEET_ROWS),
      'attributes spaced out'
    ).toBeNull()
  })

  it('reads a generated 17-column register as SheetJS does, with strings inline and shared', () => {
    const inline = bigRegister(2000)
    expectSameGrid(inline, '17 columns, strings in the sheet')
    const wb = XLSX.read(inline, { type: 'buffer' })
    const shared = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer
    expect(shared.includes('sharedStrings.xml')).toBe(true)
    expectSameGrid(shared, '17 columns, shared strings')
  })

  it('reads what Excel and other programs write: rich and phonetic strings, escapes, booleans, errors, formulas, gaps, merges, an offset range', () => {
    const sst =
      '<si><t>Tên HTX</t></si>' +
      '<si><r><rPr><b/></rPr><t>Hợp tác xã </t></r><r><t xml:space="preserve">Yên  Khoái</t></r><rPh sb="0" eb="1"><t>ハ</t></rPh></si>' +
      '<si><t xml:space="preserve"> A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1EA1;_x000D_</t></si>' +
      '<si><t/></si>' +
      '<si><t>Dòng 1\r\nDòng 2</t></si>'
    const sheet =
      '<row r="3" spans="2:6"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s" s="1"><v>1</v></c><c r="D3" t="s"><v>2</v></c><c r="E3" t="s"><v>3</v></c><c r="F3" t="s"><v>4</v></c></row>' +
      '<row r="4"><c r="B4"><v>1.5E-3</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="b"><v>0</v></c><c r="E4" t="e"><v>#N/A</v></c><c r="F4"><f>SUM(B4:B4)</f><v>42</v></c></row>' +
      '<row r="6"><c r="B6" t="inlineStr"><is><t>Xã Tân Liên</t></is></c><c t="str"><v>không có r &amp; đứng sau</v></c><c r="E6" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F6" s="3"/></row>' +
      '<row><c r="B7"><v>-12</v></c><c r="C7"><v>45292</v></c><c r="D7" t="n"><v></v></c></row>'
    expectSameGrid(
      withSheetXml(sheet, {
        before: '<dimension ref="B3:F7"/>',
        after: '<mergeCells count="2"><mergeCell ref="B3:B4"/><mergeCell ref="C6:D6"/></mergeCells>',
        sst
      }),
      'hand-written sheet'
    )
    // No dimension: the range is what the rows and cells span.
    expectSameGrid(withSheetXml(sheet, { sst }), 'hand-written sheet without a dimension')
  })

  it('is the path openWorkbook takes for .xlsx, SheetJS the one for other formats', () => {
    expect(openWorkbook({ path: join(FIXTURES, 'danh-sach-sach.xlsx') }).reader).toBe('stream')
    expect(openWorkbook({ path: join(FIXTURES, 'register.ods') }).reader).toBe('sheetjs')
    expect(openWorkbook({ path: join(FIXTURES, 'legacy.xls') }).reader).toBe('sheetjs')
    // Too many rows: SheetJS reads it, and it is refused with the count, as before.
    expect(() => openWorkbook({ path: join(FIXTURES, 'million-rows.xlsx') })).toThrow(/1\.048\.576 dòng/)
  })
})

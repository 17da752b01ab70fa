/**
 * Packages under attack, a probe of our own: a package must show a
 * person what was signed. Forged human sheets, sheets added, hidden or listed
 * twice, zips with two entries of one name or a central directory that disagrees
 * with the entries, formulas, links, drawings and zip bombs are each refused with
 * their code, quickly; genuine re-saves still verify.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'
import { exportTo, seedDistrict } from './package-fixture'
import { addSheet, setText, sheetPart, text, unzip, zip, type Entry } from '../helpers/zip'

type Office = Awaited<ReturnType<typeof officeCore>>
let district: Office
let province: Office
let pkg: string
let n = 0

beforeAll(async () => {
  district = await officeCore('178')
  province = await officeCore('20')
  await seedDistrict(district, 9, 1)
  pkg = (await exportTo(district, district.dir)).file
  await province.call('handoff.trustKey', { key: { text: (await district.call('handoff.publicKey', {})).text } })
})
afterAll(async () => {
  await district.dispose()
  await province.dispose()
})

const verify = (file: string) => province.call('handoff.verify', { file: { path: file } })
const write = (bytes: Buffer): string => {
  const file = join(district.dir, `hostile-${++n}.xlsx`)
  writeFileSync(file, bytes)
  return file
}
/** SheetJS reads the package, `edit` changes it, SheetJS writes it back. */
const bySheetJs = (edit: (wb: XLSX.WorkBook) => void): string => {
  const wb = XLSX.read(readFileSync(pkg), { type: 'buffer', cellFormula: true })
  edit(wb)
  return write(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}
/** The package's zip entries, changed by `edit`, zipped again. */
const byZip = (edit: (entries: Entry[]) => void, trailing?: Buffer): string => {
  const entries = unzip(readFileSync(pkg))
  edit(entries)
  return write(zip(entries, trailing))
}
/** A worksheet's XML showing `rows` (inline strings: no shared string table needed). */
function sheetXml(rows: unknown[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'x')
  return text(unzip(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer), 'xl/worksheets/sheet1.xml')
}
const forgedList = () => sheetXml([['DANH SÁCH HTX, LHHTX, THT'], [], [], [], ['STT', 'Tên'], [1, 'HTX Giả mạo'], [2, 'HTX Không có thật']])
const cellOf = (wb: XLSX.WorkBook, sheet: string, find: (v: unknown) => boolean): string =>
  Object.keys(wb.Sheets[sheet]).find((k) => !k.startsWith('!') && find((wb.Sheets[sheet][k] as XLSX.CellObject).v))!

describe('hostile packages are refused with their code', () => {
  const cases: Array<[string, () => string, string]> = [
    [
      'a name edited in the «Danh sách» sheet',
      () =>
        bySheetJs((wb) => {
          const at = cellOf(wb, 'Danh sách', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
          wb.Sheets['Danh sách'][at] = { t: 's', v: 'HTX Giả mạo' }
        }),
      'EDITED'
    ],
    [
      'a number edited in the «Tổng hợp» sheet',
      () =>
        bySheetJs((wb) => {
          const ws = wb.Sheets['Tổng hợp']
          const at = Object.keys(ws).find((k) => /^D\d+$/.test(k) && typeof (ws[k] as XLSX.CellObject).v === 'number')!
          ws[at] = { t: 'n', v: 999_999 }
        }),
      'EDITED'
    ],
    [
      'a row appended to the «Danh sách» sheet',
      () => bySheetJs((wb) => XLSX.utils.sheet_add_aoa(wb.Sheets['Danh sách'], [[99, 'HTX', 'HTX Thêm vào']], { origin: -1 })),
      'EDITED'
    ],
    [
      'a trailing space added to one human cell',
      () =>
        bySheetJs((wb) => {
          const at = cellOf(wb, 'Danh sách', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
          wb.Sheets['Danh sách'][at] = { t: 's', v: `${(wb.Sheets['Danh sách'][at] as XLSX.CellObject).v} ` }
        }),
      'EDITED'
    ],
    [
      'a human sheet deleted',
      () =>
        bySheetJs((wb) => {
          wb.SheetNames = wb.SheetNames.filter((s) => s !== 'Giải thể')
          delete wb.Sheets['Giải thể']
        }),
      'EDITED'
    ],
    [
      'a formula over a human cell whose cached value is the signed one',
      () =>
        bySheetJs((wb) => {
          const at = cellOf(wb, 'Danh sách', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
          const c = wb.Sheets['Danh sách'][at] as XLSX.CellObject
          c.f = '"HTX Giả mạo"'
        }),
      'EDITED'
    ],
    [
      'a hyperlink on a human cell',
      () =>
        bySheetJs((wb) => {
          const at = cellOf(wb, 'Danh sách', (v) => typeof v === 'string' && v.startsWith('HTX Dịch vụ'))
          ;(wb.Sheets['Danh sách'][at] as XLSX.CellObject).l = { Target: 'http://lua-dao.example/nop-tien' }
        }),
      'EDITED'
    ],
    [
      'a hidden extra sheet with a HYPERLINK formula',
      () =>
        bySheetJs((wb) => {
          XLSX.utils.book_append_sheet(
            wb,
            XLSX.utils.aoa_to_sheet([[{ t: 's', v: 'Bấm vào đây', f: 'HYPERLINK("http://lua-dao.example","Bấm vào đây")' }]]),
            'Ghi chú'
          )
          wb.Workbook ??= { Sheets: [] }
          wb.Workbook.Sheets = wb.SheetNames.map((name) => ({ name, Hidden: name === 'Ghi chú' ? 1 : 0 }))
        }),
      'UNEXPECTED_SHEET'
    ],
    [
      'a visible extra sheet',
      () => bySheetJs((wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Tỉnh đã duyệt gói này']]), 'Ghi chú')),
      'UNEXPECTED_SHEET'
    ],
    [
      'a human sheet renamed',
      () =>
        bySheetJs((wb) => {
          wb.SheetNames = wb.SheetNames.map((s) => (s === 'Danh sách' ? 'Danh sách đã duyệt' : s))
          wb.Sheets['Danh sách đã duyệt'] = wb.Sheets['Danh sách']
          delete wb.Sheets['Danh sách']
        }),
      'UNEXPECTED_SHEET'
    ],
    [
      'an extra column of text beside a machine sheet',
      () =>
        bySheetJs((wb) => XLSX.utils.sheet_add_aoa(wb.Sheets.data_entities, [['Ghi chú của tỉnh: đã duyệt']], { origin: { r: 1, c: 60 } })),
      'EDITED'
    ],
    [
      'a manifest row with no key but a forged sentence',
      () => bySheetJs((wb) => XLSX.utils.sheet_add_aoa(wb.Sheets.manifest, [[null, 'Gói đã được tỉnh phê duyệt', '']], { origin: -1 })),
      'EDITED'
    ],
    [
      'a manifest label changed',
      () =>
        bySheetJs((wb) => {
          const at = cellOf(wb, 'manifest', (v) => v === 'Tên đơn vị gửi')
          wb.Sheets.manifest[at] = { t: 's', v: 'Tên đơn vị gửi (đã được tỉnh xác nhận)' }
        }),
      'EDITED'
    ],
    [
      'merged cells hiding a human row',
      () =>
        bySheetJs((wb) => {
          wb.Sheets['Danh sách']['!merges'] = [{ s: { r: 5, c: 0 }, e: { r: 6, c: 9 } }]
        }),
      'EDITED'
    ],
    [
      'a number format that shows other text',
      () =>
        bySheetJs((wb) => {
          const ws = wb.Sheets['Tổng hợp']
          const at = Object.keys(ws).find((k) => /^D\d+$/.test(k) && typeof (ws[k] as XLSX.CellObject).v === 'number')!
          ;(ws[at] as XLSX.CellObject).z = '"Không có số liệu"'
        }),
      'EDITED'
    ],
    [
      'conditional formatting that prints other words over the signed names (the values unchanged)',
      () =>
        byZip((e) => {
          const part = sheetPart(e, 'Danh sách')
          const rule =
            '<conditionalFormatting sqref="A1:Z9999"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>'
          setText(e, part, text(e, part).replace('</sheetData>', `</sheetData>${rule}`))
          const styles = text(e, 'xl/styles.xml').replace(
            /<dxfs count="0"\s*\/>/,
            '<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="&quot;HTX Giả mạo&quot;"/></dxf></dxfs>'
          )
          setText(e, 'xl/styles.xml', styles)
        }),
      'EDITED'
    ],
    [
      'an input message over a signed cell (data validation), the values unchanged',
      () =>
        byZip((e) => {
          const part = sheetPart(e, 'Danh sách')
          const rule =
            '<dataValidations count="1"><dataValidation showInputMessage="1" promptTitle="Lưu ý" prompt="HTX này đã giải thể" sqref="A1:Z9999"/></dataValidations>'
          setText(e, part, text(e, part).replace('</sheetData>', `</sheetData>${rule}`))
        }),
      'EDITED'
    ],
    ['a hidden second «manifest» sheet', () => byZip((e) => addSheet(e, 'manifest', 'manifest', { hidden: true })), 'DUPLICATE_SHEET'],
    [
      'a second sheet named «MANIFEST» (Excel ignores case)',
      () => byZip((e) => addSheet(e, 'MANIFEST', 'manifest', { hidden: true })),
      'DUPLICATE_SHEET'
    ],
    [
      'two sheets named «Danh sách», the second forged',
      () => byZip((e) => addSheet(e, 'Danh sách', 'Danh sách', { edit: () => forgedList() })),
      'DUPLICATE_SHEET'
    ],
    [
      'a zip with two entries of the same name (SheetJS reads the first, LibreOffice the last)',
      () =>
        byZip((e) => {
          e.push({ name: sheetPart(e, 'Danh sách'), data: Buffer.from(forgedList()) })
        }),
      'DUPLICATE_ENTRY'
    ],
    [
      'two entries whose names differ only in case',
      () =>
        byZip((e) => {
          e.push({ name: sheetPart(e, 'Danh sách').toUpperCase(), data: Buffer.from(forgedList()) })
        }),
      'DUPLICATE_ENTRY'
    ],
    [
      'a local header naming another entry than the central directory',
      () =>
        byZip((e) => {
          const part = sheetPart(e, 'Danh sách')
          const i = e.findIndex((x) => x.name === part)
          e.splice(i, 0, { name: 'docProps/custom.xml', localName: part, data: Buffer.from(forgedList()) })
        }),
      'BAD_ZIP'
    ],
    [
      'an entry name that climbs out of the folder',
      () => byZip((e) => e.push({ name: '../../evil.xml', data: Buffer.from('<x/>') })),
      'BAD_ZIP'
    ],
    [
      'a drawing (text box over the cells) added',
      () =>
        byZip((e) =>
          e.push({
            name: 'xl/drawings/drawing1.xml',
            data: Buffer.from('<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>')
          })
        ),
      'UNEXPECTED_PART'
    ],
    ['a macro project added', () => byZip((e) => e.push({ name: 'xl/vbaProject.bin', data: Buffer.alloc(512, 7) })), 'UNEXPECTED_PART'],
    [
      'an external link part added',
      () => byZip((e) => e.push({ name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') })),
      'UNEXPECTED_PART'
    ],
    [
      'a zip bomb entry (40 MB of spaces)',
      () => byZip((e) => e.push({ name: 'docProps/custom.xml', data: Buffer.alloc(40_000_000, 0x20) })),
      'TOO_LARGE'
    ],
    [
      'an entry that lies about its size (says 1 kB, unpacks to 40 MB)',
      () => byZip((e) => e.push({ name: 'docProps/custom.xml', data: Buffer.alloc(40_000_000, 0x20), declaredSize: 1000 })),
      'TOO_LARGE'
    ],
    ['data hidden after the end of the zip', () => byZip(() => {}, Buffer.from('PK\u0003\u0004 hidden entry')), 'BAD_ZIP'],
    ['a package cut inside its central directory', () => write(readFileSync(pkg).subarray(0, readFileSync(pkg).length - 30)), 'TRUNCATED']
  ]
  for (const [what, make, code] of cases) {
    it(what, async () => {
      const started = Date.now()
      const report = await verify(make())
      expect([report.ok, report.code]).toEqual([false, code])
      expect(report.problems[0].message).toMatch(/[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/)
      expect(Date.now() - started).toBeLessThan(5_000)
    })
  }
})

describe('what a genuine program does still verifies', () => {
  it('the package as exported, against the province', async () => {
    expect(await verify(pkg)).toMatchObject({ ok: true, problems: [] })
  })
  it('re-zipped entry by entry (another zip writer), unchanged', async () => {
    expect(await verify(byZip(() => {}))).toMatchObject({ ok: true, problems: [] })
  })
  it('stored instead of deflated', async () => {
    expect(await verify(byZip((e) => e.forEach((x) => (x.method = 0))))).toMatchObject({ ok: true, problems: [] })
  })
  it('the sheets put in another order', async () => {
    const file = bySheetJs((wb) => {
      wb.SheetNames = [...wb.SheetNames.slice(4), ...wb.SheetNames.slice(0, 4)]
    })
    expect(await verify(file)).toMatchObject({ ok: true, problems: [] })
  })
  it('a human sheet re-typed by a program (numbers as text, text numbers as numbers)', async () => {
    const file = bySheetJs((wb) => {
      const ws = wb.Sheets['Danh sách']
      for (const k of Object.keys(ws)) {
        const c = ws[k] as XLSX.CellObject
        if (k.startsWith('!')) continue
        if (c.t === 'n') ws[k] = { t: 's', v: String(c.v) }
        else if (c.t === 's' && /^\d+$/.test(String(c.v))) ws[k] = { t: 'n', v: Number(c.v) }
      }
    })
    expect(await verify(file)).toMatchObject({ ok: true, problems: [] })
  })
  it('with column widths changed (formatting only)', async () => {
    const file = bySheetJs((wb) => {
      wb.Sheets['Danh sách']['!cols'] = [{ wch: 3 }, { wch: 50 }]
    })
    expect(await verify(file)).toMatchObject({ ok: true, problems: [] })
  })
})

/**
 * Doctored packages from an outside probe of the package reader (08/12/2026): legal XML that a byte-level
 * reader, or SheetJS, reads otherwise than a spreadsheet program shows it, and what a program shows beside
 * the cells. Each was reported valid by one reader or both; each must be refused.
 */
describe('markup read otherwise than a spreadsheet program shows it is refused', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const IGNORABLE = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="z" xmlns:z="urn:z"'
  const CF =
    '<conditionalFormatting sqref="A1:Z999"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>'
  const edit = (e: Entry[], part: string, f: (xml: string) => string) => {
    const before = text(e, part)
    const after = f(before)
    if (after === before) throw new Error(`the edit of ${part} changed nothing`)
    setText(e, part, after)
  }
  /** The «Danh sách» sheet's first name cell (a shared string), changed by `f`. */
  const nameCell = (e: Entry[], f: (cell: string) => string) =>
    edit(e, sheetPart(e, 'Danh sách'), (x) => x.replace(/<c r="C6" t="s"><v>\d+<\/v><\/c>/, f))
  /** A cell style with number format `code` added, given to the first number of «Tổng hợp». */
  const styled = (e: Entry[], code: string) => {
    edit(e, 'xl/styles.xml', (x) =>
      x
        .replace(/<numFmts count="(\d+)">/, (_, n) => `<numFmts count="${Number(n) + 1}">`)
        .replace('</numFmts>', `<numFmt numFmtId="170" formatCode="${code}"/></numFmts>`)
        .replace(/<cellXfs count="(\d+)">/, (_, n) => `<cellXfs count="${Number(n) + 1}">`)
        .replace('</cellXfs>', '<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')
    )
    const xfs = /<cellXfs count="(\d+)">/.exec(text(e, 'xl/styles.xml'))![1]
    edit(e, sheetPart(e, 'Tổng hợp'), (x) => x.replace(/<c r="(D\d+)"><v>/, (_, at) => `<c r="${at}" s="${Number(xfs) - 1}"><v>`))
  }
  /** The «Danh sách» part moved to `to`, its relationship and content type with it. */
  const moved = (e: Entry[], to: string) => {
    const from = sheetPart(e, 'Danh sách')
    e.find((x) => x.name === from)!.name = to
    edit(e, 'xl/_rels/workbook.xml.rels', (x) => x.replace(`Target="${from.slice(3)}"`, `Target="${to.slice(3)}"`))
    edit(e, '[Content_Types].xml', (x) => x.replace(`PartName="/${from}"`, `PartName="/${to}"`))
  }
  const cases: Array<[string, (e: Entry[]) => void]> = [
    [
      'a cell with a namespace prefix beside the signed ones',
      (e) => nameCell(e, (c) => `${c}<q:c xmlns:q="${MAIN}" r="K6" t="inlineStr"><q:is><q:t>ĐÃ GIẢI THỂ</q:t></q:is></q:c>`)
    ],
    [
      'a formula whose tag holds a line break, the signed text cached',
      (e) => nameCell(e, (c) => c.replace('t="s"', 't="str"').replace(/<v>\d+<\/v>/, '<f\n>"HTX GIẢ MẠO"</f><v>x</v>'))
    ],
    [
      'merged cells written before the cells',
      (e) =>
        edit(e, sheetPart(e, 'Danh sách'), (x) =>
          x.replace('<sheetData>', '<mergeCells count="1"><mergeCell ref="C6:C7"/></mergeCells><sheetData>')
        )
    ],
    [
      'merged cells with a lower-case range',
      (e) =>
        edit(e, sheetPart(e, 'Danh sách'), (x) =>
          x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="c6:c7"/></mergeCells>')
        )
    ],
    ['a number format of quoted digits («"999"» over the count)', (e) => styled(e, '&quot;999&quot;')],
    ['a number format that divides by a thousand three times', (e) => styled(e, '0,,,')],
    ['a number format whose text section hides the text', (e) => styled(e, '0;0;0;_-')],
    ['a hidden row', (e) => edit(e, sheetPart(e, 'Danh sách'), (x) => x.replace('<row r="7">', '<row r="7" hidden="1">'))],
    [
      'a signed sheet made very hidden',
      (e) => edit(e, 'xl/workbook.xml', (x) => x.replace('<sheet name="Giải thể"', '<sheet name="Giải thể" state="veryHidden"'))
    ],
    [
      'conditional formatting in a sheet part with no .xml in its name',
      (e) => {
        edit(e, sheetPart(e, 'Danh sách'), (x) => x.replace('</sheetData>', `</sheetData>${CF}`))
        moved(e, 'xl/worksheets/danhsach')
      }
    ],
    [
      'conditional formatting in a sheet part written in UTF-16',
      (e) => {
        const part = sheetPart(e, 'Danh sách')
        edit(e, part, (x) => x.replace('</sheetData>', `</sheetData>${CF}`).replace('encoding="UTF-8"', 'encoding="UTF-16"'))
        const entry = e.find((x) => x.name === part)!
        entry.data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(entry.data.toString('utf8'), 'utf16le')])
      }
    ],
    [
      'a rich-text run appended to a signed name',
      (e) =>
        edit(e, 'xl/sharedStrings.xml', (x) =>
          x.replace(/<si><t>(HTX Dịch vụ[^<]*)<\/t><\/si>/, '<si><t>$1</t><r><t xml:space="preserve"> (GIẢ MẠO)</t></r></si>')
        )
    ],
    [
      'a forged cell with the signed one in an extension list behind a comment',
      (e) => {
        const part = sheetPart(e, 'Danh sách')
        const signed = /<c r="C6" t="s"><v>\d+<\/v><\/c>/.exec(text(e, part))![0]
        edit(e, part, (x) =>
          x
            .replace(signed, '<c r="C6" t="inlineStr"><is><t>HTX GIẢ MẠO</t></is></c>')
            .replace(
              /<\/worksheet>$/,
              `<extLst><ext uri="{00000000-0000-0000-0000-000000000001}"><row r="6">${signed}</row></ext></extLst><!--</sheetData>--></worksheet>`
            )
        )
      }
    ],
    [
      'a cell type smuggled in an ignorable attribute',
      (e) => {
        const part = sheetPart(e, 'Danh sách')
        edit(e, part, (x) => x.replace('<worksheet ', `<worksheet ${IGNORABLE} `))
        nameCell(e, (c) => `${c}<c r="K6" t="inlineStr" z:a=" t='s'"><is><t>ĐÃ GIẢI THỂ</t></is></c>`)
      }
    ]
  ]
  for (const [what, doctor] of cases) {
    it(what, async () => {
      const report = await verify(byZip(doctor))
      expect(report.ok).toBe(false)
      expect(report.problems[0].message).toMatch(/[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/)
    })
  }
})

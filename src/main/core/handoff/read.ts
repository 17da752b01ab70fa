/**
 * Reading a package back and checking what the file alone can prove: that it is
 * a package, whole, of a known format version, with the rows the manifest
 * declares, the content hash it states, and a valid signature by the key it
 * names. Whether that key is trusted, the unit belongs to the province and the
 * package is newer than the last one is the province's part (verify.ts).
 */
import { XLSX } from '../sheetjs'
import type { PackageProblem } from '../../../shared/contract/handoff'
import { fingerprint, verifyText } from './keys'
import {
  ContentHash,
  countKey,
  FORMAT,
  FORMAT_VERSION,
  humanSheetHash,
  machineTablesOf,
  MANIFEST_HEADER,
  MANIFEST_SHEET,
  manifestLabel,
  normalise,
  parseHeaderCell,
  signedText,
  type Manifest,
  type TableData,
  type Value
} from './format'
import { readZip, type ZipEntry } from './zip'
import { folderOf, readPlainXlsxSheets, relsOf, type StreamedSheet } from '../exchange/xlsx-stream'
import { scanMarkup, type Beyond } from '../exchange/markup-scan'
import { FINDINGS_SHEET } from '../checks/package'

export interface ParsedPackage {
  manifest: Manifest | null
  /** Present when every machine sheet was read (even if its hash is wrong). */
  tables: TableData[] | null
  problems: PackageProblem[]
  contentHash: string | null
  signature: 'valid' | 'invalid' | 'unsigned'
  /** The signed «Kiểm tra số liệu» sheet's cells (checks/package.ts), null in a package from before. */
  findingsRows?: unknown[][] | null
  /** Which reader read the sheets: straight from the zip, or SheetJS; absent when the zip itself was refused. */
  reader?: 'stream' | 'sheetjs'
}

type Cell = { t?: string; v?: unknown; f?: string; l?: unknown; c?: unknown; z?: unknown } | undefined

function problem(code: PackageProblem['code'], message: string, where: Omit<PackageProblem, 'code' | 'message'> = {}): PackageProblem {
  return { code, message, ...where }
}

function cellValue(cell: Cell): unknown {
  if (!cell || cell.t === 'z' || cell.t === 'e') return null
  return cell.v ?? null
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
    if (e[0] !== '#') return named[e.toLowerCase()]
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  })
}

/**
 * The sheet names the workbook part lists, in its own words (SheetJS keeps one sheet per name):
 * the workbook the package's relationships name, and the only one the content types name.
 */
function listedSheets(entries: ZipEntry[], name: string): { names: string[]; parts: Map<string, string> } | { problem: PackageProblem } {
  const part = (n: string) => entries.find((e) => e.name.toLowerCase() === n.toLowerCase())?.data.toString('utf8')
  const rels = part('_rels/.rels') ?? ''
  const target = /<Relationship\b[^>]*\bType="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/\bTarget="([^"]+)"/)?.[1]
  const types = part('[Content_Types].xml') ?? ''
  const workbooks = [...types.matchAll(/<Override\b[^>]*>/g)]
    .map((o) => o[0])
    .filter((o) =>
      /ContentType="application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.sheet|ms-excel\.sheet\.(macroEnabled|binary)\.)[^"]*main[^"]*"/i.test(
        o
      )
    )
    .map((o) => /PartName="([^"]+)"/.exec(o)?.[1]?.replace(/^\//, '') ?? '')
  const main = target?.replace(/^\//, '')
  if (!main || workbooks.length !== 1 || workbooks[0].toLowerCase() !== main.toLowerCase()) {
    return {
      problem: problem(
        'BAD_ZIP',
        `${name} không chỉ rõ một sổ làm việc duy nhất (mục lục của tệp ghi ${workbooks.length} sổ): chương trình khác nhau sẽ mở ra nội dung khác nhau. Không nhận.`
      )
    }
  }
  const xml = part(main)
  if (xml === undefined) return { problem: problem('TRUNCATED', `${name} thiếu phần sổ làm việc (${main}). Hãy chép lại tệp gốc.`) }
  const names = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]))
  return { names, parts: sheetParts(xml, part(relsOf(main)) ?? '', main) }
}

/** Each sheet's part (lower-cased path in the zip) → the sheet's name, by the workbook's relationships. */
function sheetParts(workbookXml: string, relsXml: string, workbookPart: string): Map<string, string> {
  const targets = new Map<string, string>()
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1]
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1]
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : folderOf(workbookPart) + target)
  }
  const parts = new Map<string, string>()
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const sheet = /\bname="([^"]*)"/.exec(m[0])?.[1]
    const target = targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '')
    if (sheet !== undefined && target) parts.set(target.toLowerCase(), decodeXml(sheet))
  }
  return parts
}

/**
 * What a sheet can show a person beside or instead of its cells, that neither reader of the values sees
 * (SheetJS reads none of it, or reads some forms of it only): conditional formatting, whose rule's number
 * format can print other words over a signed value; a data validation's input message, shown when a cell
 * is chosen; merged cells (in whatever form); hidden rows or columns; text in runs (rich text and
 * phonetic guides, which programs join differently). A package is never written with any of them, and a
 * re-save by a spreadsheet program adds none, so a part that has one was edited after export. Every part
 * of the zip is looked at, whatever its name, in UTF-8 or UTF-16.
 */
const BEYOND_CELLS: Record<Beyond, string> = {
  conditionalFormatting: 'có định dạng có điều kiện (có thể hiện chữ khác giá trị trong ô)',
  dataValidation: 'có kiểm tra dữ liệu nhập (có thể hiện lời nhắn khi chọn ô)',
  mergeCell: 'có ô gộp (che các ô bên dưới)',
  hidden: 'có dòng hoặc cột bị ẩn',
  run: 'có chữ chia thành nhiều đoạn định dạng riêng (mỗi chương trình ghép một kiểu)'
}

/** A part written in UTF-16, as its first bytes say (a byte order mark, or "<" as two bytes). */
function isUtf16(data: Buffer): boolean {
  return (
    data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff) || data[0] === 0 || data[1] === 0)
  )
}

/** A part's text, in UTF-16 when it says so by its first bytes. */
function partText(data: Buffer): string {
  if (data.length >= 2 && ((data[0] === 0xfe && data[1] === 0xff) || data[0] === 0)) return Buffer.from(data).swap16().toString('utf16le')
  return isUtf16(data) ? data.toString('utf16le') : data.toString('utf8')
}

/**
 * In the parts that hold cells (the sheets, the shared strings): a line break or tab inside a tag is legal
 * XML that the readers of values and a spreadsheet program read differently (a cell one of them does not see).
 */
const BROKEN_TAG = 'có thẻ XML xuống dòng bên trong (mỗi chương trình đọc một kiểu)'

/** The styles' formats, the cell styles' too (a program may take a cell's format from its style). */
function stylesProblem(entries: ZipEntry[]): PackageProblem | null {
  for (const e of entries) {
    if (!/styles\.xml$/i.test(e.name)) continue
    const xml = partText(e.data)
    const codes = new Map<string, string>()
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
      const id = /\bnumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1]
      const code = /\bformatCode\s*=\s*"([^"]*)"/.exec(m[0])?.[1]
      if (id && code !== undefined) codes.set(id, decodeXml(code))
    }
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?xf\b[^>]*>/g)) {
      const code = codes.get(/\bnumFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1] ?? '0')
      if (code !== undefined && formatShowsOtherText(code))
        return problem(
          'EDITED',
          `Kiểu ô có định dạng số hiện chữ khác giá trị («${code.slice(0, 60)}»), được thêm sau khi xuất. Không nhận.`
        )
    }
  }
  return null
}

function beyondCellsProblem(entries: ZipEntry[], parts: Map<string, string>): PackageProblem | null {
  const styles = stylesProblem(entries)
  if (styles) return styles
  for (const e of entries) {
    // One pass over each part's tags (exchange/xlsx-stream.ts scanMarkup), a UTF-16 part as UTF-8.
    const scan = scanMarkup(isUtf16(e.data) ? Buffer.from(partText(e.data), 'utf8') : e.data)
    const holdsCells = parts.has(e.name.toLowerCase()) || /sharedStrings\.xml$/i.test(e.name)
    const what = scan.beyond ? BEYOND_CELLS[scan.beyond] : holdsCells && scan.brokenTag ? BROKEN_TAG : null
    if (!what) continue
    const sheet = parts.get(e.name.toLowerCase())
    return problem(
      'EDITED',
      `${sheet ? `Trang «${sheet}»` : `Phần ${e.name}`} ${what}, được thêm sau khi xuất (gói dữ liệu không bao giờ có). Không nhận.`,
      sheet ? { sheet } : {}
    )
  }
  return null
}

/** `reader: 'sheetjs'` reads the sheets with SheetJS alone (the tests compare the two readers with it). */
export function readPackage(bytes: Buffer, name: string, options: { reader?: 'sheetjs' } = {}): ParsedPackage {
  const out: ParsedPackage = { manifest: null, tables: null, problems: [], contentHash: null, signature: 'unsigned' }
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50
  if (!isZip) {
    out.problems.push(problem('NOT_A_PACKAGE', `${name} không phải là gói dữ liệu Sổ HTX (không phải tệp .xlsx).`))
    return out
  }
  // The zip first (zip.ts): bounded, unambiguous, no part a package never has.
  const zip = readZip(bytes, name)
  if (zip.problem) {
    out.problems.push(problem(zip.problem.code, zip.problem.message))
    return out
  }
  const listed = listedSheets(zip.entries, name)
  if ('problem' in listed) {
    out.problems.push(listed.problem)
    return out
  }
  const byKey = new Map<string, string>()
  for (const sheet of listed.names) {
    const key = sheet.normalize('NFC').toLocaleLowerCase('vi')
    const twin = byKey.get(key)
    if (twin !== undefined) {
      out.problems.push(
        problem(
          'DUPLICATE_SHEET',
          `${name} có hai trang cùng tên «${twin === sheet ? sheet : `${twin}» và «${sheet}`}» (có thể một trang bị ẩn): chương trình khác nhau sẽ đọc trang khác nhau. Không nhận.`,
          { sheet }
        )
      )
      return out
    }
    byKey.set(key, sheet)
  }
  const beside = beyondCellsProblem(zip.entries, listed.parts)
  if (beside) {
    out.problems.push(beside)
    return out
  }
  // A package as written is read straight from the zip (exchange/xlsx-stream.ts), several times faster than
  // SheetJS; any file that is not plainly one — or any problem found in it — is read again by SheetJS, whose
  // reading is the one answer to a bad file and whose messages name the cell.
  const plain = options.reader === 'sheetjs' ? null : readPlainXlsxSheets(bytes, EXCEL_MAX_ROWS, plainFormat)
  if (plain) {
    const fast = readBook(plainBook(plain), listed.names.length, name, 'stream')
    if (fast.problems.length === 0) return fast
  }
  let wb: XLSX.WorkBook
  try {
    // Formulas, links and number formats are read so that verification can refuse them; nothing is evaluated.
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
      cellText: false,
      cellStyles: false
    })
  } catch {
    out.problems.push(problem('TRUNCATED', `${name} bị hỏng, không đọc được như một tệp Excel. Hãy chép lại tệp gốc.`))
    return out
  }
  return readBook(sheetjsBook(wb), listed.names.length, name, 'sheetjs')
}

/** Excel's own limit of rows per sheet: the stream reader leaves a longer sheet to SheetJS. */
const EXCEL_MAX_ROWS = 1_048_576

/** A workbook as the checks below read it, however it was read: its sheets, each sheet's values row by row (null: empty). */
interface Book {
  names: string[]
  rows(sheet: string): ReadonlyArray<ReadonlyArray<unknown> | undefined> | undefined
  hidden(sheet: string): boolean
  /** Formulas, links, comments, error values, merged cells or number formats that show other text, as a problem. */
  presentation(): PackageProblem | null
}

function sheetjsBook(wb: XLSX.WorkBook): Book {
  const values = new Map<string, unknown[][]>()
  return {
    names: wb.SheetNames,
    rows(sheet) {
      const ws = wb.Sheets[sheet]
      if (!ws) return undefined
      let rows = values.get(sheet)
      if (!rows) values.set(sheet, (rows = Array.from((ws['!data'] ?? []) as Cell[][], (r) => Array.from(r ?? [], (c) => cellValue(c)))))
      return rows
    },
    hidden: (sheet) => Boolean(wb.Workbook?.Sheets?.find((s) => s.name === sheet)?.Hidden),
    presentation: () => presentationProblem(wb)
  }
}

/** Sheets the stream reader read plain: by construction nothing shows but the values (readPlainXlsxSheets). */
function plainBook(sheets: StreamedSheet[]): Book {
  const byName = new Map(sheets.map((s) => [s.name, s.rows]))
  return { names: sheets.map((s) => s.name), rows: (sheet) => byName.get(sheet), hidden: () => false, presentation: () => null }
}

/**
 * Number formats a plain read accepts without looking at cells: General, text, and the built-in
 * number, percent, fraction, date and time formats, none of which shows words of its own; the
 * workbook's own formats when formatShowsOtherText finds nothing in them.
 */
const PLAIN_BUILT_IN = new Set([0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49])
function plainFormat(id: number, code: string | null): boolean {
  return code === null ? PLAIN_BUILT_IN.has(id) : !formatShowsOtherText(code)
}

/** Everything after the zip's own checks, on a workbook however read. */
function readBook(book: Book, listedCount: number, name: string, reader: ParsedPackage['reader']): ParsedPackage {
  const out: ParsedPackage = { manifest: null, tables: null, problems: [], contentHash: null, signature: 'unsigned', reader }
  if (book.names.length !== listedCount) {
    out.problems.push(
      problem(
        'DUPLICATE_SHEET',
        `${name} liệt kê ${listedCount} trang nhưng chỉ đọc được ${book.names.length}: có trang trùng tên. Không nhận.`
      )
    )
    return out
  }
  const manifestRows = book.rows(MANIFEST_SHEET)
  if (!manifestRows) {
    out.problems.push(
      problem('NOT_A_PACKAGE', `${name} là tệp Excel nhưng không phải gói dữ liệu Sổ HTX (không có trang «${MANIFEST_SHEET}»).`)
    )
    return out
  }
  const manifest: Manifest = {}
  for (const row of manifestRows.slice(1)) {
    const k = row?.[0] ?? null
    const v = row?.[1] ?? null
    if (typeof k === 'string' && k !== '') manifest[k] = v === null ? '' : String(v)
  }
  out.manifest = manifest
  if (manifest.format !== FORMAT) {
    out.problems.push(
      problem('NOT_A_PACKAGE', `${name} không phải gói dữ liệu Sổ HTX (trang «${MANIFEST_SHEET}» không ghi định dạng ${FORMAT}).`, {
        sheet: MANIFEST_SHEET
      })
    )
    return out
  }
  const version = Number(manifest.formatVersion)
  if (!Number.isInteger(version) || version < 1 || version > FORMAT_VERSION) {
    out.problems.push(
      problem(
        'FORMAT_VERSION',
        `${name} dùng định dạng gói phiên bản ${manifest.formatVersion || '(trống)'}; phần mềm này đọc được đến phiên bản ${FORMAT_VERSION}. Hãy cập nhật phần mềm.`,
        { sheet: MANIFEST_SHEET }
      )
    )
    return out
  }

  // Which human sheets the package has, signed with their contents; any other sheet is refused.
  const human = humanList(manifest.humanSheets)
  if (!human) {
    out.problems.push(
      problem(
        'FORMAT_VERSION',
        `${name} không ghi các trang để đọc cùng chữ ký (xuất bằng bản phần mềm cũ hơn): người mở tệp có thể thấy nội dung không được ký. Hãy cập nhật phần mềm ở đơn vị gửi rồi xuất lại gói.`,
        { sheet: MANIFEST_SHEET }
      )
    )
    return out
  }
  // A handover package (signed kind) has its own machine sheets; a province package the others.
  const specs = machineTablesOf(manifest)
  const expected = new Set([...human.map(([n]) => n), ...specs.map((t) => t.sheet), MANIFEST_SHEET])
  const unexpected = book.names.find((n) => !expected.has(n))
  if (unexpected !== undefined) {
    const hidden = book.hidden(unexpected)
    out.problems.push(
      problem(
        'UNEXPECTED_SHEET',
        `${name} có trang «${unexpected}»${hidden ? ' (bị ẩn)' : ''} mà gói dữ liệu không có: trang được thêm hoặc đổi tên sau khi xuất, nội dung của nó không được ký. Không nhận.`,
        { sheet: unexpected }
      )
    )
    return out
  }

  // A signed sheet hidden shows a person less than was signed.
  const hiddenSheet = book.names.find((n) => book.hidden(n))
  if (hiddenSheet !== undefined) {
    out.problems.push(
      problem('EDITED', `Trang «${hiddenSheet}» của ${name} bị ẩn sau khi xuất: người mở tệp không thấy nội dung đã ký. Không nhận.`, {
        sheet: hiddenSheet
      })
    )
    return out
  }
  const hash = new ContentHash()
  const tables: TableData[] = []
  for (const spec of specs) {
    const data = book.rows(spec.sheet)
    // A table added later: a package from before has neither its sheet nor its count.
    if (!data && spec.optional && manifest[countKey(spec.table)] === undefined) continue
    if (!data) {
      out.problems.push(problem('TRUNCATED', `${name} thiếu trang dữ liệu «${spec.sheet}».`, { sheet: spec.sheet }))
      return out
    }
    const header = data[0] ?? []
    const columns = Array.from(header, (c) => parseHeaderCell(c ?? null))
    if (columns.length === 0 || columns.some((c) => c === null)) {
      out.problems.push(problem('EDITED', `Trang «${spec.sheet}»: dòng tiêu đề cột đã bị sửa.`, { sheet: spec.sheet, row: 1 }))
      return out
    }
    const cols = columns as NonNullable<(typeof columns)[number]>[]
    hash.table(spec.table, cols)
    const rows: Value[][] = []
    // Trailing empty rows are what a spreadsheet may leave; empty rows inside are edits.
    let last = data.length - 1
    while (last > 0 && Array.from(data[last] ?? []).every((c) => (c ?? null) === null)) last--
    for (let r = 1; r <= last; r++) {
      const src = data[r] ?? []
      // A cell beside the columns is not data, yet a person reads it: an edit.
      for (let i = cols.length; i < src.length; i++) {
        if ((src[i] ?? null) !== null) {
          out.problems.push(
            problem(
              'EDITED',
              `Trang «${spec.sheet}», ô ${XLSX.utils.encode_cell({ r, c: i })}: có nội dung ngoài các cột dữ liệu, được thêm sau khi xuất.`,
              { sheet: spec.sheet, row: r + 1 }
            )
          )
          return out
        }
      }
      const values = cols.map((c, i) => normalise(src[i] ?? null, c.type))
      hash.row(values)
      rows.push(values)
    }
    tables.push({ table: spec.table, columns: cols, rows })
    const declared = Number(manifest[countKey(spec.table)])
    if (manifest[countKey(spec.table)] === undefined || declared !== rows.length) {
      out.problems.push(
        problem(
          'COUNT_MISMATCH',
          `Trang «${spec.sheet}» có ${rows.length} dòng nhưng phần kê khai ghi ${manifest[countKey(spec.table)] ?? '(không ghi)'}: tệp bị cắt bớt hoặc bị sửa sau khi xuất.`,
          { sheet: spec.sheet }
        )
      )
    }
  }
  out.tables = tables
  out.contentHash = hash.hex()
  if (out.contentHash !== manifest.contentHash) {
    out.problems.push(
      problem(
        'EDITED',
        `Dữ liệu máy của ${name} không khớp mã băm đã ký: tệp đã bị sửa sau khi xuất (sửa ô, thêm, xóa hoặc đổi thứ tự dòng).`
      )
    )
  }
  if (!manifest.signature) {
    out.signature = 'unsigned'
    out.problems.push(problem('UNSIGNED', `${name} không có chữ ký của đơn vị gửi.`, { sheet: MANIFEST_SHEET }))
  } else if (!manifest.publicKey || !verifyText(manifest.publicKey, signedText(manifest), manifest.signature)) {
    out.signature = 'invalid'
    out.problems.push(
      problem(
        'SIGNATURE_INVALID',
        `Chữ ký của ${name} không hợp lệ: phần kê khai (đơn vị, thời điểm, số dòng, mã băm) đã bị sửa sau khi ký.`,
        { sheet: MANIFEST_SHEET }
      )
    )
  } else {
    out.signature = 'valid'
    if (manifest.keyFingerprint !== fingerprint(manifest.publicKey)) {
      // The stated fingerprint is only a label for people: recompute it rather than trust it.
      manifest.keyFingerprint = fingerprint(manifest.publicKey)
    }
  }
  // What a person reads must be what was signed: the human sheets, the manifest's layout, and nothing that shows other text.
  const shown = humanProblem(book, human, name) ?? manifestLayoutProblem(manifestRows) ?? book.presentation()
  if (shown) out.problems.push(shown)
  const findings = human.some(([n]) => n === FINDINGS_SHEET) ? book.rows(FINDINGS_SHEET) : undefined
  // Each row up to its last value: the two readers pad a row to different widths.
  out.findingsRows = findings ? Array.from(findings, (r) => upToLastValue(Array.from(r ?? [], (v) => v ?? null))) : null
  return out
}

function upToLastValue(row: unknown[]): unknown[] {
  let end = row.length
  while (end > 0 && row[end - 1] === null) end--
  return end === row.length ? row : row.slice(0, end)
}

/** The manifest's signed list of human sheets: [name, hash] pairs, or null when missing or malformed. */
function humanList(value: string | undefined): Array<[string, string]> | null {
  try {
    const list = JSON.parse(value ?? '') as unknown
    if (!Array.isArray(list) || list.length === 0) return null
    if (
      !list.every(
        (x) =>
          Array.isArray(x) &&
          x.length === 2 &&
          typeof x[0] === 'string' &&
          x[0] !== '' &&
          typeof x[1] === 'string' &&
          /^[0-9a-f]{64}$/.test(x[1])
      )
    )
      return null
    return list as Array<[string, string]>
  } catch {
    return null
  }
}

function humanProblem(book: Book, human: Array<[string, string]>, name: string): PackageProblem | null {
  for (const [sheet, signed] of human) {
    const rows = book.rows(sheet)
    if (!rows) return problem('EDITED', `${name} thiếu trang để đọc «${sheet}»: trang bị xóa sau khi xuất.`, { sheet })
    if (humanSheetHash(rows) !== signed) {
      return problem(
        'EDITED',
        `Trang «${sheet}» của ${name} đã bị sửa sau khi xuất: nội dung người đọc thấy khác nội dung đơn vị gửi đã ký. Không nhận; hãy xin đơn vị gửi lại tệp gốc.`,
        { sheet }
      )
    }
  }
  return null
}

/** The manifest sheet as written: its header, one row per key with the key's own label, nothing else. */
function manifestLayoutProblem(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): PackageProblem | null {
  const edited = (why: string, row?: number) =>
    problem('EDITED', `Trang «${MANIFEST_SHEET}» đã bị sửa sau khi xuất (${why}).`, { sheet: MANIFEST_SHEET, ...(row ? { row } : {}) })
  const data = Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null))
  let last = data.length - 1
  while (last > 0 && data[last].every((v) => v === null)) last--
  const text = (v: unknown) => (v === null ? '' : String(v))
  if (MANIFEST_HEADER.some((h, i) => text(data[0]?.[i] ?? null) !== h)) return edited('dòng tiêu đề', 1)
  const keys = new Set<string>()
  for (let r = 0; r <= last; r++) {
    const row = data[r] ?? []
    if (row.slice(3).some((v) => v !== null)) return edited(`có nội dung ngoài ba cột ở dòng ${r + 1}`, r + 1)
    if (r === 0) continue
    const key = text(row[0] ?? null)
    if (key === '') return edited(`dòng ${r + 1} không có khóa`, r + 1)
    if (keys.has(key)) return edited(`khóa «${key}» ghi hai lần`, r + 1)
    keys.add(key)
    if (text(row[2] ?? null) !== manifestLabel(key)) return edited(`ý nghĩa của «${key}» bị đổi`, r + 1)
  }
  return null
}

/**
 * A number format that shows text of its own (a quoted or escaped word or number), hides the value (an empty
 * section, a text section without @) or scales it (commas after the digits): what a person reads would not be
 * the cell's value. Currency signs and layout characters are fine.
 */
function formatShowsOtherText(z: unknown): boolean {
  if (typeof z !== 'string' || z === 'General' || z === '@') return false
  const bare = z.replace(/\[[^\]]*\]/g, '')
  // Words or digits of its own, quoted or escaped: «"999"» shows 999 whatever the cell holds.
  if (/"[^"]*[\p{L}\p{N}][^"]*"/u.test(bare) || /\\[\p{L}\p{N}]/u.test(bare)) return true
  const sections = bare.split(';')
  // An empty section hides the value; a fourth (text) section without @ shows something else for text.
  if (sections.length > 1 && sections.some((section) => section.trim() === '')) return true
  if (sections.length >= 4 && !sections[3]!.includes('@')) return true
  // Commas after the last digit placeholder divide the number by a thousand each: another number shows.
  return sections.some((section) => /[0#?],+(?![0#?,])/.test(section.replace(/"[^"]*"/g, '')))
}

/** Formulas, links, comments, error cells, merged blocks or number formats that show other text: never in a package. */
function presentationProblem(wb: XLSX.WorkBook): PackageProblem | null {
  for (const sheet of wb.SheetNames) {
    const ws = wb.Sheets[sheet]
    const edited = (r: number, c: number, what: string) =>
      problem(
        'EDITED',
        `Trang «${sheet}», ô ${XLSX.utils.encode_cell({ r, c })}: ${what}, được thêm sau khi xuất (gói dữ liệu không bao giờ có). Không nhận.`,
        { sheet, row: r + 1 }
      )
    const merge = (ws['!merges'] ?? [])[0]
    if (merge) return edited(merge.s.r, merge.s.c, 'có ô gộp (che các ô bên dưới)')
    const data = (ws['!data'] ?? []) as Cell[][]
    for (let r = 0; r < data.length; r++) {
      const row = data[r]
      if (!row) continue
      for (let c = 0; c < row.length; c++) {
        const cell = row[c]
        if (!cell) continue
        if (cell.f) return edited(r, c, 'có công thức')
        if (cell.l) return edited(r, c, 'có liên kết')
        if (cell.c) return edited(r, c, 'có ghi chú')
        if (cell.t === 'e') return edited(r, c, 'có giá trị lỗi')
        if (formatShowsOtherText(cell.z)) return edited(r, c, `có định dạng số hiện chữ khác giá trị («${String(cell.z).slice(0, 60)}»)`)
      }
    }
  }
  return null
}

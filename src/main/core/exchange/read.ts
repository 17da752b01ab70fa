/**
 * Opening a spreadsheet file safely: size limit, what the bytes really are (an
 * .exe renamed .xlsx is refused), zip bombs, password protection and corrupt
 * workbooks all become one clear Vietnamese message before anything is written.
 */
import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import { XLSX } from '../sheetjs'
import type { FileInput, ImportFileResult } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { loadBytes } from '../file-input'
import type { Cell } from '../text/values'
import { readXlsxSheets } from './xlsx-stream'

/** Rows a sheet may have: a district register has hundreds; 1,048,576-row sheets are refused. */
export const MAX_SHEET_ROWS = 200_000
/** Uncompressed size an .xlsx/.ods may unpack to, and the ratio a real workbook never reaches. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
const MAX_RATIO = 200

export interface SheetGrid {
  name: string
  rows: Cell[][]
  merges: XLSX.Range[]
  /** Sheet row / column of rows[0][0] (0-based). */
  originRow: number
  originCol: number
}

export interface OpenedFile {
  name: string
  format: ImportFileResult['format']
  sha256: string
  bytes: number
  sheets: SheetGrid[]
  /** Which reader gave the sheets: the .xlsx stream reader, or SheetJS (other formats, and files the stream leaves to it). */
  reader: 'stream' | 'sheetjs'
}

// Where the spreadsheet and package readers have always found them; the one reader of files coming in is core/file-input.ts.
export type { FileInput }
export { loadBytes }

function refuse(file: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('VALIDATION', `Tệp «${file}»: ${message}`, { file, ...details })
}

/** What the bytes are, whatever the name says. */
function sniff(name: string, data: Buffer): ImportFileResult['format'] {
  const ext = extname(name).toLowerCase()
  if (data.length === 0) refuse(name, 'trống (0 byte).')
  const head = data.subarray(0, 8)
  if (head[0] === 0x4d && head[1] === 0x5a) refuse(name, 'là một chương trình (.exe), không phải bảng tính. Không nhập.')
  if (head.readUInt32BE(0) === 0x504b0304) {
    checkZip(name, data)
    const text = data.subarray(0, Math.min(data.length, 4096)).toString('latin1')
    if (text.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods'
    return ext === '.ods' ? 'ods' : 'xlsx'
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    // An encrypted .xlsx is an OLE container holding "EncryptedPackage".
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) passwordProtected(name)
    return 'xls'
  }
  // UTF-16 text ("Unicode Text" from Excel): its BOM first, before the bytes are taken for binary.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return isMarkup(decodeText(data)) ? 'html' : 'csv'
  // A web page's table saved as .xls (the usual "export to Excel" of web systems), or Excel 2003 XML.
  if (isMarkup(data.subarray(0, 2048).toString('latin1'))) return 'html'
  if (['.xlsx', '.xls', '.ods', '.xlsm'].includes(ext)) {
    refuse(name, `có đuôi ${ext} nhưng nội dung không phải bảng tính Excel/LibreOffice (tệp hỏng hoặc bị đổi tên).`)
  }
  const sample = data.subarray(0, Math.min(data.length, 65536))
  if (sample.includes(0)) refuse(name, 'không phải bảng tính hay tệp văn bản CSV (có dữ liệu nhị phân).')
  return 'csv'
}

function passwordProtected(name: string): never {
  refuse(name, 'được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi nhập lại.')
}

/** Reads the zip's central directory: refuses what would unpack to gigabytes. */
function checkZip(name: string, data: Buffer): void {
  const minEocd = Math.max(0, data.length - 65557)
  let eocd = -1
  for (let i = data.length - 22; i >= minEocd; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) refuse(name, 'bị hỏng (không đọc được cấu trúc tệp nén). Hãy mở bằng Excel và lưu lại.')
  const entries = data.readUInt16LE(eocd + 10)
  let offset = data.readUInt32LE(eocd + 16)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) {
      refuse(name, 'bị hỏng (mục lục tệp nén sai). Hãy mở bằng Excel và lưu lại.')
    }
    const compressed = data.readUInt32LE(offset + 20)
    const size = data.readUInt32LE(offset + 24)
    total += size
    if (size > 1_000_000 && compressed > 0 && size / compressed > MAX_RATIO) {
      refuse(name, 'có nội dung nén bất thường (nghi là "bom nén"). Không nhập.')
    }
    offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32)
  }
  if (total > MAX_UNPACKED_BYTES) refuse(name, 'giải nén ra quá lớn (nghi là "bom nén"). Không nhập.')
}

/** An HTML table or Excel 2003 XML: markup at the start. */
function isMarkup(text: string): boolean {
  const t = text
    .replace(/^\ufeff/, '')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .slice(0, 2048)
    .toLowerCase()
  return (
    /^<(!doctype html|html|table|\?xml|meta|head|body|style)/.test(t) &&
    /<(table|workbook|ss:workbook|html)/.test(t + text.toLowerCase().slice(0, 65536))
  )
}

/** UTF-16 with its BOM (little or big end first), else UTF-8. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2))
  return data.toString('utf8')
}

/** An HTML page's own charset, if it names one. */
function htmlText(data: Buffer): string {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return decodeText(data)
  const head = data.subarray(0, 4096).toString('latin1')
  const cs = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data
  if (cs && cs !== 'utf-8' && cs !== 'utf8') {
    try {
      return new TextDecoder(cs).decode(body)
    } catch {
      // an unknown charset: read as UTF-8 below
    }
  }
  const utf8 = csvText(body)
  return typeof utf8 === 'string' ? utf8 : body.toString('utf8')
}

/**
 * Windows-1258 (Vietnamese ANSI): tone marks as combining bytes after the vowel. Taken when the
 * text, so decoded, composes into Vietnamese letters and leaves almost no mark alone; TCVN3 and
 * VNI bytes read this way leave marks after consonants and are left to the cell-by-cell reader.
 */
function windows1258(body: Buffer): string | null {
  let marks = 0
  for (let i = 1; i < body.length; i++) {
    const b = body[i]
    if (b === 0xcc || b === 0xd2 || b === 0xde || b === 0xec || b === 0xf2) marks++
  }
  if (marks < 2) return null
  const text = new TextDecoder('windows-1258').decode(body).normalize('NFC')
  const alone = text.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0
  const composed = text.match(/[\u1ea0-\u1ef9]/g)?.length ?? 0
  return composed >= 2 && alone * 20 <= composed ? text : null
}

const MIXED = Symbol('mixed encodings')

/** CSV text: UTF-8 (BOM or not); anything not valid UTF-8 is read as Windows-1258/Latin-1 bytes. */
function csvText(data: Buffer): string | typeof MIXED {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return decodeText(data)
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    const text = body.toString('latin1')
    // Not UTF-8 as a whole, yet holding UTF-8 Vietnamese letters (ạ, ệ, ố… are E1 BA/BB xx):
    // lines from two programs pasted together. Read as one code page, half would be garbled.
    if ((text.match(/\xe1[\xba\xbb][\x80-\xbf]/g)?.length ?? 0) >= 2) return MIXED
    return windows1258(body) ?? text
  }
}

export function openWorkbook(input: FileInput): OpenedFile {
  const { name, data } = loadBytes(input)
  const format = sniff(name, data)
  const sha256 = createHash('sha256').update(data).digest('hex')
  const streamed = format === 'xlsx' ? readXlsxSheets(data, MAX_SHEET_ROWS) : null
  if (streamed) return { name, format, sha256, bytes: data.length, sheets: streamed, reader: 'stream' }
  let wb: XLSX.WorkBook
  try {
    const options: XLSX.ParsingOptions = {
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetRows: MAX_SHEET_ROWS + 1,
      dense: true
    }
    const text = format === 'csv' ? csvText(data) : format === 'html' ? htmlText(data) : null
    if (text === MIXED) {
      refuse(name, 'trộn lẫn nhiều bảng mã (một số dòng UTF-8, một số dòng mã cũ). Hãy mở bằng Excel rồi lưu lại dạng "CSV UTF-8".')
    }
    wb = text !== null ? XLSX.read(text, { ...options, type: 'string', raw: true }) : XLSX.read(data, { ...options, type: 'buffer' })
  } catch (err) {
    if (err instanceof AppError) throw err
    const msg = String((err as Error)?.message ?? err)
    if (/password|encrypt/i.test(msg)) passwordProtected(name)
    refuse(name, 'bị hỏng hoặc không phải định dạng bảng tính đọc được. Hãy mở bằng Excel và lưu lại dạng .xlsx.', {
      reason: msg.slice(0, 200)
    })
  }
  const sheets: SheetGrid[] = []
  for (const sheetName of wb.SheetNames) {
    const ws = wb.Sheets[sheetName]
    // A sheet the workbook lists but the reader could not unpack: damage, never a silent skip.
    if (!ws) refuse(name, `bị hỏng (không đọc được trang «${sheetName}»). Hãy mở bằng Excel và lưu lại.`, { sheet: sheetName })
    const ref = ws['!fullref'] ?? ws['!ref']
    const start = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s : { r: 0, c: 0 }
    if (ref) {
      const range = XLSX.utils.decode_range(ref)
      if (range.e.r + 1 > MAX_SHEET_ROWS) {
        refuse(
          name,
          `trang «${sheetName}» có ${formatNumber(range.e.r + 1)} dòng, quá giới hạn ${formatNumber(MAX_SHEET_ROWS)} dòng. Hãy xóa các dòng trống thừa hoặc tách tệp.`,
          {
            sheet: sheetName
          }
        )
      }
    }
    const rows = XLSX.utils.sheet_to_json<Cell[]>(ws, { header: 1, raw: true, defval: null, blankrows: true })
    sheets.push({ name: sheetName, rows, merges: ws['!merges'] ?? [], originRow: start.r, originCol: start.c })
  }
  // No value in any cell: an empty workbook, or one whose compressed sheets were damaged (the
  // reader then keeps the sheet's size but none of its cells). Said, never skipped in silence.
  if (!sheets.some((s) => s.rows.some((r) => r.some((c) => c !== null && c !== '')))) {
    refuse(name, 'không có ô nào đọc được dữ liệu: tệp trống hoặc bị hỏng. Hãy mở bằng Excel kiểm tra và lưu lại.')
  }
  return { name, format, sha256, bytes: data.length, sheets, reader: 'sheetjs' }
}

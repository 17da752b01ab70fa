/**
 * A reader of .xlsx sheets that goes straight from the zip to the grid the
 * parser takes: the central directory, the shared strings, then each sheet's
 * XML inflated with zlib and scanned once, byte by byte, row by row, without
 * building a workbook of cell objects first. SheetJS spends about eight times
 * as long on a 100,000-row register, and holds every cell twice on the way.
 *
 * It gives the same grid as SheetJS read with the options read.ts uses
 * (values raw, dates as serials, blank rows kept, merged ranges), or null
 * whenever it meets something it does not judge for itself: a part missing or
 * damaged, a size the directory lies about, a checksum that does not match, a
 * sheet of too many rows, a namespace prefix, a date cell typed as text, no
 * value at all. The caller then reads the file with SheetJS as before, whose
 * refusals (and their Vietnamese messages) stay the one answer to bad files.
 */
import * as zlib from 'node:zlib'
import type { Range } from 'xlsx'
import type { Cell } from '../text/values'
import { scanMarkup } from './markup-scan'

export interface StreamedSheet {
  name: string
  rows: Cell[][]
  merges: Range[]
  originRow: number
  originCol: number
}

/** Something this reader leaves to SheetJS. */
class NotStreamable extends Error {}

const giveUp = (why: string): never => {
  throw new NotStreamable(why)
}

interface ZipEntry {
  method: number
  compressed: number
  size: number
  crc: number
  offset: number
}

/** The zip's central directory, by lower-cased name. */
function directory(data: Buffer): Map<string, ZipEntry> {
  let eocd = -1
  for (let i = data.length - 22, min = Math.max(0, data.length - 65557); i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) giveUp('no end of central directory')
  const count = data.readUInt16LE(eocd + 10)
  let at = data.readUInt32LE(eocd + 16)
  const entries = new Map<string, ZipEntry>()
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) giveUp('central directory damaged')
    const nameLength = data.readUInt16LE(at + 28)
    const entry: ZipEntry = {
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      compressed: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      offset: data.readUInt32LE(at + 42)
    }
    // Zip64 sizes and offsets: no real register needs them.
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) giveUp('zip64')
    entries.set(data.toString('utf8', at + 46, at + 46 + nameLength).toLowerCase(), entry)
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32)
  }
  return entries
}

const crc32: ((data: Buffer) => number) | undefined = (zlib as unknown as { crc32?: (data: Buffer) => number }).crc32

/** One part of the package, unpacked: never past the size the directory declares, and checked against its checksum. */
function unpack(data: Buffer, entries: Map<string, ZipEntry>, name: string): Buffer | null {
  const entry = entries.get(name.toLowerCase())
  if (!entry) return null
  const at = entry.offset
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) giveUp(`local header of ${name}`)
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28)
  if (start + entry.compressed > data.length) giveUp(`${name} cut short`)
  const raw = data.subarray(start, start + entry.compressed)
  let out: Buffer
  if (entry.method === 0) out = raw
  else if (entry.method === 8) {
    try {
      // A directory that lies about the size (a bomb in disguise) stops the inflate at the size it declared.
      // One output chunk of the declared size: the 70 MB sheet is not copied again to join chunks.
      out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.max(64 * 1024, entry.size) })
    } catch {
      return giveUp(`${name} does not inflate to its declared size`)
    }
  } else return giveUp(`compression method ${entry.method}`)
  if (out.length !== entry.size) giveUp(`${name}: size differs from the directory`)
  if (crc32 && crc32(out) >>> 0 !== entry.crc >>> 0) giveUp(`${name}: checksum differs`)
  return out
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' }

/** XML text as SheetJS reads it: the five entities and numeric ones, Excel's _xHHHH_ escapes, CRLF as LF. Other entities stay as written. */
function unescape(text: string): string {
  let s = text
  if (s.includes('&')) {
    s = s.replace(/&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi, (all, code: string | undefined) =>
      code === undefined
        ? (ENTITIES[all.slice(1, -1).toLowerCase()] ?? all)
        : String.fromCharCode(parseInt(code, /x/i.test(all) ? 16 : 10)) || all
    )
  }
  if (s.includes('_x')) s = s.replace(/_x([\da-fA-F]{4})_/gi, (_, c: string) => String.fromCharCode(parseInt(c, 16)))
  if (s.includes('\r\n')) s = s.replace(/\r\n/g, '\n')
  return s
}

/** Attribute value from a tag's text, or null. */
function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`[\\s:]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return m ? unescape(m[1] ?? m[2] ?? '') : null
}

/** A rich string's text: its runs joined, phonetic guides left out (as SheetJS does). */
function stringItem(xml: string): string {
  const plain = /^\s*<t(?:\s[^>]*)?>([^<]*)<\/t>/.exec(xml)
  if (plain) return unescape(plain[1])
  if (/^\s*<t(?:\s[^>]*)?\/>/.test(xml) || xml.trim() === '') return ''
  if (/^\s*<t[\s>]/.test(xml)) giveUp('markup inside a plain string')
  const withoutPhonetic = xml.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '')
  let text = ''
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += m[1]
  return unescape(text)
}

function sharedStrings(xml: string): string[] {
  if (!xml.includes('<sst')) giveUp('shared strings without <sst>')
  const out: string[] = []
  let at = 0
  for (;;) {
    const open = xml.indexOf('<si', at)
    if (open < 0) break
    const after = xml.charCodeAt(open + 3)
    if (after === 0x2f /* <si/> */) {
      out.push('')
      at = open + 5
      continue
    }
    if (after !== 0x3e /* > */) giveUp('<si> with attributes')
    const close = xml.indexOf('</si>', open)
    if (close < 0) giveUp('shared string not closed')
    out.push(stringItem(xml.slice(open + 4, close)))
    at = close + 5
  }
  return out
}

/** Relationship id → target part, resolved against the folder of the part that owns them. */
function relationships(xml: string, ownerFolder: string): Array<{ id: string; type: string; target: string }> {
  const out: Array<{ id: string; type: string; target: string }> = []
  for (const m of xml.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attribute(m[0], 'Id')
    const type = attribute(m[0], 'Type') ?? ''
    const target = attribute(m[0], 'Target')
    if (!id || !target || attribute(m[0], 'TargetMode') === 'External') continue
    out.push({ id, type, target: resolvePart(ownerFolder, target) })
  }
  return out
}

function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}

export const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1)
/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export const relsOf = (part: string) => `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`

/** "AB12" → {r: 11, c: 27}; column only ("AB") when the row part is missing. */
function decodeRef(ref: string): { r: number; c: number } {
  let c = 0
  let i = 0
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i) - 64
    if (k < 1 || k > 26) break
    c = c * 26 + k
  }
  const r = parseInt(ref.slice(i), 10)
  return { r: Number.isNaN(r) ? -1 : r - 1, c: c - 1 }
}

function decodeRange(ref: string): Range | null {
  const [a, b = a] = ref.split(':')
  const s = decodeRef(a)
  const e = decodeRef(b)
  if (s.r < 0 || s.c < 0 || e.r < s.r || e.c < s.c) return null
  return { s, e }
}

// Bytes the cell scanner looks for.
const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const QUOTE = 0x22
const APOS = 0x27
const IS_CLOSE = Buffer.from('</is>')

/**
 * One sheet's XML → its rows, as sheet_to_json(…, {header: 1, raw: true, defval: null,
 * blankrows: true}) gives them: from the top-left of the used range, every row of it,
 * a row without cells as [], a row with cells as wide as the range with null between.
 */
function scanSheet(xml: Buffer, strings: string[], maxRows: number): Omit<StreamedSheet, 'name'> {
  const dataAt = xml.indexOf('<sheetData')
  if (dataAt < 0) giveUp('no <sheetData> (a prefix, or not a worksheet)')
  // The dimension the sheet declares, as SheetJS takes it: a range no smaller than that.
  const dimAt = xml.lastIndexOf('<dimension', dataAt)
  let dim: Range | null = null
  if (dimAt >= 0) {
    const tag = xml.toString('utf8', dimAt, xml.indexOf(GT, dimAt) + 1)
    const ref = attribute(tag, 'ref')
    dim = ref ? decodeRange(ref) : null
    if (dim && dim.e.r + 1 > maxRows) giveUp('more rows than allowed: SheetJS refuses it with its own count')
  }
  const emptyData = xml[xml.indexOf(GT, dataAt) - 1] === SLASH
  // Looked for from the end, where it is: not through the 70 MB before it.
  const dataEnd = emptyData ? dataAt : xml.lastIndexOf('</sheetData>')
  if (dataEnd < dataAt) giveUp('sheetData not closed')

  const byRow: Array<Cell[] | undefined> = []
  // Rows as their tags say (the range SheetJS guesses without a dimension), and rows holding a cell.
  let minRow = Infinity
  let maxRow = -1
  let minCellRow = Infinity
  let maxCellRow = -1
  let minCol = Infinity
  let maxCol = -1
  let row = -1
  let col = -1
  let cells: Cell[] | undefined
  let p = emptyData ? dataEnd : xml.indexOf(GT, dataAt) + 1
  while (p < dataEnd) {
    let lt = p
    while (lt < dataEnd && xml[lt] !== LT) lt++
    if (lt >= dataEnd) break
    const b1 = xml[lt + 1]
    const b2 = xml[lt + 2]
    if (b1 === 0x72 /* r */ && b2 === 0x6f && xml[lt + 3] === 0x77 /* row */) {
      // <row r="12" …> or <row …/>
      const end = byteAt(xml, lt, dataEnd, GT)
      const r = numberAttr(xml, lt + 4, end, 0x72)
      row = r > 0 ? r - 1 : row + 1
      col = -1
      if (row + 1 > maxRows) giveUp('more rows than allowed')
      if (row < minRow) minRow = row
      if (row > maxRow) maxRow = row
      cells = undefined
      p = end + 1
      continue
    }
    if (b1 !== 0x63 /* c */ || (b2 !== 0x20 && b2 !== GT && b2 !== SLASH && b2 !== 0x09 && b2 !== 0x0a && b2 !== 0x0d)) {
      // </row>, </c>, <f>, <is>… outside a cell we read: go on.
      if (b1 === 0x2f || b1 === 0x3f || b1 === 0x21) {
        p = lt + 2
        continue
      }
      if (b1 === 0x78 && b2 === 0x3a) giveUp('namespace prefix on cells')
      p = lt + 1
      continue
    }
    // A cell: its attributes r, t (s and others are not needed for raw values).
    const tagEnd = byteAt(xml, lt, dataEnd, GT)
    let type = 0 // 0 n, 1 s, 2 str, 3 inlineStr, 4 b, 5 e, 6 d
    let refCol = -1
    let refRow = -1
    for (let a = lt + 2; a < tagEnd; a++) {
      const ch = xml[a]
      if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) continue
      const n = xml[a + 1]
      // r or t written with spaces around '=' (valid XML, never seen from a spreadsheet program): not misread as absent.
      if (
        (n === 0x72 || n === 0x74) &&
        xml[a + 2] !== 0x3d &&
        (xml[a + 2] === 0x20 || xml[a + 2] === 0x09 || xml[a + 2] === 0x0a || xml[a + 2] === 0x0d)
      )
        giveUp('spaced attribute')
      if ((n === 0x72 || n === 0x74) && xml[a + 2] === 0x3d /* = */) {
        const q = xml[a + 3]
        if (q !== QUOTE && q !== APOS) giveUp('unquoted attribute')
        const vEnd = byteAt(xml, a + 4, tagEnd, q)
        if (n === 0x72) {
          let c = 0
          let i = a + 4
          for (; i < vEnd; i++) {
            const k = xml[i] - 64
            if (k < 1 || k > 26) break
            c = c * 26 + k
          }
          refCol = c - 1
          let r = 0
          for (; i < vEnd; i++) {
            const d = xml[i] - 48
            if (d < 0 || d > 9) break
            r = r * 10 + d
          }
          refRow = r - 1
        } else {
          const t0 = xml[a + 4]
          const len = vEnd - (a + 4)
          if (len === 1 && t0 === 0x6e) type = 0
          else if (len === 1 && t0 === 0x73) type = 1
          else if (len === 3 && t0 === 0x73) type = 2
          else if (len === 9 && t0 === 0x69) type = 3
          else if (len === 1 && t0 === 0x62) type = 4
          else if (len === 1 && t0 === 0x65) type = 5
          else if (len === 1 && t0 === 0x64) type = 6
          else giveUp('unknown cell type')
        }
        a = vEnd
      }
    }
    col = refCol >= 0 ? refCol : col + 1
    // A cell's own row number wins, as SheetJS places cells by their reference.
    const cellRow = refRow >= 0 ? refRow : row
    if (cellRow < 0) giveUp('cell outside a row')
    if (cellRow + 1 > maxRows) giveUp('more rows than allowed')
    const selfClosing = xml[tagEnd - 1] === SLASH
    let value: Cell | undefined
    let next = tagEnd + 1
    if (selfClosing) value = emptyValue(type)
    else {
      // The cell's children up to </c>: <v>…</v> (after <f>…</f> for a formula), or <is>…</is>.
      let from = -1
      let to = -1
      let inline: string | null = null
      let i = tagEnd + 1
      for (;;) {
        i = byteAt(xml, i, dataEnd, LT)
        const n1 = xml[i + 1]
        if (n1 === SLASH && xml[i + 2] === 0x63 && xml[i + 3] === GT) {
          next = i + 4
          break
        }
        const gt = byteAt(xml, i, dataEnd, GT)
        if (xml[gt - 1] === SLASH) {
          i = gt + 1
          continue
        }
        if (n1 === 0x76 /* v */ && (xml[i + 2] === GT || xml[i + 2] === 0x20)) {
          from = gt + 1
          to = byteAt(xml, from, dataEnd, LT)
          i = to
        } else if (n1 === 0x69 && xml[i + 2] === 0x73 && (xml[i + 3] === GT || xml[i + 3] === 0x20)) {
          const end = xml.indexOf(IS_CLOSE, gt)
          if (end < 0 || end > dataEnd) giveUp('inline string not closed')
          inline = type === 3 ? stringItem(xml.toString('utf8', gt + 1, end)) : null
          i = end + 5
        } else if (n1 === 0x66 /* f */) {
          // A formula's text holds no '<': its closing tag is the next one.
          i = byteAt(xml, gt, dataEnd, LT) + 1
        } else i = gt + 1
      }
      if (type === 3) value = inline ?? ''
      else if (from < 0 || from === to) value = emptyValue(type)
      else if (type === 0) value = number(xml, from, to)
      else if (type === 1) {
        const index = integer(xml, from, to)
        if (index < 0 || index >= strings.length) giveUp('shared string index out of range')
        value = strings[index]
      } else if (type === 2) value = text(xml, from, to)
      else if (type === 4) {
        const v = xml.toString('latin1', from, to)
        value = v === '1' || v === 'true'
      } else if (type === 5) value = null
      else giveUp('date cell typed as text')
    }
    p = next
    if (value === undefined) continue
    if (cellRow !== row || !cells) {
      cells = byRow[cellRow] ??= []
      if (cellRow < minCellRow) minCellRow = cellRow
      if (cellRow > maxCellRow) maxCellRow = cellRow
    }
    cells[col] = value
    if (col < minCol) minCol = col
    if (col > maxCol) maxCol = col
  }

  // The used range as SheetJS takes it: the declared dimension, else the rows' tags and the cells'
  // columns. Widened to any cell found outside a dimension that is too small, so none is lost.
  const hasCells = minCol <= maxCol
  let s: { r: number; c: number }
  let e: { r: number; c: number }
  if (dim) {
    s = hasCells ? { r: Math.min(dim.s.r, minCellRow), c: Math.min(dim.s.c, minCol) } : dim.s
    e = hasCells ? { r: Math.max(dim.e.r, maxCellRow), c: Math.max(dim.e.c, maxCol) } : dim.e
  } else if (hasCells) {
    s = { r: Math.min(minRow, minCellRow), c: minCol }
    e = { r: Math.max(maxRow, maxCellRow), c: maxCol }
  } else return { rows: [], merges: mergeRanges(xml, dataEnd), originRow: 0, originCol: 0 }
  const width = e.c - s.c + 1
  const rows: Cell[][] = []
  for (let r = s.r; r <= e.r; r++) {
    const src = byRow[r]
    if (!src) {
      rows.push([])
      continue
    }
    // Shifted in place when the range does not start at column A; holes filled with null.
    const out = s.c === 0 ? src : src.slice(s.c)
    out.length = width
    for (let c = 0; c < width; c++) if (out[c] === undefined) out[c] = null
    rows.push(out)
    byRow[r] = undefined
  }
  return { rows, merges: mergeRanges(xml, dataEnd), originRow: s.r, originCol: s.c }
}

/** A cell with no value written, as SheetJS keeps it: an empty string, false, an error's null, or no cell. */
function emptyValue(type: number): Cell | undefined {
  return type === 2 || type === 3 ? '' : type === 4 ? false : type === 5 ? null : undefined
}

function mergeRanges(xml: Buffer, from: number): Range[] {
  const at = xml.indexOf('<mergeCells', from)
  if (at < 0) return []
  const end = xml.indexOf('</mergeCells>', at)
  const part = xml.toString('utf8', at, end < 0 ? xml.length : end)
  const merges: Range[] = []
  for (const m of part.matchAll(/<mergeCell\s[^>]*>/g)) {
    const ref = attribute(m[0], 'ref')
    const range = ref ? decodeRange(ref) : null
    if (range) merges.push(range)
  }
  return merges
}

/** Where the next `byte` is from `from` on, before `end`; a tag not closed there is damage. */
function byteAt(xml: Buffer, from: number, end: number, byte: number): number {
  let i = from
  while (i < end && xml[i] !== byte) i++
  if (i >= end) giveUp('markup not closed')
  return i
}

/** Attribute `name` (one letter) of a tag between from and to, as a positive integer; 0 when absent. */
function numberAttr(xml: Buffer, from: number, to: number, letter: number): number {
  for (let a = from; a < to; a++) {
    const ch = xml[a - 1]
    if (xml[a] === letter && xml[a + 1] === 0x3d && (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d)) {
      return integer(xml, a + 3, byteAt(xml, a + 3, to, xml[a + 2]))
    }
  }
  return 0
}

/** Digits only; -1 for anything else. */
function integer(xml: Buffer, from: number, to: number): number {
  let n = 0
  if (from >= to) return -1
  for (let i = from; i < to; i++) {
    const d = xml[i] - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

function number(xml: Buffer, from: number, to: number): number {
  // Short whole numbers without the cost of a string; the rest as parseFloat reads them (as SheetJS).
  if (to - from <= 15) {
    const n = integer(xml, from, to)
    if (n >= 0) return n
  }
  return parseFloat(unescape(xml.toString('latin1', from, to)))
}

/** Buffer's own decoders, without toString's checks of its arguments on each of a million cells. */
const { latin1Slice, utf8Slice } = Buffer.prototype as unknown as Record<
  'latin1Slice' | 'utf8Slice',
  (this: Buffer, from: number, to: number) => string
>

function text(xml: Buffer, from: number, to: number): string {
  // Plain ASCII (numbers typed as text, codes, phone numbers) needs no UTF-8 decoding.
  let ascii = true
  for (let i = from; i < to; i++) {
    if (xml[i] > 0x7f) {
      ascii = false
      break
    }
  }
  const s = ascii ? latin1Slice.call(xml, from, to) : utf8Slice.call(xml, from, to)
  // Entities and Excel's escapes are rare: look before paying for the replaces.
  return s.includes('&') || s.includes('_x') || s.includes('\r') ? unescape(s) : s
}

/**
 * The sheets of an .xlsx as grids, in the workbook's order; null when this reader
 * leaves the file to SheetJS (see the top of this file).
 */
export function readXlsxSheets(data: Buffer, maxRows: number): StreamedSheet[] | null {
  return readSheets(data, maxRows, null)
}

/**
 * The same grids, only for a workbook in which the grid is all a person sees (a signed package,
 * handoff/read.ts): null as soon as any sheet has a formula, an error value, a hyperlink, merged
 * cells, a relationship of its own (comments, drawings, links), or does not start at A1, or a
 * cell style has a number format `plainFormat` does not accept (it gets the format's id and, for
 * the workbook's own formats, its code). The caller reads such a file with SheetJS, which names
 * the cell.
 */
export function readPlainXlsxSheets(
  data: Buffer,
  maxRows: number,
  plainFormat: (id: number, code: string | null) => boolean
): StreamedSheet[] | null {
  return readSheets(data, maxRows, plainFormat)
}

/** Every cell style's number format, as `plainFormat` judges it; false when the styles part is not as written. */
function stylesArePlain(xml: string, plainFormat: (id: number, code: string | null) => boolean): boolean {
  const codes = new Map<number, string>()
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId'))
    const code = attribute(m[0], 'formatCode')
    if (!Number.isInteger(id) || code === null) return false
    codes.set(id, code)
  }
  // Every xf, the cell styles' too: a program may take a cell's format from its style.
  for (const m of xml.matchAll(/<xf[\s/>][^>]*>/g)) {
    const id = Number(attribute(m[0], 'numFmtId') ?? '0')
    if (!Number.isInteger(id) || !plainFormat(id, codes.get(id) ?? null)) return false
  }
  return true
}

/**
 * What a person would see beside a sheet's values: a formula, an error value, a hyperlink, merged
 * cells, hidden rows or columns, content in an extension list.
 */
const NOT_PLAIN = ['<f>', '<f ', '<f/>', 't="e"', "t='e'", '<hyperlink', '<mergeCell', 'hidden=', '<extLst']

/** In the plain form, with nothing beside the cells (merged cells, hidden rows, text runs…): one scan says both. */
function inPlainForm(xml: Buffer): boolean {
  const scan = scanMarkup(xml)
  return scan.plain && scan.beyond === null
}

function readSheets(
  data: Buffer,
  maxRows: number,
  plainFormat: ((id: number, code: string | null) => boolean) | null
): StreamedSheet[] | null {
  try {
    const entries = directory(data)
    const part = (name: string) => unpack(data, entries, name)
    const rootRels = part('_rels/.rels')
    if (!rootRels) return null
    const office = relationships(rootRels.toString('utf8'), '').find((r) => r.type.endsWith('/officeDocument'))
    if (!office) return null
    const workbook = part(office.target)
    const workbookRels = part(relsOf(office.target))
    if (!workbook || !workbookRels) return null
    if (plainFormat && ![rootRels, workbook, workbookRels].every(inPlainForm)) return null
    // A hidden sheet shows less than was signed.
    if (plainFormat && workbook.includes('state=')) return null
    const rels = relationships(workbookRels.toString('utf8'), folderOf(office.target))
    const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'))
    let strings: string[] = []
    if (sstRel) {
      const sst = part(sstRel.target)
      if (!sst) return null
      // Rich text and phonetic runs are read differently by different programs.
      const sstXml = sst.toString('utf8')
      if (plainFormat && !inPlainForm(sst)) return null
      strings = sharedStrings(sstXml)
    }
    if (plainFormat) {
      const stylesRel = rels.find((r) => r.type.endsWith('/styles'))
      const styles = stylesRel ? part(stylesRel.target) : null
      if (stylesRel && (!styles || !inPlainForm(styles) || !stylesArePlain(styles.toString('utf8'), plainFormat))) return null
    }
    const wbXml = workbook.toString('utf8')
    if (!/<sheets[\s>]/.test(wbXml)) return null
    const sheets: StreamedSheet[] = []
    for (const m of wbXml.matchAll(/<sheet\s[^>]*>/g)) {
      const name = attribute(m[0], 'name')
      const id = attribute(m[0], 'r:id')
      const rel = rels.find((r) => r.id === id)
      // Chart sheets, macro sheets and dialog sheets are SheetJS's to read.
      if (name === null || !rel || !rel.type.endsWith('/worksheet')) return null
      // A sheet where SheetJS does not look for one: read by SheetJS, which then says so.
      if (plainFormat && !rel.target.toLowerCase().startsWith('xl/')) return null
      const xml = part(rel.target)
      if (!xml) return null
      if (plainFormat) {
        if (NOT_PLAIN.some((marker) => xml.includes(marker)) || !inPlainForm(xml)) return null
        if (entries.has(relsOf(rel.target).toLowerCase())) return null
      }
      const sheet = scanSheet(xml, strings, maxRows)
      if (plainFormat && (sheet.merges.length > 0 || sheet.originRow !== 0 || sheet.originCol !== 0)) return null
      sheets.push({ name, ...sheet })
    }
    if (sheets.length === 0) return null
    // Nothing in any cell: SheetJS reads it again and says the file is empty or damaged.
    if (!sheets.some((s) => s.rows.some((r) => r.some((c) => c !== null && c !== '')))) return null
    return sheets
  } catch (err) {
    // RangeError: an offset in the directory pointing outside the file.
    if (err instanceof NotStreamable || err instanceof RangeError) return null
    throw err
  }
}

/**
 * The package's zip, checked entry by entry before SheetJS sees it. SheetJS takes
 * each entry's name and sizes from its local header and inflates without a limit;
 * LibreOffice and Excel go by the central directory. So a zip the two can read
 * differently (two entries of one name, a local header naming another entry than
 * the central directory, bytes outside the entries) is refused, and so is one
 * that would unpack to more than a package ever holds: sizes are checked in the
 * central directory first, then every entry is inflated here with a hard limit
 * (its declared size) so a size that lies cannot make anyone inflate more.
 */
import { inflateRawSync } from 'node:zlib'
import type { PackageProblemCode } from '../../../shared/contract/handoff'

/** All entries together may unpack to this; a real package of 100,000 rows is about 15 MB. */
export const PACKAGE_MAX_UNPACKED = 256 * 1024 * 1024
/** An entry above 1 MB may be at most this many times its compressed size (real sheets: about 10). */
export const PACKAGE_MAX_RATIO = 100
const RATIO_FROM = 1024 * 1024
/** A workbook of 13 sheets has about 25 parts; a spreadsheet program adds a few. */
const MAX_ENTRIES = 500

/**
 * Parts a package never has and a plain re-save never adds: things a person sees
 * or runs that are not cells (drawings and text boxes over the cells, images,
 * comments, embedded or linked content, macros, controls, pivot tables).
 */
const UNEXPECTED_PARTS =
  /^(xl\/(drawings|media|comments|threadedcomments|persons|embeddings|activex|ctrlprops|externallinks|pivottables|pivotcache|querytables|connections|slicers|slicercaches|timelines|timelinecaches|charts|chartsheets|dialogsheets|macrosheets|customui|vbaproject|vbadata)|customui|\[trash\])(\/|\.|\d|$)/i

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  /** The entry's bytes unpacked (bounded by `size`). */
  data: Buffer
}

export interface ZipProblem {
  code: PackageProblemCode
  message: string
}

export type ZipResult = { entries: ZipEntry[]; problem: null } | { entries: null; problem: ZipProblem }

const fail = (code: PackageProblemCode, message: string): ZipResult => ({ entries: null, problem: { code, message } })

/** The key two names collide on in a reader that ignores case (OPC part names do). */
function nameKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()
}

function cleanName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /[\u0000-\u001f]/.test(name)) return false
  return name.split('/').every((part) => part !== '..' && part !== '.')
}

export function readZip(bytes: Buffer, file: string): ZipResult {
  const bad = (why: string) =>
    fail(
      'BAD_ZIP',
      `${file} có cấu trúc tệp nén bất thường (${why}): chương trình bảng tính khác nhau sẽ đọc ra nội dung khác nhau. Không nhận; hãy xin huyện gửi lại tệp gốc.`
    )
  // End of central directory: the last one, and nothing after it but its own comment.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return fail('TRUNCATED', `${file} bị cắt cụt (thiếu phần cuối tệp): có thể chép từ USB chưa xong. Hãy chép lại tệp gốc.`)
  if (eocd + 22 + bytes.readUInt16LE(eocd + 20) !== bytes.length) return bad('có dữ liệu sau phần cuối tệp nén')
  const count = bytes.readUInt16LE(eocd + 10)
  const cdSize = bytes.readUInt32LE(eocd + 12)
  const cdStart = bytes.readUInt32LE(eocd + 16)
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0 || bytes.readUInt16LE(eocd + 8) !== count)
    return bad('tệp nén nhiều phần')
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) return bad('dạng ZIP64, không bao giờ cần cho một gói')
  if (cdStart + cdSize !== eocd) {
    return cdStart + cdSize > eocd
      ? fail('TRUNCATED', `${file} bị hỏng (mục lục tệp nén không đầy đủ). Hãy chép lại tệp gốc.`)
      : bad('có dữ liệu giữa mục lục và phần cuối tệp nén')
  }
  if (count > MAX_ENTRIES) return bad(`${count} phần, quá nhiều`)

  interface Raw {
    name: string
    method: number
    flags: number
    csize: number
    size: number
    offset: number
    dataStart: number
  }
  const raws: Raw[] = []
  const seen = new Map<string, string>()
  let declared = 0
  let at = cdStart
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== 0x02014b50)
      return fail('TRUNCATED', `${file} bị hỏng (mục lục tệp nén sai). Hãy chép lại tệp gốc.`)
    const flags = bytes.readUInt16LE(at + 8)
    const method = bytes.readUInt16LE(at + 10)
    const csize = bytes.readUInt32LE(at + 20)
    const size = bytes.readUInt32LE(at + 24)
    const nameLen = bytes.readUInt16LE(at + 28)
    const extraLen = bytes.readUInt16LE(at + 30)
    const commentLen = bytes.readUInt16LE(at + 32)
    const offset = bytes.readUInt32LE(at + 42)
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLen)
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1')
    at += 46 + nameLen + extraLen + commentLen
    if (at > eocd) return fail('TRUNCATED', `${file} bị hỏng (mục lục tệp nén sai). Hãy chép lại tệp gốc.`)
    if (!cleanName(name)) return bad(`tên phần «${name.slice(0, 80)}» không hợp lệ`)
    const key = nameKey(name)
    const twin = seen.get(key)
    if (twin !== undefined) {
      return fail(
        'DUPLICATE_ENTRY',
        `${file} có hai phần cùng tên «${twin === name ? name : `${twin}» và «${name}`}» trong tệp nén: Excel, LibreOffice và phần mềm này có thể đọc ra hai nội dung khác nhau. Không nhận; hãy xin huyện gửi lại tệp gốc.`
      )
    }
    seen.set(key, name)
    if (UNEXPECTED_PARTS.test(name)) {
      return fail(
        'UNEXPECTED_PART',
        `${file} có phần «${name}» (hình vẽ, ảnh, ghi chú, liên kết ngoài hoặc macro) mà gói dữ liệu không bao giờ có: người mở tệp sẽ thấy nội dung không được ký. Không nhận.`
      )
    }
    if (flags & 0x41) return bad('có phần được mã hóa')
    if (method !== 0 && method !== 8) return bad(`phương pháp nén ${method} không được hỗ trợ`)
    if (csize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) return bad('dạng ZIP64, không bao giờ cần cho một gói')
    declared += size
    if (declared > PACKAGE_MAX_UNPACKED) return tooLarge(file)
    if (size > RATIO_FROM && size > csize * PACKAGE_MAX_RATIO) return bomb(file, name)
    if (method === 0 && size !== csize) return bad(`phần «${name}» ghi hai kích thước khác nhau`)
    // The local header must name the same entry: SheetJS goes by it, other programs by the central directory.
    if (offset + 30 > cdStart || bytes.readUInt32LE(offset) !== 0x04034b50) return bad(`phần «${name}» không ở chỗ mục lục ghi`)
    const localNameLen = bytes.readUInt16LE(offset + 26)
    const localExtraLen = bytes.readUInt16LE(offset + 28)
    if (!bytes.subarray(offset + 30, offset + 30 + localNameLen).equals(nameBytes)) return bad(`phần «${name}» mang tên khác ở đầu phần`)
    const localMethod = bytes.readUInt16LE(offset + 8)
    if (localMethod !== method) return bad(`phần «${name}» ghi hai cách nén khác nhau`)
    if (!(bytes.readUInt16LE(offset + 6) & 0x08)) {
      // Without a data descriptor the local header carries the sizes SheetJS will use.
      if (bytes.readUInt32LE(offset + 18) !== csize || bytes.readUInt32LE(offset + 22) !== size)
        return bad(`phần «${name}» ghi hai kích thước khác nhau`)
    }
    const dataStart = offset + 30 + localNameLen + localExtraLen
    if (dataStart + csize > cdStart) return fail('TRUNCATED', `${file} bị hỏng (phần «${name}» bị cắt). Hãy chép lại tệp gốc.`)
    raws.push({ name, method, flags: bytes.readUInt16LE(offset + 6), csize, size, offset, dataStart })
  }

  // The entries tile the file from its first byte to the central directory: nothing hidden between them, nothing shared.
  const byOffset = [...raws].sort((a, b) => a.offset - b.offset)
  let end = 0
  for (const r of byOffset) {
    if (r.offset !== end) return bad(r.offset < end ? `hai phần dùng chung một vùng dữ liệu` : `có dữ liệu không thuộc phần nào`)
    end = r.dataStart + r.csize
    if (r.flags & 0x08) end += end + 16 <= cdStart && bytes.readUInt32LE(end) === 0x08074b50 ? 16 : 12
  }
  if (end !== cdStart) return bad('có dữ liệu không thuộc phần nào')

  const entries: ZipEntry[] = []
  for (const r of raws) {
    const body = bytes.subarray(r.dataStart, r.dataStart + r.csize)
    let data: Buffer
    if (r.method === 0) data = Buffer.from(body)
    else {
      try {
        // One byte more than declared: an entry that unpacks to more is a lie, found before it costs memory.
        data = inflateRawSync(body, { maxOutputLength: r.size + 1 })
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return bomb(file, r.name)
        return fail('TRUNCATED', `${file} bị hỏng (không giải nén được phần «${r.name}»). Hãy chép lại tệp gốc.`)
      }
    }
    if (data.length > r.size) return bomb(file, r.name)
    if (data.length !== r.size) return bad(`phần «${r.name}» giải nén ra kích thước khác kích thước đã ghi`)
    entries.push({ name: r.name, method: r.method, compressedSize: r.csize, size: r.size, data })
  }
  return { entries, problem: null }
}

function tooLarge(file: string): ZipResult {
  return fail(
    'TOO_LARGE',
    `${file} giải nén ra quá ${PACKAGE_MAX_UNPACKED / 1024 / 1024} MB, nhiều hơn mọi gói dữ liệu thật (nghi là "bom nén"). Không đọc tiếp.`
  )
}

function bomb(file: string, name: string): ZipResult {
  return fail(
    'TOO_LARGE',
    `${file} có phần «${name}» nén bất thường (giải nén ra lớn hơn nhiều so với kích thước ghi hoặc so với tệp nén, nghi là "bom nén"). Không đọc tiếp.`
  )
}

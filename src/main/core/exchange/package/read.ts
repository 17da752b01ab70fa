/**
 * Reading a package back and checking what the file alone can prove: that it is
 * a package, whole, of a known format version, with the rows the manifest
 * declares, the content hash it states, and a valid signature by the key it
 * names. Whether that key is trusted, the unit belongs to the province and the
 * package is newer than the last one is the province's part (verify.ts).
 */
import { XLSX } from '../../sheetjs'
import type { PackageProblem } from '../../../../shared/contract/handoff'
import { fingerprint, verifyText } from './keys'
import {
  ContentHash, countKey, FORMAT, FORMAT_VERSION, MACHINE_TABLES, MANIFEST_SHEET, normalise, parseHeaderCell, signedText,
  type Manifest, type TableData, type Value
} from './format'

export interface ParsedPackage {
  manifest: Manifest | null
  /** Present when every machine sheet was read (even if its hash is wrong). */
  tables: TableData[] | null
  problems: PackageProblem[]
  contentHash: string | null
  signature: 'valid' | 'invalid' | 'unsigned'
}

type Cell = { t?: string; v?: unknown } | undefined

function problem(code: PackageProblem['code'], message: string, where: Omit<PackageProblem, 'code' | 'message'> = {}): PackageProblem {
  return { code, message, ...where }
}

/** A zip ends with its central directory record: without it the file was cut short. */
function zipIsWhole(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_557))
  return tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0
}

function cellValue(cell: Cell): unknown {
  if (!cell || cell.t === 'z' || cell.t === 'e') return null
  return cell.v ?? null
}

export function readPackage(bytes: Buffer, name: string): ParsedPackage {
  const out: ParsedPackage = { manifest: null, tables: null, problems: [], contentHash: null, signature: 'unsigned' }
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50
  if (!isZip) {
    out.problems.push(problem('NOT_A_PACKAGE', `${name} không phải là gói dữ liệu Sổ HTX (không phải tệp .xlsx).`))
    return out
  }
  if (!zipIsWhole(bytes)) {
    out.problems.push(problem('TRUNCATED', `${name} bị cắt cụt (thiếu phần cuối tệp): có thể chép từ USB chưa xong. Hãy chép lại tệp gốc.`))
    return out
  }
  let wb: XLSX.WorkBook
  try {
    // Only the manifest and the machine sheets: the human ones are for people and never trusted.
    const sheets = [MANIFEST_SHEET, ...MACHINE_TABLES.map((s) => s.sheet)]
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, sheets, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false })
  } catch {
    out.problems.push(problem('TRUNCATED', `${name} bị hỏng, không đọc được như một tệp Excel. Hãy chép lại tệp gốc.`))
    return out
  }
  const manifestSheet = wb.Sheets[MANIFEST_SHEET]
  if (!manifestSheet) {
    out.problems.push(problem('NOT_A_PACKAGE', `${name} là tệp Excel nhưng không phải gói dữ liệu Sổ HTX (không có trang «${MANIFEST_SHEET}»).`))
    return out
  }
  const manifest: Manifest = {}
  for (const row of (manifestSheet['!data'] ?? []).slice(1)) {
    const k = cellValue(row?.[0])
    const v = cellValue(row?.[1])
    if (typeof k === 'string' && k !== '') manifest[k] = v === null ? '' : String(v)
  }
  out.manifest = manifest
  if (manifest.format !== FORMAT) {
    out.problems.push(problem('NOT_A_PACKAGE', `${name} không phải gói dữ liệu Sổ HTX (trang «${MANIFEST_SHEET}» không ghi định dạng ${FORMAT}).`, { sheet: MANIFEST_SHEET }))
    return out
  }
  const version = Number(manifest.formatVersion)
  if (!Number.isInteger(version) || version < 1 || version > FORMAT_VERSION) {
    out.problems.push(
      problem('FORMAT_VERSION', `${name} dùng định dạng gói phiên bản ${manifest.formatVersion || '(trống)'}; phần mềm này đọc được đến phiên bản ${FORMAT_VERSION}. Hãy cập nhật phần mềm.`, { sheet: MANIFEST_SHEET })
    )
    return out
  }

  const hash = new ContentHash()
  const tables: TableData[] = []
  for (const spec of MACHINE_TABLES) {
    const ws = wb.Sheets[spec.sheet]
    if (!ws) {
      out.problems.push(problem('TRUNCATED', `${name} thiếu trang dữ liệu «${spec.sheet}».`, { sheet: spec.sheet }))
      return out
    }
    const data = (ws['!data'] ?? []) as Cell[][]
    const header = data[0] ?? []
    const columns = header.map((c) => parseHeaderCell(cellValue(c)))
    if (columns.length === 0 || columns.some((c) => c === null)) {
      out.problems.push(problem('EDITED', `Trang «${spec.sheet}»: dòng tiêu đề cột đã bị sửa.`, { sheet: spec.sheet, row: 1 }))
      return out
    }
    const cols = columns as NonNullable<(typeof columns)[number]>[]
    hash.table(spec.table, cols)
    const rows: Value[][] = []
    // Trailing empty rows are what a spreadsheet may leave; empty rows inside are edits.
    let last = data.length - 1
    while (last > 0 && (data[last] ?? []).every((c) => cellValue(c) === null)) last--
    for (let r = 1; r <= last; r++) {
      const src = data[r] ?? []
      const values = cols.map((c, i) => normalise(cellValue(src[i]), c.type))
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
    out.problems.push(problem('EDITED', `Dữ liệu máy của ${name} không khớp mã băm đã ký: tệp đã bị sửa sau khi xuất (sửa ô, thêm, xóa hoặc đổi thứ tự dòng).`))
  }
  if (!manifest.signature) {
    out.signature = 'unsigned'
    out.problems.push(problem('UNSIGNED', `${name} không có chữ ký của đơn vị gửi.`, { sheet: MANIFEST_SHEET }))
  } else if (!manifest.publicKey || !verifyText(manifest.publicKey, signedText(manifest), manifest.signature)) {
    out.signature = 'invalid'
    out.problems.push(problem('SIGNATURE_INVALID', `Chữ ký của ${name} không hợp lệ: phần kê khai (đơn vị, thời điểm, số dòng, mã băm) đã bị sửa sau khi ký.`, { sheet: MANIFEST_SHEET }))
  } else {
    out.signature = 'valid'
    if (manifest.keyFingerprint !== fingerprint(manifest.publicKey)) {
      // The stated fingerprint is only a label for people: recompute it rather than trust it.
      manifest.keyFingerprint = fingerprint(manifest.publicKey)
    }
  }
  return out
}

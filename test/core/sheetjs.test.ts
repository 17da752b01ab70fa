import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { XLSX } from '../../src/main/core/sheetjs'

/** Name, compressed bytes and unpacked content of every deflated entry of a zip, from its central directory. */
function zipEntries(zip: Buffer): Array<{ name: string; packed: number; content: Buffer }> {
  let eocd = zip.length - 22
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--
  const out: Array<{ name: string; packed: number; content: Buffer }> = []
  let at = zip.readUInt32LE(eocd + 16)
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10)
    const packed = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    const local = zip.readUInt32LE(at + 42)
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    if (method === 8) out.push({ name, packed, content: inflateRawSync(zip.subarray(data, data + packed)) })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return out
}

describe("the core's SheetJS", () => {
  const rows = Array.from({ length: 2000 }, (_, i) => [i + 1, `HTX dịch vụ nông nghiệp số ${i + 1}`, 2_700_000_000 + i, 'Xã Hoàng Đồng'])
  const workbook = () => {
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'HTX')
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
  }

  it("compresses with Node's zlib: every entry is exactly what zlib makes of it", () => {
    const entries = zipEntries(workbook())
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml')
    for (const e of entries) expect(e.packed, e.name).toBe(deflateRawSync(e.content).length)
  })

  it('reads back what it wrote', () => {
    const wb = XLSX.read(workbook(), { type: 'buffer', dense: true })
    expect(XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.HTX!, { header: 1, raw: true })).toEqual(rows)
  })

  it("says nothing on stderr in a fresh process: no Node deprecation warning from SheetJS's use of zlib", () => {
    // Node prints a deprecation once per process, so this is looked at in a process of its own.
    const script = `const { XLSX } = require(${JSON.stringify(resolve(__dirname, '../../src/main/core/sheetjs.ts'))})
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Tên HTX'], ['HTX An Bình']]), 'HTX')
      const back = XLSX.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }), { type: 'buffer' })
      process.stdout.write(back.Sheets.HTX.A2.v)`
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' })
    expect(run.stdout).toBe('HTX An Bình')
    expect(run.stderr).toBe('')
  })
})

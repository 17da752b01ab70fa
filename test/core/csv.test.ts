import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { defuseFormula, toCsv } from '../../src/main/core/text/csv'

describe('the CSV writer', () => {
  it('writes a BOM, CRLF, quotes separators and quotes, and keeps numbers as numbers', () => {
    const csv = toCsv([
      ['Tên', 'Vốn'],
      ['HTX "Hoa Mai", Cao Lộc', 1500000000],
      [null, 1.5]
    ])
    expect(csv).toBe('\uFEFFTên,Vốn\r\n"HTX ""Hoa Mai"", Cao Lộc",1500000000\r\n,1.5\r\n')
  })

  it('stores text NFC', () => {
    expect(toCsv([['Hợp tác xã'.normalize('NFD')]])).toBe('\uFEFFHợp tác xã\r\n')
  })

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) {
      expect(defuseFormula(evil).startsWith("'")).toBe(true)
    }
    expect(defuseFormula('HTX An Bình')).toBe('HTX An Bình')
    // Read back as a spreadsheet program would: text, never a formula.
    const wb = XLSX.read(toCsv([['=1+1', -5]]).slice(1), { type: 'string' })
    const ws = wb.Sheets[wb.SheetNames[0]!]!
    expect(ws['A1']).toMatchObject({ t: 's', v: "'=1+1" })
    expect(ws['A1'].f).toBeUndefined()
    expect(ws['B1']).toMatchObject({ t: 'n', v: -5 })
  })
})

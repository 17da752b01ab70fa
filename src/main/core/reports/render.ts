/**
 * One ReportTable in three files: the official workbook, the printable page and CSV.
 *
 * The workbook (SheetJS community edition, which writes no fonts or borders): the
 * header block (issuing body and national motto, place and date, annex, title,
 * "(Kèm theo Báo cáo số …)", the unit and date covered), two header rows with merged
 * cells, column widths, number formats `#,##0` / `#,##0.0`, a notes row and the
 * signature block. `#,##0` is Excel's locale-aware format: on a Vietnamese Windows it
 * shows 1.234.567 and 49,30, as the office expects; we chose it over a literal dot
 * format, which would print wrong on any other locale and break sums typed by hand.
 * Freezing the header is not written by SheetJS, so the sheet XML gets its <pane>
 * added afterwards (a standard OOXML element LibreOffice and Excel both read).
 */
import { XLSX } from '../sheetjs'
import type { ReportColumn, ReportRow, ReportTable } from '../../../shared/contract/reports'
import { formatDate, formatNumber } from '../../../shared/text'
import { toCsv } from '../text/csv'
import { adminPageHtml, escapeHtml, placeAndDate } from '../text/document'

/** "(Kèm theo Báo cáo số 12/BC-TCKH)" or blanks to fill by hand. */
export function attachedTo(t: ReportTable): string {
  return t.reportNo ? `(Kèm theo Báo cáo số ${t.reportNo})` : '(Kèm theo Báo cáo số ……/BC-…… ngày …… tháng …… năm ……)'
}

export function coverage(t: ReportTable): string {
  return `Đơn vị: ${t.scopeName} — số liệu tính đến ngày ${formatDate(t.asOf)}`
}

/** Two header rows: a group label spans its neighbours; a column without a group spans both rows. */
function headerRows(columns: ReportColumn[]): { rows: string[][]; merges: Array<[number, number, number, number]> } {
  const top: string[] = []
  const bottom: string[] = []
  const merges: Array<[number, number, number, number]> = []
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!
    if (!col.group) {
      top.push(col.label)
      bottom.push('')
      merges.push([0, c, 1, c])
      continue
    }
    let end = c
    while (end + 1 < columns.length && columns[end + 1]!.group === col.group) end++
    for (let k = c; k <= end; k++) {
      top.push(k === c ? col.group : '')
      bottom.push(columns[k]!.label)
    }
    if (end > c) merges.push([0, c, 0, end])
    c = end
  }
  return { rows: [top, bottom], merges }
}

function decimalsOf(col: ReportColumn, row: ReportRow): number {
  return col.decimals ?? row.decimals ?? 0
}

function numberFormat(decimals: number): string {
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0'
}

export function toXlsx(t: ReportTable): Buffer {
  const n = t.columns.length
  const last = n - 1
  const half = Math.max(2, Math.floor(n / 2))
  const head = headerRows(t.columns)
  const blank = () => Array<string>(n).fill('')
  const line = (left: string, right: string) => {
    const r = blank()
    r[0] = left
    r[half] = right
    return r
  }
  const aoa: Array<Array<string | number | null>> = [
    line(t.issuer.parent ?? '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
    line(t.issuer.body, 'Độc lập - Tự do - Hạnh phúc'),
    line('', placeAndDate(t.place, null)),
    [t.annex ?? '', ...blank().slice(1)],
    [t.title, ...blank().slice(1)],
    [attachedTo(t), ...blank().slice(1)],
    [coverage(t), ...blank().slice(1)],
    blank()
  ]
  const headerStart = aoa.length
  aoa.push(...head.rows)
  const dataStart = aoa.length
  for (const r of t.rows) aoa.push(r.cells)
  const afterData = aoa.length
  aoa.push(blank())
  for (const note of t.notes) aoa.push([`Ghi chú: ${note}`, ...blank().slice(1)])
  const signAt = aoa.length + 1
  aoa.push(blank(), line('NGƯỜI LẬP BIỂU', t.signTitle), line('(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên, đóng dấu)'))

  const ws = XLSX.utils.aoa_to_sheet(aoa)
  const merges: XLSX.Range[] = []
  const merge = (r1: number, c1: number, r2: number, c2: number) => {
    if (c2 > c1 || r2 > r1) merges.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } })
  }
  for (let r = 0; r < 3; r++) {
    merge(r, 0, r, half - 1)
    merge(r, half, r, last)
  }
  for (let r = 3; r < 7; r++) merge(r, 0, r, last)
  for (const [r1, c1, r2, c2] of head.merges) merge(headerStart + r1, c1, headerStart + r2, c2)
  for (let k = 0; k < t.notes.length; k++) merge(afterData + 1 + k, 0, afterData + 1 + k, last)
  for (let r = signAt; r < signAt + 2; r++) {
    merge(r, 0, r, half - 1)
    merge(r, half, r, last)
  }
  ws['!merges'] = merges
  ws['!cols'] = t.columns.map((c) => ({ wch: c.width }))
  // Number formats, cell by cell: a row's own precision (an indicator's) unless the column fixes one.
  t.columns.forEach((col, c) => {
    if (col.type !== 'number') return
    t.rows.forEach((row, i) => {
      const cell = ws[XLSX.utils.encode_cell({ r: dataStart + i, c })]
      if (cell && cell.t === 'n') cell.z = numberFormat(decimalsOf(col, row))
    })
  })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, (t.annex ?? 'Báo cáo').slice(0, 31))
  // Written stored (uncompressed), patched, then compressed once by CFB: cheaper than
  // letting SheetJS compress and then unpacking again for the pane.
  const stored = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer
  return freezeRows(stored, dataStart)
}

/** Adds a frozen pane above row `rows` + 1 of the first sheet, and compresses the package. */
function freezeRows(xlsx: Buffer, rows: number): Buffer {
  const zip = XLSX.CFB.read(xlsx, { type: 'buffer' })
  const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')
  if (entry) {
    const xml = Buffer.from(entry.content).toString('utf8')
    const pane = `<sheetView workbookViewId="0"><pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
    entry.content = Buffer.from(xml.replace(/<sheetView workbookViewId="0"\s*\/>/, pane), 'utf8')
  }
  return Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip', compression: true }) as Uint8Array)
}

function cellText(col: ReportColumn, row: ReportRow, v: string | number | null): string {
  if (v === null || v === undefined) return ''
  return typeof v === 'number' ? formatNumber(v, decimalsOf(col, row)) : v
}

const TABLE_CSS = `<style>.report td.n{text-align:right;white-space:nowrap}.report th{background:#f2f2f2;text-align:center;vertical-align:middle}
.report tr.section td,.report tr.total td{font-weight:bold}.report tr.indent1 td:nth-child(2){padding-left:1.2em}.report tr.indent2 td:nth-child(2){padding-left:2.4em;font-style:italic}
.report{font-size:12pt}.meta{text-align:center;font-style:italic;margin:0}.notes{font-size:12pt;font-style:italic}
@media print{@page{size:A4 landscape;margin:1.5cm 1.5cm 1.5cm 2cm}}</style>`

export function toHtml(t: ReportTable): string {
  const topCells: string[] = []
  for (let c = 0; c < t.columns.length; c++) {
    const col = t.columns[c]!
    if (!col.group) {
      topCells.push(`<th rowspan="2">${escapeHtml(col.label)}</th>`)
      continue
    }
    let span = 1
    while (c + span < t.columns.length && t.columns[c + span]!.group === col.group) span++
    topCells.push(`<th colspan="${span}">${escapeHtml(col.group)}</th>`)
    c += span - 1
  }
  const bottomCells = t.columns.filter((c) => c.group).map((c) => `<th>${escapeHtml(c.label)}</th>`)
  const body = t.rows
    .map(
      (r) =>
        `<tr${r.style ? ` class="${r.style}"` : ''}>${r.cells
          .map((v, c) => `<td${t.columns[c]!.type === 'number' ? ' class="n"' : ''}>${escapeHtml(cellText(t.columns[c]!, r, v))}</td>`)
          .join('')}</tr>`
    )
    .join('\n')
  const table = `<table class="report"><thead><tr>${topCells.join('')}</tr>${bottomCells.length ? `<tr>${bottomCells.join('')}</tr>` : ''}</thead><tbody>${body}</tbody></table>`
  const notes = t.notes.map((n) => `<p class="notes flat">Ghi chú: ${escapeHtml(n)}</p>`).join('')
  return adminPageHtml({
    issuer: t.issuer,
    place: t.place,
    date: null,
    title: [t.annex, t.title].filter(Boolean).join(': '),
    subtitle: attachedTo(t),
    bodyHtml: `${TABLE_CSS}<p class="meta">${escapeHtml(coverage(t))}</p>${table}${notes}`,
    recipients: [],
    sign: { title: t.signTitle }
  })
}

/** CSV through the one writer (BOM, CRLF, formula defusing); numbers written as the office reads them (1.234.567; 49,30). */
export function toCsvText(t: ReportTable): string {
  const header = t.columns.map((c) => (c.group ? `${c.group} - ${c.label}` : c.label))
  return toCsv([header, ...t.rows.map((r) => r.cells.map((v, c) => cellText(t.columns[c]!, r, v)))])
}

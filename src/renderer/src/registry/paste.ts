/**
 * Excel's clipboard text → the input of entity.paste. Excel writes rows on CRLF,
 * cells on tabs, and quotes a cell that holds a tab, a newline or a quote
 * ("" inside for a quote). A trailing line break is not an extra row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (ch === '"') {
        quoted = false
        i++
        continue
      }
      cell += ch
      i++
      continue
    }
    if (ch === '"' && cell === '') {
      quoted = true
      i++
    } else if (ch === '\t') {
      row.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows.map((r) => r.map((c) => c.normalize('NFC')))
}

/**
 * The block placed at a focused cell: the target row ids (from the grid's
 * displayed order) and field names (from its displayed columns). A block that
 * runs past the last row or column is refused with a Vietnamese message.
 */
export function pasteInput(
  text: string,
  displayedRowIds: number[],
  displayedFields: string[],
  start: { rowIndex: number; field: string }
): { rowIds: number[]; fields: string[]; cells: string[][] } {
  const cells = parseClipboard(text)
  if (cells.length === 0) throw new Error('Bộ nhớ tạm không có gì để dán.')
  const width = Math.max(...cells.map((r) => r.length))
  const col = displayedFields.indexOf(start.field)
  if (col < 0) throw new Error('Hãy chọn một ô trong bảng trước khi dán.')
  if (start.rowIndex + cells.length > displayedRowIds.length) {
    throw new Error(`Khối dán có ${cells.length} dòng, vượt quá số dòng còn lại trong bảng (${displayedRowIds.length - start.rowIndex}).`)
  }
  if (col + width > displayedFields.length) {
    throw new Error(`Khối dán có ${width} cột, vượt quá số cột còn lại bên phải (${displayedFields.length - col}).`)
  }
  return {
    rowIds: displayedRowIds.slice(start.rowIndex, start.rowIndex + cells.length),
    fields: displayedFields.slice(col, col + width),
    cells: cells.map((r) => [...r, ...Array<string>(width - r.length).fill('')])
  }
}

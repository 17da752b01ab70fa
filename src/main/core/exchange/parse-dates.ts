/**
 * A table's date columns: their day/month order decided once per column from
 * the cells that prove it, and each date cell read in that order.
 */
import { parseSheetDate, type Cell } from '../text/values'
import type { TableContext } from './parse-context'

export const DATE_FIELDS = ['registrationDate', 'dissolutionDate'] as const

/** One cell that proves day-first (a first number over 12) or month-first (a second over 12) decides the column. */
export function decideDateOrder(rows: Cell[][], from: number, ctx: TableContext, rowNo: (r: number) => number): void {
  for (const f of DATE_FIELDS) {
    const col = ctx.byField.get(f)
    if (!col) continue
    let day: { row: number; text: string } | null = null
    let month: { row: number; text: string } | null = null
    for (let r = from; r < rows.length; r++) {
      const v = rows[r]?.[col.index]
      if (typeof v !== 'string') continue
      const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(v)
      if (!m) continue
      const a = Number(m[1])
      const b = Number(m[2])
      if (a > 12 && b <= 12) day ??= { row: rowNo(r), text: v }
      else if (b > 12 && a <= 12) month ??= { row: rowNo(r), text: v }
      if (day && month) break
    }
    if (day && month) {
      ctx.table.issues.push({
        row: ctx.table.headerRow,
        column: col.letter,
        severity: 'error',
        code: 'DATE_ORDER_MIXED',
        message: `Cột ${col.letter} «${col.header}»: có ô chỉ đọc được theo ngày/tháng (dòng ${day.row}: «${day.text}») và có ô chỉ đọc được theo tháng/ngày (dòng ${month.row}: «${month.text}»). Hãy sửa cột ngày về một thứ tự ngày/tháng/năm rồi nhập lại.`
      })
    } else if (month) {
      ctx.dateOrder.set(f, 'mdy')
      ctx.table.issues.push({
        row: ctx.table.headerRow,
        column: col.letter,
        severity: 'warning',
        code: 'DATE_MONTH_FIRST',
        message: `Cột ${col.letter} «${col.header}»: ngày ghi theo tháng/ngày/năm (dòng ${month.row}: «${month.text}»), cả cột được đọc theo thứ tự đó.`
      })
    }
  }
}

/** A date cell of a column whose order is known; a year alone is the first of January, said. */
export function readDate(
  raw: Cell,
  order: 'dmy' | 'mdy' | undefined
): { iso: string | null; yearOnly?: boolean; twoDigit?: boolean; how?: string } | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1900 && raw <= 2100) return { iso: `${raw}-01-01`, yearOnly: true }
  if (typeof raw === 'string') {
    const s = raw.trim()
    const y = /^(?:năm\s*)?(\d{4})$/iu.exec(s)
    if (y && Number(y[1]) >= 1900 && Number(y[1]) <= 2100) return { iso: `${y[1]}-01-01`, yearOnly: true }
    if (/^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$/.test(s)) return { iso: null, twoDigit: true }
    if (order === 'mdy') {
      const m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s)
      if (m) {
        const d = parseSheetDate(`${m[3]}/${m[1]}/${m[4]}`)
        return d === undefined ? undefined : { iso: d, how: 'cột ghi tháng/ngày/năm, đọc theo thứ tự đó' }
      }
    }
    // A date typed as text the register shows otherwise: an Excel day count, or yyyy-mm-dd.
    const d = parseSheetDate(raw)
    if (d === undefined) return undefined
    if (d && /^\d{5}$/.test(s)) return { iso: d, how: 'số ngày kiểu Excel' }
    if (d && /^\d{4}\s*-/.test(s)) return { iso: d, how: 'ghi năm-tháng-ngày' }
    return { iso: d }
  }
  const d = parseSheetDate(raw)
  return d === undefined ? undefined : { iso: d }
}

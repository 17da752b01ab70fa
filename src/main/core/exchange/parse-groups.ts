/**
 * The rows around the records: group rows (a commune, sector, status or kind
 * for the rows beneath, with a count to check), and sub-total and total rows,
 * checked against the running sums of the record rows they add up.
 */
import type { ImportColumn, ImportIssue, ImportRow } from '../../../shared/api'
import type { ManagementLabel } from '../../../shared/domain'
import { fold, formatNumber } from '../../../shared/text'
import { countInWords, moneyInWords, parseViNumber, type Cell } from '../text/values'
import { matchKind, matchSector, sectorByMeaning, statusByMeaning } from './headers'
import { copySums, emptySums, issue, SUM_FIELDS, type Sums, type TableContext } from './parse-context'

/** "Cộng", "Cộng I", "Cộng xã Mai Pha", "Tổng số", "Tổng cộng toàn huyện": a sub-total or total row (folded). */
export const TOTAL_ROW =
  /^(tong cong|tong so|tong|cong)(?: (?:([ivxlc]+|[a-z]|\d{1,3})|(?:toan|xa|phuong|thi tran|linh vuc|nhom|khoi|nganh|huyen|tinh|cac|so|chung|muc|phan|loai) .*|chung|cong))?$/
/** A group row's numbering mark: I, II, A, a, 1, with a stop or bracket. */
export const MARK = /^\s*([IVXLC]+|[A-Za-z]|\d{1,3})\s*[.):\-/]?\s*$/
export const LEADING_MARK = /^\s*([IVXLC]+|[A-Za-z]|\d{1,3})\s*[.):\-/]\s+(?=\S)/
/** "(5 HTX)", "(12 đơn vị)", "5 HTX": the number of records under a group row. */
export const GROUP_COUNT = /\(?\s*(\d{1,4})\s*(htx|tht|lhhtx|hop tac xa|to hop tac|don vi|co so|qtdnd)\s*\)?\s*$/

function markLevel(mark: string | null): number {
  if (!mark) return 1
  if (/^[IVXLC]+$/.test(mark) || /^[A-Z]$/.test(mark)) return 1
  if (/^\d+$/.test(mark)) return 2
  return 3
}

/** What a group row's label names: a commune, a sector, a status, a kind — or nothing known. */
export function classifyGroup(
  label: string,
  strong: boolean
): { kind: NonNullable<ImportRow['group']>['kind']; value: string | null; label?: ManagementLabel | null } | null {
  const f = fold(label).replace(GROUP_COUNT, '').trim()
  // The commune named: "Xã Yên Khoái", "Địa bàn thị trấn Yên Thịnh", "Các HTX xã Mai Pha".
  const commune = /(?:^|\s)(xa|phuong|thi tran)\s+(\S.*)$/.exec(f)
  if (commune && !/\b(htx|hop tac xa)\s*$/.test(f.slice(0, commune.index + 1))) {
    // «Các xã khác», «Các xã còn lại»: a commune group that names none; the rows beneath take their column or address.
    if (/^(khac|con lai|tren dia ban|trong huyen|ngoai huyen)\b/.test(commune[2]!)) return { kind: 'commune', value: null }
    const at = label.normalize('NFC').search(/(?:^|\s)(xã|phường|thị trấn)\s+\S/i)
    const text =
      at >= 0
        ? label
            .slice(at)
            .trim()
            .replace(/\s*\(.*$/, '')
        : label
    return { kind: 'commune', value: text.charAt(0).toUpperCase() + text.slice(1) }
  }
  const bare = f
    .replace(/^(danh sach|cac|nhom|khoi|so)\s+/, '')
    .replace(/^(danh sach|cac|nhom|khoi|so)\s+/, '')
    .trim()
  const kind = matchKind(bare)
  if (kind && /^(htx|tht|lhhtx|hop tac xa|to hop tac|lien hiep hop tac xa|lien hiep htx|quy tin dung nhan dan)$/.test(bare)) {
    return { kind: 'kind', value: kind }
  }
  const sectorWords =
    /^(?:(?:htx|hop tac xa|tht|to hop tac)\s+)?(?:hoat dong\s+)?(?:trong\s+|thuoc\s+)?(?:linh vuc|nganh nghe|nganh|khoi)\s+(.*)$/.exec(bare)
  if (sectorWords) {
    const s = sectorByMeaning(sectorWords[1])
    return { kind: 'sector', value: s?.code ?? null }
  }
  const rest = bare.replace(/^(htx|hop tac xa|tht|to hop tac|lhhtx)\s+/, '').trim()
  if (rest.split(' ').length <= 8) {
    const st = statusByMeaning(rest)
    if (st && (strong || /^(htx|hop tac xa|tht|to hop tac|cac|tinh trang)/.test(f) || rest === f))
      return { kind: 'status', value: st.code, label: st.label }
  }
  const exact = matchSector(rest)
  if (exact && (strong || rest !== f || SECTOR_EXACT.test(rest))) return { kind: 'sector', value: exact }
  if (strong) {
    const s = sectorByMeaning(rest)
    if (s) return { kind: 'sector', value: s.code }
  }
  return null
}
/** A label that is a sector's whole name, nothing else: "Nông nghiệp", "Thương mại - dịch vụ". */
const SECTOR_EXACT =
  /^(nong nghiep|lam nghiep|thuy san|cong nghiep|tieu thu cong nghiep|xay dung|thuong mai|dich vu|van tai|du lich|moi truong|tin dung|nha o|nong lam nghiep|nong lam ngu nghiep|thuong mai dich vu|cong nghiep tieu thu cong nghiep|giao thong van tai)$/

/** A group row: never a record; what it names applies to the rows beneath until the next group of its level or above. */
export function groupRow(
  ctx: TableContext,
  row: number,
  mark: string | null,
  label: string,
  cls: { kind: NonNullable<ImportRow['group']>['kind']; value: string | null; label?: ManagementLabel | null },
  counted: number | null
): ImportRow {
  closeGroupCount(ctx, row)
  const level = markLevel(mark)
  ctx.groups = ctx.groups.filter((g) => g.level < level && g.kind !== cls.kind)
  if (cls.kind !== 'other') ctx.groups.push({ kind: cls.kind, value: cls.value, label: cls.label ?? null, row, level, caption: label })
  if (cls.kind === 'commune') ctx.commune = cls.value
  else if (!ctx.groups.some((g) => g.kind === 'commune')) ctx.commune = null
  ctx.marks.push({ mark, label: fold(label), row, sums: copySums(ctx.sums) })
  if (counted !== null) ctx.pendingCount = { row, label, counted, n: ctx.sums.n, level }
  const issues: ImportIssue[] = []
  if (cls.kind === 'other')
    issues.push(
      issue(
        row,
        null,
        'GROUP_UNKNOWN',
        `Dòng nhóm «${label}»: không rõ là xã, lĩnh vực, loại hình hay tình trạng nên không áp dụng cho các dòng dưới; không nhập như một bản ghi.`,
        'warning'
      )
    )
  else if (cls.value === null && cls.kind === 'commune')
    issues.push(
      issue(
        row,
        null,
        'GROUP_VALUE_UNKNOWN',
        `Dòng nhóm «${label}»: không nêu tên xã; xã của các dòng dưới lấy từ cột xã hoặc từ địa chỉ.`,
        'warning'
      )
    )
  else if (cls.value === null)
    issues.push(
      issue(row, null, 'GROUP_VALUE_UNKNOWN', `Dòng nhóm «${label}»: không nhận ra lĩnh vực; các dòng dưới để trống lĩnh vực.`, 'warning')
    )
  return {
    row,
    state: 'skipped',
    reason: cls.kind === 'commune' ? 'section' : 'group',
    group: { kind: cls.kind, label, value: cls.value },
    issues
  }
}

/** A group row said "(N HTX)": the records under it are counted when the next group starts or the table ends. */
export function closeGroupCount(ctx: TableContext, row: number): void {
  const p = ctx.pendingCount
  if (!p) return
  ctx.pendingCount = null
  const n = ctx.sums.n - p.n
  if (n !== p.counted)
    ctx.table.issues.push(
      issue(
        p.row,
        null,
        'GROUP_COUNT_MISMATCH',
        `Dòng nhóm «${p.label}» ghi ${p.counted} đơn vị nhưng bên dưới (đến dòng ${row - 1}) có ${n} dòng bản ghi.`,
        'warning'
      )
    )
}

export function addSums(raw: Cell[], ctx: TableContext): void {
  const s = ctx.sums
  s.n++
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    const c = ctx.byField.get(SUM_FIELDS[i])
    if (!c) continue
    const n = columnNumber(raw[c.index], SUM_FIELDS[i], c)
    if (n !== null && !Number.isNaN(n)) s.v[i] += n
  }
}

/** A number cell of a summed column in the column's own unit: «1,2 tỷ» in a (triệu đồng) column is 1.200, «12 người» 12. */
function columnNumber(v: Cell, field: (typeof SUM_FIELDS)[number], c: ImportColumn): number | null {
  if (typeof v === 'number') return v
  if (v === null || v === undefined || v === '') return null
  if (typeof v !== 'string') return parseViNumber(v)
  if (field === 'charterCapital') {
    const w = moneyInWords(v)
    if (w !== null) return Number.isNaN(w.dong) ? NaN : w.dong / (c.unit ?? 1_000_000)
  } else {
    const w = countInWords(v)
    if (w !== null) return w
  }
  return parseViNumber(v)
}

/** A number as the file wrote it, its decimals kept (12.920,5 — not rounded to 12.921). */
function exact(n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(3, String(n).split('.')[1]?.length ?? 0)
  return formatNumber(n, decimals)
}

/** A sub-total or total row: skipped, and its figures checked against the record rows it sums. */
export function totalRow(raw: Cell[], ctx: TableContext, row: number, text: string, f: string, m: RegExpExecArray): ImportRow {
  const grand = m[1] !== 'cong'
  let from: { row: number; sums: Sums } | null = null
  if (!grand) {
    const rest = f.slice(m[1].length).trim()
    const mark = m[2]
    if (mark) from = [...ctx.marks].reverse().find((g) => g.mark !== null && fold(g.mark) === mark) ?? null
    else if (rest)
      from =
        [...ctx.marks].reverse().find((g) => g.label.startsWith(rest) || g.label.endsWith(rest.replace(/^(xa|phuong|thi tran) /, ''))) ??
        null
    if (!from) {
      const lastGroup = ctx.marks[ctx.marks.length - 1] ?? null
      const lastTotal = ctx.lastPlainTotal
      from = lastGroup && (!lastTotal || lastGroup.row > lastTotal.row) ? lastGroup : lastTotal
    }
  }
  // A bare «Cộng» after its last group may be that group's sub-total or the whole table's total:
  // whichever it matches is right; when it matches neither it is checked as the whole table's.
  const plain = !grand && !m[2] && !f.slice(m[1].length).trim()
  const agrees = (b: Sums) =>
    SUM_FIELDS.every((field, i) => {
      const c = ctx.byField.get(field)
      const written = c ? columnNumber(raw[c.index], field, c) : null
      return (
        written === null || Number.isNaN(written) || Math.abs(ctx.sums.v[i] - b.v[i] - written) <= 1e-6 * Math.max(1, Math.abs(written))
      )
    })
  if (plain && from && ctx.marks.length > 1 && !agrees(from.sums) && !ctx.lastPlainTotal) from = null
  const base = from?.sums ?? emptySums()
  const issues: ImportIssue[] = []
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    const c = ctx.byField.get(SUM_FIELDS[i])
    if (!c) continue
    const written = columnNumber(raw[c.index], SUM_FIELDS[i], c)
    if (written === null || Number.isNaN(written)) continue
    const sum = ctx.sums.v[i] - base.v[i]
    if (Math.abs(sum - written) > 1e-6 * Math.max(1, Math.abs(written))) {
      const first = from ? from.row + 1 : ctx.table.headerRow + 1
      issues.push(
        issue(
          row,
          c,
          'TOTAL_MISMATCH',
          `dòng «${text}» ghi ${exact(written)}, cộng ${formatNumber(ctx.sums.n - base.n)} dòng bản ghi ở trên (dòng ${first}–${row - 1}) được ${exact(Math.round(sum * 1000) / 1000)}.`,
          'warning'
        )
      )
    }
  }
  if (!grand) ctx.lastPlainTotal = { row, sums: copySums(ctx.sums) }
  return { row, state: 'skipped', reason: 'totals', issues }
}

/**
 * One data row read into a record: its text, dates, money and counts converted
 * and checked, its codes by meaning or by hand, and what the group rows above
 * it give when its own cells do not say.
 */
import type { ImportField, ImportIssue, ImportRecord, ImportRow, ValueField } from '../../../shared/api'
import { KIND_LABELS, KIND_SHORT, SECTOR_LABELS, STATUS_LABELS, type EntityKind, type Sector, type Status } from '../../../shared/domain'
import { fold, formatNumber } from '../../../shared/text'
import { cellText, countInWords, moneyInWords, parseViNumber, type Cell } from '../text/values'
import { kindFromName, matchKind, MONEY_FIELDS, sectorByMeaning, statusByMeaning, STATUS_MEANINGS } from './headers'
import { issue, type TableContext } from './parse-context'
import { DATE_FIELDS, readDate } from './parse-dates'
import { textOf } from './parse-decode'

const TEXT_FIELDS: ImportField[] = ['name', 'regNo', 'address', 'commune', 'representative', 'phone', 'businessLines', 'notes']
const FIGURE_FIELDS = {
  members: 'members',
  workers: 'workers',
  managers: 'managers',
  managersElementary: 'managersElementary',
  managersCollege: 'managersCollege'
} as const
/** FIGURE_FIELDS as pairs once, not once a record. */
const FIGURE_ENTRIES = Object.entries(FIGURE_FIELDS) as Array<[ImportField, keyof ImportRecord['figures']]>

/** A capital column's unit by its worth in đồng, as the preview says it. */
const UNIT_NAMES: Record<number, string> = { 1: 'đồng', 1_000: 'nghìn đồng', 1_000_000: 'triệu đồng', 1_000_000_000: 'tỷ đồng' }

/** A field's text in a record's row; null when the table has no such column or the cell is empty. */
function fieldText(raw: Cell[], ctx: TableContext, f: ImportField): string | null {
  const c = ctx.byField.get(f)
  if (!c) return null
  const t = textOf(raw[c.index])
  return t === '' ? null : t
}

/** The longest text manual entry takes for each text field (shared/contract/registry.ts). */
const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  name: 300,
  address: 300,
  commune: 100,
  representative: 100,
  phone: 30,
  businessLines: 2000,
  notes: 4000
}
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** "Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn" → "Mai Pha": the commune's name in an address. */
export function communeInAddress(address: string): string | null {
  const m = /(?:^|[,;–-]\s*|\s)(?:xã|phường|thị trấn|x\.|p\.|tt\.?)\s*([^,;–\-()]+?)\s*(?=[,;–\-()]|$)/iu.exec(address.normalize('NFC'))
  if (!m) return null
  const name = m[1].trim()
  return name.length >= 2 && name.length <= 60 ? name : null
}

function noteValue(ctx: TableContext, field: ValueField, value: string, row: number): void {
  const key = `${field}\u0000${value}`
  let u = ctx.unknownValues.get(key)
  if (!u) ctx.unknownValues.set(key, (u = { field, value, count: 0, rows: [] }))
  u.count++
  if (u.rows.length < 50) u.rows.push(row)
}

function handMapped(ctx: TableContext, field: ValueField, text: string): { code: string; source: 'remembered' | 'manual' } | null {
  const m = ctx.values.get(field)
  return m ? (m.get(fold(text)) ?? null) : null
}

// No closures made per row here: 100,000 rows would make (and, under tsx, name) 200,000 of them.
export function readRecord(raw: Cell[], ctx: TableContext, row: number, merged: number[] | null): ImportRow {
  const issues: ImportIssue[] = []
  let origin: ImportRow['origin'] | undefined
  const name = fieldText(raw, ctx, 'name')
  const record: ImportRecord = { kind: 'htx', regNo: null, name: name ?? '', figures: {} }
  if (!name) issues.push(issue(row, ctx.byField.get('name') ?? null, 'NAME_MISSING', 'thiếu tên.'))
  else if (name.length < 3) issues.push(issue(row, ctx.byField.get('name')!, 'NAME_SHORT', 'tên phải có ít nhất 3 ký tự.'))
  for (const f of TEXT_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const value = f === 'name' ? name : fieldText(raw, ctx, f)
    if (f !== 'name') (record as unknown as Record<string, unknown>)[f] = value
    if (value === null) continue
    const limit = TEXT_LIMITS[f]
    if (limit !== undefined && value.length > limit)
      issues.push(
        issue(
          row,
          c,
          'TEXT_TOO_LONG',
          `dài ${formatNumber(value.length)} ký tự, quá giới hạn ${formatNumber(limit)} ký tự như khi nhập tay.`
        )
      )
    if (CONTROL.test(value))
      issues.push(
        issue(
          row,
          c,
          'CONTROL_CHARACTERS',
          'có ký tự điều khiển không nhìn thấy được (thường do dán từ chương trình khác): hãy xóa trong tệp rồi nhập lại.'
        )
      )
  }
  if (merged)
    for (const c of merged) {
      const col = ctx.table.columns.find((x) => x.index === c)
      if (col?.field) (origin ??= {})[col.field] = { from: 'merged' }
    }
  if (record.regNo) {
    const reg = record.regNo.replace(/\s+/g, '')
    if (!/^[0-9A-Za-z./-]{1,20}$/.test(reg))
      issues.push(
        issue(row, ctx.byField.get('regNo')!, 'REG_NO_INVALID', `mã số «${record.regNo}» chỉ được gồm chữ số (có thể có dấu -, /, .).`)
      )
    if (reg !== record.regNo) (origin ??= {}).regNo = { text: record.regNo, meaning: 'bỏ khoảng trắng' }
    record.regNo = reg
  }
  if (record.phone && !/^[0-9+(). -]{1,30}$/.test(record.phone)) {
    issues.push(issue(row, ctx.byField.get('phone')!, 'PHONE_INVALID', `số điện thoại «${record.phone}» không hợp lệ.`, 'warning'))
    record.phone = null
  }
  // The commune: its column, else the group row above, else the address's "xã …".
  if (!record.commune) {
    const group = ctx.commune ? ctx.groups.find((g) => g.kind === 'commune') : undefined
    if (ctx.commune) {
      record.commune = ctx.commune
      ;(origin ??= {}).commune = { from: 'group', ...(group ? { row: group.row, text: group.caption } : {}) }
    } else if (record.address) {
      const c = communeInAddress(record.address)
      if (c) {
        record.commune = c
        ;(origin ??= {}).commune = { from: 'address', text: record.address }
      }
    }
  }

  for (const f of DATE_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const d = readDate(raw[c.index], ctx.dateOrder.get(f))
    if (d === undefined)
      issues.push(
        issue(row, c, 'DATE_INVALID', `«${cellText(raw[c.index])}» không phải ngày hợp lệ (gõ ngày/tháng/năm, ví dụ 06/05/2024).`)
      )
    else if (d.twoDigit)
      issues.push(
        issue(
          row,
          c,
          'DATE_TWO_DIGIT_YEAR',
          `«${cellText(raw[c.index])}»: năm chỉ có hai chữ số, không biết là 19.. hay 20..; hãy gõ đủ bốn chữ số (ví dụ 03/04/2021).`
        )
      )
    else {
      record[f] = d.iso
      if (d.how && d.iso) (origin ??= {})[f] = { text: cellText(raw[c.index]), meaning: d.how }
      if (d.yearOnly) {
        ;(origin ??= {})[f] = { from: 'year-only', text: cellText(raw[c.index]) }
        issues.push(
          issue(
            row,
            c,
            'DATE_YEAR_ONLY',
            `«${cellText(raw[c.index])}» chỉ có năm: ghi là ngày 01/01/${d.iso!.slice(0, 4)} (chỉ có năm).`,
            'warning'
          )
        )
      }
    }
  }
  for (const f of MONEY_FIELDS) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const cell = raw[c.index]
    const unit = c.unit ?? 1_000_000
    // «1,2 tỷ», «850 triệu»: the cell's own unit words win over the column's.
    const words = typeof cell === 'string' ? moneyInWords(cell) : null
    const n = words ? words.dong : parseViNumber(cell)
    const set = (v: number | null) => (f === 'charterCapital' ? (record.charterCapital = v) : (record.figures[f] = v))
    if (n === null) set(null)
    else if (Number.isNaN(n) || n < 0)
      issues.push(
        issue(
          row,
          c,
          'NUMBER_INVALID',
          `«${cellText(cell)}» không phải số tiền hợp lệ${words ? ' (ghi số rồi đơn vị cho từng phần, ví dụ «1,2 tỷ», «850 triệu», «1 tỷ 200 triệu»)' : ''}.`
        )
      )
    else {
      set(Math.round(words ? n : n * unit))
      if (words) (origin ??= {})[f] = { text: cellText(cell), meaning: `đọc chữ «${words.words.join(', ')}» trong ô, ra đồng` }
      else if (unit !== 1)
        (origin ??= {})[f] = {
          text: cellText(cell),
          meaning: `cột tính bằng ${UNIT_NAMES[unit] ?? `${formatNumber(unit)} đồng`}`
        }
    }
  }
  for (const [f, key] of FIGURE_ENTRIES) {
    const c = ctx.byField.get(f)
    if (!c) continue
    const cell = raw[c.index]
    const counted = typeof cell === 'string' ? countInWords(cell) : null
    const n = counted ?? parseViNumber(cell)
    if (n === null) record.figures[key] = null
    else if (Number.isNaN(n) || n < 0 || !Number.isInteger(n))
      issues.push(issue(row, c, 'COUNT_INVALID', `«${cellText(cell)}» phải là số nguyên không âm.`))
    else {
      record.figures[key] = n
      if (counted !== null) (origin ??= {})[f] = { text: cellText(cell), meaning: 'bỏ chữ đơn vị sau số' }
    }
  }
  const statusText = fieldText(raw, ctx, 'status')
  if (statusText) {
    const hand = handMapped(ctx, 'status', statusText)
    const s = hand ? null : statusByMeaning(statusText)
    if (hand) {
      record.status = hand.code as Status
      ;(origin ??= {}).status = { text: statusText, meaning: hand.source === 'manual' ? 'ghép bằng tay' : 'đã ghép ở lần nhập trước' }
    } else if (s) {
      record.status = s.code
      if (s.label) record.label = s.label
      if (statusText !== STATUS_LABELS[s.code]) (origin ??= {}).status = { text: statusText, meaning: s.meaning }
    } else {
      noteValue(ctx, 'status', statusText, row)
      issues.push(
        issue(
          row,
          ctx.byField.get('status')!,
          'STATUS_UNKNOWN',
          `tình trạng «${statusText}» không hiểu được nghĩa nên dòng này không nhập. Các nghĩa nhận được: ${STATUS_MEANINGS.join('; ')}. Sửa trong tệp, hoặc ghép giá trị này với một tình trạng.`
        )
      )
    }
  }
  if (!record.status) {
    const g = ctx.groups.find((x) => x.kind === 'status' && x.value)
    if (g) {
      record.status = g.value as Status
      if (g.label) record.label = g.label
      ;(origin ??= {}).status = { from: 'group', row: g.row, text: g.caption }
    }
  }
  if (record.dissolutionDate && !record.status) {
    record.status = 'dissolved'
    const c = ctx.byField.get('dissolutionDate')
    ;(origin ??= {}).status = { text: c ? cellText(raw[c.index]) : '', meaning: 'có ngày giải thể nên là đã giải thể' }
  }
  const sectorText = fieldText(raw, ctx, 'sector')
  if (sectorText) {
    const hand = handMapped(ctx, 'sector', sectorText)
    const s = hand ? null : sectorByMeaning(sectorText)
    if (hand) {
      record.sector = hand.code as Sector
      ;(origin ??= {}).sector = { text: sectorText, meaning: 'ghép bằng tay' }
    } else if (s) {
      record.sector = s.code
      if (sectorText !== SECTOR_LABELS[s.code]) (origin ??= {}).sector = { text: sectorText, meaning: s.meaning }
      // Free text of the main business is kept as the business lines, not only folded into a code.
      if (!record.businessLines && !s.meaning.startsWith('cách viết') && sectorText.length > 12) record.businessLines = sectorText
    } else {
      record.sector = null
      noteValue(ctx, 'sector', sectorText, row)
      issues.push(
        issue(
          row,
          ctx.byField.get('sector')!,
          'SECTOR_UNKNOWN',
          `lĩnh vực «${sectorText}» không hiểu được nghĩa; để trống, ghi vào ghi chú (có thể ghép giá trị này với một lĩnh vực).`,
          'warning'
        )
      )
      record.notes = [record.notes, `Lĩnh vực (theo tệp nhập): ${sectorText}`].filter(Boolean).join('; ')
    }
  }
  if (!record.sector) {
    const g = ctx.groups.find((x) => x.kind === 'sector' && x.value)
    if (g) {
      record.sector = g.value as Sector
      ;(origin ??= {}).sector = { from: 'group', row: g.row, text: g.caption }
    } else if (record.businessLines && !sectorText) {
      const s = sectorByMeaning(record.businessLines)
      if (s) {
        record.sector = s.code
        ;(origin ??= {}).sector = { text: record.businessLines, meaning: `theo ngành nghề; ${s.meaning}` }
      }
    }
  }
  const kindText = fieldText(raw, ctx, 'kind')
  let kind: EntityKind | null = null
  if (kindText) {
    const hand = handMapped(ctx, 'kind', kindText)
    kind = hand ? (hand.code as EntityKind) : matchKind(kindText)
    if (!kind) {
      noteValue(ctx, 'kind', kindText, row)
      issues.push(
        issue(row, ctx.byField.get('kind')!, 'KIND_UNKNOWN', `loại hình «${kindText}» phải là HTX, Liên hiệp HTX hoặc Tổ hợp tác.`)
      )
    }
  }
  if (kind && kindText) {
    const hand = handMapped(ctx, 'kind', kindText)
    if (hand) (origin ??= {}).kind = { text: kindText, meaning: hand.source === 'manual' ? 'ghép bằng tay' : 'đã ghép ở lần nhập trước' }
    else if (kindText !== KIND_SHORT[kind]) (origin ??= {}).kind = { text: kindText, meaning: `nghĩa là ${KIND_LABELS[kind]}` }
  }
  if (!kind) {
    const g = ctx.groups.find((x) => x.kind === 'kind' && x.value)
    if (g) {
      kind = g.value as EntityKind
      ;(origin ??= {}).kind = { from: 'group', row: g.row, text: g.caption }
    }
  }
  // A union or group listed among cooperatives keeps the kind its name says.
  const byName = kindFromName(record.name)
  record.kind = kind ?? (ctx.table.kind === 'htx' && byName && byName !== 'htx' ? byName : ctx.table.kind) ?? byName ?? 'htx'
  if (!kind && ctx.table.kind === 'htx' && byName && byName !== 'htx')
    (origin ??= {}).kind = { text: record.name, meaning: `theo tên: ${KIND_LABELS[byName]} trong bảng HTX` }
  const hasError = issues.some((i) => i.severity === 'error')
  const out: ImportRow = { row, state: hasError ? 'error' : 'new', record, issues }
  if (origin) out.origin = origin
  return out
}

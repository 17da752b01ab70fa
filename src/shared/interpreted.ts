/**
 * What the import will write beside what the file said (issue 20 point 7): for each value read by
 * meaning — capital in đồng from «1,2 tỷ» or a «(triệu đồng)» column, a commune from a group row or
 * the address, a status or sector from everyday words, a date read month-first or from a year alone,
 * a kind, a number, a registration number with its spaces taken out — the value as it will be
 * shown in the register, the file's own text, and how it was read. One reading for every door: the
 * CLI's text and --json, the import screen, and the audit row the commit writes.
 */
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportOrigin,
  type ImportRecord,
  type ImportRow
} from './contract/exchange'
import { KIND_SHORT, MANAGEMENT_LABEL_TEXT, SECTOR_LABELS, STATUS_LABELS, type EntityKind, type Sector, type Status } from './domain'
import { formatDate, formatNumber } from './text'

export interface InterpretedValue {
  field: ImportField
  /** The field's Vietnamese name. */
  label: string
  /** The value that will be written, as the register shows it (1.200.000.000, 01/01/2015, Đang hoạt động). */
  value: string
  /** The file's own text (a cell, a group row's label, the address); empty when there is none to show. */
  original: string
  /** How it was read, in words: the meaning, the column's unit, the group row, the address. */
  how: string
}

/** A record's value of a field as the register shows it; null when the record has none. */
export function shownValue(record: ImportRecord, field: ImportField): string | null {
  switch (field) {
    case 'charterCapital':
      return record.charterCapital === null || record.charterCapital === undefined ? null : formatNumber(record.charterCapital)
    case 'members':
    case 'workers':
    case 'managers':
    case 'managersElementary':
    case 'managersCollege': {
      const n = record.figures[field]
      return n === null || n === undefined ? null : formatNumber(n)
    }
    case 'registrationDate':
    case 'dissolutionDate':
      return record[field] ? formatDate(record[field]) : null
    case 'status':
      return record.status
        ? STATUS_LABELS[record.status as Status] + (record.label ? ` (nhãn: ${MANAGEMENT_LABEL_TEXT[record.label]})` : '')
        : null
    case 'sector':
      return record.sector ? (SECTOR_LABELS[record.sector as Sector] ?? record.sector) : null
    case 'kind':
      return KIND_SHORT[record.kind as EntityKind] ?? record.kind
    case 'seq':
      return null
    default: {
      const v = (record as unknown as Record<string, unknown>)[field]
      return typeof v === 'string' && v !== '' ? v : null
    }
  }
}

/** How a value was read, in words, from its origin. */
function howOf(o: ImportOrigin): string {
  const parts: string[] = []
  if (o.from === 'group') parts.push(o.row ? `theo dòng nhóm ${o.row}` : 'theo dòng nhóm')
  else if (o.from === 'merged') parts.push('theo ô gộp ở dòng trên')
  else if (o.from === 'address') parts.push('lấy từ địa chỉ')
  else if (o.from === 'year-only') parts.push('chỉ có năm: ghi ngày 01/01')
  if (o.meaning) parts.push(o.meaning)
  return parts.join('; ')
}

/**
 * The row's values that differ from the cell as written or came from elsewhere, in the order of the
 * fields: empty for a row with none (nothing was interpreted) or with no record.
 */
export function interpretedValues(row: Pick<ImportRow, 'record' | 'origin'>): InterpretedValue[] {
  const out: InterpretedValue[] = []
  const rec = row.record
  const origin = row.origin
  if (!rec || !origin) return out
  for (const field of IMPORT_FIELDS) {
    const o = origin[field]
    if (!o) continue
    const value = shownValue(rec, field)
    if (value === null) continue
    const original = o.text ?? ''
    // The same text from the cell itself says nothing new; from a group, a merge or the address it does.
    if (original === value && !o.from && !o.meaning) continue
    out.push({ field, label: IMPORT_FIELD_LABELS[field], value, original, how: howOf(o) })
  }
  return out
}

/** «Vốn điều lệ: 1.200.000.000 ← «1,2 tỷ» (đọc chữ «tỷ» trong ô)»: one interpreted value as a line. */
export function interpretedLine(v: InterpretedValue): string {
  const from = v.original ? ` ← «${v.original}»` : ''
  return `${v.label}: ${v.value}${from}${v.how ? ` (${v.how})` : ''}`
}

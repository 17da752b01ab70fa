/**
 * Text cells → support rows, one reading for a block pasted from Excel and for an
 * imported list: numbers as offices type them (shared/numbers.ts: «1.508», «75,5»),
 * dates dd/mm/yyyy, the stage and the programme by their words. Every problem names
 * its row and column (and file and sheet for a list); nothing is skipped in silence.
 */
import { SUPPORT_FIELDS, supportInput, supportLabels, type SupportField, type SupportInput } from '../../../shared/contract/support'
import { AppError } from '../../../shared/errors'
import { parseViNumber } from '../../../shared/numbers'
import { clean, fold, parseViDate } from '../../../shared/text'

const NUMBER_FIELDS = new Set<SupportField>(['year', 'coops', 'people', 'nstwDtpt', 'nstwSn', 'nsdpDtpt', 'nsdpSn'])

/** Header words a list may use, beside each field's label and code (compared without diacritics). */
const HEADER_ALIASES: Record<SupportField, string[]> = {
  year: ['nam'],
  stage: ['ke hoach/thuc hien', 'giai doan', 'loai'],
  programme: ['noi dung', 'chuong trinh', 'chinh sach ho tro'],
  entity: ['ma so', 'ma so htx', 'ma htx'],
  beneficiary: ['don vi duoc ho tro', 'doi tuong', 'ten htx'],
  coops: ['so htx', 'so htx duoc ho tro'],
  people: ['so nguoi', 'so nguoi duoc ho tro'],
  nstwDtpt: ['nstw dtpt', 'nstw - dtpt'],
  nstwSn: ['nstw sn', 'nstw - sn', 'nstw su nghiep'],
  nsdpDtpt: ['nsdp dtpt', 'nsdp - dtpt'],
  nsdpSn: ['nsdp sn', 'nsdp - sn', 'nsdp su nghiep'],
  decisionNo: ['so quyet dinh', 'quyet dinh'],
  decisionDate: ['ngay quyet dinh', 'ngay'],
  note: ['ghi chu']
}

const key = (s: string) => fold(s).replace(/\s+/g, ' ').trim()

/** The field a header cell names, or null. */
export function headerField(cell: unknown): SupportField | null {
  if (typeof cell !== 'string' || !cell.trim()) return null
  const k = key(cell)
  for (const f of SUPPORT_FIELDS) {
    if (k === f.toLowerCase() || k === key(supportLabels[f]!) || HEADER_ALIASES[f].includes(k)) return f
  }
  return null
}

function stageOf(text: string): 'plan' | 'done' | string {
  const k = key(text)
  if (['plan', 'ke hoach', 'du kien', 'nhu cau', 'kh'].includes(k)) return 'plan'
  if (['done', 'da thuc hien', 'thuc hien', 'ket qua', 'th'].includes(k)) return 'done'
  return text
}

/** One row of text cells (or spreadsheet values) under the given columns → a row for support.save. */
export function rowFromCells(columns: SupportField[], cells: unknown[], where: string): SupportInput {
  const raw: Record<string, unknown> = {}
  columns.forEach((field, i) => {
    let v = cells[i]
    if (v === undefined || v === null) return
    if (typeof v === 'string') {
      v = clean(v)
      if (v === '') return
    }
    if (NUMBER_FIELDS.has(field)) {
      const n = parseViNumber(v)
      if (n === null) return
      if (Number.isNaN(n)) refuse(where, field, `«${String(v)}» không phải là một số (ví dụ 1.508 hoặc 75,5)`)
      raw[field] = n
    } else if (field === 'decisionDate') {
      const iso = typeof v === 'number' ? excelDate(v) : parseViDate(String(v))
      if (!iso) refuse(where, field, `«${String(v)}» không phải là ngày (gõ ngày/tháng/năm, ví dụ 15/03/2023)`)
      raw[field] = iso
    } else if (field === 'stage') {
      raw[field] = stageOf(String(v))
    } else raw[field] = String(v)
  })
  const parsed = supportInput.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = String(issue.path[0] ?? '') as SupportField
    const missing = raw[field] === undefined
    refuse(where, field, missing ? 'cần có giá trị' : issue.message)
  }
  return parsed.data
}

/** A date cell an .xlsx stores as a serial day number (1900 system). */
function excelDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000)
  return d.toISOString().slice(0, 10)
}

function refuse(where: string, field: SupportField | string, message: string): never {
  const label = supportLabels[field] ?? field
  throw new AppError('VALIDATION', `${where}, cột «${label}»: ${message}.`, { field })
}

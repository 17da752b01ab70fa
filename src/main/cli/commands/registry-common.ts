/**
 * What the register's commands share: the entity fields as options and their reading (dates, money), finding the
 * record an option names (--id, --reg-no, --entity), whole-number options and the print of one record. Used by the
 * record commands (registry-entities.ts) and the figures commands (registry-figures.ts), so it stands apart.
 */
import type { Entity } from '../../../shared/api'
import { KIND_SHORT, MANAGEMENT_LABEL_TEXT, SECTOR_LABELS, statusLabel } from '../../../shared/domain'
import { parseViNumber, typedNumber } from '../../../shared/numbers'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import type { Core } from '../../core/api'
import type { Options, Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

/** Entity fields as CLI options: --reg-no, --registration-date, --capital… */
export const entityOptions: Options = {
  kind: { type: 'string' },
  'reg-no': { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  commune: { type: 'string' },
  district: { type: 'string' },
  representative: { type: 'string' },
  phone: { type: 'string' },
  'registration-date': { type: 'string' },
  capital: { type: 'string' },
  sector: { type: 'string' },
  'business-lines': { type: 'string' },
  notes: { type: 'string' },
  'certificate-no': { type: 'string' },
  'certificate-date': { type: 'string' },
  'must-register': { type: 'string' },
  'charter-updated': { type: 'string' },
  'info-updated': { type: 'string' },
  'court-decision': { type: 'string' },
  'court-decision-date': { type: 'string' }
}

const OPTION_FIELDS: Record<string, string> = {
  kind: 'kind',
  'reg-no': 'regNo',
  name: 'name',
  address: 'address',
  commune: 'commune',
  district: 'districtCode',
  representative: 'representative',
  phone: 'phone',
  'registration-date': 'registrationDate',
  capital: 'charterCapital',
  sector: 'sector',
  'business-lines': 'businessLines',
  notes: 'notes',
  'certificate-no': 'certificateNo',
  'certificate-date': 'certificateDate',
  'must-register': 'mustRegister',
  'charter-updated': 'charterUpdatedDate',
  'info-updated': 'infoUpdateDate',
  'court-decision': 'courtDecisionNo',
  'court-decision-date': 'courtDecisionDate'
}
const DATE_FIELDS = new Set(['registrationDate', 'certificateDate', 'charterUpdatedDate', 'infoUpdateDate', 'courtDecisionDate'])

/**
 * Options → entity fields. Dates may be typed dd/mm/yyyy, money with dot
 * thousands; anything unparseable is passed on as typed so the core's
 * validation names it in its message.
 */
export function entityFieldsFrom(values: Values): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [option, field] of Object.entries(OPTION_FIELDS)) {
    const raw = values[option]
    if (typeof raw !== 'string') continue
    if (DATE_FIELDS.has(field)) fields[field] = raw === '' ? null : (parseViDate(raw) ?? raw)
    else if (field === 'mustRegister')
      fields[field] = raw === '' ? null : /^(co|có|1|yes|true)$/i.test(raw) ? true : /^(khong|không|0|no|false)$/i.test(raw) ? false : raw
    else if (field === 'charterCapital') fields[field] = raw === '' ? null : parseMoney(raw)
    else fields[field] = raw === '' ? null : raw
  }
  return fields
}

function parseMoney(raw: string): number | string {
  return typedNumber(raw) ?? raw
}

export async function entityByRef(core: Core, values: Values): Promise<Entity> {
  if (typeof values.id === 'string') {
    const id = Number(values.id)
    if (!Number.isInteger(id) || id < 1) throw new UsageError('--id phải là một số nguyên dương.')
    return core.call('entity.get', { id })
  }
  if (typeof values['reg-no'] === 'string') {
    return core.call('entity.byRegNo', { regNo: values['reg-no'] })
  }
  throw new UsageError('Cần --id SỐ hoặc --reg-no MÃ_SỐ để chỉ bản ghi.')
}

/** --entity REGNO or a record id (all digits and short). */
export async function entityByWord(core: Core, word: unknown): Promise<Entity> {
  if (typeof word !== 'string' || word === '') throw new UsageError('Cần --entity MÃ_SỐ (hoặc số bản ghi).')
  if (/^\d{1,8}$/.test(word)) return core.call('entity.get', { id: Number(word) })
  return entityByRef(core, { 'reg-no': word })
}

export function intOption(values: Values, name: string): number | undefined {
  const raw = values[name]
  if (typeof raw !== 'string' || raw === '') return undefined
  const n = parseViNumber(raw)
  if (n === null || !Number.isInteger(n)) throw new UsageError(`--${name} phải là một số nguyên (đã gõ «${raw}»).`)
  return n
}

export function printEntity(result: unknown, io: CliIo): void {
  const e = result as Entity
  for (const w of e.warnings ?? []) io.err(`Cảnh báo: ${w}`)
  const lines: Array<[string, string]> = [
    ['Mã bản ghi', String(e.id)],
    ['Loại hình', KIND_SHORT[e.kind]],
    ['Mã số HTX', e.regNo ?? ''],
    ['Tên', e.name],
    ['Tình trạng pháp lý', e.status ? statusLabel(e.status, e.kind) : ''],
    ['Nhãn quản lý', e.label ? `${MANAGEMENT_LABEL_TEXT[e.label]} (từ ${e.labelSince ? formatDate(e.labelSince) : 'khi đăng ký'})` : ''],
    ['Số GCN đăng ký THT', [e.certificateNo, e.certificateDate ? `cấp ${formatDate(e.certificateDate)}` : ''].filter(Boolean).join(', ')],
    ['Địa chỉ', e.address ?? ''],
    ['Xã, phường', e.commune ?? ''],
    ['Tên viết tắt', e.shortName ?? ''],
    ['Người đại diện', [e.representative, e.representativeTitle].filter(Boolean).join(', ')],
    ['Thư điện tử', e.email ?? ''],
    ['Điện thoại', e.phone ?? ''],
    ['Ngày đăng ký', formatDate(e.registrationDate)],
    ['Vốn điều lệ (đồng)', formatNumber(e.charterCapital)],
    ['Lĩnh vực', e.sector ? SECTOR_LABELS[e.sector] : ''],
    ['Ghi chú', e.notes ?? ''],
    ['Phiên bản', String(e.rowVersion)],
    ...(e.deletedAt ? ([['Đã xóa', `${formatDate(e.deletedAt.slice(0, 10))}: ${e.deletedReason ?? ''}`]] as Array<[string, string]>) : [])
  ]
  io.out(table(['Trường', 'Giá trị'], lines))
}

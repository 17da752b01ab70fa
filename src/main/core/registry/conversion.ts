/**
 * Conversions as dated status events (migration 024, resources/registry/conversions.json): which kinds of
 * record each applies to, which status the event carries, and its legal basis. The rule the write path
 * applies before a conversion event is saved lives here, once.
 */
import { z } from 'zod'
import data from '../../../../resources/registry/conversions.json'
import { CONVERSION_LABELS, CONVERSIONS, ENTITY_KINDS, KIND_SHORT, STATUSES, STATUS_LABELS, type Conversion } from '../../../shared/domain'
import type { Entity } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'

const entrySchema = z
  .object({
    kinds: z.array(z.enum(ENTITY_KINDS)).min(1),
    status: z.enum(STATUSES),
    basis: z.string().nullable(),
    basisNote: z.string().min(1)
  })
  .strict()
export type ConversionRule = z.infer<typeof entrySchema>

let loaded: Record<Conversion, ConversionRule> | null = null

/** The rules, checked once: the file names exactly the codes of shared/domain.ts. */
export function conversionRules(): Record<Conversion, ConversionRule> {
  if (loaded) return loaded
  const parsed = z.record(z.string(), entrySchema).parse(data.conversions)
  const codes = Object.keys(parsed).sort()
  if (codes.join() !== [...CONVERSIONS].sort().join()) throw new Error(`registry: conversions.json names ${codes.join(', ')}`)
  loaded = parsed as Record<Conversion, ConversionRule>
  return loaded
}

/** Refuses a conversion event that does not fit its rule: the kind, the status, a date, a document, the registration date. */
export function assertConversion(
  entity: Pick<Entity, 'name' | 'kind' | 'registrationDate'>,
  input: { conversion: Conversion; status: string; effectiveDate?: string | null; decisionNo?: string | null }
): void {
  const rule = conversionRules()[input.conversion]
  const refuse = (message: string, field: string) => {
    throw new AppError('VALIDATION', `«${CONVERSION_LABELS[input.conversion]}» của «${entity.name}»: ${message}`, { field })
  }
  if (!rule.kinds.includes(entity.kind))
    refuse(`chỉ ghi cho ${rule.kinds.map((k) => KIND_SHORT[k]).join(', ')}, không cho ${KIND_SHORT[entity.kind]}.`, 'conversion')
  if (input.status !== rule.status) refuse(`sự kiện phải là tình trạng «${STATUS_LABELS[rule.status]}».`, 'status')
  if (!input.effectiveDate) refuse('cần ngày chuyển đổi.', 'effectiveDate')
  if (!input.decisionNo?.trim()) refuse('cần số văn bản làm căn cứ (giấy chứng nhận đăng ký hoặc quyết định).', 'decisionNo')
  // The HTX made by a conversion exists from its certificate (Điều 108 khoản 3 for a THT): the event is its registration.
  if (rule.status === 'active' && entity.registrationDate && input.effectiveDate !== entity.registrationDate)
    refuse(`ngày chuyển đổi phải là ngày đăng ký của HTX (${formatDate(entity.registrationDate)}).`, 'effectiveDate')
}

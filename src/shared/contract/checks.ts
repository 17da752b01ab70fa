/**
 * Data checks (kiểm tra số liệu): rules kept as data in resources/checks/rules.json,
 * evaluated at entry, at import, before export and on demand. A finding names its
 * record and fields in Vietnamese; marked «đã kiểm tra» with a note it stays quiet
 * until the data it looked at changes (its fingerprint).
 */
import { z } from 'zod'
import type { EntityKind } from '../domain'
import { empty, handler, id, isoDate, text } from './common'

export const CHECK_SEVERITIES = ['error', 'warning', 'info'] as const
export type CheckSeverity = (typeof CHECK_SEVERITIES)[number]
export const CHECK_SEVERITY_LABELS: Record<CheckSeverity, string> = {
  error: 'Sai',
  warning: 'Cần xem lại',
  info: 'Thiếu cho báo cáo'
}

export interface CheckRuleInfo {
  id: string
  title: string
  severity: CheckSeverity
  source: string | null
  verified: boolean
  verifiedNote: string | null
  date: string
}

export interface FindingAck {
  note: string
  by: string
  at: string
}

export interface Finding {
  /** Stable: rule, record and (for a year's figures) the year — «htx.min_members:12», «figures.jump:12:2024:members». */
  id: string
  rule: string
  title: string
  severity: CheckSeverity
  entityId: number | null
  entityName: string
  regNo: string | null
  kind: EntityKind
  year: number | null
  /** The fields the rule looked at (API names: members, managers…), and their Vietnamese labels. */
  fields: string[]
  fieldLabels: string[]
  message: string
  source: string | null
  /** A 64-bit hash (16 hex digits) of the rule and what it looked at: an acknowledgement holds while it is the same. */
  fingerprint: string
  state: 'open' | 'acknowledged'
  acknowledged: FindingAck | null
  /** Province file: the district whose package carried it. */
  district: string | null
  districtName: string | null
}

export interface CheckCounts {
  open: number
  acknowledged: number
  error: number
  warning: number
  info: number
}

export interface ChecksRun {
  asOf: string
  /** register: computed on this file now; packages: what each district's last package carried (province file). */
  source: 'register' | 'packages'
  rules: CheckRuleInfo[]
  findings: Finding[]
  /** Over every finding of the run, before the filters of the request (severity, rule, district, state). */
  counts: CheckCounts
}

export const checksLabels: Record<string, string> = {
  finding: 'Mã phát hiện',
  rule: 'Quy tắc',
  severity: 'Mức độ',
  includeAcknowledged: 'Kể cả mục đã kiểm tra',
  district: 'Huyện',
  entityId: 'Bản ghi'
}

export const checksContract = {
  'checks.run': handler<ChecksRun>('read')(
    z
      .object({
        asOf: isoDate.optional(),
        entityId: id.optional(),
        rule: text(80).optional(),
        severity: z.enum(CHECK_SEVERITIES).optional(),
        district: text(12).optional(),
        includeAcknowledged: z.boolean().optional()
      })
      .strict()
  ),
  'checks.rules': handler<CheckRuleInfo[]>('read')(empty),
  'checks.acknowledge': handler<Finding>('write')(
    z
      .object({
        finding: text(200).min(3, 'Cần mã phát hiện'),
        note: text(1000).min(3, 'Hãy ghi điều đã kiểm tra (ít nhất 3 ký tự)')
      })
      .strict()
  )
}

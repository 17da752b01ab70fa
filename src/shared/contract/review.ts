/**
 * The province's review of a consolidated package and its signed reply back to the
 * district: accepted or returned, remarks on records or on indicators; the district
 * imports the reply, sees the status of what it sent and answers each remark.
 */
import { z } from 'zod'
import { empty, fileInput, handler, id, text } from './common'

export const reviewLabels: Record<string, string> = {
  packageId: 'Gói đã tổng hợp',
  decision: 'Kết luận của tỉnh',
  remarks: 'Góp ý',
  entityId: 'Bản ghi',
  indicator: 'Chỉ tiêu',
  remarkId: 'Góp ý',
  trustNewKey: 'Tin cậy khóa của tỉnh'
}

export const REVIEW_DECISIONS = ['accepted', 'returned'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]
/** What a district sees of its last sending: waiting for the province's reply, accepted, returned. */
export type SendingStatus = 'pending' | ReviewDecision

export const DECISION_LABELS: Record<SendingStatus, string> = {
  pending: 'Chờ tỉnh xem xét',
  accepted: 'Đã chấp nhận',
  returned: 'Bị trả lại'
}

/** Stable codes of why a reply file is refused (scripts and tests match on them; details.code). */
export const REPLY_PROBLEM_CODES = [
  'NOT_A_REPLY',
  'SIGNATURE_INVALID',
  'WRONG_OFFICE',
  'WRONG_PROVINCE',
  'UNKNOWN_KEY',
  'KEY_CHANGED',
  'UNKNOWN_PACKAGE',
  'OLDER'
] as const
export type ReplyProblemCode = (typeof REPLY_PROBLEM_CODES)[number]

export interface ReviewRemark {
  id: number
  kind: 'record' | 'indicator'
  /** The record in this file (province: its consolidated copy; district: its own), null when it is not there. */
  entityId: number | null
  regNo: string | null
  name: string | null
  indicator: string | null
  indicatorLabel: string | null
  text: string
  /** District: the answer that closed the remark. */
  answer: { note: string; at: string; by: string } | null
}

/** Province: one accepted consolidation and its review. */
export interface ProvinceReview {
  packageId: number
  unit: string
  unitName: string
  file: string
  exportedAt: string
  asOf: string
  contentHash: string
  consolidatedAt: string
  /** The district's package in place (a later one replaced the others). */
  current: boolean
  decision: ReviewDecision | null
  note: string | null
  decidedAt: string | null
  decidedBy: string | null
  repliedAt: string | null
  remarks: ReviewRemark[]
}

/** District: one package it sent and the province's reply, if one came back. */
export interface DistrictSending {
  packageId: number
  file: string
  exportedAt: string
  asOf: string
  contentHash: string
  status: SendingStatus
  note: string | null
  reviewedAt: string | null
  reviewedBy: string | null
  replyFile: string | null
  importedAt: string | null
  remarks: ReviewRemark[]
}

export interface ReviewList {
  side: 'province' | 'district'
  province: ProvinceReview[]
  /** Newest first: the first is the office's last sending. */
  district: DistrictSending[]
}

export interface ReplyImportResult {
  packageId: number
  status: ReviewDecision
  provinceCode: string
  provinceName: string
  keyFingerprint: string
  trustedNewKey: boolean
  /** The same reply was imported before: nothing changed. */
  alreadyImported: boolean
  remarks: number
  sending: DistrictSending
}

const remarkInput = z.union([
  z.object({ entityId: id, text: text(2000).min(1, 'Cần nội dung góp ý') }).strict(),
  z.object({ indicator: text(100).min(1, 'Cần mã chỉ tiêu'), text: text(2000).min(1, 'Cần nội dung góp ý') }).strict()
])

export const reviewContract = {
  'review.list': handler<ReviewList>('read')(empty),
  /** Province: accept or return a consolidated package, with remarks (each call one transaction). */
  'review.set': handler<ProvinceReview>('province-write')(
    z
      .object({
        packageId: id,
        decision: z.enum(REVIEW_DECISIONS).optional(),
        note: text(2000).nullish(),
        remarks: z.array(remarkInput).max(500).optional()
      })
      .strict()
      .refine((v) => v.decision !== undefined || (v.remarks?.length ?? 0) > 0 || v.note !== undefined, {
        message: 'Cần kết luận (chấp nhận / trả lại) hoặc ít nhất một góp ý'
      })
  ),
  /** Province: the signed reply file for the district. */
  'review.export': handler<{
    name: string
    base64: string
    unit: string
    decision: ReviewDecision
    remarks: number
    keyFingerprint: string
  }>('province-write')(z.object({ packageId: id }).strict()),
  /** District: import the province's reply (one transaction); trustNewKey pins the province's key the first time. */
  'review.import': handler<ReplyImportResult>('write')(z.object({ file: fileInput, trustNewKey: z.boolean().optional() }).strict()),
  /** District: close a remark with an answer note. */
  'review.answer': handler<ReviewRemark>('write')(
    z.object({ remarkId: id, note: text(2000).min(1, 'Cần ghi câu trả lời cho góp ý') }).strict()
  )
}

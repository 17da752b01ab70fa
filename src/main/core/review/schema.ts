/** Kysely's view of the review tables (migration 018), joined into Database in db/schema.ts. */
import type { Generated } from 'kysely'

/** Province: which district record (its own id) each consolidated entity was. */
export interface ConsolidatedEntitiesTable {
  entity_id: number
  unit_code: string
  source_id: number
}
/** Province: its review of one accepted consolidation. */
export interface PackageReviewsTable {
  id: Generated<number>
  consolidation_id: number
  unit_code: string
  /** accepted | returned, null while only remarks are written. */
  decision: string | null
  note: string | null
  decided_at: string | null
  decided_by: string | null
  /** The last time a reply file was exported. */
  replied_at: string | null
  updated_at: string
}
export interface ReviewRemarksTable {
  id: Generated<number>
  review_id: number
  /** record | indicator */
  kind: string
  entity_id: number | null
  source_id: number | null
  reg_no: string | null
  name: string | null
  indicator: string | null
  indicator_label: string | null
  text: string
  created_at: string
  created_by: string
  /** The district's answer, from its next package. */
  answer_note: string | null
  answered_at: string | null
  answered_by: string | null
}
/** District: the province's reply to one package it sent. */
export interface ReviewRepliesTable {
  id: Generated<number>
  package_export_id: number
  province_code: string
  decision: string
  note: string | null
  reviewed_at: string
  reviewed_by: string
  reply_exported_at: string
  key_fingerprint: string
  file_name: string
  imported_at: string
  imported_by: string
}
export interface ReplyRemarksTable {
  id: Generated<number>
  reply_id: number
  /** The remark's id in the province file: a newer reply for the same package keeps the answers. */
  remote_id: number
  kind: string
  entity_id: number | null
  reg_no: string | null
  name: string | null
  indicator: string | null
  indicator_label: string | null
  text: string
  answer_note: string | null
  answered_at: string | null
  answered_by: string | null
}
export interface ReviewTables {
  consolidated_entities: ConsolidatedEntitiesTable
  package_reviews: PackageReviewsTable
  review_remarks: ReviewRemarksTable
  review_replies: ReviewRepliesTable
  reply_remarks: ReplyRemarksTable
}

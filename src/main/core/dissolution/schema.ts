/** Kysely's view of the dissolution tables (migration 004). */
import type { Generated } from 'kysely'

export interface DissolutionCasesTable {
  id: Generated<number>
  entity_id: number
  kind: string
  law: string
  template_id: string
  template_version: number
  template_json: string
  ground: string | null
  opened_on: string
  decision_no: string | null
  previous_status: string | null
  state: string
  closed_on: string | null
  closed_decision_no: string | null
  close_reason: string | null
  /** migration 014: why the case follows another law than the one of its date */
  law_reason: string | null
  created_at: string
  updated_at: string
}
export interface DissolutionStepsTable {
  id: Generated<number>
  case_id: number
  code: string
  state: string
  done_on: string | null
  done_by: string | null
  na_reason: string | null
  documents_json: string | null
  notes: string | null
  updated_at: string
}
export interface DissolutionAttachmentsTable {
  id: Generated<number>
  case_id: number
  step_code: string | null
  name: string
  size: number
  sha256: string
  added_at: string
}
export interface DissolutionCouncilTable {
  id: Generated<number>
  case_id: number
  name: string
  role: string
  represents: string | null
  organisation: string | null
  decision_no: string | null
}
export interface DissolutionItemsTable {
  id: Generated<number>
  case_id: number
  type: string
  category: string | null
  party: string | null
  amount: number | null
  settled: number
  settled_on: string | null
  land_certificate: string | null
  area_m2: number | null
  handling: string | null
  note: string | null
}
export interface DissolutionObstaclesTable {
  id: Generated<number>
  case_id: number
  code: string
  note: string | null
  created_at: string
}
export interface DissolutionTables {
  dissolution_cases: DissolutionCasesTable
  dissolution_steps: DissolutionStepsTable
  dissolution_attachments: DissolutionAttachmentsTable
  dissolution_council: DissolutionCouncilTable
  dissolution_items: DissolutionItemsTable
  dissolution_obstacles: DissolutionObstaclesTable
}

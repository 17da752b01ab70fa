/** Kysely's view of the SQLite file: one interface per table, snake_case as stored. */
import type { Generated } from 'kysely'
import type { DissolutionTables } from '../dissolution/schema'
import type { ReportTables } from '../reports/schema'
import type { HandoffTables } from '../handoff/schema'
import type { PeriodTables } from '../period/schema'
import type { CheckTables } from '../checks/schema'
import type { SupportTables } from '../support/schema'
import type { ExchangeTables } from '../exchange/schema'
import type { ReviewTables } from '../review/schema'
import type { HandoverTables } from '../handover/schema'
import type { RoundTables } from '../rounds/schema'

export interface OfficeTable {
  id: number
  unit_code: string
  created_at: string
  /** 011: the office's own body printed under «UBND XÃ …» (a commune office); null: none. */
  body_name?: string | null
}

export interface MetaTable {
  key: string
  value: string
}

export interface AdminUnitsTable {
  code: string
  name: string
  level: string
  parent_code: string | null
  valid_from: string | null
  valid_to: string | null
  /** 011: the GSO code alone, and the map it belongs to ('before': up to 30/06/2025; 'after'). */
  gso_code?: string | null
  period?: string | null
}

export interface EntitiesTable {
  id: Generated<number>
  kind: string
  reg_no: string | null
  name: string
  name_key: string
  search_key: string
  address: string | null
  commune: string | null
  /** 022: the official commune of the office's area (admin_units.code) the commune text names; null: not placed. */
  commune_code?: string | null
  district_code: string | null
  representative: string | null
  phone: string | null
  registration_date: string | null
  charter_capital: number | null
  sector: string | null
  business_lines: string | null
  notes: string | null
  row_version: Generated<number>
  created_at: string
  updated_at: string
  /** The import batch that created the row (003), null when typed in. */
  import_batch_id?: number | null
  /** 002: the registry's fuller record and soft delete. */
  short_name?: string | null
  street?: string | null
  district_name?: string | null
  representative_title?: string | null
  email?: string | null
  contract_date?: string | null
  vsic_json?: string | null
  member_coops_json?: string | null
  members_count?: number | null
  ocop_json?: string | null
  deleted_at?: string | null
  deleted_reason?: string | null
  /** 004: date of the last annual general meeting (đại hội thành viên thường niên). */
  last_agm_date?: string | null
  /** 013: THT registration certificate (NĐ 295/2026 Chương V; an HTX's number is reg_no). */
  certificate_no?: string | null
  certificate_date?: string | null
  /** 013: 1 when a THT must register (Luật HTX 2023 Điều 107 khoản 2), 0 when it need not, null unknown. */
  must_register?: number | null
  /** 013: when the charter was updated to the 2023 law (Điều 115). */
  charter_updated_date?: string | null
  /** 013: the latest yearly information update to the registration office. */
  info_update_date?: string | null
  /** 013: a court decision to dissolve (number, date). */
  court_decision_no?: string | null
  court_decision_date?: string | null
  /** 021: handed over by a former district to a commune (handover/): from this date counted at the commune only. */
  handed_over_on?: string | null
  /** 021: the commune's key ("05977@2025"), when and by whom the package left. */
  handed_over_to?: string | null
  handed_over_at?: string | null
  handed_over_by?: string | null
  /** 021: in a commune office, where a handed-over record came from (JSON). */
  handover_origin?: string | null
}

export interface ProfilesTable {
  name: string
  created_at: string
  /** admin | officer | viewer (migration 007) */
  role: string
  /** scrypt hash with its parameters, and its salt; both null when no password */
  password_hash: string | null
  password_salt: string | null
}

export interface StatusEventsTable {
  id: Generated<number>
  entity_id: number
  status: string
  /** null: holds since registration (an old list gave no date). */
  effective_date: string | null
  decision_no: string | null
  note: string | null
  created_at: string
  import_batch_id?: number | null
  /** 013: end of the notified suspension (NĐ 295/2026 Điều 48 khoản 1). */
  until_date?: string | null
  /** 024: the event is a conversion (resources/registry/conversions.json), null when not. */
  conversion?: string | null
}

/** 013: management labels (chờ giải thể, yếu kém…), dated; label null ends the one before. */
export interface EntityLabelsTable {
  id: Generated<number>
  entity_id: number
  label: string | null
  effective_date: string | null
  note: string | null
  created_at: string
}

export interface YearlyFiguresTable {
  id: Generated<number>
  entity_id: number
  year: number
  members: number | null
  workers: number | null
  managers: number | null
  managers_elementary: number | null
  managers_college: number | null
  revenue: number | null
  profit: number | null
  avg_income: number | null
  classification: string | null
  import_batch_id?: number | null
  /** 002 */
  new_members?: number | null
  taxes_paid?: number | null
  classification_circular?: string | null
  updated_at?: string | null
  /** 015: tổng nguồn vốn (đồng), a criterion of the size class. */
  total_capital?: number | null
  /** 024: doanh thu từ thành viên (đồng): internal transactions with official members (Luật 17/2023 Điều 4 khoản 1). */
  member_revenue?: number | null
}

export interface ImportBatchesTable {
  id: Generated<number>
  at: string
  user: string
  files_json: string
  counts_json: string
  undone_at: string | null
  undone_by: string | null
}

export interface ImportBatchItemsTable {
  id: Generated<number>
  batch_id: number
  table_name: string
  row_id: number
  before_json: string | null
}

export interface ImportMappingsTable {
  shape: string
  mapping_json: string
  updated_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  user: string
  action: string
  table_name: string
  row_id: number | null
  before_json: string | null
  after_json: string | null
}

/** 008: the province's decision on a conflict between districts (which district owns the entity). */
export interface ConflictOwnersTable {
  key: string
  owner_unit: string
  units_json: string
  decided_at: string
  decided_by: string
  note: string | null
}

export interface Database
  extends
    DissolutionTables,
    HandoffTables,
    ReportTables,
    PeriodTables,
    CheckTables,
    SupportTables,
    ExchangeTables,
    ReviewTables,
    HandoverTables,
    RoundTables {
  office: OfficeTable
  meta: MetaTable
  admin_units: AdminUnitsTable
  entities: EntitiesTable
  status_events: StatusEventsTable
  entity_labels: EntityLabelsTable
  yearly_figures: YearlyFiguresTable
  audit_log: AuditLogTable
  import_batches: ImportBatchesTable
  import_batch_items: ImportBatchItemsTable
  import_mappings: ImportMappingsTable
  profiles: ProfilesTable
  conflict_owners: ConflictOwnersTable
}

/** The reports' own table (migration 005), joined into the Database interface in db/schema.ts. */
export interface ReportTargetsTable {
  year: number
  unit_code: string
  indicator: string
  plan: number | null
  estimate: number | null
  /** 024: an area figure entered for the year (indicators of measure «input»), null when none. */
  actual?: number | null
  updated_at: string
}

export interface ReportTables {
  report_targets: ReportTargetsTable
}

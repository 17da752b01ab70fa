/** Reports: indicators as of a date, official layouts (.xlsx, printable page, CSV), plan targets, the dashboard. */
import { z } from 'zod'
import type { Status } from '../domain'
import { handler, isoDate } from './common'

export const reportsLabels: Record<string, string> = {
  asOf: 'Tính đến ngày',
  scope: 'Phạm vi (mã đơn vị)',
  layout: 'Mẫu báo cáo',
  format: 'Định dạng tệp',
  path: 'Đường dẫn tệp',
  reportNo: 'Số báo cáo',
  boundaries: 'Địa giới',
  indicator: 'Chỉ tiêu',
  plan: 'Kế hoạch',
  estimate: 'Ước thực hiện'
}

const scope = z
  .string()
  // A unit's key in the file: a GSO code, with its map's year for a unit of the map from 01/07/2025 ("00691@2025").
  .regex(/^\d{2,5}(@\d{4})?$/, 'Phạm vi là mã đơn vị hành chính (chỉ gồm chữ số)')
  .nullish()

const layout = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, 'Tên mẫu báo cáo chỉ gồm chữ thường, số và dấu -')
const reportNo = z.string().trim().max(100, 'Không quá 100 ký tự').nullish()
/** «theo đơn vị» by the units of the report's date, or by today's communes («theo địa giới mới»). */
const boundaries = z.enum(['date', 'new'], { message: 'Địa giới là «date» (theo ngày báo cáo) hoặc «new» (theo địa giới mới)' }).nullish()
const year = z.number({ message: 'Năm phải là một số' }).int('Năm là số nguyên').min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100')
const targetNumber = z.number({ message: 'Phải là một số' }).min(-1e15, 'Số quá nhỏ').max(1e15, 'Số quá lớn').nullish()

/** A row of the plan grid: an indicator, last year's actual, this year's plan and estimate. */
export interface TargetRow {
  indicator: string
  label: string
  unit: string
  decimals: number
  previousActual: number | null
  plan: number | null
  estimate: number | null
  /** «Kế hoạch năm N+1»: the plan proposed for the next year. */
  nextPlan: number | null
  /** true: a figure of the area typed in («input», e.g. all OCOP products of the area), not counted from the register. */
  input: boolean
  /** That figure for the year (null for counted indicators). */
  actual: number | null
}

/** «Số liệu cho báo cáo»: the plan's Part 1 sentences as of a date, ready to copy. */
export interface NarrativeReport {
  asOf: string
  unit: string
  /** HTX: new and dissolved in the year so far, the total with capital and status, the share by sector. */
  htx: string[]
  /** One sentence per sector group that has HTX. */
  sectors: string[]
  /** Unions and cooperative groups. */
  others: string[]
}

export interface ReportSummary {
  asOf: string
  unit: string
  indicators: Record<string, number | null>
  byUnit: Record<string, Record<string, number | null>>
}

export interface ReportLayoutInfo {
  id: string
  title: string
  annex: string | null
  type: 'indicators' | 'sectors' | 'units' | 'list' | 'support-results' | 'support-needs'
}

/** One column of a report table: its header (under an optional group header spanning neighbours) and how to show it. */
export interface ReportColumn {
  label: string
  group?: string
  type: 'text' | 'number'
  /** Decimals shown for a number column; a row may override with its own. */
  decimals?: number
  /** Width in characters, for the workbook and the grid. */
  width: number
}
export interface ReportRow {
  cells: Array<string | number | null>
  style?: 'section' | 'total' | 'indent1' | 'indent2'
  /** Decimals for this row's numbers (an indicator's own precision). */
  decimals?: number
  /** Indicator code behind the row, for the plan grid. */
  indicator?: string
}
/** A report ready to preview, print or save: the same object feeds the grid, the workbook, the page and the CSV. */
export interface ReportTable {
  layoutId: string
  annex: string | null
  title: string
  asOf: string
  /** "Phòng Tài chính - Kế hoạch Thành phố Lạng Sơn". */
  officeName: string
  issuer: { parent: string | null; body: string }
  place: string
  /** The unit the figures cover: the office's own, or a district in a province file. */
  scopeName: string
  reportNo: string | null
  columns: ReportColumn[]
  rows: ReportRow[]
  notes: string[]
  signTitle: string
}

/** What the "Tổng quan" charts draw (HTX only). */
export interface DashboardData {
  asOf: string
  scope: string
  total: number
  /** Legal status (NĐ 295/2026 Điều 27) of the records present. */
  byStatus: Record<Exclude<Status, 'dissolved'>, number>
  /** «Đang hoạt động / ngừng hoạt động» as the reports count them (resources/reports/operating-status.json). */
  operating: { active: number; stopped: number }
  sectors: Array<{ code: string; label: string; active: number; stopped: number }>
  /** The ten years up to the date, and per year: registrations, dissolutions, members and workers (yearly figures). */
  years: number[]
  founded: number[]
  dissolved: number[]
  members: number[]
  workers: number[]
}

export const REPORT_FORMATS = ['xlsx', 'csv', 'html'] as const

export const reportsContract = {
  'report.list': handler<ReportLayoutInfo[]>('read')(z.object({}).strict()),
  /** A province's units its reports break down by on a date: the former districts up to 30/06/2025, then the communes (and former districts still held). */
  'report.units': handler<Array<{ code: string; name: string }>>('read')(z.object({ asOf: isoDate }).strict()),
  'report.summary': handler<ReportSummary>('read')(z.object({ asOf: isoDate, scope }).strict()),
  'report.build': handler<ReportTable>('read')(z.object({ layout, asOf: isoDate, scope, reportNo, boundaries }).strict()),
  /** The file's bytes as base64: the door saves them where the person chose (a download, the CLI's option). */
  'report.export': handler<{ name: string; base64: string; rows: number }>('read')(
    z
      .object({
        layout,
        asOf: isoDate,
        scope,
        reportNo,
        boundaries,
        format: z.enum(REPORT_FORMATS, { message: 'Định dạng là xlsx, csv hoặc html' })
      })
      .strict()
  ),
  'report.dashboard': handler<DashboardData>('read')(z.object({ asOf: isoDate, scope }).strict()),
  'report.narrative': handler<NarrativeReport>('read')(z.object({ asOf: isoDate, scope }).strict()),
  'report.targets': handler<TargetRow[]>('read')(z.object({ year, scope }).strict()),
  'report.setTargets': handler<{ changed: number }>('province-write')(
    z
      .object({
        year,
        scope,
        values: z
          .array(
            z
              .object({
                indicator: z.string().trim().min(1).max(100),
                plan: targetNumber,
                estimate: targetNumber,
                nextPlan: targetNumber,
                actual: targetNumber
              })
              .strict()
          )
          .min(1)
          .max(1000)
      })
      .strict()
  )
}

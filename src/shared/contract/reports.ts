/** Reports: indicators as of a date, official layouts (.xlsx, printable page, CSV), plan targets, the dashboard. */
import { z } from 'zod'
import { handler, isoDate } from './common'

export const reportsLabels: Record<string, string> = {
  asOf: 'Tính đến ngày',
  scope: 'Phạm vi (mã huyện)',
  layout: 'Mẫu báo cáo',
  format: 'Định dạng tệp',
  reportNo: 'Số báo cáo',
  indicator: 'Chỉ tiêu',
  plan: 'Kế hoạch',
  estimate: 'Ước thực hiện'
}

const scope = z
  .string()
  .regex(/^\d{2,5}$/, 'Phạm vi là mã đơn vị hành chính (chỉ gồm chữ số)')
  .nullish()

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
  type: 'indicators' | 'sectors' | 'units' | 'list'
}

export const reportsContract = {
  'report.list': handler<ReportLayoutInfo[]>()(z.object({}).strict()),
  'report.summary': handler<ReportSummary>()(z.object({ asOf: isoDate, scope }).strict())
}

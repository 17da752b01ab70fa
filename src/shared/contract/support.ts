/**
 * Support programmes (hỗ trợ KTTT, HTX): a register of support given or planned, by
 * programme, year and source of money, from which Phụ lục 3 and 4 of the yearly plan
 * are built. Amounts are in million đồng, split by budget (NSTW / NSĐP) and kind of
 * spending (ĐTPT: đầu tư phát triển; SN: sự nghiệp).
 */
import { z } from 'zod'
import { empty, fileInput, handler, id, isoDate, optionalText, text } from './common'

export const SUPPORT_STAGES = ['plan', 'done'] as const
export type SupportStage = (typeof SUPPORT_STAGES)[number]
export const SUPPORT_STAGE_LABELS: Record<SupportStage, string> = { plan: 'Kế hoạch', done: 'Đã thực hiện' }

/** The amount columns, in the order the annexes show them. */
export const SUPPORT_AMOUNTS = ['nstwDtpt', 'nstwSn', 'nsdpDtpt', 'nsdpSn'] as const
export type SupportAmount = (typeof SUPPORT_AMOUNTS)[number]

/** The fields a pasted block or an imported list fills, in the grid's column order. */
export const SUPPORT_FIELDS = [
  'year',
  'stage',
  'programme',
  'entity',
  'beneficiary',
  'coops',
  'people',
  'nstwDtpt',
  'nstwSn',
  'nsdpDtpt',
  'nsdpSn',
  'decisionNo',
  'decisionDate',
  'note'
] as const
export type SupportField = (typeof SUPPORT_FIELDS)[number]

export const supportLabels: Record<string, string> = {
  year: 'Năm',
  stage: 'Kế hoạch / thực hiện',
  programme: 'Nội dung hỗ trợ',
  entity: 'Mã số HTX',
  beneficiary: 'Đơn vị, người được hỗ trợ',
  coops: 'Số HTX',
  people: 'Số người',
  nstwDtpt: 'NSTW - ĐTPT (triệu đồng)',
  nstwSn: 'NSTW - sự nghiệp (triệu đồng)',
  nsdpDtpt: 'NSĐP - ĐTPT (triệu đồng)',
  nsdpSn: 'NSĐP - sự nghiệp (triệu đồng)',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  note: 'Ghi chú',
  ids: 'Các dòng',
  columns: 'Các cột'
}

export interface SupportProgramme {
  code: string
  label: string
  reaches: 'coops' | 'people' | 'both'
}

export interface SupportRow {
  id: number
  unitCode: string
  year: number
  stage: SupportStage
  programme: string
  programmeLabel: string
  entityId: number | null
  entityRegNo: string | null
  entityName: string | null
  beneficiary: string | null
  coops: number | null
  people: number | null
  nstwDtpt: number | null
  nstwSn: number | null
  nsdpDtpt: number | null
  nsdpSn: number | null
  /** The four amounts added up (million đồng). */
  total: number
  decisionNo: string | null
  decisionDate: string | null
  note: string | null
  updatedAt: string
}

const count = z
  .number({ message: 'Phải là một số' })
  .int('Là số nguyên (không có phần lẻ)')
  .min(0, 'Không âm')
  .max(1e7, 'Số quá lớn')
  .nullish()
const amount = z.number({ message: 'Phải là một số (triệu đồng)' }).min(0, 'Không âm').max(1e9, 'Số quá lớn').nullish()
const year = z.number({ message: 'Năm phải là một số' }).int('Năm là số nguyên').min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100')

export const supportInput = z
  .object({
    id: id.optional(),
    year,
    stage: z.enum(SUPPORT_STAGES, { message: 'Là «Kế hoạch» hoặc «Đã thực hiện»' }),
    programme: text(40).min(1, 'Cần nội dung hỗ trợ'),
    /** The cooperative's registration number (mã số HTX), when the support went to one. */
    entity: optionalText(20),
    beneficiary: optionalText(500),
    coops: count,
    people: count,
    nstwDtpt: amount,
    nstwSn: amount,
    nsdpDtpt: amount,
    nsdpSn: amount,
    decisionNo: optionalText(100),
    decisionDate: isoDate.nullish(),
    note: optionalText(1000)
  })
  .strict()
export type SupportInput = z.input<typeof supportInput>

const scope = z
  .string()
  .regex(/^\d{2,5}(@\d{4})?$/, 'Phạm vi là mã đơn vị hành chính (chỉ gồm chữ số)')
  .nullish()

export interface SupportImportResult {
  file: string | null
  sheet: string | null
  rows: number
  saved: number
  dryRun: boolean
}

export const supportContract = {
  'support.programmes': handler<SupportProgramme[]>('read')(empty),
  'support.list': handler<SupportRow[]>('read')(z.object({ year: year.nullish(), scope }).strict()),
  /** Creates (no id) or updates (id) rows: all in one transaction, one audit row each. */
  'support.save': handler<{ saved: SupportRow[] }>('write')(z.object({ rows: z.array(supportInput).min(1).max(5000) }).strict()),
  'support.delete': handler<{ deleted: number }>('write')(z.object({ ids: z.array(id).min(1).max(5000) }).strict()),
  /** A block pasted from Excel: text cells under the named columns, read as an import reads them. */
  'support.paste': handler<SupportImportResult>('write')(
    z
      .object({
        columns: z.array(z.enum(SUPPORT_FIELDS)).min(1).max(SUPPORT_FIELDS.length),
        rows: z
          .array(z.array(z.string().max(2000)).max(SUPPORT_FIELDS.length))
          .min(1)
          .max(5000),
        dryRun: z.boolean().optional()
      })
      .strict()
  ),
  /** A list (xlsx, xls, csv) whose first row names the columns (supportLabels or the field codes). */
  'support.import': handler<SupportImportResult>('write')(z.object({ file: fileInput, dryRun: z.boolean().optional() }).strict())
}

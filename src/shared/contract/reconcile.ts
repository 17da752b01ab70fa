/**
 * Đối chiếu với CSDL quốc gia: the office's register beside a list exported from the
 * national cooperative registration database, which holds the legal record
 * (NĐ 295/2026/NĐ-CP Điều 3(4)). The list is read like any import; nothing is written
 * until a person adopts a national value.
 */
import { z } from 'zod'
import type { EntityKind, Status } from '../domain'
import { fileInput, handler, id } from './common'
import { columnMapping } from './exchange'

/** The fields compared, in the order a person reads them. */
export const RECONCILE_FIELDS = ['status', 'regNo', 'name', 'address', 'representative'] as const
export type ReconcileField = (typeof RECONCILE_FIELDS)[number]
export const RECONCILE_FIELD_LABELS: Record<ReconcileField, string> = {
  status: 'Tình trạng pháp lý',
  regNo: 'Mã số HTX',
  name: 'Tên',
  address: 'Địa chỉ trụ sở',
  representative: 'Người đại diện theo pháp luật'
}

/** Where a row of the national list is: file › sheet › row. */
export interface NationalPlace {
  sheet: string
  row: number
}

export interface ReconcileDifference {
  entityId: number
  /** The register's name of the record. */
  name: string
  field: ReconcileField
  /** What the register holds (a status code for status). */
  ours: string | null
  /** What the national list holds, as it will be written. */
  national: string
  /** The national cell as written, when it was read into something else (a status wording). */
  nationalText?: string
  place: NationalPlace
}

export interface ReconcileResult {
  file: string
  /** Records matched on both sides. */
  matched: number
  /** By which key each pair was matched: mostly the number; the folded name when one side has no number. */
  matchedByName: number
  onlyNational: Array<{
    kind: EntityKind
    regNo: string | null
    name: string
    status: Status | null
    address: string | null
    place: NationalPlace
  }>
  onlyRegister: Array<{ entityId: number; kind: EntityKind; regNo: string | null; name: string; status: Status }>
  differences: ReconcileDifference[]
  /** Rows of the list that could not be read as a record (errors of the import's reading), and why. */
  unreadable: Array<{ place: NationalPlace; message: string }>
}

export const reconcileLabels: Record<string, string> = {
  file: 'Tệp từ CSDL quốc gia',
  picks: 'Các giá trị nhận theo CSDL quốc gia',
  all: 'Nhận tất cả'
}

const compareInput = z.object({ file: fileInput, mappings: z.array(columnMapping).max(2000).optional() }).strict()

export const reconcileContract = {
  'reconcile.compare': handler<ReconcileResult>('read')(compareInput),
  /**
   * Adopts the national value of the differences picked (or all of them): the file is
   * read again and compared again, so what is written is what the list says now, in one
   * transaction with an audit row per change.
   */
  'reconcile.adopt': handler<{ adopted: number; result: ReconcileResult }>('write')(
    compareInput
      .extend({
        picks: z
          .array(z.object({ entityId: id, field: z.enum(RECONCILE_FIELDS) }).strict())
          .max(100_000)
          .optional(),
        all: z.boolean().optional()
      })
      .strict()
      .refine((v) => v.all === true || (v.picks?.length ?? 0) > 0, { message: 'Chọn ít nhất một giá trị để nhận, hoặc nhận tất cả' })
  )
}

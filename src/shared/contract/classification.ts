/**
 * Classification of cooperatives: the yearly rating circulars (xếp loại tốt, khá, trung
 * bình, yếu), with the default the register picks by sector, and the size class of the
 * 2023 law (Luật 17/2023/QH15 Điều 16: siêu nhỏ, nhỏ, vừa, lớn), computed from a year's
 * figures and never typed in, with the independent-audit duty that follows from it
 * (Điều 106). The rules are data: resources/classification/.
 */
import { z } from 'zod'
import type { EntityKind, Sector, Status } from '../domain'
import { handler, id } from './common'

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const
export type SizeClass = (typeof SIZE_CLASSES)[number]
export const SIZE_LABELS: Record<SizeClass, string> = { micro: 'Siêu nhỏ', small: 'Nhỏ', medium: 'Vừa', large: 'Lớn' }
/** What the size column says when the figures or the thresholds do not decide it. */
export const SIZE_UNKNOWN = 'Chưa xác định'

export const classificationLabels: Record<string, string> = {
  auditOnly: 'Chỉ HTX, LHHTX phải kiểm toán độc lập'
}

export interface CircularGrade {
  grade: 'good' | 'fair' | 'average' | 'weak'
  label: string
  from: number | null
  below: number | null
  to?: number | null
  text: string | null
}

export interface CircularInfo {
  number: string
  issued: string
  inForce: string
  issuer: string
  title: string
  scope: string
  defaultFor: { kinds: EntityKind[]; sectors: Sector[] | '*' }
  criteria: string
  grades: CircularGrade[]
  notRated: string | null
  source: string
  verified: boolean
  statusNote: string
}

export interface SizeThreshold {
  size: SizeClass
  minMembers: number
  minRevenue: number
  minTotalCapital: number
}

export interface SizeGroup {
  code: string
  label: string
  sectors: Sector[]
  complete: boolean
  below: SizeClass | null
  classes: SizeThreshold[]
  note: string
}

export interface ClassificationRules {
  circulars: CircularInfo[]
  /** Why the circulars' standing after 01/07/2024 is not settled. */
  inForceNote: string
  sizes: {
    law: string
    decree: string
    verified: boolean
    verifiedNote: string
    groups: SizeGroup[]
  }
  audit: { source: string; frequency: string; notCovered: string; htxSizes: SizeClass[]; lhhtxMinMembers: number }
}

/** One record's size class and audit duty for a year. */
export interface SizeRow {
  entityId: number
  name: string
  regNo: string | null
  kind: Extract<EntityKind, 'htx' | 'lhhtx'>
  sector: Sector | null
  /** The status on 31/12 of the year. */
  status: Status | null
  year: number
  /** Official members (the year's «Số thành viên»; for an LHHTX its member cooperatives, else the list on the record). */
  members: number | null
  membersWhere: string | null
  revenue: number | null
  totalCapital: number | null
  /** The sector group of the decree whose thresholds were used; null when the sector has none. */
  group: string | null
  /** null: «Chưa xác định» (see sizeReason); an LHHTX has no size class. */
  size: SizeClass | null
  sizeLabel: string
  sizeReason: string | null
  /** Must have its yearly financial statements audited independently: true, false, or null when it cannot be told. */
  auditRequired: boolean | null
  auditBasis: string | null
  auditReason: string | null
  /** The circular the register picks when the year names none (by kind and sector); null for none. */
  defaultCircular: string | null
  /** The circular the year's figures name, or the default. */
  circular: string | null
  circularChosen: boolean
}

export interface SizeList {
  year: number
  rows: SizeRow[]
  /** Said once: the thresholds come from a paraphrase of the decree, not its text. */
  thresholdsVerified: boolean
  thresholdsNote: string
  auditSource: string
}

const year = z.number().int('Năm là số nguyên').min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100')

export const classificationContract = {
  /** The rating circulars and the size-class thresholds, as the data files hold them. */
  'classification.rules': handler<ClassificationRules>('read')(z.object({}).strict()),
  /** HTX and LHHTX not dissolved on 31/12 of the year: size class from that year's figures, audit duty, circular. */
  'classification.sizes': handler<SizeList>('read')(z.object({ year, entityId: id.optional(), auditOnly: z.boolean().optional() }).strict())
}

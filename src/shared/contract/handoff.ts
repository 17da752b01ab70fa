/**
 * Handoff to the province: the signed package a district exports, its
 * verification, the province's consolidation of many packages, trusted keys.
 */
import { z } from 'zod'
import type { CheckCounts, Finding } from './checks'
import { empty, fileInput, handler, isoDate, text } from './common'

export const handoffLabels: Record<string, string> = {
  asOf: 'Số liệu tính đến ngày',
  file: 'Tệp gói dữ liệu',
  trustNewKeys: 'Tin cậy khóa mới',
  replaceWrongDate: 'Nhận thay gói sai ngày',
  newKey: 'Tạo khóa mới',
  key: 'Tệp khóa công khai',
  replace: 'Thay khóa đã ghi nhận',
  preview: 'Chỉ xem trước',
  conflictKey: 'Mục trùng giữa các huyện',
  ownerUnit: 'Huyện quản lý'
}

/** Stable codes of what a package can fail on (scripts and tests match on them). */
export const PACKAGE_PROBLEM_CODES = [
  'NOT_A_PACKAGE',
  'TRUNCATED',
  'FORMAT_VERSION',
  'COUNT_MISMATCH',
  'EDITED',
  'UNSIGNED',
  'SIGNATURE_INVALID',
  'WRONG_PROVINCE',
  'UNKNOWN_KEY',
  'OLDER',
  /** Signed, but its rows break the register's rules (a dangling reference, a code not in the lists). */
  'INVALID_DATA',
  /** Signed with a key the province already knows as another unit's: a key belongs to one unit. */
  'KEY_OF_ANOTHER_UNIT',
  /** Dated more than a day after the province's clock (a PC with a wrong clock): it would make every real package «older». */
  'FUTURE_DATE',
  /** The zip holds two entries of one name: programs differ on which one they read. */
  'DUPLICATE_ENTRY',
  /** The workbook lists two sheets of one name (case ignored, as Excel does). */
  'DUPLICATE_SHEET',
  /** A sheet the package never has (added, or a human sheet renamed). */
  'UNEXPECTED_SHEET',
  /** A part a package never has: drawings, images, comments, external links, macros… */
  'UNEXPECTED_PART',
  /** A zip two programs could read differently: bytes outside the entries, a local header naming another entry, sizes that disagree. */
  'BAD_ZIP',
  /** It would unpack to more than any real package (a zip bomb), or an entry unpacks to more than it says. */
  'TOO_LARGE'
] as const
export type PackageProblemCode = (typeof PACKAGE_PROBLEM_CODES)[number]

export interface PackageProblem {
  code: PackageProblemCode
  message: string
  sheet?: string
  row?: number
}

/** A change to data inside a period that was closed when the office's previous package left (after a reopen). */
export interface ClosedChange {
  table: 'status_events' | 'yearly_figures' | 'dissolution_steps'
  /** «Sự kiện tình trạng», «Số liệu năm», «Bước giải thể». */
  what: string
  rowId: number | null
  regNo: string | null
  name: string | null
  /** The closed date the change touched (events, steps), or the closed year (figures). */
  date: string | null
  year: number | null
  action: string
  at: string
  user: string
  reopenReason: string | null
}

export interface PackageReport {
  file: string
  ok: boolean
  /** The first problem's code: the one to act on. */
  code: PackageProblemCode | null
  unit: string | null
  unitName: string | null
  exportedAt: string | null
  asOf: string | null
  formatVersion: number | null
  appVersion: string | null
  counts: Record<string, number>
  contentHash: string | null
  keyFingerprint: string | null
  signature: 'valid' | 'invalid' | 'unsigned' | 'unknown-key'
  /** Checked against a province file: the same content was consolidated already. */
  alreadyConsolidated: boolean
  problems: PackageProblem[]
  /** Signed in the manifest: closed data changed since the district's previous package (after a reopen). */
  closedChanges: ClosedChange[]
}

/** A file going out ({name, base64}, as every file the core returns) with what the package holds. */
export interface ExportedPackageInfo {
  name: string
  base64: string
  unit: string
  exportedAt: string
  asOf: string
  contentHash: string
  keyFingerprint: string
  counts: Record<string, number>
  /** The data checks before export: the open findings the package carries (acknowledged ones stay home). */
  checks?: { counts: CheckCounts; open: Finding[] }
}

export interface ConsolidateResult {
  accepted: Array<{
    file: string
    unit: string
    exportedAt: string
    trustedNewKey: boolean
    /** Accepted with replaceWrongDate over the package in place: its (future) export time. */
    replacedWrongDate?: string
    /** Closed data the district changed since its previous package (signed in the manifest). */
    closedChanges?: ClosedChange[]
  }>
  skipped: Array<{ file: string; unit: string; reason: string }>
  rejected: Array<{ file: string; code: string; reason: string }>
  conflicts: Conflict[]
  /** The copy taken before the first change, when anything changed. */
  backup: string | null
}

export interface Conflict {
  /** "reg:4900123456" or, for THT, "tht:<folded name>|<folded commune>". */
  key: string
  units: string[]
  names: string[]
  /** The one district whose record the province's numbers count; the others' are left out. */
  countedUnit: string
  /** true: countedUnit is the province's decision; false: the district whose package was exported most recently. */
  resolved: boolean
  /** The province's recorded decision, kept across re-consolidations; it no longer applies (resolved false) when its district left the conflict. */
  decision: { owner: string; at: string; by: string; note: string | null } | null
  /** handoff.conflicts: each district's copy (name, commune, address, representative, phone, registrationDate, charterCapital)… */
  copies?: Array<{ unit: string; fields: Record<string, string | number | null> }>
  /** …and the fields among those whose values are not the same in every copy. */
  differs?: string[]
}

export interface PackageExport {
  id: number
  at: string
  user: string
  fileName: string
  asOf: string
  contentHash: string
  keyFingerprint: string
  counts: Record<string, number>
}

export interface ConsolidationEntry {
  id: number
  at: string
  user: string
  unit: string | null
  file: string
  exportedAt: string | null
  asOf: string | null
  contentHash: string | null
  keyFingerprint: string | null
  outcome: 'accepted' | 'skipped' | 'rejected'
  code: string | null
  reason: string | null
}

export interface DistrictSnapshot {
  code: string
  name: string
  /** The consolidated package, null when the district never sent one. */
  exportedAt: string | null
  asOf: string | null
  consolidatedAt: string | null
  contentHash: string | null
  entities: number
  trustedKey: string | null
}

export interface TrustedKey {
  unit: string
  unitName: string
  fingerprint: string
  /** 'reply' (a district file): the province's key, pinned from its first reply on explicit confirmation. */
  source: 'file' | 'package' | 'reply'
  addedAt: string
  addedBy: string
  /** handoff.trustKey: false for a preview, or when the district already had this key. */
  saved?: boolean
  /** handoff.trustKey preview: the fingerprint already pinned for that district, if another. */
  pinned?: string | null
}

export interface KeyInfo {
  unit: string
  unitName: string
  fingerprint: string
  publicKey: string
}

export const handoffContract = {
  'handoff.export': handler<ExportedPackageInfo>('province-write')(
    z
      .object({
        asOf: isoDate.optional(),
        /** The key file is lost for good and the office exported before: make a new key (audited); the province must trust it again. */
        newKey: z.boolean().optional()
      })
      .strict()
  ),
  'handoff.verify': handler<PackageReport>('read')(z.object({ file: fileInput }).strict()),
  'handoff.consolidate': handler<ConsolidateResult>('province-write')(
    z
      .object({
        files: z.array(fileInput).min(1, 'Chọn ít nhất một gói').max(200),
        trustNewKeys: z.boolean().optional(),
        /**
         * The district's package in place is dated after the province's clock (a PC with a wrong clock): accept a
         * package that is not in the future over it even though its date is earlier (audited).
         */
        replaceWrongDate: z.boolean().optional()
      })
      .strict()
  ),
  'handoff.exportHistory': handler<PackageExport[]>('read')(empty),
  'handoff.consolidationLog': handler<ConsolidationEntry[]>('read')(
    z.object({ limit: z.number().int().min(1).max(5000).optional() }).strict()
  ),
  'handoff.districts': handler<DistrictSnapshot[]>('read')(empty),
  'handoff.conflicts': handler<Conflict[]>('read')(empty),
  /** Province: which district owns a conflicting entity (counted there only). */
  'handoff.resolveConflict': handler<Conflict>('province-write')(
    z
      .object({
        conflictKey: text(600).min(1, 'Chọn một mục trùng'),
        ownerUnit: text(10).min(1, 'Chọn huyện quản lý'),
        note: text(1000).nullish()
      })
      .strict()
  ),
  'handoff.key': handler<KeyInfo>('read')(empty),
  'handoff.publicKey': handler<{ name: string; text: string; fingerprint: string }>('read')(empty),
  'handoff.trustKey': handler<TrustedKey>('province-write')(
    z
      .object({
        key: z.union([fileInput, z.object({ text: z.string().max(10_000) }).strict()]),
        replace: z.boolean().optional(),
        /** Only read the file and say whose key it is and its fingerprint, to compare before trusting. */
        preview: z.boolean().optional()
      })
      .strict()
  ),
  'handoff.trustedKeys': handler<TrustedKey[]>('read')(empty)
}

/** One change as a line a person reads: «Số liệu năm 2023 của HTX … (4900000018): sửa lúc … bởi …». */
export function closedChangeText(c: ClosedChange, when: (iso: string) => string, date: (iso: string) => string): string {
  const subject = c.year !== null ? `${c.what} ${c.year}` : `${c.what} ngày ${c.date ? date(c.date) : ''}`
  const who = c.name ? ` của «${c.name}»${c.regNo ? ` (${c.regNo})` : ''}` : ''
  return `${subject}${who}: thay đổi lúc ${when(c.at)} bởi ${c.user}${c.reopenReason ? ` — lý do mở lại: ${c.reopenReason}` : ''}`
}

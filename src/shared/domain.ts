/** Codes used everywhere (DOMAIN.md), with the Vietnamese words the UI shows. */

export const ENTITY_KINDS = ['htx', 'lhhtx', 'tht'] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]
export const KIND_LABELS: Record<EntityKind, string> = {
  htx: 'Hợp tác xã',
  lhhtx: 'Liên hiệp HTX',
  tht: 'Tổ hợp tác'
}
export const KIND_SHORT: Record<EntityKind, string> = { htx: 'HTX', lhhtx: 'LHHTX', tht: 'THT' }

/**
 * Legal status (tình trạng pháp lý): the list of Nghị định 295/2026/NĐ-CP Điều 27 (HTX, LHHTX),
 * khoản 1–7 in order; a THT has the same codes with Điều 28's words (THT_STATUS_LABELS), and
 * never `bankruptcy`. What an office says about a record on top of that (chờ giải thể, yếu kém,
 * chỉ tồn tại trên sổ sách…) is a management label (MANAGEMENT_LABELS), never a legal status.
 */
export const STATUSES = ['active', 'suspended', 'not_at_address', 'revoked_tax', 'dissolving', 'bankruptcy', 'dissolved'] as const
export type Status = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<Status, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng kinh doanh',
  not_at_address: 'Không hoạt động tại địa chỉ đã đăng ký',
  revoked_tax: 'Bị thu hồi do cưỡng chế về quản lý thuế',
  dissolving: 'Đang làm thủ tục giải thể, bị chia, bị hợp nhất, được sáp nhập',
  bankruptcy: 'Đang làm thủ tục phá sản',
  dissolved: 'Đã giải thể, phá sản, chấm dứt tồn tại'
}
/** Where the decree words a THT's status otherwise (NĐ 295/2026 Điều 28 khoản 5, 6). */
export const THT_STATUS_LABELS: Partial<Record<Status, string>> = {
  dissolving: 'Đang làm thủ tục chấm dứt hoạt động',
  dissolved: 'Đã chấm dứt hoạt động'
}
/** The article each status comes from, for the screens and the data. */
export const STATUS_SOURCE = 'Nghị định 295/2026/NĐ-CP Điều 27 (HTX, LHHTX), Điều 28 (THT)'

export function statusLabel(status: Status, kind?: string | null): string {
  return (kind === 'tht' ? THT_STATUS_LABELS[status] : undefined) ?? STATUS_LABELS[status]
}

/**
 * Codes of the app's first version that are not in the decree's list, and what each became
 * (migration 013, reading an older package, an old script): `inactive` («ngừng hoạt động»
 * without notice) is no legal status — the record is legally «đang hoạt động» and carries the
 * management label `stopped`; `revoked` (certificate revoked, not yet dissolved) is «đang làm
 * thủ tục giải thể» (NĐ 295/2026 Điều 52 khoản 1 điểm b).
 */
export const LEGACY_STATUSES: Record<string, { status: Status; label: ManagementLabel | null }> = {
  inactive: { status: 'active', label: 'stopped' },
  revoked: { status: 'dissolving', label: null }
}

/**
 * Management labels: what the office says about a record, dated, apart from its legal status.
 * Whether a label makes a legally active record count as «ngừng hoạt động» in the reports is
 * data too (resources/reports/operating-status.json).
 */
export const MANAGEMENT_LABELS = ['stopped', 'awaiting_dissolution', 'paper_only', 'weak'] as const
export type ManagementLabel = (typeof MANAGEMENT_LABELS)[number]
export const MANAGEMENT_LABEL_TEXT: Record<ManagementLabel, string> = {
  stopped: 'Ngừng hoạt động (không thông báo)',
  awaiting_dissolution: 'Chờ giải thể',
  paper_only: 'Chỉ tồn tại trên sổ sách',
  weak: 'Yếu kém'
}

/**
 * Reports' «ngừng hoạt động»: the legal statuses other than active and dissolved. A legally
 * active record also counts as stopped while it carries a label marked so in
 * resources/reports/operating-status.json (the full mapping, with its source).
 */
export const STOPPED_STATUSES: readonly Status[] = ['suspended', 'not_at_address', 'revoked_tax', 'dissolving', 'bankruptcy']

export const SECTORS = [
  'agri',
  'industry',
  'construction',
  'trade_service',
  'environment',
  'transport',
  'credit',
  'tourism',
  'housing',
  'other'
] as const
export type Sector = (typeof SECTORS)[number]
export const SECTOR_LABELS: Record<Sector, string> = {
  agri: 'Nông, lâm, ngư nghiệp, thủy sản',
  industry: 'Công nghiệp, tiểu thủ công nghiệp',
  construction: 'Xây dựng',
  trade_service: 'Thương mại, dịch vụ',
  environment: 'Vệ sinh môi trường',
  transport: 'Vận tải',
  credit: 'Quỹ tín dụng nhân dân',
  tourism: 'Du lịch',
  housing: 'Nhà ở',
  other: 'Khác'
}

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

/**
 * A status event may be a conversion (migration 024): the event that ends an HTX become an enterprise, or
 * the first event of an HTX made from an enterprise or from a THT. Labels, kinds, the status the event must
 * carry and the legal basis: resources/registry/conversions.json.
 */
export const CONVERSIONS = ['to_enterprise', 'from_enterprise', 'from_tht'] as const
export type Conversion = (typeof CONVERSIONS)[number]
export const CONVERSION_LABELS: Record<Conversion, string> = {
  to_enterprise: 'Chuyển đổi thành doanh nghiệp',
  from_enterprise: 'Thành lập trên cơ sở chuyển đổi từ doanh nghiệp',
  from_tht: 'Thành lập trên cơ sở chuyển đổi từ tổ hợp tác'
}

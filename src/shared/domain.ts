/** Codes used everywhere (DOMAIN.md), with the Vietnamese words the UI shows. */

export const ENTITY_KINDS = ['htx', 'lhhtx', 'tht'] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]
export const KIND_LABELS: Record<EntityKind, string> = {
  htx: 'Hợp tác xã',
  lhhtx: 'Liên hiệp HTX',
  tht: 'Tổ hợp tác'
}
export const KIND_SHORT: Record<EntityKind, string> = { htx: 'HTX', lhhtx: 'LHHTX', tht: 'THT' }

export const STATUSES = ['active', 'suspended', 'inactive', 'dissolving', 'revoked', 'dissolved'] as const
export type Status = (typeof STATUSES)[number]
export const STATUS_LABELS: Record<Status, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng hoạt động',
  inactive: 'Ngừng hoạt động',
  dissolving: 'Đang giải thể',
  revoked: 'Bị thu hồi GCN',
  dissolved: 'Đã giải thể'
}
/** Reports count these as "ngừng hoạt động". */
export const STOPPED_STATUSES: readonly Status[] = ['suspended', 'inactive', 'dissolving', 'revoked']

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

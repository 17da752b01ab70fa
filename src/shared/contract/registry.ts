/** The register: cooperatives, unions and groups, and the change log. */
import { z } from 'zod'
import { ENTITY_KINDS, SECTORS, STATUSES, type EntityKind, type Sector, type Status } from '../domain'
import { handler, id, isoDate, optionalText, text } from './common'

export const registryLabels: Record<string, string> = {
  kind: 'Loại hình',
  regNo: 'Mã số HTX',
  name: 'Tên',
  address: 'Địa chỉ trụ sở',
  commune: 'Xã, phường',
  districtCode: 'Huyện',
  representative: 'Người đại diện theo pháp luật',
  phone: 'Điện thoại',
  registrationDate: 'Ngày đăng ký',
  charterCapital: 'Vốn điều lệ (đồng)',
  sector: 'Lĩnh vực',
  businessLines: 'Ngành nghề kinh doanh',
  notes: 'Ghi chú',
  status: 'Tình trạng',
  rowVersion: 'Phiên bản bản ghi',
  id: 'Mã bản ghi'
}

export const entityFields = z.object({
  kind: z.enum(ENTITY_KINDS, { message: 'Loại hình phải là HTX, LHHTX hoặc THT' }),
  regNo: text(20)
    .regex(/^[0-9A-Za-z./-]*$/, 'Mã số chỉ gồm chữ số (có thể có dấu -, /, .)')
    .nullish(),
  name: text(300).min(3, 'Tên phải có ít nhất 3 ký tự'),
  address: optionalText(300),
  commune: optionalText(100),
  districtCode: text(10).regex(/^\d{2,5}$/, 'Mã đơn vị hành chính chỉ gồm chữ số').nullish(),
  representative: optionalText(100),
  phone: text(30)
    .regex(/^[0-9+(). -]*$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, +, -, ( )')
    .nullish(),
  registrationDate: isoDate.nullish(),
  charterCapital: z
    .number({ message: 'Vốn điều lệ phải là một số (đồng)' })
    .int('Vốn điều lệ tính bằng đồng, không có phần lẻ')
    .min(0, 'Vốn điều lệ không được âm')
    .max(1e15, 'Vốn điều lệ quá lớn')
    .nullish(),
  sector: z.enum(SECTORS, { message: 'Lĩnh vực không có trong danh mục' }).nullish(),
  businessLines: optionalText(2000),
  notes: optionalText(4000)
})
export type EntityFields = z.infer<typeof entityFields>

export interface Entity {
  id: number
  kind: EntityKind
  regNo: string | null
  name: string
  address: string | null
  commune: string | null
  districtCode: string | null
  representative: string | null
  phone: string | null
  registrationDate: string | null
  charterCapital: number | null
  sector: Sector | null
  businessLines: string | null
  notes: string | null
  status: Status | null
  rowVersion: number
  createdAt: string
  updatedAt: string
}

export interface AuditEntry {
  id: number
  at: string
  user: string
  action: string
  table: string
  rowId: number | null
  before: unknown
  after: unknown
}

export const registryContract = {
  'entity.create': handler<Entity>()(entityFields.extend({ status: z.enum(STATUSES).default('active') }).strict()),
  'entity.list': handler<{ rows: Entity[]; total: number }>()(
    z
      .object({
        q: text(200).optional(),
        kind: z.enum(ENTITY_KINDS).optional(),
        limit: z.number().int().min(1).max(1_000_000).optional(),
        offset: z.number().int().min(0).optional()
      })
      .strict()
  ),
  'entity.get': handler<Entity>()(z.object({ id }).strict()),
  'entity.update': handler<Entity>()(
    z.object({ id, rowVersion: z.number().int().min(1), changes: entityFields.partial().strict() }).strict()
  ),
  'audit.list': handler<AuditEntry[]>()(
    z
      .object({
        table: text(40).optional(),
        rowId: id.optional(),
        limit: z.number().int().min(1).max(10_000).optional()
      })
      .strict()
  )
}

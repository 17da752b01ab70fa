/**
 * The API contract: every capability of the app, by name, with its input schema
 * (zod, checked at every door) and its output type. The core implements it, the
 * doors expose it, the renderer calls it. Nothing else crosses between them.
 */
import { z } from 'zod'
import { ENTITY_KINDS, SECTORS, STATUSES, UNIT_LEVELS } from './domain'
import type { EntityKind, Sector, Status, UnitLevel } from './domain'
import type { Envelope } from './errors'
import { isRealDate } from './text'

z.config(z.locales.vi())

// ---------- building blocks ----------

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ: gõ ngày/tháng/năm, ví dụ 06/05/2024')
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    message: 'Ngày không có thật trên lịch'
  })

const text = (max: number) => z.string().trim().max(max, `Không quá ${max} ký tự`)
const optionalText = (max: number) => text(max).nullish()
const id = z.number().int().positive()

/** Vietnamese field labels: shown in forms, grid headers and error messages. */
export const FIELD_LABELS: Record<string, string> = {
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
  unitCode: 'Đơn vị hành chính',
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

// ---------- outputs ----------

export interface AdminUnit {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  validFrom: string | null
  validTo: string | null
}

export interface OfficeInfo {
  configured: boolean
  unit: AdminUnit | null
  officeName: string | null
  mode: 'district' | 'province' | null
  schemaVersion: number
  dbPath: string
  user: string
  counts: { entities: number; statusEvents: number; yearlyFigures: number; auditRows: number }
}

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

// ---------- the contract ----------

/** Declares a handler: its input schema now, its output type as a parameter. */
function handler<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })
}

const empty = z.object({}).strict()

export const apiContract = {
  'office.info': handler<OfficeInfo>()(empty),
  'office.setup': handler<OfficeInfo>()(
    z.object({ unitCode: text(10).regex(/^\d{2,5}$/, 'Mã đơn vị hành chính chỉ gồm chữ số') }).strict()
  ),
  'units.list': handler<AdminUnit[]>()(
    z.object({ level: z.enum(UNIT_LEVELS).optional(), parentCode: text(10).optional() }).strict()
  ),
  'entity.create': handler<Entity>()(
    entityFields.extend({ status: z.enum(STATUSES).default('active') }).strict()
  ),
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
    z
      .object({
        id,
        rowVersion: z.number().int().min(1),
        changes: entityFields.partial().strict()
      })
      .strict()
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

export type ApiContract = typeof apiContract
export type ApiName = keyof ApiContract
/** What a caller may send (defaults not yet applied). */
export type ApiInput<N extends ApiName> = z.input<ApiContract[N]['input']>
/** What a handler receives, after validation. */
export type ApiParsed<N extends ApiName> = z.output<ApiContract[N]['input']>
export type ApiOutput<N extends ApiName> = ApiContract[N]['output']
export const API_NAMES = Object.keys(apiContract) as ApiName[]

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name)
}

/**
 * What the preload (or the bridge client) puts on `window.api`. It resolves to an
 * envelope rather than throwing, because an Error crossing Electron's context
 * bridge loses its code and details; the renderer's client unwraps it.
 */
export interface ApiBridge {
  invoke<N extends ApiName>(name: N, input: ApiInput<N>): Promise<Envelope<ApiOutput<N>>>
}

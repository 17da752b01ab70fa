/** The register: cooperatives, unions and groups, and the change log. */
import { z } from 'zod'
import {
  CONVERSIONS,
  ENTITY_KINDS,
  MANAGEMENT_LABELS,
  SECTORS,
  STATUSES,
  type Conversion,
  type EntityKind,
  type ManagementLabel,
  type Sector,
  type Status
} from '../domain'
import type { Finding } from './checks'
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
  shortName: 'Tên viết tắt',
  street: 'Số nhà, đường/thôn',
  districtName: 'Quận, huyện (trụ sở)',
  representativeTitle: 'Chức danh người đại diện',
  email: 'Thư điện tử',
  contractDate: 'Ngày hợp đồng hợp tác (THT)',
  vsic: 'Ngành nghề (mã VSIC)',
  memberCoops: 'HTX thành viên',
  membersCount: 'Số thành viên',
  ocop: 'Sản phẩm OCOP',
  certificateNo: 'Số giấy chứng nhận đăng ký (THT)',
  certificateDate: 'Ngày cấp giấy chứng nhận (THT)',
  mustRegister: 'THT phải đăng ký (Luật HTX 2023 Điều 107 khoản 2)',
  charterUpdatedDate: 'Ngày sửa điều lệ theo Luật HTX 2023',
  infoUpdateDate: 'Ngày cập nhật thông tin hằng năm gần nhất',
  courtDecisionNo: 'Quyết định giải thể của Tòa án (số)',
  courtDecisionDate: 'Ngày quyết định của Tòa án',
  label: 'Nhãn quản lý',
  confirmDuplicate: 'Xác nhận dù trùng',
  effectiveDate: 'Ngày hiệu lực',
  untilDate: 'Tạm ngừng đến ngày',
  conversion: 'Chuyển đổi',
  decisionNo: 'Số quyết định',
  note: 'Ghi chú',
  year: 'Năm',
  members: 'Số thành viên',
  newMembers: 'Thành viên mới',
  workers: 'Lao động thường xuyên',
  managers: 'Cán bộ quản lý',
  managersElementary: 'Trong đó: sơ cấp, trung cấp',
  managersCollege: 'Trong đó: cao đẳng trở lên',
  revenue: 'Doanh thu (đồng)',
  profit: 'Lợi nhuận (đồng)',
  avgIncome: 'Thu nhập bình quân/người/tháng (đồng)',
  taxesPaid: 'Thuế đã nộp (đồng)',
  memberRevenue: 'Doanh thu từ thành viên (đồng)',
  totalCapital: 'Tổng nguồn vốn (đồng)',
  classification: 'Xếp loại',
  classificationCircular: 'Theo thông tư',
  reason: 'Lý do',
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
  /** The official commune chosen from the area's list (units.communes): its key; the name follows it. */
  communeCode: text(12)
    .regex(/^\d{5}(@\d{4})?$/, 'Mã xã chỉ gồm 5 chữ số')
    .nullish(),
  districtCode: text(10)
    .regex(/^\d{2,5}(@\d{4})?$/, 'Mã đơn vị hành chính chỉ gồm chữ số')
    .nullish(),
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
  notes: optionalText(4000),
  shortName: optionalText(100),
  street: optionalText(200),
  districtName: optionalText(100),
  representativeTitle: optionalText(100),
  email: text(200)
    .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Thư điện tử không đúng dạng, ví dụ ten@vidu.vn')
    .nullish(),
  contractDate: isoDate.nullish(),
  vsic: z
    .array(
      z
        .object({
          code: z.string().regex(/^\d{1,5}$/, 'Mã ngành VSIC gồm 1–5 chữ số'),
          label: text(300)
        })
        .strict()
    )
    .max(200)
    .nullish(),
  memberCoops: z.array(text(300).min(1, 'Tên HTX thành viên không được để trống')).max(500).nullish(),
  membersCount: z.number().int('Số thành viên là số nguyên').min(0, 'Số thành viên không được âm').max(10_000_000).nullish(),
  ocop: z
    .array(
      z
        .object({
          name: text(200).min(1, 'Tên sản phẩm OCOP không được để trống'),
          stars: z.number().int().min(3, 'Sản phẩm OCOP từ 3 đến 5 sao').max(5, 'Sản phẩm OCOP từ 3 đến 5 sao'),
          year: z.number().int().min(2018, 'Năm công nhận OCOP từ 2018').max(2100)
        })
        .strict()
    )
    .max(100)
    .nullish(),
  certificateNo: optionalText(50),
  certificateDate: isoDate.nullish(),
  mustRegister: z.boolean({ message: 'Phải đăng ký: có hoặc không' }).nullish(),
  charterUpdatedDate: isoDate.nullish(),
  infoUpdateDate: isoDate.nullish(),
  courtDecisionNo: optionalText(100),
  courtDecisionDate: isoDate.nullish()
})
export type EntityFields = z.infer<typeof entityFields>

export interface Entity {
  id: number
  kind: EntityKind
  regNo: string | null
  name: string
  address: string | null
  commune: string | null
  /** The official commune (a key of the map of the register's period); null: the commune text matched none of the area's. */
  communeCode?: string | null
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
  shortName?: string | null
  street?: string | null
  districtName?: string | null
  representativeTitle?: string | null
  email?: string | null
  contractDate?: string | null
  vsic?: Array<{ code: string; label: string }> | null
  memberCoops?: string[] | null
  membersCount?: number | null
  ocop?: Array<{ name: string; stars: number; year: number }> | null
  certificateNo?: string | null
  certificateDate?: string | null
  mustRegister?: boolean | null
  charterUpdatedDate?: string | null
  infoUpdateDate?: string | null
  courtDecisionNo?: string | null
  courtDecisionDate?: string | null
  /** The management label held now (never a legal status), and since when (null: since registration). */
  label?: ManagementLabel | null
  labelSince?: string | null
  deletedAt?: string | null
  deletedReason?: string | null
  /** entity.get: until when this record, made by mistake, may still be deleted for good (entity.delete hard); null once it may not. */
  hardDeleteUntil?: string | null
  /** Things worth a second look that did not stop the save (e.g. a bad check digit). */
  warnings?: string[]
  /** After a write (create, update): the record's open data-check findings (resources/checks/rules.json). */
  findings?: Finding[]
}

export interface StatusEvent {
  id: number
  entityId: number
  status: Status
  effectiveDate: string | null
  /** true when no date is known: the status holds since registration. */
  sinceRegistration: boolean
  decisionNo: string | null
  note: string | null
  createdAt: string
  /** After status.add: the record's open data-check findings. */
  findings?: Finding[]
  /** A notified suspension's last day (NĐ 295/2026 Điều 48 khoản 1), null when not given. */
  untilDate?: string | null
  /** 024: the event is a conversion (to or from an enterprise, from a THT), null when not. */
  conversion?: Conversion | null
}

/** One dated management label (013); label null ends the one held before. */
export interface LabelEvent {
  id: number
  entityId: number
  label: ManagementLabel | null
  effectiveDate: string | null
  note: string | null
  createdAt: string
}

export const CLASSIFICATIONS = ['good', 'fair', 'average', 'weak'] as const
export const CLASSIFICATION_LABELS: Record<(typeof CLASSIFICATIONS)[number], string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  weak: 'Yếu'
}

const count = (label: string) =>
  z
    .number({ message: `${label} phải là một số` })
    .int(`${label} là số nguyên`)
    .min(0, `${label} không được âm`)
    .max(1e9)
    .nullish()
const money = (label: string) =>
  z
    .number({ message: `${label} phải là một số (đồng)` })
    .int(`${label} tính bằng đồng, không có phần lẻ`)
    .min(-1e15)
    .max(1e15)
    .nullish()

export const yearlyFields = z
  .object({
    members: count('Số thành viên'),
    newMembers: count('Số thành viên mới'),
    workers: count('Số lao động'),
    managers: count('Số cán bộ quản lý'),
    managersElementary: count('Số cán bộ sơ cấp, trung cấp'),
    managersCollege: count('Số cán bộ cao đẳng trở lên'),
    revenue: money('Doanh thu'),
    profit: money('Lợi nhuận'),
    avgIncome: money('Thu nhập bình quân'),
    taxesPaid: money('Thuế đã nộp'),
    /** Revenue of internal transactions: products and services to official members (Luật 17/2023/QH15 Điều 4 khoản 1). */
    memberRevenue: z
      .number({ message: 'Doanh thu từ thành viên phải là một số (đồng)' })
      .int('Doanh thu từ thành viên tính bằng đồng, không có phần lẻ')
      .min(0, 'Doanh thu từ thành viên không được âm')
      .max(1e15)
      .nullish(),
    totalCapital: z
      .number({ message: 'Tổng nguồn vốn phải là một số (đồng)' })
      .int('Tổng nguồn vốn tính bằng đồng, không có phần lẻ')
      .min(0, 'Tổng nguồn vốn không được âm')
      .max(1e15)
      .nullish(),
    classification: z.enum(CLASSIFICATIONS, { message: 'Xếp loại là tốt, khá, trung bình hoặc yếu' }).nullish(),
    classificationCircular: optionalText(100)
  })
  .strict()
export type YearlyFields = z.infer<typeof yearlyFields>
export interface YearlyFigures extends YearlyFields {
  id: number
  entityId: number
  year: number
  /** After figures.set: the record's open data-check findings. */
  findings?: Finding[]
}

const year = z.number().int('Năm là số nguyên').min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100')

export interface PasteResult {
  updated: number
}

/**
 * The registry grid's rows, lean: every scalar field of a record as one array in
 * GRID_FIELDS order (100,000 records travel as arrays, not objects), in
 * Vietnamese name order, deleted records included and marked by deletedAt.
 */
export const GRID_FIELDS = [
  'id',
  'kind',
  'regNo',
  'name',
  'status',
  'representative',
  'phone',
  'registrationDate',
  'charterCapital',
  'commune',
  'sector',
  'address',
  'shortName',
  'street',
  'districtName',
  'districtCode',
  'representativeTitle',
  'email',
  'contractDate',
  'membersCount',
  'businessLines',
  'notes',
  'rowVersion',
  'createdAt',
  'deletedAt'
] as const
export type GridRow = Pick<Entity, (typeof GRID_FIELDS)[number]>
export interface GridRows {
  fields: typeof GRID_FIELDS
  rows: unknown[][]
}

/** A per-profile UI preference (e.g. the registry's columns): a name and the UI's own JSON. */
const prefKey = z.string().regex(/^[a-z][a-zA-Z0-9.-]{1,60}$/, 'Tên tùy chọn không hợp lệ')

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
  'entity.create': handler<Entity>('write')(
    entityFields.extend({ status: z.enum(STATUSES).default('active'), confirmDuplicate: z.boolean().optional() }).strict()
  ),
  'entity.list': handler<{ rows: Entity[]; total: number }>('read')(
    z
      .object({
        q: text(200).optional(),
        kind: z.enum(ENTITY_KINDS).optional(),
        includeDeleted: z.boolean().optional(),
        limit: z.number().int().min(1).max(1_000_000).optional(),
        offset: z.number().int().min(0).optional()
      })
      .strict()
  ),
  'entity.get': handler<Entity>('read')(z.object({ id }).strict()),
  /** The live record (not deleted) with this registration number: there is at most one. */
  'entity.byRegNo': handler<Entity>('read')(z.object({ regNo: text(20).min(1, 'Cần mã số HTX') }).strict()),
  /** For each number that does not pass the check-digit rule, the warning the register would give on saving it. */
  'entity.checkRegNos': handler<{ warnings: Record<string, string> }>('read')(z.object({ regNos: z.array(text(40)).max(20_000) }).strict()),
  'entity.update': handler<Entity>('write')(
    z
      .object({
        id,
        rowVersion: z.number().int().min(1),
        changes: entityFields.partial().strict(),
        confirmDuplicate: z.boolean().optional()
      })
      .strict()
  ),
  'entity.bulkCreate': handler<{ created: number; firstId: number | null; lastId: number | null }>('write')(
    z
      .object({
        rows: z
          .array(entityFields.extend({ status: z.enum(STATUSES).optional() }).strict())
          .min(1)
          .max(200_000)
      })
      .strict()
  ),
  'entity.delete': handler<{ id: number; hard: boolean }>('write')(
    z.object({ id, reason: text(500).min(3, 'Hãy ghi lý do xóa (ít nhất 3 ký tự)'), hard: z.boolean().optional() }).strict()
  ),
  'entity.restore': handler<Entity>('write')(z.object({ id }).strict()),
  /** One step back: a field, a status event, a year's figures, or a whole paste (entityIds all it touched, names to say so). */
  'entity.undo': handler<{
    undone: number
    action: string
    table: string
    rowId: number | null
    entityId: number | null
    entityIds: number[]
    names: string[]
  }>('write')(z.object({}).strict()),
  'entity.grid': handler<GridRows>('read')(
    z.object({ ids: z.array(id).min(1).max(10_000).optional(), first: z.number().int().min(1).max(10_000).optional() }).strict()
  ),
  'entity.search': handler<{ ids: number[] }>('read')(z.object({ q: text(200) }).strict()),
  'prefs.get': handler<{ value: string | null }>('read')(z.object({ key: prefKey }).strict()),
  'prefs.set': handler<{ saved: boolean }>('self-service')(
    z.object({ key: prefKey, value: z.string().max(50_000, 'Tùy chọn quá dài') }).strict()
  ),
  'entity.paste': handler<PasteResult>('write')(
    z
      .object({
        rowIds: z.array(id).min(1).max(10_000),
        fields: z.array(text(40)).min(1).max(50),
        cells: z
          .array(z.array(z.string().max(4000)).max(50))
          .min(1)
          .max(10_000)
      })
      .strict()
  ),
  'status.add': handler<StatusEvent>('write')(
    z
      .object({
        entityId: id,
        status: z.enum(STATUSES, { message: 'Tình trạng không có trong danh mục' }),
        effectiveDate: isoDate.nullish(),
        decisionNo: optionalText(100),
        note: optionalText(1000),
        untilDate: isoDate.nullish(),
        conversion: z.enum(CONVERSIONS, { message: 'Loại chuyển đổi không có trong danh mục' }).nullish()
      })
      .strict()
  ),
  'status.list': handler<StatusEvent[]>('read')(z.object({ entityId: id }).strict()),
  /** A management label from a date (chờ giải thể, yếu kém…), or label null to end the one held: never a legal status. */
  'label.add': handler<LabelEvent>('write')(
    z
      .object({
        entityId: id,
        label: z.enum(MANAGEMENT_LABELS, { message: 'Nhãn quản lý không có trong danh mục' }).nullable(),
        effectiveDate: isoDate.nullish(),
        note: optionalText(1000)
      })
      .strict()
  ),
  'label.list': handler<LabelEvent[]>('read')(z.object({ entityId: id }).strict()),
  /** Records overdue on Luật HTX 2023 Điều 115 on a date (default today): THT registration, charter updates due by 31/12/2025. */
  'registry.obligations': handler<Obligation[]>('read')(z.object({ asOf: isoDate.optional() }).strict()),
  'status.asOf': handler<Array<{ entityId: number; status: Status }>>('read')(
    z.object({ date: isoDate, entityId: id.optional() }).strict()
  ),
  'figures.set': handler<YearlyFigures>('write')(z.object({ entityId: id, year, figures: yearlyFields }).strict()),
  'figures.list': handler<YearlyFigures[]>('read')(z.object({ entityId: id.optional(), year: year.optional() }).strict()),
  'figures.copyForward': handler<{ copied: number }>('write')(z.object({ fromYear: year, toYear: year }).strict()),
  'audit.list': handler<AuditEntry[]>('read')(
    z
      .object({
        table: text(40).optional(),
        rowId: id.optional(),
        limit: z.number().int().min(1).max(10_000).optional()
      })
      .strict()
  )
}

/** One record overdue on a transition obligation of the 2023 law (Điều 115): THT registration, charter update. */
export interface Obligation {
  entityId: number
  kind: EntityKind
  name: string
  regNo: string | null
  code: 'tht_registration' | 'charter_update'
  label: string
  article: string
  /** The deadline (31/12/2025) and whether the register says the thing was done late (a date after it) or not at all. */
  deadline: string
  doneOn: string | null
}

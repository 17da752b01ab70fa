/** Dissolution cases: candidates, checklists from templates, council, debts/assets, obstacles, finalise/cancel. */
import { z } from 'zod'
import { fileInput, handler, id, isoDate, optionalText, text, type FileOutput } from './common'

/** voluntary, compulsory: dissolution; revocation: of the registration certificate (Luật HTX 2023 Điều 103); tht_termination: a THT ends (NĐ 295/2026 Điều 64). */
export const DISSOLUTION_KINDS = ['voluntary', 'compulsory', 'revocation', 'tht_termination'] as const
export const KIND_LABELS: Record<(typeof DISSOLUTION_KINDS)[number], string> = {
  voluntary: 'Giải thể tự nguyện',
  compulsory: 'Giải thể bắt buộc',
  revocation: 'Thu hồi giấy chứng nhận đăng ký',
  tht_termination: 'Chấm dứt hoạt động tổ hợp tác'
}
export const LAW_VERSIONS = ['2012', '2023'] as const
/** The day the 2023 law took effect (Luật HTX 2023 Điều 114 khoản 1): an event from then on is governed by it. */
export const LAW_2023_FROM = '2024-07-01'
/** The law in force on a trigger date (ISO). */
export function lawOn(date: string): (typeof LAW_VERSIONS)[number] {
  return date >= LAW_2023_FROM ? '2023' : '2012'
}
export const STEP_STATES = ['todo', 'done', 'na'] as const
export const COUNCIL_ROLES = ['chair', 'member', 'secretary'] as const
export const ITEM_TYPES = ['payable', 'receivable', 'asset'] as const
export const OBSTACLE_CODES = ['council_not_formed', 'file_incomplete', 'managers_unreachable', 'debts', 'land', 'other'] as const
export const DRAFT_DOCS = ['council', 'notice', 'request', 'revocation', 'violation', 'resolution', 'dissolving', 'dissolved'] as const
export type DraftDoc = (typeof DRAFT_DOCS)[number]

export const OBSTACLE_LABELS: Record<(typeof OBSTACLE_CODES)[number], string> = {
  council_not_formed: 'Không thành lập được hội đồng giải thể',
  file_incomplete: 'Hồ sơ không đầy đủ',
  managers_unreachable: 'Không liên lạc được người quản lý',
  debts: 'Còn nợ chưa xử lý',
  land: 'Đất đai, tài sản chưa rõ',
  other: 'Khác'
}
/** How a debt or asset of a case is named on screen, on paper and in the CLI. */
export const ITEM_TYPE_LABELS: Record<(typeof ITEM_TYPES)[number], string> = { payable: 'HTX nợ', receivable: 'Nợ HTX', asset: 'Tài sản' }
export const COUNCIL_ROLE_LABELS: Record<(typeof COUNCIL_ROLES)[number], string> = {
  chair: 'Chủ tịch hội đồng',
  member: 'Thành viên',
  secretary: 'Thư ký'
}

export const dissolutionLabels: Record<string, string> = {
  caseId: 'Hồ sơ giải thể',
  entityId: 'Hợp tác xã',
  law: 'Luật áp dụng',
  ground: 'Căn cứ giải thể',
  openedOn: 'Ngày căn cứ (ngày phát sinh sự kiện)',
  lawReason: 'Lý do áp dụng luật khác luật của ngày căn cứ',
  reason: 'Lý do',
  code: 'Mã bước',
  doneOn: 'Ngày thực hiện',
  doneBy: 'Người thực hiện',
  naReason: 'Lý do không áp dụng',
  documents: 'Tài liệu',
  role: 'Vai trò',
  represents: 'Đại diện cho',
  organisation: 'Cơ quan, tổ chức',
  amount: 'Số tiền (đồng)',
  party: 'Chủ nợ / bên nợ',
  settled: 'Đã xử lý xong',
  settledOn: 'Ngày xử lý',
  landCertificate: 'Giấy chứng nhận quyền sử dụng đất',
  areaM2: 'Diện tích (m²)',
  handling: 'Phương án xử lý',
  authorityDate: 'Ngày cơ quan đăng ký ghi nhận giải thể',
  lastAgmDate: 'Ngày đại hội thành viên thường niên gần nhất',
  asOf: 'Tính đến ngày',
  memberId: 'Thành viên hội đồng giải thể',
  itemId: 'Khoản nợ, tài sản',
  obstacleId: 'Vướng mắc'
}

const kind = z.enum(DISSOLUTION_KINDS, {
  message:
    'Thủ tục: voluntary (giải thể tự nguyện), compulsory (giải thể bắt buộc), revocation (thu hồi giấy chứng nhận), tht_termination (chấm dứt hoạt động tổ hợp tác)'
})

export interface Candidate {
  entityId: number
  name: string
  regNo: string | null
  status: string | null
  /** The management label held (never a legal status). */
  label?: string | null
  lastAgmDate: string | null
  /**
   * since: when the ground is met (e.g. the notified end of a suspension); start: when the situation began (the suspension itself);
   * article: where the ground comes from (resources/dissolution/candidate-grounds.json), «chưa đối chiếu văn bản» when unconfirmed.
   */
  reasons: Array<{ code: string; label: string; article?: string; verified?: boolean; since: string | null; start: string | null }>
}
/** A record whose last general meeting the register does not know: a date to complete, not a ground. */
export interface AgmMissing {
  entityId: number
  name: string
  regNo: string | null
  status: string | null
  registrationDate: string | null
}
export interface StepView {
  code: string
  title: string
  actor: string
  legalBasis: string
  verified: boolean
  optional: boolean
  condition: string | null
  documentsExpected: string[]
  state: (typeof STEP_STATES)[number]
  doneOn: string | null
  doneBy: string | null
  naReason: string | null
  documents: string[]
  notes: string | null
  /** The template's rule in words ("60 ngày kể từ ngày thực hiện bước NQ"); null when the step has no deadline. */
  deadlineRule: string | null
  due: string | null
  /** The first day the step may be done (the cooperative's period under the law has ended); null when any day will do. */
  earliest: string | null
  overdue: boolean
  dueThisWeek: boolean
  /** The way of finishing the case the step belongs to (CaseView.routes), null for a step every case needs. */
  route: string | null
}
export interface CaseView {
  id: number
  entityId: number
  entityName: string
  kind: (typeof DISSOLUTION_KINDS)[number]
  law: (typeof LAW_VERSIONS)[number]
  templateId: string
  templateVersion: number
  templateTitle: string
  /** The drafts the case's procedure offers (dissolution.draft refuses the others). */
  drafts: DraftDoc[]
  /** What the case's date is: the event the law counts from ("Ngày Đại hội thành viên thông qua nghị quyết giải thể"). */
  trigger: string
  /** Why the case follows another law than the one of its date (set when opened or changed); null: the law of its date. */
  lawReason: string | null
  /** The law of the case's date, for the screen to say when the case differs. */
  lawOfDate: (typeof LAW_VERSIONS)[number]
  /** Once for the procedure: what could not be checked against the text, and which steps. */
  unverified: { note: string | null; steps: string[] }
  sources: Array<{ title: string; checked: string }>
  /** The ways a case can finish (the cooperative files, or the office records it after the law's period) and whether each is complete. */
  routes: Array<{ code: string; label: string; basis: string; requiresSettlement: boolean; complete: boolean }>
  /** Status the record takes when the case is finalised, in words ("đã giải thể"), and what the office does next. */
  outcome: string
  next: string | null
  /** Why dissolution.finalise would refuse now, in words; empty when it would not. */
  finaliseBlocks: string[]
  ground: string | null
  groundLabel: string | null
  openedOn: string
  decisionNo: string | null
  state: 'open' | 'finalised' | 'cancelled'
  closedOn: string | null
  closedDecisionNo: string | null
  closeReason: string | null
  steps: StepView[]
  /** Codes of the required steps neither done nor marked N/A, in template order: dissolution.finalise refuses while any is left. */
  blockingSteps: string[]
  council: Array<{
    id: number
    name: string
    role: string
    represents: string | null
    organisation: string | null
    decisionNo: string | null
  }>
  councilWarnings: string[]
  items: Array<{
    id: number
    type: string
    category: string | null
    party: string | null
    amount: number | null
    settled: boolean
    settledOn: string | null
    landCertificate: string | null
    areaM2: number | null
    handling: string | null
    note: string | null
  }>
  unsettledPayable: number
  unsettledReceivable: number
  obstacles: Array<{ id: number; code: string; label: string; note: string | null }>
  attachments: Array<{ id: number; stepCode: string | null; name: string; size: number; sha256: string }>
}
export interface CalendarOverrides {
  add: string[]
  remove: string[]
  workingWeekends: string[]
}
export interface CaseSummary {
  id: number
  entityId: number
  entityName: string
  kind: string
  law: string
  state: string
  openedOn: string
  stepsDone: number
  stepsTotal: number
  overdue: number
  unsettledPayable: number
}

/** The dissolution dashboard, as of a date. */
export interface DissolutionDashboard {
  asOf: string
  openCases: number
  /** Open cases by their next step to do (the stage they are at). */
  byStage: Array<{ stage: string; count: number }>
  overdueSteps: Array<{ caseId: number; entityName: string; code: string; title: string; due: string }>
  /** Steps of open cases due in the next 7 days (today included), soonest first. */
  dueSoonSteps: Array<{ caseId: number; entityName: string; code: string; title: string; due: string }>
  unsettledPayable: number
  unsettledReceivable: number
  obstacles: Array<{ code: string; label: string; count: number }>
  /** Cases opened and closed (finalised or cancelled) per quarter, "2024-Q3", oldest first. */
  perQuarter: Array<{ quarter: string; opened: number; finalised: number; cancelled: number }>
}
/** What a screen needs of a checklist template to open a case and add council members. */
export interface TemplateInfo {
  id: string
  version: number
  law: (typeof LAW_VERSIONS)[number]
  kind: (typeof DISSOLUTION_KINDS)[number]
  title: string
  trigger: string
  entityKinds: string[]
  grounds: Array<{ code: string; label: string }>
  council: { title: string; requires: Array<{ code: string; label: string }> } | null
}
export interface PrintablePage {
  name: string
  title: string
  html: string
  /** What the officer must fix by hand before signing (a draft's blank authority); shown on the screen, never on paper. */
  warnings?: string[]
}

const draftInput = z
  .object({
    caseId: id,
    doc: z.enum(DRAFT_DOCS, {
      message:
        'Văn bản: council (quyết định thành lập hội đồng giải thể), notice (thông báo giải thể), request (đề nghị ghi nhận giải thể), violation (thông báo hành vi vi phạm), revocation (quyết định thu hồi giấy chứng nhận), resolution (nghị quyết giải thể), dissolving (thông báo đang làm thủ tục giải thể), dissolved (thông báo về việc giải thể)'
    }),
    date: isoDate.nullish(),
    /**
     * Who the commune's registration office is, for papers dated from 01/07/2025 (NĐ 295/2026 Điều 5): «office», the
     * specialised office the province assigned (default), or «committee», the UBND xã where the commune has none.
     */
    registrar: z
      .enum(['office', 'committee'], { message: 'Cơ quan đăng ký: office (phòng chuyên môn) hoặc committee (UBND xã)' })
      .optional()
  })
  .strict()

export const dissolutionContract = {
  'dissolution.candidates': handler<Candidate[]>('read')(z.object({ asOf: isoDate.optional() }).strict()),
  /** «Chưa có ngày đại hội»: records the 18-month rule cannot judge until their last meeting date is entered. */
  'dissolution.missingAgm': handler<AgmMissing[]>('read')(z.object({ asOf: isoDate.optional() }).strict()),
  'dissolution.lastAgm': handler<{ lastAgmDate: string | null }>('read')(z.object({ entityId: id }).strict()),
  'dissolution.setLastAgm': handler<{ ok: true }>('write')(z.object({ entityId: id, lastAgmDate: isoDate.nullable() }).strict()),
  'dissolution.open': handler<CaseView>('write')(
    z
      .object({
        entityId: id,
        kind,
        /** Omitted: the law in force on openedOn (the trigger date). Another law needs lawReason. */
        law: z.enum(LAW_VERSIONS).optional(),
        lawReason: optionalText(500),
        ground: optionalText(200),
        openedOn: isoDate,
        decisionNo: optionalText(100)
      })
      .strict()
  ),
  /** The case follows another law's procedure from now on: steps of the same code keep what was done; audited with the reason. */
  'dissolution.setLaw': handler<CaseView>('write')(
    z.object({ caseId: id, law: z.enum(LAW_VERSIONS), reason: text(500).min(5, 'Cần nêu lý do đổi luật áp dụng') }).strict()
  ),
  'dissolution.step': handler<CaseView>('write')(
    z
      .object({
        caseId: id,
        code: text(40),
        state: z.enum(STEP_STATES),
        doneOn: isoDate.nullish(),
        doneBy: optionalText(100),
        naReason: optionalText(500),
        documents: z.array(text(300)).max(100).nullish(),
        notes: optionalText(4000)
      })
      .strict()
  ),
  'dissolution.council': handler<CaseView>('write')(
    z
      .object({
        caseId: id,
        name: text(100).min(2, 'Họ tên phải có ít nhất 2 ký tự'),
        role: z.enum(COUNCIL_ROLES, { message: 'Vai trò: chair (chủ tịch), member (thành viên), secretary (thư ký)' }),
        represents: optionalText(40),
        organisation: optionalText(200),
        decisionNo: optionalText(100)
      })
      .strict()
  ),
  'dissolution.item': handler<CaseView>('write')(
    z
      .object({
        caseId: id,
        type: z.enum(ITEM_TYPES, { message: 'Loại: payable (HTX nợ), receivable (nợ HTX), asset (tài sản)' }),
        category: optionalText(40),
        party: optionalText(200),
        amount: z.number().int('Số tiền tính bằng đồng').min(0, 'Số tiền không được âm').max(1e15).nullish(),
        settled: z.boolean().default(false),
        settledOn: isoDate.nullish(),
        landCertificate: optionalText(100),
        areaM2: z.number().min(0).nullish(),
        handling: optionalText(500),
        note: optionalText(1000)
      })
      .strict()
  ),
  'dissolution.settle': handler<CaseView>('write')(z.object({ caseId: id, itemId: id, settledOn: isoDate }).strict()),
  'dissolution.obstacle': handler<CaseView>('write')(
    z
      .object({
        caseId: id,
        code: z.enum(OBSTACLE_CODES, { message: `Mã vướng mắc: ${OBSTACLE_CODES.join(', ')}` }),
        note: optionalText(1000)
      })
      .strict()
  ),
  /** Taking back what was typed wrong on an open case: one council member, one debt or asset, one obstacle tag. */
  'dissolution.removeCouncil': handler<CaseView>('write')(z.object({ caseId: id, memberId: id }).strict()),
  'dissolution.removeItem': handler<CaseView>('write')(z.object({ caseId: id, itemId: id }).strict()),
  'dissolution.removeObstacle': handler<CaseView>('write')(z.object({ caseId: id, obstacleId: id }).strict()),
  /** A scanned document of the case, by path (CLI) or as bytes (window); kept beside the data file by its SHA-256. */
  'dissolution.attach': handler<CaseView>('write')(z.object({ caseId: id, stepCode: optionalText(40), file: fileInput }).strict()),
  'dissolution.finalise': handler<CaseView>('write')(
    z.object({ caseId: id, authorityDate: isoDate, decisionNo: text(100).min(1, 'Cần số văn bản của cơ quan đăng ký') }).strict()
  ),
  'dissolution.cancel': handler<CaseView>('write')(
    z.object({ caseId: id, reason: text(500).min(3, 'Cần nêu lý do hủy hồ sơ'), date: isoDate }).strict()
  ),
  'dissolution.show': handler<CaseView>('read')(z.object({ caseId: id, asOf: isoDate.optional() }).strict()),
  /** Holiday overrides on top of resources/holidays/vn.json (announced swaps), for Settings. */
  'dissolution.calendar': handler<CalendarOverrides>('read')(z.object({}).strict()),
  'dissolution.setCalendar': handler<CalendarOverrides>('write')(
    z.object({ add: z.array(isoDate).max(500), remove: z.array(isoDate).max(500), workingWeekends: z.array(isoDate).max(500) }).strict()
  ),
  'dissolution.templates': handler<TemplateInfo[]>('read')(z.object({}).strict()),
  'dissolution.dashboard': handler<DissolutionDashboard>('read')(z.object({ asOf: isoDate.optional() }).strict()),
  /**
   * Printable pages and the summary workbook, returned as bytes: the core never writes
   * where an input says (the door saves them where the person chose — a download, a save
   * dialog, the CLI's --out).
   */
  'dissolution.casePage': handler<PrintablePage>('read')(z.object({ caseId: id, asOf: isoDate.optional() }).strict()),
  'dissolution.summaryPage': handler<PrintablePage & { rows: number }>('read')(
    z.object({ asOf: isoDate.optional(), title: optionalText(300) }).strict()
  ),
  'dissolution.summaryXlsx': handler<FileOutput & { rows: number }>('read')(
    z.object({ asOf: isoDate.optional(), title: optionalText(300) }).strict()
  ),
  'dissolution.draft': handler<PrintablePage>('read')(draftInput),
  /** The same draft as a Word file (.docx) to edit and sign. */
  'dissolution.draftDocx': handler<FileOutput>('read')(draftInput),
  'dissolution.attachment': handler<FileOutput>('read')(z.object({ caseId: id, attachmentId: id }).strict()),
  'dissolution.list': handler<CaseSummary[]>('read')(
    z.object({ state: z.enum(['open', 'finalised', 'cancelled']).optional(), asOf: isoDate.optional() }).strict()
  )
}

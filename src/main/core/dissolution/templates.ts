import type { DraftDoc } from '../../../shared/contract/dissolution'
/** Checklist templates: data in resources/checklists/, one versioned file per law and procedure. */
import t2012c from '../../../../resources/checklists/2012-compulsory.json'
import t2012v from '../../../../resources/checklists/2012-voluntary.json'
import t2023c from '../../../../resources/checklists/2023-compulsory.json'
import t2023r from '../../../../resources/checklists/2023-revocation.json'
import t2023t from '../../../../resources/checklists/2023-tht-termination.json'
import t2023v from '../../../../resources/checklists/2023-voluntary.json'
import type { DeadlineRule } from '../calendar'
import { STATUSES } from '../../../shared/domain'

/**
 * A deadline: a duration from a named trigger — "opening" (the case's trigger date: the resolution,
 * the decision, the day the ground was found) or another step's done date — optionally followed by a
 * second duration counted from the end of the first ("06 tháng … trong thời hạn 03 ngày làm việc kể
 * từ ngày kết thúc thời hạn nêu trên"). With `then`, the step may not be done before the first period
 * has ended: the law gives the cooperative that time.
 */
export type DeadlineSpec = DeadlineRule & { after: string; then?: DeadlineRule }

export interface TemplateStep {
  code: string
  title: string
  actor: string
  legalBasis: string
  /** false: the article/clause could not be checked against the text ("chưa đối chiếu văn bản") */
  verified: boolean
  verifyNote?: string
  documents: string[]
  optional: boolean
  condition: string | null
  deadline: DeadlineSpec | null
  /** The deadline where the case's ground sets another one (NĐ 295/2026 Điều 54: 03 ngày làm việc from receipt). */
  deadlineByGround?: Record<string, DeadlineSpec | null>
  /** The step belongs to one way of finishing the case (routes below); the other way does not need it. */
  route?: string
  /** Only for these grounds; on a case with another ground the step opens as not applicable. */
  onlyFor?: string[]
}
export interface TemplateRoute {
  code: string
  label: string
  steps: string[]
  /** Finalising by this way needs every debt of the case settled (the file is filed after the debts are paid). */
  requiresSettlement: boolean
  basis: string
}
export const PROCEDURE_KINDS = ['voluntary', 'compulsory', 'revocation', 'tht_termination'] as const
export interface Template {
  id: string
  /** The drafts this procedure offers (resources/checklists/*.json); older stored templates get draftsFor's default. */
  drafts: DraftDoc[]
  version: number
  law: '2012' | '2023'
  kind: (typeof PROCEDURE_KINDS)[number]
  /** Which records the procedure is for: an HTX/LHHTX, or a THT. */
  entityKinds: string[]
  title: string
  /** What the case's date is: the event the law counts from. */
  trigger: string
  sources: Array<{ title: string; checked: string }>
  /** One sentence for the whole procedure on what could not be checked against the text. */
  unverifiedNote?: string
  grounds?: Array<{ code: string; label: string }>
  council: {
    title: string
    basis: string
    verified: boolean
    verifyNote?: string
    requires: Array<{ code: string; label: string }>
  } | null
  /** Status the record takes when the case opens (null: unchanged, e.g. a revocation until its decision). */
  openStatus: string | null
  /** Status the record takes when the case is finalised. */
  outcome: { status: string; label: string }
  /** A ground whose end is another status (a revocation the tax office asked for: «bị thu hồi do cưỡng chế về quản lý thuế»). */
  outcomeByGround?: Record<string, { status: string; label: string }>
  /** What the office does next once this case is finalised. */
  next?: string
  routes?: TemplateRoute[]
  steps: TemplateStep[]
}

export const TEMPLATES: Template[] = [t2023v, t2023r, t2023c, t2023t, t2012v, t2012c] as Template[]

// The statuses a procedure writes are legal statuses of NĐ 295/2026 Điều 27 (shared/domain): a
// template naming any other would write a status the register refuses, so it fails at load instead.
for (const t of TEMPLATES) {
  for (const status of [t.openStatus, t.outcome.status, ...Object.values(t.outcomeByGround ?? {}).map((o) => o.status)]) {
    if (status !== null && !(STATUSES as readonly string[]).includes(status))
      throw new Error(`resources/checklists/${t.id}.json: «${status}» is not a legal status (${STATUSES.join(', ')})`)
  }
}

// The law of a trigger date is one rule for the core and the screens: shared/contract/dissolution.
export { LAW_2023_FROM, lawOn } from '../../../shared/contract/dissolution'

/** Where a case of this template ends: its ground's own outcome, else the procedure's. */
export function outcomeOf(t: Template, ground: string | null): { status: string; label: string } {
  return (ground && t.outcomeByGround?.[ground]) || t.outcome
}

export function templateFor(law: string, kind: string): Template {
  const t = TEMPLATES.find((x) => x.law === law && x.kind === kind)
  if (!t) throw new Error(`Không có mẫu quy trình cho luật ${law}, thủ tục ${kind}`)
  return t
}

/** Drafts of a template stored before templates listed them: the 2012 three, the revocation decision. */
export function draftsFor(t: Pick<Template, 'kind' | 'law'>): DraftDoc[] {
  if (t.law === '2012') return ['council', 'notice', 'request']
  return t.kind === 'revocation' ? ['revocation'] : []
}

/**
 * Older cases keep the template they were opened with; fields added since read as their defaults. Drafts are
 * papers, not steps: a case also offers those its procedure's current data lists (a 2023 case opened before the
 * notices of dissolution existed gets them), never fewer than it was opened with.
 */
export function normaliseTemplate(t: Partial<Template> & Pick<Template, 'steps' | 'kind' | 'law'>): Template {
  const current = TEMPLATES.find((x) => x.id !== '' && x.id === t.id)
  const drafts = [...new Set([...(t.drafts ?? draftsFor(t)), ...(current?.drafts ?? [])])]
  return {
    entityKinds: ['htx', 'lhhtx'],
    trigger: 'Ngày mở hồ sơ',
    sources: [],
    openStatus: 'dissolving',
    outcome: { status: 'dissolved', label: 'đã giải thể' },
    council: null,
    id: '',
    version: 1,
    title: '',
    ...t,
    drafts
  } as Template
}

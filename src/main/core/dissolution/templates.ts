/** Checklist templates: data in resources/checklists/, one versioned file per law and procedure. */
import t2012c from '../../../../resources/checklists/2012-compulsory.json'
import t2012v from '../../../../resources/checklists/2012-voluntary.json'
import t2023c from '../../../../resources/checklists/2023-compulsory.json'
import t2023v from '../../../../resources/checklists/2023-voluntary.json'
import type { DeadlineRule } from '../calendar'

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
  /** relative to the case opening or to another step's done date */
  deadline: (DeadlineRule & { after: string }) | null
}
export interface Template {
  id: string
  version: number
  law: '2012' | '2023'
  kind: 'voluntary' | 'compulsory'
  title: string
  sources: Array<{ title: string; checked: string }>
  grounds?: Array<{ code: string; label: string }>
  council: { title: string; basis: string; verified: boolean; verifyNote?: string; requires: Array<{ code: string; label: string }> }
  steps: TemplateStep[]
}

export const TEMPLATES: Template[] = [t2023v, t2023c, t2012v, t2012c] as Template[]

export function templateFor(law: string, kind: string): Template {
  const t = TEMPLATES.find((x) => x.law === law && x.kind === kind)
  if (!t) throw new Error(`Không có mẫu quy trình giải thể cho luật ${law}, hình thức ${kind}`)
  return t
}

/**
 * What every draft document is filled from and the pieces all of them print: the input, the signing committee and the
 * registration office of the paper's date, the decree in force, the cooperative's identity and ground. Shared by the
 * 2012 council papers (documents-2012.ts), the 2023 registration papers (documents-2023.ts) and the entry point that
 * picks between them (documents.ts), so it stands apart from all three.
 */
import type { CaseView, DraftDoc } from '../../../shared/contract/dissolution'
import type { Entity } from '../../../shared/contract/registry'
import type { AdminUnit } from '../../../shared/contract/office'
import { formatDate } from '../../../shared/text'
import drafts2023 from '../../../../resources/drafts/2023.json'
import { committeeOn, escapeHtml as e, registrarOn } from '../text/document'
import type { Template } from './templates'

export const BLANK = '……'

export interface DraftInput {
  doc: DraftDoc
  view: CaseView
  template: Template
  entity: Entity
  unit: AdminUnit
  /** The date printed beside the place; null leaves "ngày … tháng … năm …" blank. */
  date: string | null
  /** A commune office's own body (office.body_name). */
  bodyName?: string | null
  /** The office's day: it decides the signing authority and the body when `date` is blank. */
  authorityDate?: string
  /** From 01/07/2025: the commune's specialised office (default) or the UBND xã where there is none (NĐ 295/2026 Điều 5). */
  registrar?: 'office' | 'committee'
}

/** The committee that signs this draft, by its date (text/document.ts committeeOn). */
export function authority(d: DraftInput) {
  return committeeOn(d.unit, d.date ?? d.authorityDate ?? '9999-12-31')
}

/** The 2023 drafts' data: decrees by date, the registration office, each draft's căn cứ and form (resources/drafts/2023.json). */
type Decree = (typeof drafts2023.decrees)[number]
export const D = drafts2023.drafts

/** The date that decides who signs and which decree is cited: the paper's own, else the office's today. */
export function paperDate(d: DraftInput): string {
  return d.date ?? d.authorityDate ?? '9999-12-31'
}

/** The registration decree of the 2023 law in force on the paper's date (NĐ 92/2024 until 22/07/2026, then NĐ 295/2026). */
export function decreeOn(date: string): Decree {
  const ds = [...drafts2023.decrees].sort((a, b) => (a.from < b.from ? -1 : 1))
  return ds.filter((x) => x.from <= date).pop() ?? ds[0]!
}

/** The registration office that issues a 2023 paper of this date (text/document.ts registrarOn). */
export function registrar(d: DraftInput) {
  return registrarOn(
    d.unit,
    paperDate(d),
    {
      district: drafts2023.registrar.districtNote,
      commune: drafts2023.registrar.communeNote,
      committee: drafts2023.registrar.committeeNote
    },
    d.registrar,
    d.bodyName
  )
}

/** The office's name inside a sentence: "cơ quan đăng ký kinh doanh cấp xã", a proper name ("Phòng Tài chính - Kế hoạch …") as is. */
export function inText(r: ReturnType<typeof registrar>): string {
  return r.name.replace(/^Cơ quan/, 'cơ quan')
}

export function address(en: Entity): string {
  return [en.street ?? en.address, en.commune, en.districtName].filter(Boolean).join(', ') || BLANK
}

/** The cooperative as every draft identifies it. */
export function identity(en: Entity): string {
  const rows: Array<[string, string]> = [
    ['Tên hợp tác xã', en.name],
    ['Mã số hợp tác xã', en.regNo ?? BLANK],
    ['Ngày đăng ký', en.registrationDate ? formatDate(en.registrationDate) : BLANK],
    ['Địa chỉ trụ sở chính', address(en)],
    [
      'Người đại diện theo pháp luật',
      en.representative ? `${en.representative}${en.representativeTitle ? `, ${en.representativeTitle}` : ''}` : BLANK
    ]
  ]
  return rows.map(([k, v]) => `<p class="flat">- ${e(k)}: ${e(v)}</p>`).join('')
}

export function groundLabel(view: CaseView, template: Template): string | null {
  if (!view.ground) return null
  const label = template.grounds?.find((g) => g.code === view.ground)?.label ?? view.ground
  // The decree's clause is the paper's own (by its date, NĐ 92/2024 or NĐ 295/2026): the label keeps only the law's.
  return label.replace(/\s*\(chưa đối chiếu văn bản\)$/, '').replace(/\s*\(([^()]*)\)$/, (_m, inner: string) => {
    const kept = inner.split(/;\s*/).filter((x) => !/^Nghị định/.test(x))
    return kept.length ? ` (${kept.join('; ')})` : ''
  })
}

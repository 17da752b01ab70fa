/**
 * Draft documents the office (or the council it helps) has to write, filled from the case:
 * the decision establishing the dissolution council, the notice of dissolution, and the
 * request to record the dissolution. They are drafts: numbers and anything the case does
 * not hold are left as "……" to fill by hand, never invented.
 * Layout from the shared administrative page (src/main/core/text/document.ts).
 *
 * This file is what the paper handlers call: the titles, the warnings for the screen, and the page as .html or .docx.
 * The drafts themselves are in documents-2012.ts (the council's papers) and documents-2023.ts (the registration
 * office's and the general meeting's), the pieces they share in documents-shared.ts.
 */
import type { DraftDoc } from '../../../shared/contract/dissolution'
import { formatDate } from '../../../shared/text'
import { adminPageDocx } from '../text/docx'
import drafts2023 from '../../../../resources/drafts/2023.json'
import { adminPageHtml, COMMUNE_LEVEL_FROM, type AdminPage } from '../text/document'
import { authority, D, decreeOn, paperDate, registrar, type DraftInput } from './documents-shared'
import { councilDecision, notice, request } from './documents-2012'
import { dissolvedNotice, dissolvingNotice, resolution, revocationDecision, violationDecisionNotice } from './documents-2023'

/** The drafts the registration office issues in its own name (resources/drafts/2023.json, issuer «registrar»). */
const REGISTRAR_DRAFTS = (Object.keys(D) as Array<keyof typeof D>).filter((k) => D[k].issuer === 'registrar') as DraftDoc[]

/** The form the law names for this draft on its date, when it could not be read (said on screen, never printed). */
function formNote(d: DraftInput): string | null {
  const f = (D as Record<string, { form?: string | Record<string, string> }>)[d.doc]?.form
  if (!f) return null
  return typeof f === 'string' ? f : (f[decreeOn(paperDate(d)).code] ?? null)
}

/** What the officer must fix before signing, for the screen; never printed. */
export function draftWarnings(d: DraftInput): string[] {
  const w: string[] = []
  if (REGISTRAR_DRAFTS.includes(d.doc)) {
    w.push(...registrar(d).warnings)
    if (paperDate(d) >= COMMUNE_LEVEL_FROM && decreeOn(paperDate(d)).code === '92') w.push(drafts2023.registrar.interimNote)
    if (d.registrar === 'committee' && paperDate(d) < COMMUNE_LEVEL_FROM)
      w.push(
        'Văn bản ngày trước 01/07/2025: cơ quan đăng ký là Phòng Tài chính - Kế hoạch cấp huyện, không phải Ủy ban nhân dân xã; đã in theo cơ quan cấp huyện.'
      )
    if (paperDate(d) < drafts2023.decrees[0]!.from)
      w.push(
        `Văn bản ngày trước ${formatDate(drafts2023.decrees[0]!.from)}: chưa có nghị định đăng ký hợp tác xã theo Luật 2023; căn cứ in theo ${drafts2023.decrees[0]!.short}, cần kiểm tra.`
      )
  } else if (d.doc === 'council' && d.view.kind === 'compulsory') {
    const a = authority(d).warning
    if (a) w.push(a)
  }
  const f = formNote(d)
  if (f) w.push(f)
  return w
}

export const DRAFT_TITLES: Record<DraftDoc, { title: string; file: string }> = {
  council: { title: 'Quyết định thành lập hội đồng giải thể', file: 'quyet-dinh-thanh-lap-hoi-dong-giai-the' },
  notice: { title: 'Thông báo về việc giải thể', file: 'thong-bao-giai-the' },
  request: { title: 'Đề nghị ghi nhận việc giải thể', file: 'de-nghi-ghi-nhan-giai-the' },
  revocation: { title: 'Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã', file: 'quyet-dinh-thu-hoi-giay-chung-nhan' },
  violation: { title: 'Thông báo về hành vi vi phạm', file: 'thong-bao-hanh-vi-vi-pham' },
  resolution: { title: 'Nghị quyết Đại hội thành viên về việc giải thể', file: 'nghi-quyet-giai-the' },
  dissolving: { title: 'Thông báo tình trạng đang làm thủ tục giải thể', file: 'thong-bao-dang-lam-thu-tuc-giai-the' },
  dissolved: { title: 'Thông báo về việc giải thể của hợp tác xã', file: 'thong-bao-ve-viec-giai-the' }
}

const BUILDERS: Record<DraftDoc, (d: DraftInput) => AdminPage> = {
  council: councilDecision,
  notice,
  request,
  revocation: revocationDecision,
  violation: violationDecisionNotice,
  resolution,
  dissolving: dissolvingNotice,
  dissolved: dissolvedNotice
}

/** The draft as a whole printable page. */
export function draftHtml(d: DraftInput): string {
  return adminPageHtml(BUILDERS[d.doc](d))
}

/** The same draft, same content, as a Word file to edit and sign (text/docx.ts). */
export function draftDocx(d: DraftInput): Buffer {
  return adminPageDocx(BUILDERS[d.doc](d))
}

/** What the case data becomes on paper: printable pages, the province summary (.xlsx), draft documents, the dashboard. */
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import type { CoreContext, DomainHandlers } from '../context'
import { currentUnit, officeBodyName, today } from '../office/office'
import { findEntity } from '../registry/entities'
import { buildCaseView, caseRow } from './case-view'
import { dissolutionDashboard } from './dashboard'
import type { DraftDoc } from '../../../shared/contract/dissolution'
import { DRAFT_TITLES, draftDocx, draftHtml, draftWarnings } from './documents'
import type { DraftInput } from './documents-shared'
import { caseHtml, summaryHtml, summaryRows, summaryXlsx, type Letterhead } from './outputs'
import { normaliseTemplate, TEMPLATES, type Template } from './templates'
export type PaperHandlerName =
  | 'dissolution.draft'
  | 'dissolution.draftDocx'
  | 'dissolution.casePage'
  | 'dissolution.summaryPage'
  | 'dissolution.summaryXlsx'
  | 'dissolution.templates'
  | 'dissolution.dashboard'

/** What a draft is filled from, the same for its .html and its .docx. */
async function draftInput(
  ctx: CoreContext,
  input: { caseId: number; doc: DraftDoc; date?: string | null; registrar?: 'office' | 'committee' }
): Promise<DraftInput> {
  const c = await caseRow(ctx.db, input.caseId)
  const entity = await findEntity(ctx.db, c.entity_id)
  const unit = await currentUnit(ctx.db)
  if (!entity || !unit)
    throw new AppError('NOT_FOUND', 'Chưa chọn cơ quan hoặc không tìm thấy hợp tác xã của hồ sơ.', { caseId: input.caseId })
  const view = await buildCaseView(ctx.db, input.caseId, today(ctx))
  const template = normaliseTemplate(JSON.parse(c.template_json) as Template)
  if (!template.drafts.includes(input.doc))
    throw new AppError(
      'VALIDATION',
      `Thủ tục «${template.title}» không có văn bản «${DRAFT_TITLES[input.doc].title}». Các dự thảo của thủ tục này: ${template.drafts.map((x) => `«${DRAFT_TITLES[x].title}»`).join(', ') || 'không có'}.`,
      { caseId: input.caseId, doc: input.doc }
    )
  return {
    doc: input.doc,
    view,
    template,
    entity,
    unit,
    date: input.date ?? null,
    authorityDate: today(ctx),
    registrar: input.registrar,
    bodyName: await officeBodyName(ctx.db)
  }
}

async function letterhead(ctx: CoreContext): Promise<Letterhead | undefined> {
  const unit = await currentUnit(ctx.db)
  return unit ? { unit, date: today(ctx), bodyName: await officeBodyName(ctx.db) } : undefined
}

function summaryTitle(asOf: string): string {
  return `TỔNG HỢP HỢP TÁC XÃ NGỪNG HOẠT ĐỘNG VÀ TÌNH HÌNH XỬ LÝ (đến ngày ${formatDate(asOf)})`
}

export const paperHandlers: DomainHandlers<PaperHandlerName> = {
  'dissolution.draft': async (input, ctx) => {
    const d = await draftInput(ctx, input)
    const t = DRAFT_TITLES[input.doc]
    return { name: `${t.file}-${input.caseId}.html`, title: `${t.title}: ${d.entity.name}`, html: draftHtml(d), warnings: draftWarnings(d) }
  },

  'dissolution.draftDocx': async (input, ctx) => {
    const d = await draftInput(ctx, input)
    return { name: `${DRAFT_TITLES[input.doc].file}-${input.caseId}.docx`, base64: draftDocx(d).toString('base64') }
  },

  'dissolution.casePage': async (input, ctx) => {
    const view = await buildCaseView(ctx.db, input.caseId, input.asOf ?? today(ctx))
    return { name: `ho-so-giai-the-${input.caseId}.html`, title: `Hồ sơ giải thể: ${view.entityName}`, html: caseHtml(view) }
  },

  'dissolution.summaryPage': async (input, ctx) => {
    const asOf = input.asOf ?? today(ctx)
    const rows = await summaryRows(ctx.db, asOf)
    const title = input.title ?? summaryTitle(asOf)
    return {
      name: `tong-hop-htx-ngung-hoat-dong-${asOf}.html`,
      title,
      html: summaryHtml(rows, title, await letterhead(ctx)),
      rows: rows.length
    }
  },

  'dissolution.summaryXlsx': async (input, ctx) => {
    const asOf = input.asOf ?? today(ctx)
    const rows = await summaryRows(ctx.db, asOf)
    return {
      name: `tong-hop-htx-ngung-hoat-dong-${asOf}.xlsx`,
      base64: summaryXlsx(rows, input.title ?? summaryTitle(asOf)).toString('base64'),
      rows: rows.length
    }
  },

  'dissolution.templates': async () =>
    TEMPLATES.map((t) => ({
      id: t.id,
      version: t.version,
      law: t.law,
      kind: t.kind,
      title: t.title,
      grounds: t.grounds ?? [],
      trigger: t.trigger,
      entityKinds: t.entityKinds,
      council: t.council ? { title: t.council.title, requires: t.council.requires } : null
    })),

  'dissolution.dashboard': async (input, ctx) => dissolutionDashboard(ctx.db, input.asOf ?? today(ctx))
}

/**
 * The province's side of the review: for the package in place of each district it
 * records accepted or returned with remarks (on a record, on an indicator), and exports
 * the signed reply file the district imports. Every change is one transaction with its
 * audit row.
 */
import { gsoCode } from '../../../shared/contract/office'
import { version as appVersion } from '../../../../package.json'
import type { ApiParsed } from '../../../shared/api'
import type { ProvinceReview, ReviewDecision, ReviewRemark } from '../../../shared/contract/review'
import { vnDate, vnDateTime } from '../../../shared/clock'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { deliverFile } from '../delivery'
import { requireProvince } from '../handoff/consolidate'
import { officeSigningKey, signText } from '../handoff/keys'
import { lastAccepted } from '../handoff/verify'
import { officeName } from '../office/office'
import { definitions } from '../reports/definitions'
import { REPLY_FORMAT, REPLY_FORMAT_VERSION, replyBytes, replySignedText, type ReplyManifest, type ReplyRemark } from './reply'

interface ConsolidationRow {
  id: number
  unit_code: string
  unit_name: string
  file_name: string
  exported_at: string
  as_of: string
  content_hash: string
  at: string
  review_id: number | null
  decision: string | null
  note: string | null
  decided_at: string | null
  decided_by: string | null
  replied_at: string | null
}

const CONSOLIDATIONS = `
  select c.id, c.unit_code, coalesce(a.name, c.unit_code) as unit_name, c.file_name, c.exported_at, c.as_of, c.content_hash, c.at,
         r.id as review_id, r.decision, r.note, r.decided_at, r.decided_by, r.replied_at
  from package_consolidations c
  left join admin_units a on a.code = c.unit_code
  left join package_reviews r on r.consolidation_id = c.id
  where c.outcome = 'accepted'`

function remarksOf(ctx: CoreContext, reviewId: number | null): ReviewRemark[] {
  if (reviewId === null) return []
  const rows = ctx.conn.sqlite
    .prepare(
      `select r.id, r.kind, r.entity_id, r.reg_no, r.name, r.indicator, r.indicator_label, r.text, r.answer_note, r.answered_at, r.answered_by,
              (select 1 from entities e where e.id = r.entity_id) as present
       from review_remarks r where r.review_id = ? order by r.id`
    )
    .all(reviewId) as Array<{
    id: number
    kind: string
    entity_id: number | null
    reg_no: string | null
    name: string | null
    indicator: string | null
    indicator_label: string | null
    text: string
    answer_note: string | null
    answered_at: string | null
    answered_by: string | null
    present: number | null
  }>
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ReviewRemark['kind'],
    entityId: r.present ? r.entity_id : null,
    regNo: r.reg_no,
    name: r.name,
    indicator: r.indicator,
    indicatorLabel: r.indicator_label,
    text: r.text,
    answer: r.answer_note !== null ? { note: r.answer_note, at: r.answered_at ?? '', by: r.answered_by ?? '' } : null
  }))
}

function toReview(ctx: CoreContext, r: ConsolidationRow, currentId: number | undefined): ProvinceReview {
  return {
    packageId: r.id,
    unit: r.unit_code,
    unitName: r.unit_name,
    file: r.file_name,
    exportedAt: r.exported_at,
    asOf: r.as_of,
    contentHash: r.content_hash,
    consolidatedAt: r.at,
    current: currentId === r.id,
    decision: (r.decision as ReviewDecision | null) ?? null,
    note: r.note,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    repliedAt: r.replied_at,
    remarks: remarksOf(ctx, r.review_id)
  }
}

export function provinceReviews(ctx: CoreContext): ProvinceReview[] {
  const rows = ctx.conn.sqlite.prepare(`${CONSOLIDATIONS} order by c.id desc`).all() as ConsolidationRow[]
  const current = new Map<string, number>()
  for (const r of rows) if (!current.has(r.unit_code)) current.set(r.unit_code, r.id)
  return rows.map((r) => toReview(ctx, r, current.get(r.unit_code)))
}

function provinceReview(ctx: CoreContext, packageId: number): ProvinceReview {
  const r = ctx.conn.sqlite.prepare(`${CONSOLIDATIONS} and c.id = ?`).get(packageId) as ConsolidationRow | undefined
  if (!r) throw new AppError('NOT_FOUND', `Không có gói đã tổng hợp số ${packageId} (xem: review list).`, { field: 'packageId' })
  return toReview(ctx, r, lastAccepted(ctx, r.unit_code)?.id)
}

/** Only the package in place can be reviewed: the province's figures are that one's. */
function requireCurrent(ctx: CoreContext, packageId: number): ProvinceReview {
  const review = provinceReview(ctx, packageId)
  if (!review.current) {
    const last = lastAccepted(ctx, review.unit)!
    throw new AppError(
      'VALIDATION',
      `Gói số ${packageId} của ${review.unitName} đã được thay bằng gói tổng hợp sau (số ${last.id}, xuất lúc ${vnDateTime(last.exported_at)}): hãy xem xét gói mới nhất.`,
      { field: 'packageId', current: last.id }
    )
  }
  return review
}

export async function setReview(ctx: CoreContext, input: ApiParsed<'review.set'>): Promise<ProvinceReview> {
  await requireProvince(ctx)
  const before = requireCurrent(ctx, input.packageId)
  const sqlite = ctx.conn.sqlite
  const remarks = (input.remarks ?? []).map((r) => {
    if ('entityId' in r) {
      const e = sqlite
        .prepare(
          `select e.id, e.reg_no, e.name, e.district_code, s.source_id from entities e
           left join consolidated_entities s on s.entity_id = e.id where e.id = ?`
        )
        .get(r.entityId) as
        { id: number; reg_no: string | null; name: string; district_code: string | null; source_id: number | null } | undefined
      if (!e || e.district_code !== before.unit) {
        throw new AppError('VALIDATION', `Bản ghi số ${r.entityId} không thuộc số liệu của ${before.unitName} trong gói này.`, {
          field: 'entityId',
          entityId: r.entityId
        })
      }
      return {
        kind: 'record',
        entity_id: e.id,
        source_id: e.source_id,
        reg_no: e.reg_no,
        name: e.name,
        indicator: null,
        indicator_label: null,
        text: r.text
      }
    }
    const indicator = definitions().byCode.get(r.indicator)
    if (!indicator) {
      throw new AppError(
        'VALIDATION',
        `Không có chỉ tiêu «${r.indicator}» trong danh mục chỉ tiêu báo cáo (resources/reports/indicators.json).`,
        {
          field: 'indicator'
        }
      )
    }
    return {
      kind: 'indicator',
      entity_id: null,
      source_id: null,
      reg_no: null,
      name: null,
      indicator: indicator.code,
      indicator_label: indicator.label,
      text: r.text
    }
  })
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now()
    let reviewId = (await trx.selectFrom('package_reviews').select('id').where('consolidation_id', '=', input.packageId).executeTakeFirst())
      ?.id
    const change = {
      ...(input.decision ? { decision: input.decision, decided_at: now, decided_by: ctx.user } : {}),
      ...(input.note !== undefined ? { note: input.note ?? null } : {}),
      updated_at: now
    }
    if (reviewId === undefined) {
      reviewId = (
        await trx
          .insertInto('package_reviews')
          .values({
            consolidation_id: input.packageId,
            unit_code: before.unit,
            decision: null,
            note: null,
            decided_at: null,
            decided_by: null,
            replied_at: null,
            ...change
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    } else {
      await trx.updateTable('package_reviews').set(change).where('id', '=', reviewId).execute()
    }
    for (const r of remarks) {
      await trx
        .insertInto('review_remarks')
        .values({
          review_id: reviewId,
          ...r,
          created_at: now,
          created_by: ctx.user,
          answer_note: null,
          answered_at: null,
          answered_by: null
        })
        .execute()
    }
    await writeAudit(trx, ctx, {
      action: 'review_set',
      table: 'package_reviews',
      rowId: reviewId,
      before: { decision: before.decision, note: before.note, remarks: before.remarks.length },
      after: { packageId: input.packageId, unit: before.unit, ...change, addedRemarks: remarks }
    })
  })
  return provinceReview(ctx, input.packageId)
}

/** The reply's file name: who it is from and for, and the package's as-of date. */
function replyFileName(provinceCode: string, unit: string, asOf: string): string {
  return `phan-hoi-${gsoCode(provinceCode)}-cho-${gsoCode(unit)}-den-${formatDate(asOf).replace(/\//g, '-')}.json`
}

export async function exportReply(ctx: CoreContext, packageId: number) {
  const province = await requireProvince(ctx)
  const review = requireCurrent(ctx, packageId)
  if (!review.decision) {
    throw new AppError(
      'VALIDATION',
      `Gói của ${review.unitName} chưa có kết luận (chấp nhận hay trả lại): ghi kết luận trước khi xuất phản hồi.`,
      { field: 'decision' }
    )
  }
  const key = await officeSigningKey(ctx)
  const sqlite = ctx.conn.sqlite
  const rows = sqlite
    .prepare(
      `select r.id, r.kind, r.source_id, r.reg_no, r.name, r.indicator, r.indicator_label, r.text from review_remarks r
       join package_reviews v on v.id = r.review_id where v.consolidation_id = ? order by r.id`
    )
    .all(packageId) as Array<{
    id: number
    kind: string
    source_id: number | null
    reg_no: string | null
    name: string | null
    indicator: string | null
    indicator_label: string | null
    text: string
  }>
  const remarks: ReplyRemark[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as ReplyRemark['kind'],
    sourceId: r.source_id,
    regNo: r.reg_no,
    name: r.name,
    indicator: r.indicator,
    indicatorLabel: r.indicator_label,
    text: r.text
  }))
  const manifest: ReplyManifest = {
    format: REPLY_FORMAT,
    formatVersion: REPLY_FORMAT_VERSION,
    appVersion,
    provinceCode: province.code,
    provinceName: officeName({ code: province.code, name: province.name, level: 'province' }, vnDate(ctx.now())),
    unitCode: review.unit,
    unitName: review.unitName,
    packageExportedAt: review.exportedAt,
    packageAsOf: review.asOf,
    packageContentHash: review.contentHash,
    decision: review.decision,
    note: review.note ?? '',
    reviewedAt: review.decidedAt ?? ctx.now(),
    reviewedBy: review.decidedBy ?? ctx.user,
    exportedAt: ctx.now(),
    remarks: JSON.stringify(remarks),
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint,
    signature: ''
  }
  manifest.signature = signText(key, replySignedText(manifest))
  const bytes = replyBytes(manifest)
  const name = replyFileName(province.code, review.unit, review.asOf)
  await ctx.db.transaction().execute(async (trx) => {
    const review = await trx.selectFrom('package_reviews').select('id').where('consolidation_id', '=', packageId).executeTakeFirstOrThrow()
    await trx.updateTable('package_reviews').set({ replied_at: manifest.exportedAt }).where('id', '=', review.id).execute()
    await writeAudit(trx, ctx, {
      action: 'review_export',
      table: 'package_reviews',
      rowId: review.id,
      after: {
        packageId,
        unit: manifest.unitCode,
        decision: manifest.decision,
        remarks: remarks.length,
        file: name,
        exportedAt: manifest.exportedAt
      }
    })
    // The CLI writes its --out here: the row commits only with the file whole on disk.
    deliverFile({ name, bytes })
  })
  return {
    name,
    base64: bytes.toString('base64'),
    unit: review.unit,
    decision: review.decision,
    remarks: remarks.length,
    keyFingerprint: key.fingerprint
  }
}

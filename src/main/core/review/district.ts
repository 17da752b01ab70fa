/**
 * The district's side of the review: it imports the province's signed reply (one
 * transaction), pinning the province's key the first time on explicit confirmation (the
 * fingerprint shown), and refuses a reply meant for another office, for a package it
 * never sent, or one changed after signing; it lists what it sent with the province's
 * status and remarks, and closes each remark with an answer note (audited).
 */
import { acceptsFrom } from '../office/area'
import type { DistrictSending, ReplyImportResult, ReviewRemark, SendingStatus } from '../../../shared/contract/review'
import { vnDateTime } from '../../../shared/clock'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import type { FileInput } from '../../../shared/api'
import { loadBytes } from '../file-input'
import { currentUnit } from '../handoff/write'
import { readReply, replyError, type ReplyRemark } from './reply'

interface SendingRow {
  id: number
  file_name: string
  at: string
  as_of: string
  content_hash: string
  reply_id: number | null
  decision: string | null
  note: string | null
  reviewed_at: string | null
  reviewed_by: string | null
  reply_file: string | null
  imported_at: string | null
}

const SENDINGS = `
  select p.id, p.file_name, p.at, p.as_of, p.content_hash, r.id as reply_id, r.decision, r.note, r.reviewed_at, r.reviewed_by,
         r.file_name as reply_file, r.imported_at
  from package_exports p
  -- A package sent again with the same data is the one the province already holds (it skips it): that one's reply.
  left join review_replies r on r.package_export_id = (
    select q.id from package_exports q join review_replies x on x.package_export_id = q.id
    where q.content_hash = p.content_hash and q.id <= p.id order by q.id desc limit 1)`

function replyRemarks(ctx: CoreContext, replyId: number | null): ReviewRemark[] {
  if (replyId === null) return []
  const rows = ctx.conn.sqlite.prepare('select * from reply_remarks where reply_id = ? order by remote_id, id').all(replyId) as Array<{
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
  }>
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ReviewRemark['kind'],
    entityId: r.entity_id,
    regNo: r.reg_no,
    name: r.name,
    indicator: r.indicator,
    indicatorLabel: r.indicator_label,
    text: r.text,
    answer: r.answer_note !== null ? { note: r.answer_note, at: r.answered_at ?? '', by: r.answered_by ?? '' } : null
  }))
}

function toSending(ctx: CoreContext, r: SendingRow): DistrictSending {
  return {
    packageId: r.id,
    file: r.file_name,
    exportedAt: r.at,
    asOf: r.as_of,
    contentHash: r.content_hash,
    status: (r.decision as SendingStatus | null) ?? 'pending',
    note: r.note,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    replyFile: r.reply_file,
    importedAt: r.imported_at,
    remarks: replyRemarks(ctx, r.reply_id)
  }
}

export function districtSendings(ctx: CoreContext): DistrictSending[] {
  return (ctx.conn.sqlite.prepare(`${SENDINGS} order by p.id desc`).all() as SendingRow[]).map((r) => toSending(ctx, r))
}

function sending(ctx: CoreContext, packageId: number): DistrictSending {
  return toSending(ctx, ctx.conn.sqlite.prepare(`${SENDINGS} where p.id = ?`).get(packageId) as SendingRow)
}

/** The district's own record a remark names: by its id when the number agrees, else by the registration number. */
function localEntity(ctx: CoreContext, r: ReplyRemark): number | null {
  if (r.kind !== 'record') return null
  const sqlite = ctx.conn.sqlite
  if (r.sourceId !== null) {
    const e = sqlite.prepare('select id, reg_no from entities where id = ?').get(r.sourceId) as
      { id: number; reg_no: string | null } | undefined
    if (e && (r.regNo === null || e.reg_no === null || e.reg_no === r.regNo)) return e.id
  }
  if (r.regNo) {
    const e = sqlite.prepare('select id from entities where reg_no = ? and deleted_at is null order by id limit 1').get(r.regNo) as
      { id: number } | undefined
    if (e) return e.id
  }
  return null
}

export async function importReply(ctx: CoreContext, file: FileInput, trustNewKey: boolean): Promise<ReplyImportResult> {
  const unit = await currentUnit(ctx)
  const { name, data } = loadBytes(file)
  const read = readReply(data, name)
  if (!read.ok) throw replyError(read.code, read.message)
  const m = read.manifest
  if (m.unitCode !== unit.code) {
    throw replyError(
      'WRONG_OFFICE',
      `Tệp phản hồi «${name}» tỉnh gửi cho ${m.unitCode} — ${m.unitName}, không phải cho ${unit.name}: không nhập. Hãy chuyển tệp cho đúng đơn vị.`,
      { unit: m.unitCode }
    )
  }
  const province = ctx.conn.sqlite.prepare('select code, name from admin_units where code = ?').get(m.provinceCode) as
    { code: string; name: string } | undefined
  // The province whose file takes this office's packages: after the merger, the new province that took its old one (office/area.ts).
  if (!province || !acceptsFrom(province.code, unit.code)) {
    throw replyError(
      'WRONG_PROVINCE',
      `Tệp phản hồi «${name}» ký bởi ${m.provinceName} (mã ${m.provinceCode}), không phải tỉnh của ${unit.name}: không nhập.`,
      { province: m.provinceCode }
    )
  }
  const pinned = ctx.conn.sqlite.prepare('select public_key, fingerprint from trusted_keys where unit_code = ?').get(province.code) as
    { public_key: string; fingerprint: string } | undefined
  if (!pinned && !trustNewKey) {
    throw replyError(
      'UNKNOWN_KEY',
      `Phản hồi của ${m.provinceName} được ký bằng khóa phòng chưa ghi nhận, dấu vân tay ${m.keyFingerprint}. ` +
        `Hãy gọi điện cho tỉnh đối chiếu dấu vân tay này; nếu đúng, nhập lại và xác nhận «tin cậy khóa của tỉnh» (dòng lệnh: --trust-new-keys). Từ đó phòng chỉ nhận phản hồi ký bằng khóa này.`,
      { fingerprint: m.keyFingerprint }
    )
  }
  if (pinned && pinned.public_key !== m.publicKey) {
    throw replyError(
      'KEY_CHANGED',
      `Phản hồi «${name}» được ký bằng khóa ${m.keyFingerprint}, khác khóa của ${m.provinceName} phòng đã ghi nhận (${pinned.fingerprint}): không nhập. Hãy gọi điện hỏi tỉnh.`,
      { fingerprint: m.keyFingerprint, pinned: pinned.fingerprint }
    )
  }
  const pkg = ctx.conn.sqlite
    .prepare('select id from package_exports where content_hash = ? and at = ? and unit_code = ? order by id desc limit 1')
    .get(m.packageContentHash, m.packageExportedAt, unit.code) as { id: number } | undefined
  if (!pkg) {
    throw replyError(
      'UNKNOWN_PACKAGE',
      `Tệp phản hồi «${name}» nói về gói xuất lúc ${vnDateTime(m.packageExportedAt)} (mã băm ${m.packageContentHash.slice(0, 12)}…), gói mà phòng chưa từng xuất từ tệp dữ liệu này: không nhập.`,
      { contentHash: m.packageContentHash }
    )
  }
  const existing = ctx.conn.sqlite.prepare('select * from review_replies where package_export_id = ?').get(pkg.id) as
    { id: number; reply_exported_at: string } | undefined
  const result = (alreadyImported: boolean): ReplyImportResult => ({
    packageId: pkg.id,
    status: m.decision as ReplyImportResult['status'],
    provinceCode: province.code,
    provinceName: m.provinceName,
    keyFingerprint: m.keyFingerprint,
    trustedNewKey: !pinned,
    alreadyImported,
    remarks: read.remarks.length,
    sending: sending(ctx, pkg.id)
  })
  if (existing && existing.reply_exported_at === m.exportedAt) return { ...result(true), trustedNewKey: false }
  if (existing && m.exportedAt < existing.reply_exported_at) {
    throw replyError(
      'OLDER',
      `Tệp phản hồi «${name}» tỉnh xuất lúc ${vnDateTime(m.exportedAt)}, cũ hơn phản hồi đã nhập cho cùng gói (xuất lúc ${vnDateTime(existing.reply_exported_at)}): không nhập.`
    )
  }

  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now()
    if (!pinned) {
      const key = {
        unit_code: province.code,
        public_key: m.publicKey,
        fingerprint: m.keyFingerprint,
        source: 'reply',
        added_at: now,
        added_by: ctx.user
      }
      await trx.insertInto('trusted_keys').values(key).execute()
      await writeAudit(trx, ctx, { action: 'trust_key', table: 'trusted_keys', rowId: null, after: key })
    }
    const row = {
      package_export_id: pkg.id,
      province_code: province.code,
      decision: m.decision,
      note: m.note === '' ? null : m.note,
      reviewed_at: m.reviewedAt,
      reviewed_by: m.reviewedBy,
      reply_exported_at: m.exportedAt,
      key_fingerprint: m.keyFingerprint,
      file_name: name,
      imported_at: now,
      imported_by: ctx.user
    }
    let replyId: number
    if (existing) {
      replyId = existing.id
      await trx.updateTable('review_replies').set(row).where('id', '=', replyId).execute()
    } else {
      replyId = (await trx.insertInto('review_replies').values(row).returning('id').executeTakeFirstOrThrow()).id
    }
    // A newer reply for the same package: its remarks, keeping the answers already written to those it repeats.
    const kept = new Set(read.remarks.map((r) => r.id))
    const old = await trx.selectFrom('reply_remarks').select(['id', 'remote_id']).where('reply_id', '=', replyId).execute()
    const gone = old.filter((o) => !kept.has(o.remote_id)).map((o) => o.id)
    if (gone.length > 0) await trx.deleteFrom('reply_remarks').where('id', 'in', gone).execute()
    const have = new Map(old.map((o) => [o.remote_id, o.id]))
    for (const r of read.remarks) {
      const values = {
        kind: r.kind === 'indicator' ? 'indicator' : 'record',
        entity_id: localEntity(ctx, r),
        reg_no: r.regNo ?? null,
        name: r.name ?? null,
        indicator: r.indicator ?? null,
        indicator_label: r.indicatorLabel ?? null,
        text: r.text
      }
      const id = have.get(r.id)
      if (id !== undefined) await trx.updateTable('reply_remarks').set(values).where('id', '=', id).execute()
      else
        await trx
          .insertInto('reply_remarks')
          .values({ reply_id: replyId, remote_id: r.id, ...values, answer_note: null, answered_at: null, answered_by: null })
          .execute()
    }
    await writeAudit(trx, ctx, {
      action: 'review_import',
      table: 'review_replies',
      rowId: replyId,
      before: existing ?? undefined,
      after: { ...row, remarks: read.remarks.length, removedRemarks: gone.length }
    })
  })
  return result(false)
}

export async function answerRemark(ctx: CoreContext, remarkId: number, note: string): Promise<ReviewRemark> {
  const replyId = await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('reply_remarks').selectAll().where('id', '=', remarkId).executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', `Không có góp ý số ${remarkId} của tỉnh (xem: review list).`, { field: 'remarkId' })
    const change = { answer_note: note, answered_at: ctx.now(), answered_by: ctx.user }
    await trx.updateTable('reply_remarks').set(change).where('id', '=', remarkId).execute()
    await writeAudit(trx, ctx, {
      action: 'review_answer',
      table: 'reply_remarks',
      rowId: remarkId,
      before: { answer_note: before.answer_note, answered_at: before.answered_at, answered_by: before.answered_by },
      after: change
    })
    return before.reply_id
  })
  return replyRemarks(ctx, replyId).find((r) => r.id === remarkId)!
}

import { acceptsFrom, sendersOf, unitKey } from '../office/area'
import type { ConsolidationEntry, DistrictSnapshot, TrustedKey } from '../../../shared/contract/handoff'
import { assertAdmin } from '../access'
import { today } from '../office/office'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers } from '../context'
import { loadBytes } from '../exchange/read'
import { consolidate, requireProvince } from './consolidate'
import { conflictsWithCopies, resolveConflict } from '../province/conflicts'
import { officeSigningKey, parsePublicKeyFile, publicKeyFile } from './keys'
import { readPackage } from './read'
import { checkForProvince, toReport } from './verify'
import { currentUnit, exportPackage } from './write'

type Names =
  | 'handoff.export'
  | 'handoff.verify'
  | 'handoff.consolidate'
  | 'handoff.exportHistory'
  | 'handoff.consolidationLog'
  | 'handoff.districts'
  | 'handoff.conflicts'
  | 'handoff.resolveConflict'
  | 'handoff.key'
  | 'handoff.publicKey'
  | 'handoff.trustKey'
  | 'handoff.trustedKeys'

async function trustedKeys(ctx: CoreContext): Promise<TrustedKey[]> {
  const rows = await ctx.db
    .selectFrom('trusted_keys')
    .innerJoin('admin_units', 'admin_units.code', 'trusted_keys.unit_code')
    .select(['unit_code', 'admin_units.name', 'fingerprint', 'source', 'added_at', 'added_by'])
    .orderBy('unit_code')
    .execute()
  return rows.map((r) => ({
    unit: r.unit_code,
    unitName: r.name,
    fingerprint: r.fingerprint,
    source: r.source as TrustedKey['source'],
    addedAt: r.added_at,
    addedBy: r.added_by
  }))
}

export const packageHandlers: DomainHandlers<Names> = {
  'handoff.export': async (input, ctx) => {
    if (input.newKey) await assertAdmin(ctx, 'Tạo khóa ký mới')
    const p = await exportPackage(ctx, input.asOf ?? today(ctx), input.newKey ?? false)
    return {
      name: p.fileName,
      base64: p.bytes.toString('base64'),
      unit: p.manifest.unitCode,
      exportedAt: p.manifest.exportedAt,
      asOf: p.manifest.asOf,
      contentHash: p.manifest.contentHash,
      keyFingerprint: p.manifest.keyFingerprint,
      counts: p.counts,
      checks: p.checks
    }
  },

  'handoff.verify': async (input, ctx) => {
    const { name, data } = loadBytes(input.file)
    const parsed = readPackage(data, name)
    const unit = await ctx.db
      .selectFrom('office')
      .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
      .select(['admin_units.code', 'admin_units.name', 'admin_units.level', 'admin_units.parent_code'])
      .executeTakeFirst()
    // Against a province file, also: its district? its pinned key? newer than the last?
    const verdict = unit?.level === 'province' && parsed.problems.length === 0 ? checkForProvince(ctx, unit, parsed, false) : null
    return toReport(name, parsed, verdict)
  },

  'handoff.consolidate': async (input, ctx) => {
    if (input.replaceWrongDate) await assertAdmin(ctx, 'Nhận thay gói sai ngày')
    return consolidate(ctx, input.files, input.trustNewKeys ?? false, input.replaceWrongDate ?? false)
  },

  'handoff.exportHistory': async (_input, ctx) => {
    const rows = await ctx.db.selectFrom('package_exports').selectAll().orderBy('id', 'desc').execute()
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      fileName: r.file_name,
      asOf: r.as_of,
      contentHash: r.content_hash,
      keyFingerprint: r.key_fingerprint,
      counts: JSON.parse(r.counts_json) as Record<string, number>
    }))
  },

  'handoff.consolidationLog': async (input, ctx) => {
    const rows = await ctx.db
      .selectFrom('package_consolidations')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(input.limit ?? 500)
      .execute()
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      unit: r.unit_code,
      file: r.file_name,
      exportedAt: r.exported_at,
      asOf: r.as_of,
      contentHash: r.content_hash,
      keyFingerprint: r.key_fingerprint,
      outcome: r.outcome as ConsolidationEntry['outcome'],
      code: r.code,
      reason: r.reason
    }))
  },

  'handoff.districts': async (_input, ctx) => {
    const unit = await currentUnit(ctx)
    if (unit.level !== 'province') return []
    const sqlite = ctx.conn.sqlite
    // From the map, not from who happened to send: the offices that report as of today, then the other
    // offices this file takes packages from (the former districts whose registers it keeps for history).
    const due = sendersOf(unit.code, today(ctx))
    const dueKeys = new Set(due.map(unitKey))
    const districts = [...due, ...sendersOf(unit.code).filter((u) => !dueKeys.has(unitKey(u)))].map((u) => ({
      code: unitKey(u),
      name: u.name
    }))
    const counts = new Map(
      (
        sqlite
          .prepare('select district_code as code, count(*) as n from entities where deleted_at is null group by district_code')
          .all() as Array<{ code: string; n: number }>
      ).map((r) => [r.code, r.n])
    )
    const keys = new Map(
      (sqlite.prepare('select unit_code, fingerprint from trusted_keys').all() as Array<{ unit_code: string; fingerprint: string }>).map(
        (r) => [r.unit_code, r.fingerprint]
      )
    )
    const latest = sqlite.prepare(
      `select at, exported_at, as_of, content_hash from package_consolidations
       where unit_code = ? and outcome = 'accepted' order by id desc limit 1`
    )
    return districts.map((d): DistrictSnapshot => {
      const l = latest.get(d.code) as { at: string; exported_at: string; as_of: string; content_hash: string } | undefined
      return {
        code: d.code,
        name: d.name,
        exportedAt: l?.exported_at ?? null,
        asOf: l?.as_of ?? null,
        consolidatedAt: l?.at ?? null,
        contentHash: l?.content_hash ?? null,
        entities: counts.get(d.code) ?? 0,
        trustedKey: keys.get(d.code) ?? null
      }
    })
  },

  'handoff.conflicts': async (_input, ctx) => conflictsWithCopies(ctx),

  'handoff.resolveConflict': (input, ctx) => resolveConflict(ctx, input),

  'handoff.key': async (_input, ctx) => {
    const unit = await currentUnit(ctx)
    const key = await officeSigningKey(ctx)
    return { unit: unit.code, unitName: unit.name, fingerprint: key.fingerprint, publicKey: key.publicKey }
  },

  'handoff.publicKey': async (_input, ctx) => {
    const unit = await currentUnit(ctx)
    const key = await officeSigningKey(ctx)
    return { name: `khoa-cong-khai-${unit.code}.pub`, text: publicKeyFile(unit.code, unit.name, key), fingerprint: key.fingerprint }
  },

  'handoff.trustKey': async (input, ctx) => {
    if (input.replace) await assertAdmin(ctx, 'Thay khóa đã ghi nhận của một đơn vị')
    const province = await requireProvince(ctx)
    let text: string
    let name = 'Tệp khóa'
    if ('text' in input.key) text = input.key.text
    else {
      const loaded = loadBytes(input.key)
      name = `Tệp «${loaded.name}»`
      text = loaded.data.toString('utf8')
    }
    const parsed = parsePublicKeyFile(text, name)
    const unit = await ctx.db.selectFrom('admin_units').selectAll().where('code', '=', parsed.unitCode).executeTakeFirst()
    if (!unit || !acceptsFrom(province.code, unit.code)) {
      throw new AppError(
        'VALIDATION',
        `${name} là khóa của đơn vị ${parsed.unitCode}, không phải một huyện cũ hay một xã của ${province.name}.`,
        {
          field: 'key'
        }
      )
    }
    // A key belongs to one unit: the same key (or fingerprint) already pinned for another unit is refused.
    const other = await ctx.db
      .selectFrom('trusted_keys')
      .leftJoin('admin_units', 'admin_units.code', 'trusted_keys.unit_code')
      .select(['trusted_keys.unit_code', 'admin_units.name', 'trusted_keys.fingerprint'])
      .where('trusted_keys.unit_code', '<>', unit.code)
      .where((eb) => eb.or([eb('trusted_keys.public_key', '=', parsed.publicKey), eb('trusted_keys.fingerprint', '=', parsed.fingerprint)]))
      .executeTakeFirst()
    if (other) {
      throw new AppError(
        'VALIDATION',
        `${name} ghi là khóa của ${unit.code} — ${unit.name}, nhưng khóa này (dấu vân tay ${parsed.fingerprint}) đã được tin cậy là khóa của ${other.unit_code} — ${other.name ?? other.unit_code}. Một khóa chỉ thuộc một đơn vị: không tin cậy. Hãy gọi điện đối chiếu với cả hai đơn vị.`,
        { field: 'key', unit: other.unit_code }
      )
    }
    if (input.preview) {
      const pinned = await ctx.db
        .selectFrom('trusted_keys')
        .select(['fingerprint', 'public_key'])
        .where('unit_code', '=', unit.code)
        .executeTakeFirst()
      return {
        unit: unit.code,
        unitName: unit.name,
        fingerprint: parsed.fingerprint,
        source: 'file',
        addedAt: ctx.now(),
        addedBy: ctx.user,
        saved: false,
        pinned: pinned && pinned.public_key !== parsed.publicKey ? pinned.fingerprint : null
      }
    }
    let saved = false
    await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('trusted_keys').selectAll().where('unit_code', '=', unit.code).executeTakeFirst()
      if (existing?.public_key === parsed.publicKey) return
      if (existing && !input.replace) {
        throw new AppError(
          'ALREADY_EXISTS',
          `${unit.name} đã có khóa được tin cậy (dấu vân tay ${existing.fingerprint}); khóa mới có dấu vân tay ${parsed.fingerprint}. Chỉ thay khi đã gọi điện xác nhận với huyện.`,
          { field: 'key', pinned: existing.fingerprint, offered: parsed.fingerprint }
        )
      }
      const row = {
        unit_code: unit.code,
        public_key: parsed.publicKey,
        fingerprint: parsed.fingerprint,
        source: 'file',
        added_at: ctx.now(),
        added_by: ctx.user
      }
      if (existing) await trx.deleteFrom('trusted_keys').where('unit_code', '=', unit.code).execute()
      await trx.insertInto('trusted_keys').values(row).execute()
      saved = true
      await writeAudit(trx, ctx, {
        action: existing ? 'replace_key' : 'trust_key',
        table: 'trusted_keys',
        rowId: null,
        before: existing ?? undefined,
        after: row
      })
    })
    return { ...(await trustedKeys(ctx)).find((k) => k.unit === unit.code)!, saved }
  },

  'handoff.trustedKeys': async (_input, ctx) => trustedKeys(ctx)
}

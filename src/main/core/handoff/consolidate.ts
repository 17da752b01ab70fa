/**
 * Province consolidation: each verified package replaces its district's snapshot
 * (delete that district's rows, insert the package's with the province's own ids)
 * in one SQLite transaction with its log row and audit row, after one backup.
 * Older and identical packages are skipped; refused ones are logged with why.
 */
import type Sqlite from 'better-sqlite3'
import { LEGACY_STATUSES } from '../../../shared/domain'
import type { ConsolidateResult } from '../../../shared/contract/handoff'
import { AppError } from '../../../shared/errors'
import { auditWriter, writeAudit } from '../audit/log'
import { backupBefore } from '../backup/before'
import type { CoreContext } from '../context'
import { findConflicts } from '../province/conflicts'
import { loadBytes, type FileInput } from '../exchange/read'
import { MACHINE_TABLES, tableColumns, type TableData } from './format'
import { storePackageFindings } from '../checks/package'
import { readPackage, type ParsedPackage } from './read'
import { closedChangesOf } from './closed-changes'
import { answersOf, storeAnswers } from '../review/answers'
import { checkForProvince } from './verify'
import { currentUnit, type OfficeUnitRow } from './write'

interface Candidate {
  file: string
  parsed: ParsedPackage & { manifest: NonNullable<ParsedPackage['manifest']>; tables: TableData[] }
}

export async function requireProvince(ctx: CoreContext): Promise<OfficeUnitRow> {
  const unit = await currentUnit(ctx)
  if (unit.level !== 'province') {
    throw new AppError('FORBIDDEN', `Chỉ tệp dữ liệu cấp tỉnh mới tổng hợp gói của các huyện; tệp này của ${unit.name}.`)
  }
  return unit
}

export async function consolidate(
  ctx: CoreContext,
  files: FileInput[],
  trustNewKeys: boolean,
  replaceWrongDate = false
): Promise<ConsolidateResult> {
  const province = await requireProvince(ctx)
  const result: ConsolidateResult = { accepted: [], skipped: [], rejected: [], conflicts: [], backup: null }
  const refused: Array<{
    file: string
    unit: string | null
    parsed: ParsedPackage | null
    outcome: 'skipped' | 'rejected'
    code: string | null
    reason: string
  }> = []
  const candidates: Candidate[] = []
  for (const input of files) {
    let name = 'name' in input ? input.name : input.path
    let parsed: ParsedPackage
    try {
      const { name: n, data } = loadBytes(input)
      name = n
      parsed = readPackage(data, n)
    } catch (err) {
      const reason = err instanceof AppError ? err.message : `Không đọc được tệp ${name}.`
      result.rejected.push({ file: name, code: 'NOT_A_PACKAGE', reason })
      refused.push({ file: name, unit: null, parsed: null, outcome: 'rejected', code: 'NOT_A_PACKAGE', reason })
      continue
    }
    if (parsed.problems.length > 0 || !parsed.manifest || !parsed.tables) {
      const p = parsed.problems[0]
      result.rejected.push({ file: name, code: p.code, reason: p.message })
      refused.push({ file: name, unit: parsed.manifest?.unitCode ?? null, parsed, outcome: 'rejected', code: p.code, reason: p.message })
      continue
    }
    candidates.push({ file: name, parsed: parsed as Candidate['parsed'] })
  }

  // Oldest first, so when one batch holds two packages of a district the newest ends up in place.
  candidates.sort((a, b) => (a.parsed.manifest.exportedAt < b.parsed.manifest.exportedAt ? -1 : 1))
  for (const c of candidates) {
    const m = c.parsed.manifest
    const verdict = checkForProvince(ctx, province, c.parsed, trustNewKeys, replaceWrongDate)
    const first = verdict.problems[0]
    if (first && first.code !== 'OLDER') {
      result.rejected.push({ file: c.file, code: first.code, reason: first.message })
      refused.push({ file: c.file, unit: m.unitCode, parsed: c.parsed, outcome: 'rejected', code: first.code, reason: first.message })
      continue
    }
    if (first || verdict.alreadyConsolidated) {
      // The same data sent again with answers to the province's remarks: the answers still land (review/answers.ts).
      const answered = !first ? await storeSkippedAnswers(ctx, m) : 0
      const reason = first
        ? first.message
        : `Gói này của ${m.unitName} đã được tổng hợp (cùng mã băm): số liệu không thay đổi${answered > 0 ? `; đã ghi ${answered} câu trả lời cho góp ý của tỉnh` : ''}.`
      result.skipped.push({ file: c.file, unit: m.unitCode, reason })
      refused.push({ file: c.file, unit: m.unitCode, parsed: c.parsed, outcome: 'skipped', code: first ? 'OLDER' : 'SAME', reason })
      continue
    }
    const missing = missingColumns(ctx, c.parsed.tables)
    if (missing) {
      const reason = `Gói của ${m.unitName} có cột ${missing} mà tệp tỉnh chưa có: hãy cập nhật phần mềm ở tỉnh rồi tổng hợp lại.`
      result.rejected.push({ file: c.file, code: 'FORMAT_VERSION', reason })
      refused.push({ file: c.file, unit: m.unitCode, parsed: c.parsed, outcome: 'rejected', code: 'FORMAT_VERSION', reason })
      continue
    }
    result.backup ??= (await backupBefore(ctx, 'consolidation')).file
    try {
      replaceSnapshot(ctx, c, verdict.newKey, verdict.replacesWrongDate)
    } catch (err) {
      // Rolled back: the district keeps its previous snapshot.
      if (!(err instanceof AppError)) console.error('[handoff.consolidate]', err)
      const reason =
        err instanceof AppError
          ? err.message
          : `Gói của ${m.unitName} có chữ ký hợp lệ nhưng dữ liệu không ghi được vào sổ; số liệu cũ của huyện được giữ nguyên.`
      result.rejected.push({ file: c.file, code: 'INVALID_DATA', reason })
      refused.push({ file: c.file, unit: m.unitCode, parsed: c.parsed, outcome: 'rejected', code: 'INVALID_DATA', reason })
      continue
    }
    result.accepted.push({
      file: c.file,
      unit: m.unitCode,
      exportedAt: m.exportedAt,
      trustedNewKey: verdict.newKey,
      ...(verdict.replacesWrongDate ? { replacedWrongDate: verdict.replacesWrongDate } : {}),
      ...(m.closedChanges ? { closedChanges: closedChangesOf(m) } : {})
    })
  }

  if (refused.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of refused) {
        const m = r.parsed?.manifest
        await trx
          .insertInto('package_consolidations')
          .values({
            at: ctx.now(),
            user: ctx.user,
            unit_code: r.unit,
            file_name: r.file,
            exported_at: m?.exportedAt ?? null,
            as_of: m?.asOf ?? null,
            content_hash: r.parsed?.contentHash ?? null,
            key_fingerprint: m?.keyFingerprint ?? null,
            outcome: r.outcome,
            code: r.code,
            reason: r.reason,
            counts_json: null
          })
          .execute()
      }
      await writeAudit(trx, ctx, {
        action: 'consolidate_refused',
        table: 'package_consolidations',
        rowId: null,
        after: refused.map((r) => ({ file: r.file, outcome: r.outcome, code: r.code }))
      })
    })
  }
  result.conflicts = findConflicts(ctx)
  return result
}

async function storeSkippedAnswers(ctx: CoreContext, m: Candidate['parsed']['manifest']): Promise<number> {
  const answers = answersOf(m)
  if (answers.length === 0) return 0
  let stored = 0
  const run = ctx.conn.sqlite.transaction(() => {
    stored = storeAnswers(ctx.conn.sqlite, m.unitCode, answers)
    if (stored > 0)
      auditWriter(ctx)({ action: 'review_answers', table: 'review_remarks', rowId: null, after: { unit: m.unitCode, answers } })
  })
  run.immediate()
  return stored
}

function missingColumns(ctx: CoreContext, tables: TableData[]): string | null {
  for (const t of tables) {
    const have = new Set(tableColumns(ctx.conn.sqlite, t.table).map((c) => c.name))
    const missing = t.columns.find((c) => !have.has(c.name))
    if (missing) return `${t.table}.${missing.name}`
  }
  return null
}

/** All of the district or nothing: better-sqlite3 rolls the transaction back on any throw (or on a kill, SQLite does). */
function replaceSnapshot(ctx: CoreContext, c: Candidate, trustKey: boolean, overWrongDate: string | null): void {
  const sqlite = ctx.conn.sqlite
  const m = c.parsed.manifest
  const unit = m.unitCode
  const run = sqlite.transaction(() => {
    const ids = 'select id from entities where district_code = ?'
    const cases = `select id from dissolution_cases where entity_id in (${ids})`
    const removed = (sqlite.prepare('select count(*) as n from entities where district_code = ?').get(unit) as { n: number }).n
    // Tables keyed by the sending unit (support_entries) go first: they may point at the district's entities.
    for (const spec of MACHINE_TABLES)
      if (spec.unitColumn) sqlite.prepare(`delete from ${spec.table} where ${spec.unitColumn} = ?`).run(unit)
    for (const child of [
      'dissolution_steps',
      'dissolution_council',
      'dissolution_items',
      'dissolution_obstacles',
      'dissolution_attachments'
    ]) {
      sqlite.prepare(`delete from ${child} where case_id in (${cases})`).run(unit)
    }
    sqlite.prepare(`delete from dissolution_cases where entity_id in (${ids})`).run(unit)
    sqlite.prepare(`delete from status_events where entity_id in (${ids})`).run(unit)
    sqlite.prepare(`delete from yearly_figures where entity_id in (${ids})`).run(unit)
    sqlite.prepare('delete from entities where district_code = ?').run(unit)

    const newIds = new Map<string, Map<number, number>>()
    const counts: Record<string, number> = {}
    for (const t of c.parsed.tables) {
      const spec = MACHINE_TABLES.find((s) => s.table === t.table)!
      const idIndex = t.columns.findIndex((col) => col.name === 'id')
      const keep = t.columns.map((col, i) => ({ col: col.name, i })).filter((x) => x.col !== 'id')
      const insert = sqlite.prepare(
        `insert into ${t.table} (${keep.map((x) => `"${x.col}"`).join(', ')}) values (${keep.map(() => '?').join(', ')})`
      )
      const map = new Map<number, number>()
      newIds.set(t.table, map)
      // A package from before NĐ 295/2026 (migration 014) may hold the first version's codes: mapped on read.
      const legacy = t.table === 'status_events' ? legacyStatusMapper(sqlite, t.columns) : null
      for (const [r, row] of t.rows.entries()) {
        const values = keep.map(({ col, i }) => {
          if (legacy && col === 'status') return legacy.status(row)
          if (t.table === 'entities' && col === 'district_code') return unit
          if (col === spec.unitColumn) return unit
          const parent = spec.refs[col]
          if (!parent || row[i] === null) return row[i]
          const mapped = newIds.get(parent)!.get(Number(row[i]))
          if (mapped === undefined)
            throw new AppError(
              'VALIDATION',
              `Gói của ${m.unitName}: một dòng của ${t.table} trỏ tới ${parent} số ${row[i]} không có trong gói; số liệu cũ của huyện được giữ nguyên.`,
              { table: t.table }
            )
          return mapped
        })
        let newId: number
        try {
          newId = Number(insert.run(values).lastInsertRowid)
        } catch {
          // A CHECK, UNIQUE or NOT NULL rule of the register: name the sheet and row, not SQLite's words.
          const sheet = MACHINE_TABLES.find((s) => s.table === t.table)!.sheet
          throw new AppError(
            'VALIDATION',
            `Gói của ${m.unitName}: dòng ${r + 2} của trang «${sheet}» không hợp lệ với sổ đăng ký (giá trị ngoài danh mục, trùng hoặc thiếu); số liệu cũ của huyện được giữ nguyên.`,
            { sheet, row: r + 2 }
          )
        }
        if (idIndex >= 0) map.set(Number(row[idIndex]), newId)
        if (legacy) legacy.seen(row, values[keep.findIndex((x) => x.col === 'entity_id')] as number)
      }
      if (legacy) legacy.finish(ctx.now())
      counts[t.table] = t.rows.length
    }
    // The district's open data-check findings, as its package carried them (none from a package before them).
    storePackageFindings(sqlite, unit, m.exportedAt, c.parsed.findingsRows ?? null, newIds.get('entities'))
    // Which district record each consolidated entity was: the province's review names the district's own id (review/).
    sqlite.prepare('delete from consolidated_entities where unit_code = ?').run(unit)
    const source = sqlite.prepare('insert into consolidated_entities (entity_id, unit_code, source_id) values (?, ?, ?)')
    for (const [sourceId, entityId] of newIds.get('entities') ?? []) source.run(entityId, unit, sourceId)
    // The district's answers to the province's remarks on its previous sending (signed in the manifest).
    const answers = answersOf(m)
    const answered = answers.length > 0 ? storeAnswers(sqlite, unit, answers) : 0
    if (trustKey) {
      sqlite
        .prepare('insert into trusted_keys (unit_code, public_key, fingerprint, source, added_at, added_by) values (?, ?, ?, ?, ?, ?)')
        .run(unit, m.publicKey, m.keyFingerprint, 'package', ctx.now(), ctx.user)
    }
    const log = sqlite
      .prepare(
        `insert into package_consolidations (at, user, unit_code, file_name, exported_at, as_of, content_hash, key_fingerprint, outcome, code, reason, counts_json)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'accepted', null, null, ?)`
      )
      .run(ctx.now(), ctx.user, unit, c.file, m.exportedAt, m.asOf, c.parsed.contentHash, m.keyFingerprint, JSON.stringify(counts))
    const audit = auditWriter(ctx)
    const logId = Number(log.lastInsertRowid)
    audit({
      action: 'consolidate',
      table: 'package_consolidations',
      rowId: logId,
      before: { unit, entities: removed },
      after: {
        unit,
        file: c.file,
        exportedAt: m.exportedAt,
        contentHash: c.parsed.contentHash,
        counts,
        trustedNewKey: trustKey,
        ...(answers.length > 0 ? { reviewAnswers: answered } : {})
      }
    })
    if (overWrongDate) {
      // The province's explicit choice to put an earlier-dated package over one dated in the future: said in the log.
      audit({
        action: 'consolidate_over_wrong_date',
        table: 'package_consolidations',
        rowId: logId,
        before: { unit, exportedAt: overWrongDate, provinceClock: ctx.now() },
        after: { unit, file: c.file, exportedAt: m.exportedAt, contentHash: c.parsed.contentHash }
      })
    }
  })
  // immediate: the write lock first, so a busy file is waited out (busy_timeout), not refused at once.
  run.immediate()
}

// Conflicts (the same cooperative in two districts) and which district counts them: ./conflicts.
export { findConflicts }

/**
 * The first version's `inactive` and `revoked` in an older package's status events, mapped as
 * migration 014 maps a file (shared/domain.ts LEGACY_STATUSES): the event gets the decree's code,
 * and an entity's run of `inactive` events becomes the label `stopped`, ended by its next other event.
 */
function legacyStatusMapper(sqlite: Sqlite.Database, columns: Array<{ name: string }>) {
  const at = (name: string) => columns.findIndex((c) => c.name === name)
  const [statusAt, dateAt, idAt] = [at('status'), at('effective_date'), at('id')]
  const byEntity = new Map<number, Array<{ status: string; date: string | null; id: number }>>()
  return {
    status(row: unknown[]): unknown {
      const code = row[statusAt]
      return typeof code === 'string' && LEGACY_STATUSES[code] ? LEGACY_STATUSES[code]!.status : code
    },
    seen(row: unknown[], entityId: number) {
      const list = byEntity.get(entityId) ?? []
      list.push({ status: String(row[statusAt]), date: (row[dateAt] as string | null) ?? null, id: Number(row[idAt]) })
      byEntity.set(entityId, list)
    },
    finish(now: string) {
      const insert = sqlite.prepare('insert into entity_labels (entity_id, label, effective_date, note, created_at) values (?, ?, ?, ?, ?)')
      for (const [entityId, events] of byEntity) {
        if (!events.some((e) => e.status === 'inactive')) continue
        events.sort(
          (a, b) => Number(a.date !== null) - Number(b.date !== null) || (a.date ?? '').localeCompare(b.date ?? '') || a.id - b.id
        )
        let held = false
        for (const e of events) {
          if (e.status === 'inactive' && !held) {
            insert.run(entityId, 'stopped', e.date, 'Gói cũ: tình trạng «Ngừng hoạt động» (trước NĐ 295/2026).', now)
            held = true
          } else if (e.status !== 'inactive' && held) {
            insert.run(entityId, null, e.date, 'Gói cũ: hết «Ngừng hoạt động».', now)
            held = false
          }
        }
      }
    }
  }
}

/**
 * Commit: the previewed rows written in ONE transaction — entities, their status
 * events and yearly figures, an audit row for each write, the batch record and
 * its items (so the whole import can be undone). Strict mode refuses everything
 * when any row has an error.
 */
import {
  IMPORT_FIELD_LABELS,
  type EntityFields,
  type ImportBatch,
  type ImportCounts,
  type ImportField,
  type ImportRecord,
  type ImportResult
} from '../../../shared/api'
import { fold } from '../../../shared/text'
import type { Status } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { interpretedValues, type InterpretedValue } from '../../../shared/interpreted'
import { auditWriter, writeAudit } from '../audit/log'
import type { CoreContext, Trx } from '../context'
import { backupBefore } from '../backup/before'
import { requireUnit, today as officeToday } from '../office/office'
import { checkDate, checkYear, closedThrough } from '../period/period'
import { progressReporter } from '../progress'
import type { YearlyFiguresTable } from '../db/schema'
import { derivedKeys, toColumns } from '../registry/entities'
import { entityWriter } from '../registry/bulk'
import { FIGURE_COLUMNS, previewImport, RECORD_COLUMNS, type FiguresRow, type PreviewInput } from './preview'

/**
 * Where a record's values read by meaning came from (issue 20 point 7), kept in its audit row: the
 * file, sheet and row, and each value with the file's own text. Null when nothing was interpreted.
 */
interface ImportOrigin {
  where: string
  values: InterpretedValue[]
}
function importOrigin(row: Row, where: string, only?: (field: string) => boolean): ImportOrigin | null {
  const values = interpretedValues(row).filter((v) => !only || only(v.field))
  return values.length ? { where, values } : null
}
const withOrigin = (o: ImportOrigin | null) => (o ? { importOrigin: o } : {})

/** New records written between two progress reports (and two chances for other calls to queue). */
const CHUNK = 500

async function item(
  trx: Trx,
  batchId: number,
  table: 'entities' | 'status_events' | 'yearly_figures',
  rowId: number,
  before: unknown = null
) {
  await trx
    .insertInto('import_batch_items')
    .values({ batch_id: batchId, table_name: table, row_id: rowId, before_json: before === null ? null : JSON.stringify(before) })
    .execute()
}

/** The preview's decisions were made on a register that another write changed before the lock was taken. */
class RegisterMoved extends Error {}

/** The newest audit row: every write to the register has one, so a new one means the register moved. */
function registerHead(ctx: CoreContext): number {
  return (ctx.conn.sqlite.prepare('select coalesce(max(id), 0) as id from audit_log').get() as { id: number }).id
}

/**
 * Preview, then write what it decided — in one transaction that first takes the
 * file's write lock and checks nothing was written since the preview looked.
 * Two imports of one file at once used to both decide "new" and double every
 * record; now the second one sees the first's records and finds them unchanged.
 */
export async function commitImport(input: PreviewInput & { strict?: boolean }, ctx: CoreContext): Promise<ImportResult> {
  await requireUnit(ctx.db)
  for (let attempt = 1; ; attempt++) {
    const seen = registerHead(ctx)
    const plan = await previewImport(input, ctx, true)
    refuseNothingOrStrict(plan.result, input.strict)
    if (attempt === 1) await backupBefore(ctx, 'import')
    try {
      return await writeImport(plan, seen, ctx)
    } catch (err) {
      if (!(err instanceof RegisterMoved)) throw err
      if (attempt >= 3) {
        throw new AppError(
          'BUSY',
          'Sổ đang được ghi liên tục bởi thao tác khác nên chưa nhập được; không có gì được ghi. Hãy thử lại sau ít phút.'
        )
      }
    }
  }
}

function refuseNothingOrStrict(result: ImportResult, strict: boolean | undefined): void {
  const year = result.files
    .flatMap((f) => f.sheets.flatMap((s) => s.issues))
    .find((i) => i.code === 'FIGURES_YEAR_DISAGREES' && i.severity === 'error')
  if (year) throw new AppError('VALIDATION', `${year.message} Không có gì được ghi.`, { code: year.code })
  if (strict) {
    // Nothing silent: a column with data or a value nobody understood refuses the whole import.
    const unknown = result.files.flatMap((f) =>
      f.sheets.flatMap((s) => [
        ...s.unknownColumns.map(
          (c) =>
            `${f.file} › ${s.sheet}: cột ${c.letter}${c.header ? ` «${c.header}»` : ''} chưa rõ nghĩa (${formatNumber(c.cells)} ô có dữ liệu)`
        ),
        ...s.unknownValues.map(
          (v) =>
            `${f.file} › ${s.sheet}: ${IMPORT_FIELD_LABELS[v.field].toLowerCase()} «${v.value}» chưa rõ nghĩa (${formatNumber(v.count)} dòng: ${v.rows.slice(0, 5).join(', ')}${v.rows.length > 5 ? '…' : ''})`
        )
      ])
    )
    if (unknown.length > 0)
      throw new AppError(
        'VALIDATION',
        `Có ${formatNumber(unknown.length)} cột hoặc giá trị chưa rõ nghĩa nên không nhập gì (chế độ nghiêm ngặt): ${unknown.slice(0, 5).join('; ')}${unknown.length > 5 ? '; …' : ''}. Hãy ghép chúng (trên màn hình Nhập, hoặc --map-value TRƯỜNG=CHỮ:MÃ) rồi nhập lại.`,
        { unknown: unknown.length }
      )
  }
  if (strict && result.totals.errors > 0) {
    const first = result.files.flatMap((f) =>
      f.sheets.flatMap((s) =>
        [...s.issues, ...s.rows.flatMap((r) => r.issues)]
          .filter((i) => i.severity === 'error')
          .map((i) => `${f.file} › ${s.sheet} › dòng ${i.row}: ${i.message}`)
      )
    )[0]
    throw new AppError(
      'VALIDATION',
      `Có ${formatNumber(result.totals.errors)} dòng lỗi nên không nhập gì (chế độ nghiêm ngặt). Lỗi đầu tiên: ${first}`,
      { errors: result.totals.errors }
    )
  }
  // Files with no table at all (no header found, nothing parsed) leave no empty batch behind.
  const t = result.totals
  if (t.created + t.updated + t.unchanged + t.duplicates + t.skipped + t.errors === 0) {
    const why = result.files.flatMap((f) => f.sheets.flatMap((s) => s.issues.map((i) => `${f.file} › ${i.message}`)))[0]
    throw new AppError('VALIDATION', `Không tìm thấy dòng dữ liệu nào để nhập; không có gì được ghi.${why ? ` ${why}` : ''}`)
  }
}

type Plan = Awaited<ReturnType<typeof previewImport>>

type Sheet = ImportResult['files'][number]['sheets'][number]
type Row = Sheet['rows'][number]

/** Writes what the preview decided, in one transaction that starts by checking the register has not moved. */
async function writeImport({ result, figures }: Plan, seen: number, ctx: CoreContext): Promise<ImportResult> {
  const report = progressReporter()
  const toWrite = result.totals.created + result.totals.updated
  let written = 0
  const wrote = async (n: number) => {
    written += n
    report({ phase: 'write', label: 'Đang ghi vào sổ', done: written, total: toWrite })
    // Let the door deliver the progress (and the window's other calls queue) between chunks.
    await new Promise((resume) => setImmediate(resume))
  }
  const batchId = await ctx.db.transaction().execute(async (trx) => {
    const batchId = await startBatch(trx, ctx, result)
    // That insert took the write lock: from here no other connection writes until commit.
    if (registerHead(ctx) !== seen) throw new RegisterMoved()
    await writeAudit(trx, ctx, {
      action: 'import',
      table: 'import_batches',
      rowId: batchId,
      after: { files: result.files.map((f) => f.file), counts: result.totals }
    })
    const created = newRecords(ctx, batchId)
    const closed = await closedThrough(trx)
    let updates = 0
    for (const file of result.files) {
      for (const sheet of file.sheets) {
        await rememberMapping(trx, sheet, ctx.now())
        const statusDate = sheet.asOfDate ?? officeToday(ctx)
        for (const row of sheet.rows) {
          const rec = row.record
          if (!rec) continue
          const where = `${file.file} › ${sheet.sheet} › dòng ${row.row}`
          // Nothing the file says may land in a closed period (chốt số liệu): the whole import is refused, naming the row.
          checkDate(closed, rec.dissolutionDate, `${where}: ngày giải thể`)
          if (figuresOf(rec)) checkYear(closed, sheet.figuresYear, `${where}: số liệu`)
          if (row.state === 'new') {
            created.add(rec, sheet.figuresYear, where, importOrigin(row, where))
            if (created.pending() >= CHUNK) await wrote(created.flush())
          } else if (row.state === 'update') {
            if (++updates % CHUNK === 0) await wrote(CHUNK)
            if (row.changes?.some((c) => c.field === 'status')) checkDate(closed, statusDate, `${where}: tình trạng`)
            await updateRecord(trx, ctx, batchId, row, rec, statusDate, where)
            await updateFigures(
              trx,
              ctx,
              batchId,
              row.entityId!,
              rec,
              sheet.figuresYear,
              figures.get(`${row.entityId}:${sheet.figuresYear}`),
              importOrigin(row, where, (f) => f in FIGURE_COLUMNS)
            )
          }
        }
      }
    }
    await wrote(created.flush())
    if (updates % CHUNK) await wrote(updates % CHUNK)
    return batchId
  })
  return { ...result, batchId, committed: true }
}

async function startBatch(trx: Trx, ctx: CoreContext, result: ImportResult): Promise<number> {
  const { id } = await trx
    .insertInto('import_batches')
    .values({
      at: ctx.now(),
      user: ctx.user,
      files_json: JSON.stringify(result.files.map((f) => ({ name: f.file, sha256: f.sha256, bytes: f.bytes }))),
      counts_json: JSON.stringify(result.totals),
      undone_at: null,
      undone_by: null
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Remember the mapping people confirmed by hand, for the next file of this shape. */
async function rememberMapping(trx: Trx, sheet: Sheet, now: string): Promise<void> {
  for (const v of sheet.valueMappings ?? []) {
    if (v.source !== 'manual') continue
    const row = { shape: sheet.shape, field: v.field, value_key: fold(v.value), value: v.value, code: v.code, updated_at: now }
    await trx
      .insertInto('import_value_mappings')
      .values(row)
      .onConflict((oc) => oc.columns(['shape', 'field', 'value_key']).doUpdateSet({ value: v.value, code: v.code, updated_at: now }))
      .execute()
  }
  if (!sheet.columns.some((c) => c.source === 'manual')) return
  const mapping: Record<number, ImportField | null> = {}
  for (const c of sheet.columns.filter((c) => c.source === 'manual' || c.source === 'remembered')) mapping[c.index] = c.field
  await trx
    .insertInto('import_mappings')
    .values({ shape: sheet.shape, mapping_json: JSON.stringify(mapping), updated_at: now })
    .onConflict((oc) => oc.column('shape').doUpdateSet({ mapping_json: JSON.stringify(mapping), updated_at: now }))
    .execute()
}

function figuresOf(rec: ImportRecord): Record<string, number> | null {
  const fig: Record<string, number> = {}
  for (const [field, column] of Object.entries(FIGURE_COLUMNS) as Array<[keyof typeof FIGURE_COLUMNS, string]>) {
    const v = rec.figures[field]
    if (v !== undefined && v !== null) fig[column] = v
  }
  return Object.keys(fig).length ? fig : null
}

/**
 * New records through the bulk writer (registry/bulk.ts) on the same connection, inside the
 * import's transaction: each carries the batch id so undo finds it, and each gets its audit
 * row. They are queued and written in chunks only to pace the progress reports.
 */
function newRecords(ctx: CoreContext, batchId: number) {
  const writer = entityWriter(ctx, { batchId })
  const audit = auditWriter(ctx)
  const figureColumns = Object.values(FIGURE_COLUMNS) satisfies Array<keyof YearlyFiguresTable>
  const insertFigures = ctx.conn.sqlite.prepare(
    `insert into yearly_figures (entity_id, year, ${figureColumns.join(', ')}, import_batch_id) values (?, ?, ${figureColumns.map(() => '?').join(', ')}, ?)`
  )
  const insertLabel = ctx.conn.sqlite.prepare(
    'insert into entity_labels (entity_id, label, effective_date, note, created_at) values (?, ?, null, ?, ?)'
  )
  const recordFields = Object.keys(RECORD_COLUMNS) as Array<keyof typeof RECORD_COLUMNS>
  const queue: Array<{ rec: ImportRecord; year: number; where: string; origin: ImportOrigin | null }> = []
  return {
    add: (rec: ImportRecord, year: number, where: string, origin: ImportOrigin | null) => void queue.push({ rec, year, where, origin }),
    pending: () => queue.length,
    /** Writes what is queued; returns how many. */
    flush(): number {
      const chunk = queue.splice(0)
      const at = ctx.now()
      for (const { rec, year, where, origin } of chunk) {
        const fields: Record<string, unknown> = { kind: rec.kind, name: rec.name }
        for (const f of recordFields) fields[f] = rec[f] ?? null
        const entityId = writer.insert(fields as Partial<EntityFields>, where)
        // A status without its own date holds since registration; a dissolution date is a dated event.
        const initial = rec.status && !(rec.status === 'dissolved' && rec.dissolutionDate) ? rec.status : 'active'
        const events: Array<{ status: Status; effective_date: string | null }> = [{ status: initial, effective_date: null }]
        if (rec.dissolutionDate) events.push({ status: 'dissolved', effective_date: rec.dissolutionDate })
        const fig = figuresOf(rec)
        // The audit row's after: the fields, then status, figures and batch (fields is not read again).
        fields.status = events.map((e) => e.status)
        fields.figures = fig ? { year, ...fig } : undefined
        // A status word that is an office's label («Ngừng HĐ», «Chờ giải thể»): legally active, labelled since registration.
        if (rec.label) fields.label = rec.label
        fields.importBatch = batchId
        if (origin) fields.importOrigin = origin
        audit({ action: 'create', table: 'entities', rowId: entityId, after: fields }, at)
        for (const e of events) writer.status(entityId, e.status, e.effective_date)
        if (rec.label) insertLabel.run(entityId, rec.label, 'Từ tệp nhập', at)
        if (fig) insertFigures.run(entityId, year, ...figureColumns.map((c) => fig[c] ?? null), batchId)
      }
      return chunk.length
    }
  }
}

/** A record already in the register: the fields the file changes, and a status event only when the status changes. */
async function updateRecord(
  trx: Trx,
  ctx: CoreContext,
  batchId: number,
  row: Row,
  rec: ImportRecord,
  statusDate: string,
  where: string
): Promise<void> {
  const entityId = row.entityId!
  const now = ctx.now()
  const before = await trx.selectFrom('entities').selectAll().where('id', '=', entityId).executeTakeFirstOrThrow()
  const changed: Record<string, unknown> = {}
  for (const c of row.changes ?? []) if (c.field in RECORD_COLUMNS) changed[c.field] = c.after
  if (Object.keys(changed).length) {
    const columns = toColumns(changed)
    const merged = { ...before, ...columns }
    await trx
      .updateTable('entities')
      .set({ ...columns, ...derivedKeys(merged), row_version: before.row_version + 1, updated_at: now })
      .where('id', '=', entityId)
      .execute()
    await item(trx, batchId, 'entities', entityId, before)
    const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(columns).map((k) => [k, o[k] ?? null]))
    await writeAudit(trx, ctx, {
      action: 'update',
      table: 'entities',
      rowId: entityId,
      before: pick(before),
      after: { ...pick(merged), importBatch: batchId, ...withOrigin(importOrigin(row, where, (f) => f in changed)) }
    })
  }
  // Only a status that changes makes an event: a file read again must not repeat "dissolved".
  const statusChange = row.changes?.find((c) => c.field === 'status')
  if (statusChange) {
    const status = String(statusChange.after)
    const effective = status === 'dissolved' && rec.dissolutionDate ? rec.dissolutionDate : statusDate
    const event = {
      entity_id: entityId,
      status,
      effective_date: effective,
      decision_no: null,
      note: 'Theo tệp nhập',
      created_at: now,
      import_batch_id: batchId
    }
    const { id } = await trx.insertInto('status_events').values(event).returning('id').executeTakeFirstOrThrow()
    await item(trx, batchId, 'status_events', id)
    await writeAudit(trx, ctx, {
      action: 'create',
      table: 'status_events',
      rowId: id,
      after: { ...event, ...withOrigin(importOrigin(row, where, (f) => f === 'status')) }
    })
  }
}

/** The file's figures of the chosen year for a record already in the register: over its row of that year, or a new one. */
async function updateFigures(
  trx: Trx,
  ctx: CoreContext,
  batchId: number,
  entityId: number,
  rec: ImportRecord,
  year: number,
  existing: FiguresRow | undefined,
  origin: ImportOrigin | null
): Promise<void> {
  const fig = figuresOf(rec)
  if (!fig) return
  if (existing) {
    await trx.updateTable('yearly_figures').set(fig).where('id', '=', existing.id).execute()
    await item(trx, batchId, 'yearly_figures', existing.id, existing)
    await writeAudit(trx, ctx, {
      action: 'update',
      table: 'yearly_figures',
      rowId: existing.id,
      before: existing,
      after: { ...fig, ...withOrigin(origin) }
    })
  } else {
    const values = { entity_id: entityId, year, ...fig, import_batch_id: batchId }
    const { id } = await trx.insertInto('yearly_figures').values(values).returning('id').executeTakeFirstOrThrow()
    await item(trx, batchId, 'yearly_figures', id)
    await writeAudit(trx, ctx, { action: 'create', table: 'yearly_figures', rowId: id, after: { ...values, ...withOrigin(origin) } })
  }
}

/** Undoes a whole batch: rows it created are deleted, rows it changed get their earlier values back. */
export async function undoImport(batchId: number, ctx: CoreContext): Promise<{ batchId: number; deleted: number; restored: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirst()
    if (!batch) throw new AppError('NOT_FOUND', `Không có lần nhập số ${batchId}.`, { batchId })
    if (batch.undone_at)
      throw new AppError('STALE', `Lần nhập số ${batchId} đã được hoàn tác lúc ${batch.undone_at} (${batch.undone_by}).`, { batchId })
    const items = await trx.selectFrom('import_batch_items').selectAll().where('batch_id', '=', batchId).orderBy('id', 'desc').execute()
    let deleted = 0
    let restored = 0
    // Rows the batch changed get their earlier values back; rows it added to existing records go.
    for (const it of items) {
      const table = it.table_name as 'entities' | 'status_events' | 'yearly_figures'
      if (it.before_json === null) {
        const before = await trx.selectFrom(table).selectAll().where('id', '=', it.row_id).executeTakeFirst()
        if (!before) continue
        await trx.deleteFrom(table).where('id', '=', it.row_id).execute()
        await writeAudit(trx, ctx, { action: 'undo-import', table, rowId: it.row_id, before, after: null })
        deleted++
      } else {
        const before = JSON.parse(it.before_json) as Record<string, unknown>
        const { id: _id, ...values } = before
        if (table === 'entities') {
          const current = await trx.selectFrom('entities').select('row_version').where('id', '=', it.row_id).executeTakeFirst()
          if (!current) continue
          await trx
            .updateTable('entities')
            .set({ ...(values as object), row_version: current.row_version + 1, updated_at: ctx.now() })
            .where('id', '=', it.row_id)
            .execute()
        } else {
          await trx
            .updateTable(table)
            .set(values as never)
            .where('id', '=', it.row_id)
            .execute()
        }
        await writeAudit(trx, ctx, { action: 'undo-import', table, rowId: it.row_id, after: before })
        restored++
      }
    }
    // Records the batch created, with their events and figures (which cascade with them).
    const created = await trx.selectFrom('entities').select(['id', 'name', 'reg_no']).where('import_batch_id', '=', batchId).execute()
    for (const e of created)
      await writeAudit(trx, ctx, {
        action: 'undo-import',
        table: 'entities',
        rowId: e.id,
        before: { name: e.name, regNo: e.reg_no },
        after: null
      })
    await trx.deleteFrom('yearly_figures').where('import_batch_id', '=', batchId).execute()
    await trx.deleteFrom('status_events').where('import_batch_id', '=', batchId).execute()
    await trx.deleteFrom('entities').where('import_batch_id', '=', batchId).execute()
    deleted += created.length
    await trx.updateTable('import_batches').set({ undone_at: ctx.now(), undone_by: ctx.user }).where('id', '=', batchId).execute()
    await writeAudit(trx, ctx, { action: 'undo-import', table: 'import_batches', rowId: batchId, after: { deleted, restored } })
    return { batchId, deleted, restored }
  })
}

export async function importHistory(limit: number, ctx: CoreContext): Promise<ImportBatch[]> {
  const rows = await ctx.db.selectFrom('import_batches').selectAll().orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: r.user,
    files: JSON.parse(r.files_json),
    counts: JSON.parse(r.counts_json) as ImportCounts,
    undoneAt: r.undone_at,
    undoneBy: r.undone_by
  }))
}

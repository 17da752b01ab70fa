/** Status history, yearly figures, soft delete/restore, undo and paste. */
import { sql, type Selectable } from 'kysely'
import { entityFields, registryLabels, type LabelEvent, type StatusEvent, type YearlyFigures } from '../../../shared/api'
import type { Conversion, ManagementLabel, Status } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { typedNumber } from '../../../shared/numbers'
import { parseViDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, Trx } from '../context'
import type { AuditLogTable, EntityLabelsTable, StatusEventsTable, YearlyFiguresTable } from '../db/schema'
import { requireUnit, today } from '../office/office'
import { assertDateOpen, assertYearOpen } from '../period/period'
import { addMonths } from '../calendar'
import { defaultCircular } from '../classification/data'
import { bulkCreateEntities } from './bulk'
import { assertConversion } from './conversion'
import { guardDuplicate } from './duplicates'
import { mayHardDelete } from './hard-delete'
import { statusesSql } from './status-at'
import { derivedKeys, findEntity, toColumns } from './entities'

type Names =
  | 'entity.bulkCreate'
  | 'entity.delete'
  | 'entity.restore'
  | 'entity.undo'
  | 'entity.paste'
  | 'status.add'
  | 'status.list'
  | 'status.asOf'
  | 'label.add'
  | 'label.list'
  | 'figures.set'
  | 'figures.list'
  | 'figures.copyForward'

async function entityOrFail(db: Trx | CoreContext['db'], id: number) {
  const entity = await findEntity(db, id)
  if (!entity) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${id} trong sổ.`, { id })
  return entity
}

function toEvent(row: Selectable<StatusEventsTable>): StatusEvent {
  return {
    id: row.id,
    entityId: row.entity_id,
    status: row.status as Status,
    effectiveDate: row.effective_date,
    sinceRegistration: row.effective_date === null,
    decisionNo: row.decision_no,
    note: row.note,
    createdAt: row.created_at,
    untilDate: row.until_date ?? null,
    conversion: (row.conversion ?? null) as Conversion | null
  }
}

function toLabelEvent(row: Selectable<EntityLabelsTable>): LabelEvent {
  return {
    id: row.id,
    entityId: row.entity_id,
    label: row.label as ManagementLabel | null,
    effectiveDate: row.effective_date,
    note: row.note,
    createdAt: row.created_at
  }
}

/** One dated status event, inside the caller's transaction: the rule status.add and the reconciliation's adoption share. */
export async function addStatusIn(
  trx: Trx,
  ctx: CoreContext,
  input: {
    entityId: number
    status: Status
    effectiveDate?: string | null
    decisionNo?: string | null
    note?: string | null
    untilDate?: string | null
    conversion?: Conversion | null
  }
): Promise<StatusEvent> {
  const entity = await entityOrFail(trx, input.entityId)
  await assertDateOpen(trx, input.effectiveDate, `Tình trạng của «${entity.name}»`)
  if (input.effectiveDate && entity.registrationDate && input.effectiveDate < entity.registrationDate) {
    throw new AppError('VALIDATION', `Ngày hiệu lực trước ngày đăng ký của «${entity.name}».`, { field: 'effectiveDate' })
  }
  if (input.conversion) assertConversion(entity, { ...input, conversion: input.conversion })
  if (input.untilDate) {
    // NĐ 295/2026 Điều 48 khoản 1: a notified suspension runs to a date, at most 12 months a notice.
    if (input.status !== 'suspended')
      throw new AppError('VALIDATION', '«Tạm ngừng đến ngày» chỉ ghi cho tình trạng Tạm ngừng kinh doanh.', { field: 'untilDate' })
    if (!input.effectiveDate || input.untilDate < input.effectiveDate)
      throw new AppError('VALIDATION', '«Tạm ngừng đến ngày» phải sau ngày bắt đầu tạm ngừng.', { field: 'untilDate' })
    if (input.untilDate > addMonths(input.effectiveDate, 12))
      throw new AppError('VALIDATION', 'Mỗi lần thông báo tạm ngừng kinh doanh không quá 12 tháng (NĐ 295/2026/NĐ-CP Điều 48 khoản 1).', {
        field: 'untilDate'
      })
  }
  const row = {
    entity_id: input.entityId,
    status: input.status,
    effective_date: input.effectiveDate ?? null,
    decision_no: input.decisionNo?.trim() || null,
    note: input.note?.trim() || null,
    created_at: ctx.now(),
    until_date: input.untilDate ?? null,
    conversion: input.conversion ?? null
  }
  const { id } = await trx.insertInto('status_events').values(row).returning('id').executeTakeFirstOrThrow()
  await trx
    .updateTable('entities')
    .set({ row_version: entity.rowVersion + 1, updated_at: ctx.now() })
    .where('id', '=', entity.id)
    .execute()
  await writeAudit(trx, ctx, { action: 'status_add', table: 'status_events', rowId: id, after: row })
  return toEvent({ id, ...row, import_batch_id: null })
}

/** A year's figures: API field → column of yearly_figures (the one map; data checks read through it too). */
export const YEARLY_COLUMNS = {
  members: 'members',
  newMembers: 'new_members',
  workers: 'workers',
  managers: 'managers',
  managersElementary: 'managers_elementary',
  managersCollege: 'managers_college',
  revenue: 'revenue',
  profit: 'profit',
  avgIncome: 'avg_income',
  taxesPaid: 'taxes_paid',
  memberRevenue: 'member_revenue',
  totalCapital: 'total_capital',
  classification: 'classification',
  classificationCircular: 'classification_circular'
} as const

function toFigures(row: Selectable<YearlyFiguresTable>): YearlyFigures {
  const out: Record<string, unknown> = { id: row.id, entityId: row.entity_id, year: row.year }
  for (const [field, column] of Object.entries(YEARLY_COLUMNS)) out[field] = row[column] ?? null
  return out as unknown as YearlyFigures
}

/** Cell text → the value the field's rule expects (dates dd/mm/yyyy, numbers with dot thousands). */
function cellValue(field: string, raw: string): unknown {
  const text = raw.trim()
  if (text === '') return null
  if (field === 'charterCapital' || field === 'membersCount') {
    return typedNumber(text)
  }
  if (field === 'registrationDate' || field === 'contractDate') return parseViDate(text) ?? text
  if (field === 'kind') return text.toLowerCase()
  return text
}

/** The audit actions entity.undo takes back one row at a time. */
const UNDOABLE = ['update', 'soft_delete', 'restore', 'status_add', 'label_add', 'figures_create', 'figures_update']

type AuditRow = Selectable<AuditLogTable>

/** The id of the audit row this transaction wrote last. */
async function lastAuditId(trx: Trx): Promise<number> {
  const row = await trx.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
  return row.id
}

/** The names of records, in the order asked, for messages a person reads («Đã hoàn tác: Sửa «HTX An Bình»»). */
async function namesOf(trx: Trx, ids: number[]): Promise<string[]> {
  if (!ids.length) return []
  const rows = await trx.selectFrom('entities').select(['id', 'name']).where('id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r.name]))
  return ids.map((id) => byId.get(id)).filter((n): n is string => !!n)
}

/** Puts back what one audit row changed and audits that; returns the record the screen should refresh. */
async function undoAuditRow(trx: Trx, ctx: CoreContext, last: AuditRow): Promise<number | null> {
  const before = last.before_json ? JSON.parse(last.before_json) : {}
  const rowId = last.row_id!
  // Taking back a dated event or a closed year's figures is a change to closed data too.
  if (last.action === 'status_add') {
    const event = await trx.selectFrom('status_events').select('effective_date').where('id', '=', rowId).executeTakeFirst()
    await assertDateOpen(trx, event?.effective_date, 'Hoàn tác sự kiện tình trạng')
  } else if (last.action === 'figures_create' || last.action === 'figures_update') {
    const figures = await trx.selectFrom('yearly_figures').select('year').where('id', '=', rowId).executeTakeFirst()
    if (figures) await assertYearOpen(trx, figures.year, 'Hoàn tác số liệu')
  }
  if (last.action === 'status_add') {
    await trx.deleteFrom('status_events').where('id', '=', rowId).execute()
  } else if (last.action === 'label_add') {
    const label = await trx.selectFrom('entity_labels').select('effective_date').where('id', '=', rowId).executeTakeFirst()
    await assertDateOpen(trx, label?.effective_date, 'Hoàn tác nhãn quản lý')
    await trx.deleteFrom('entity_labels').where('id', '=', rowId).execute()
  } else if (last.action === 'figures_create') {
    await trx.deleteFrom('yearly_figures').where('id', '=', rowId).execute()
  } else if (last.action === 'figures_update') {
    const set: Record<string, unknown> = { updated_at: ctx.now() }
    for (const [field, column] of Object.entries(YEARLY_COLUMNS)) set[column] = before[field] ?? null
    await trx.updateTable('yearly_figures').set(set).where('id', '=', rowId).execute()
  } else {
    const entity = await entityOrFail(trx, rowId)
    const set: Record<string, unknown> =
      last.action === 'soft_delete'
        ? { deleted_at: null, deleted_reason: null }
        : last.action === 'restore'
          ? { deleted_at: before.deletedAt, deleted_reason: before.reason ?? null }
          : toColumns(before)
    const merged = {
      name: entity.name,
      reg_no: entity.regNo,
      representative: entity.representative,
      address: entity.address,
      commune: entity.commune
    }
    for (const k of Object.keys(merged) as Array<keyof typeof merged>) if (k in set) merged[k] = set[k] as string
    await trx
      .updateTable('entities')
      .set({ ...set, ...derivedKeys(merged), row_version: entity.rowVersion + 1, updated_at: ctx.now() })
      .where('id', '=', rowId)
      .execute()
  }
  await writeAudit(trx, ctx, {
    action: 'undo',
    table: last.table_name,
    rowId,
    before: last.after_json ? JSON.parse(last.after_json) : null,
    after: { auditId: last.id, restored: before }
  })
  // A status event or a year's figures name their entity in the audit row.
  const after = last.after_json ? JSON.parse(last.after_json) : {}
  return last.table_name === 'entities' ? rowId : ((after.entity_id ?? after.entityId ?? null) as number | null)
}

const PASTABLE = new Set(Object.keys(entityFields.shape).filter((f) => !['vsic', 'memberCoops', 'ocop'].includes(f)))

export const lifecycleHandlers: DomainHandlers<Names> = {
  'entity.bulkCreate': async (input, ctx) => {
    await requireUnit(ctx.db)
    return bulkCreateEntities(ctx, input.rows)
  },

  'entity.delete': async (input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.id)
      if (input.hard) {
        if (!mayHardDelete(entity.createdAt, ctx.now())) {
          throw new AppError(
            'FORBIDDEN',
            `Chỉ được xóa hẳn bản ghi tạo nhầm trong 24 giờ qua; «${entity.name}» đã có từ lâu hơn. Hãy dùng xóa thường (có thể khôi phục).`,
            { id: input.id }
          )
        }
        await trx.deleteFrom('status_events').where('entity_id', '=', input.id).execute()
        await trx.deleteFrom('yearly_figures').where('entity_id', '=', input.id).execute()
        await trx.deleteFrom('entities').where('id', '=', input.id).execute()
        await writeAudit(trx, ctx, {
          action: 'hard_delete',
          table: 'entities',
          rowId: input.id,
          before: entity,
          after: { reason: input.reason }
        })
        return { id: input.id, hard: true }
      }
      if (entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» đã bị xóa rồi.`, { id: input.id })
      await trx
        .updateTable('entities')
        .set({ deleted_at: ctx.now(), deleted_reason: input.reason, row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', input.id)
        .execute()
      await writeAudit(trx, ctx, {
        action: 'soft_delete',
        table: 'entities',
        rowId: input.id,
        before: { deletedAt: null },
        after: { reason: input.reason }
      })
      return { id: input.id, hard: false }
    })
  },

  'entity.restore': async (input, ctx) => {
    await ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.id)
      if (!entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» chưa bị xóa.`, { id: input.id })
      // Its number may have gone to another record meanwhile: said before the file refuses it.
      await guardDuplicate(trx, { kind: entity.kind, regNo: entity.regNo, name: entity.name, commune: entity.commune }, true, entity.id)
      await trx
        .updateTable('entities')
        .set({ deleted_at: null, deleted_reason: null, row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', input.id)
        .execute()
      await writeAudit(trx, ctx, {
        action: 'restore',
        table: 'entities',
        rowId: input.id,
        before: { deletedAt: entity.deletedAt, reason: entity.deletedReason },
        after: { deletedAt: null }
      })
    })
    return entityOrFail(ctx.db, input.id)
  },

  /**
   * Undoes this profile's latest step not yet undone, by its audit rows; the undo is itself audited.
   * A paste is one step: its «paste» row names the per-record rows it wrote, and all of them go back together.
   */
  'entity.undo': async (_input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const notUndone = trx
        .selectFrom('audit_log')
        .select(sql<number>`json_extract(after_json, '$.auditId')`.as('undone'))
        .where('action', '=', 'undo')
        .where(sql<boolean>`json_extract(after_json, '$.auditId') is not null`)
      const last = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('user', '=', ctx.user)
        .where('action', 'in', [...UNDOABLE, 'paste'])
        // The register's own rows only: a dissolution step's 'update' is not an edit of a record.
        .where('table_name', 'in', ['entities', 'status_events', 'entity_labels', 'yearly_figures'])
        .where('id', 'not in', notUndone)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (!last || (last.row_id === null && last.action !== 'paste'))
        throw new AppError('NOT_FOUND', 'Không còn thay đổi nào của bạn để hoàn tác.')
      if (last.action !== 'paste') {
        const entityId = await undoAuditRow(trx, ctx, last)
        const names = entityId ? await namesOf(trx, [entityId]) : []
        return {
          undone: last.id,
          action: last.action,
          table: last.table_name,
          rowId: last.row_id,
          entityId,
          entityIds: entityId ? [entityId] : [],
          names
        }
      }
      const step = JSON.parse(last.after_json ?? '{}') as { auditIds?: number[] }
      const rows = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('id', 'in', step.auditIds?.length ? step.auditIds : [-1])
        .where('id', 'not in', notUndone)
        .orderBy('id', 'desc')
        .execute()
      const entityIds: number[] = []
      for (const row of rows) {
        const id = await undoAuditRow(trx, ctx, row)
        if (id !== null) entityIds.push(id)
      }
      await writeAudit(trx, ctx, {
        action: 'undo',
        table: 'entities',
        rowId: null,
        before: null,
        after: { auditId: last.id, rows: rows.length }
      })
      const ids = [...new Set(entityIds)].reverse()
      return {
        undone: last.id,
        action: 'paste',
        table: 'entities',
        rowId: null,
        entityId: ids[0] ?? null,
        entityIds: ids,
        names: await namesOf(trx, ids)
      }
    })
  },

  /**
   * A block copied from Excel: every cell is checked first; one bad cell refuses
   * the whole paste (named by row and column), otherwise all rows are saved in
   * one transaction, each with its audit row.
   */
  'entity.paste': async (input, ctx) => {
    if (input.cells.length !== input.rowIds.length) {
      throw new AppError('VALIDATION', `Khối dán có ${input.cells.length} dòng nhưng chọn ${input.rowIds.length} dòng đích.`)
    }
    for (const field of input.fields) {
      if (!PASTABLE.has(field)) {
        throw new AppError('VALIDATION', `Không dán được vào cột «${registryLabels[field] ?? field}».`, { column: field })
      }
    }
    const rowsChanges = input.cells.map((cells, r) => {
      if (cells.length !== input.fields.length) {
        throw new AppError('VALIDATION', `Dòng ${r + 1} của khối dán có ${cells.length} ô, cần ${input.fields.length} ô.`, { row: r + 1 })
      }
      const changes: Record<string, unknown> = {}
      input.fields.forEach((field, c) => {
        const value = cellValue(field, cells[c]!)
        const parsed = (
          entityFields.shape as Record<
            string,
            { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } } }
          >
        )[field]!.safeParse(value)
        if (!parsed.success) {
          const label = registryLabels[field] ?? field
          throw new AppError(
            'VALIDATION',
            `Dòng ${r + 1}, cột «${label}»: ${parsed.error!.issues[0]?.message ?? 'giá trị không hợp lệ'} (đã gõ «${cells[c]}»). Không dán ô nào.`,
            { row: r + 1, column: label, field, value: cells[c] }
          )
        }
        changes[field] = parsed.data
      })
      if (changes.name === null) {
        throw new AppError('VALIDATION', `Dòng ${r + 1}, cột «${registryLabels.name}»: tên không được để trống. Không dán ô nào.`, {
          row: r + 1,
          column: registryLabels.name
        })
      }
      return changes
    })
    await ctx.db.transaction().execute(async (trx) => {
      const auditIds: number[] = []
      for (const [r, id] of input.rowIds.entries()) {
        const before = await entityOrFail(trx, id)
        if (before.deletedAt) throw new AppError('FORBIDDEN', `Dòng ${r + 1}: «${before.name}» đã bị xóa.`, { row: r + 1 })
        const changes = rowsChanges[r]!
        const columns = toColumns(changes)
        const merged = {
          name: before.name,
          reg_no: before.regNo,
          representative: before.representative,
          address: before.address,
          commune: before.commune
        }
        for (const k of Object.keys(merged) as Array<keyof typeof merged>)
          if (k in columns) (merged as Record<string, unknown>)[k] = (columns as Record<string, unknown>)[k]
        await trx
          .updateTable('entities')
          .set({ ...columns, ...derivedKeys(merged), row_version: before.rowVersion + 1, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute()
        const pick = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as unknown as Record<string, unknown>)[k] ?? null]))
        await writeAudit(trx, ctx, { action: 'update', table: 'entities', rowId: id, before: pick, after: changes })
        auditIds.push(await lastAuditId(trx))
      }
      // The paste as one step for entity.undo: the rows above go back together.
      await writeAudit(trx, ctx, {
        action: 'paste',
        table: 'entities',
        rowId: null,
        after: { auditIds, fields: input.fields, rows: input.rowIds.length }
      })
    })
    return { updated: input.rowIds.length }
  },

  'status.add': async (input, ctx) => ctx.db.transaction().execute((trx) => addStatusIn(trx, ctx, input)),

  'status.list': async (input, ctx) => {
    await entityOrFail(ctx.db, input.entityId)
    const rows = await ctx.db
      .selectFrom('status_events')
      .selectAll()
      .where('entity_id', '=', input.entityId)
      .orderBy(sql`effective_date is not null`)
      .orderBy('effective_date')
      .orderBy('id')
      .execute()
    return rows.map(toEvent)
  },

  'label.add': async (input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.entityId)
      await assertDateOpen(trx, input.effectiveDate, `Nhãn quản lý của «${entity.name}»`)
      if (input.effectiveDate && entity.registrationDate && input.effectiveDate < entity.registrationDate) {
        throw new AppError('VALIDATION', `Ngày của nhãn trước ngày đăng ký của «${entity.name}».`, { field: 'effectiveDate' })
      }
      if (input.effectiveDate && input.effectiveDate > today(ctx)) {
        throw new AppError('VALIDATION', 'Ngày của nhãn quản lý không được sau hôm nay.', { field: 'effectiveDate' })
      }
      const row = {
        entity_id: input.entityId,
        label: input.label,
        effective_date: input.effectiveDate ?? null,
        note: input.note?.trim() || null,
        created_at: ctx.now()
      }
      const { id } = await trx.insertInto('entity_labels').values(row).returning('id').executeTakeFirstOrThrow()
      await trx
        .updateTable('entities')
        .set({ row_version: entity.rowVersion + 1, updated_at: ctx.now() })
        .where('id', '=', entity.id)
        .execute()
      await writeAudit(trx, ctx, { action: 'label_add', table: 'entity_labels', rowId: id, after: row })
      return toLabelEvent({ id, ...row })
    })
  },

  'label.list': async (input, ctx) => {
    await entityOrFail(ctx.db, input.entityId)
    const rows = await ctx.db
      .selectFrom('entity_labels')
      .selectAll()
      .where('entity_id', '=', input.entityId)
      .orderBy(sql`effective_date is not null`)
      .orderBy('effective_date')
      .orderBy('id')
      .execute()
    return rows.map(toLabelEvent)
  },

  /** The status each entity held on a date (status-at.ts): one grouped pass, undated events holding since registration. */
  'status.asOf': async (input, ctx) => {
    const query = statusesSql({ asOf: true, where: input.entityId ? 's.entity_id = ?' : undefined })
    const params = input.entityId ? [input.date, input.entityId] : [input.date]
    const rows = ctx.conn.sqlite.prepare(`select entity_id as entityId, status from (${query}) order by entity_id`).all(...params)
    return rows as Array<{ entityId: number; status: Status }>
  },

  'figures.set': async (input, ctx) => {
    return ctx.db.transaction().execute(async (trx) => {
      const entity = await entityOrFail(trx, input.entityId)
      if (entity.deletedAt) throw new AppError('FORBIDDEN', `«${entity.name}» đã bị xóa.`, { id: entity.id })
      await assertYearOpen(trx, input.year, `Số liệu của «${entity.name}»`)
      const set: Record<string, unknown> = { updated_at: ctx.now() }
      for (const [field, column] of Object.entries(YEARLY_COLUMNS)) {
        if (field in input.figures) set[column] = (input.figures as Record<string, unknown>)[field] ?? null
      }
      const existing = await trx
        .selectFrom('yearly_figures')
        .selectAll()
        .where('entity_id', '=', input.entityId)
        .where('year', '=', input.year)
        .executeTakeFirst()
      // A rating without its circular: the one the year already names, else the default for the record's kind and sector (data).
      if (input.figures.classification && !('classificationCircular' in input.figures) && !existing?.classification_circular) {
        set.classification_circular = defaultCircular(entity.kind, entity.sector)
      }
      let id: number
      if (existing) {
        await trx.updateTable('yearly_figures').set(set).where('id', '=', existing.id).execute()
        id = existing.id
      } else {
        const empty = {
          members: null,
          workers: null,
          managers: null,
          managers_elementary: null,
          managers_college: null,
          revenue: null,
          profit: null,
          avg_income: null,
          classification: null
        }
        const inserted = await trx
          .insertInto('yearly_figures')
          .values({ ...empty, ...set, entity_id: input.entityId, year: input.year })
          .returning('id')
          .executeTakeFirstOrThrow()
        id = inserted.id
      }
      const after = await trx.selectFrom('yearly_figures').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, {
        action: existing ? 'figures_update' : 'figures_create',
        table: 'yearly_figures',
        rowId: id,
        before: existing ? toFigures(existing) : undefined,
        after: toFigures(after)
      })
      return toFigures(after)
    })
  },

  'figures.list': async (input, ctx) => {
    let query = ctx.db.selectFrom('yearly_figures').selectAll().orderBy('entity_id').orderBy('year')
    if (input.entityId) query = query.where('entity_id', '=', input.entityId)
    if (input.year) query = query.where('year', '=', input.year)
    return (await query.execute()).map(toFigures)
  },

  /** Last year's member counts carried into a new year for entities that have no row yet; money is not copied. */
  'figures.copyForward': async (input, ctx) => {
    if (input.toYear <= input.fromYear) throw new AppError('VALIDATION', 'Năm chép sang phải sau năm chép từ.', { field: 'toYear' })
    return ctx.db.transaction().execute(async (trx) => {
      await assertYearOpen(trx, input.toYear, 'Chép số liệu sang')
      const result = await sql`
        insert into yearly_figures (entity_id, year, members, workers, managers, managers_elementary, managers_college,
          revenue, profit, avg_income, classification, updated_at)
        select f.entity_id, ${input.toYear}, f.members, f.workers, f.managers, f.managers_elementary, f.managers_college,
          null, null, null, null, ${ctx.now()}
        from yearly_figures f join entities e on e.id = f.entity_id
        where f.year = ${input.fromYear} and e.deleted_at is null
          and not exists (select 1 from yearly_figures t where t.entity_id = f.entity_id and t.year = ${input.toYear})`.execute(trx)
      const copied = Number(result.numAffectedRows ?? 0)
      await writeAudit(trx, ctx, { action: 'figures_copy_forward', table: 'yearly_figures', rowId: null, after: { ...input, copied } })
      return { copied }
    })
  }
}

import { assertDistrictRegisters } from '../office/registrar'
import { communePlacer } from '../office/communes'
import { sql, type SelectQueryBuilder } from 'kysely'
import type { Entity } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { searchTokens } from '../../../shared/text'
import { regNoWarning } from './check-digit'
import { gridHandlers } from './grid'
import { lifecycleHandlers } from './lifecycle'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers } from '../context'
import type { Database } from '../db/schema'
import { requireUnit, today } from '../office/office'
import { overdueObligations } from './obligations'
import { guardDuplicate } from './duplicates'
import { hardDeleteUntil } from './hard-delete'
import { updateEntityIn } from './update'
import { derivedKeys, findEntity, selectEntities, toColumns, toEntity } from './entities'
import { byName, firstInOrder } from './order'

export async function mustFind(ctx: CoreContext, id: number): Promise<Entity> {
  const entity = await findEntity(ctx.db, id)
  if (!entity) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${id} trong sổ.`, { id })
  return entity
}

/** entity.list's conditions: every folded word of q, the kind, deleted records left out unless asked. */
function listFilter<O>(
  query: SelectQueryBuilder<Database & { e: Database['entities'] }, 'e', O>,
  input: { q?: string; kind?: Entity['kind']; includeDeleted?: boolean }
) {
  let q = query
  for (const token of searchTokens(input.q ?? '')) {
    // Tokens are folded to [a-z0-9], so they carry no LIKE wildcards.
    q = q.where('e.search_key', 'like', `%${token}%`)
  }
  if (input.kind) q = q.where('e.kind', '=', input.kind)
  if (!input.includeDeleted) q = q.where('e.deleted_at', 'is', null)
  return q
}

function withWarnings(entity: Entity): Entity {
  const warning = regNoWarning(entity.regNo)
  return warning ? { ...entity, warnings: [warning] } : entity
}

export const registryHandlers: DomainHandlers<
  | 'entity.create'
  | 'entity.list'
  | 'entity.get'
  | 'entity.byRegNo'
  | 'entity.checkRegNos'
  | 'entity.update'
  | 'registry.obligations'
  | keyof typeof lifecycleHandlers
  | keyof typeof gridHandlers
> = {
  'registry.obligations': async (input, ctx) => overdueObligations(ctx.db, input.asOf ?? today(ctx)),
  'entity.create': async (input, ctx) => {
    const unit = await requireUnit(ctx.db)
    const { status, confirmDuplicate, ...fields } = input
    const columns = toColumns(fields)
    assertDistrictRegisters(unit.level, columns.registration_date)
    communePlacer(ctx)(columns)
    const now = ctx.now()
    const id = await ctx.db.transaction().execute(async (trx) => {
      const name = columns.name ?? input.name
      await guardDuplicate(trx, { kind: input.kind, regNo: columns.reg_no, name, commune: columns.commune }, confirmDuplicate)
      const row = {
        ...columns,
        kind: input.kind,
        name,
        ...derivedKeys({
          name,
          reg_no: columns.reg_no ?? null,
          representative: columns.representative ?? null,
          address: columns.address ?? null,
          commune: columns.commune ?? null
        }),
        created_at: now,
        updated_at: now
      }
      const { id } = await trx.insertInto('entities').values(row).returning('id').executeTakeFirstOrThrow()
      // The starting status holds since registration: an effective date is only
      // recorded for later changes, which come with a decision.
      const event = { entity_id: id, status, effective_date: null, decision_no: null, note: null, created_at: now }
      const { id: eventId } = await trx.insertInto('status_events').values(event).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, { action: 'create', table: 'entities', rowId: id, after: { ...fields, status } })
      await writeAudit(trx, ctx, { action: 'create', table: 'status_events', rowId: eventId, after: event })
      return id
    })
    return withWarnings(await mustFind(ctx, id))
  },

  /**
   * Sorted on names alone, then only the page asked for is read whole: a count
   * (limit 1) of a 100,000-record register costs a name scan, not every record.
   */
  'entity.list': async (input, ctx) => {
    const keys = await listFilter(ctx.db.selectFrom('entities as e').select(['e.id', 'e.name']), input).execute()
    const offset = input.offset ?? 0
    const end = input.limit === undefined ? keys.length : offset + input.limit
    // A first page (the app's count asks for one record) needs no full sort.
    const ordered = end <= 1000 ? firstInOrder(keys, end, byName) : keys.sort(byName)
    const page = ordered.slice(offset, end).map((r) => r.id)
    if (page.length === 0) return { rows: [], total: keys.length }
    const whole = page.length === keys.length
    const found = await (
      whole
        ? listFilter(selectEntities(ctx.db), input)
        : selectEntities(ctx.db).where('e.id', 'in', sql<number>`(select value from json_each(${JSON.stringify(page)}))`)
    ).execute()
    const byId = new Map(found.map((r) => [r.id, toEntity(r as Parameters<typeof toEntity>[0])]))
    return { rows: page.map((id) => byId.get(id)!), total: keys.length }
  },

  'entity.get': async (input, ctx) => {
    const entity = await mustFind(ctx, input.id)
    return { ...entity, hardDeleteUntil: entity.deletedAt ? null : hardDeleteUntil(entity.createdAt, ctx.now()) }
  },

  'entity.byRegNo': async (input, ctx) => {
    const row = await ctx.db
      .selectFrom('entities')
      .select('id')
      .where('reg_no', '=', input.regNo)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `Không có HTX nào mang mã số ${input.regNo}.`, { regNo: input.regNo })
    return mustFind(ctx, row.id)
  },

  /** The check-digit rule (check-digit.ts) for numbers not yet in the register, e.g. the rows of an import preview. */
  'entity.checkRegNos': async (input) => {
    const warnings: Record<string, string> = {}
    for (const regNo of new Set(input.regNos)) {
      const warning = regNoWarning(regNo)
      if (warning) warnings[regNo] = warning
    }
    return { warnings }
  },

  'entity.update': async (input, ctx) => {
    await ctx.db.transaction().execute((trx) => updateEntityIn(trx, ctx, input))
    return withWarnings(await mustFind(ctx, input.id))
  },

  ...lifecycleHandlers,
  ...gridHandlers
}

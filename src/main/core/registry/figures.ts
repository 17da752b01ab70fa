/**
 * A record's yearly figures (members, workers, revenue, classification…): the API field → column map the data
 * checks read through too, and the writes and reads of yearly_figures (figures.set, figures.list,
 * figures.copyForward), each write with its audit row.
 */
import { sql, type Selectable } from 'kysely'
import type { YearlyFigures } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import type { YearlyFiguresTable } from '../db/schema'
import { assertYearOpen } from '../period/period'
import { defaultCircular } from '../classification/data'
import { entityOrFail } from './entities'

export type FiguresHandlerName = 'figures.set' | 'figures.list' | 'figures.copyForward'

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

export const figuresHandlers: DomainHandlers<FiguresHandlerName> = {
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

/**
 * The support register: list, save (create or update) and delete, each write one
 * transaction with one audit row per changed row. Rows are the office's own
 * (unit_code); a province file holds each district's rows as its package brought them.
 */
import type { Kysely, Selectable } from 'kysely'
import type { SupportInput, SupportRow, SupportStage } from '../../../shared/contract/support'
import { AppError } from '../../../shared/errors'
import { clean } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import type { Database } from '../db/schema'
import { checkScope, officeUnit } from '../reports/summary'
import { findProgramme, programmeLabel } from './programmes'
import type { SupportEntriesTable } from './schema'

type Stored = Selectable<SupportEntriesTable>
type Values = Omit<Stored, 'id' | 'created_at' | 'updated_at' | 'unit_code'>

const round3 = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000)
const textOrNull = (v: string | null | undefined) => (v === null || v === undefined || clean(v) === '' ? null : clean(v))

/** The four amounts added up, in million đồng (to the thousandth, as stored). */
export function rowTotal(r: Pick<Stored, 'nstw_dtpt' | 'nstw_sn' | 'nsdp_dtpt' | 'nsdp_sn'>): number {
  return round3((r.nstw_dtpt ?? 0) + (r.nstw_sn ?? 0) + (r.nsdp_dtpt ?? 0) + (r.nsdp_sn ?? 0))!
}

export async function listSupport(
  ctx: CoreContext,
  year: number | null | undefined,
  scope: string | null | undefined
): Promise<SupportRow[]> {
  const unit = await officeUnit(ctx)
  const district = checkScope(unit, scope)
  let q = ctx.db
    .selectFrom('support_entries')
    .leftJoin('entities', 'entities.id', 'support_entries.entity_id')
    .selectAll('support_entries')
    .select(['entities.reg_no as entity_reg_no', 'entities.name as entity_name'])
  if (year) q = q.where('support_entries.year', '=', year)
  if (district) q = q.where('support_entries.unit_code', '=', district)
  const rows = await q.orderBy('support_entries.year').orderBy('support_entries.id').execute()
  return rows.map(toRow)
}

function toRow(r: Stored & { entity_reg_no: string | null; entity_name: string | null }): SupportRow {
  return {
    id: r.id,
    unitCode: r.unit_code,
    year: r.year,
    stage: r.stage as SupportStage,
    programme: r.programme,
    programmeLabel: programmeLabel(r.programme),
    entityId: r.entity_id,
    entityRegNo: r.entity_reg_no,
    entityName: r.entity_name,
    beneficiary: r.beneficiary,
    coops: r.coops,
    people: r.people,
    nstwDtpt: r.nstw_dtpt,
    nstwSn: r.nstw_sn,
    nsdpDtpt: r.nsdp_dtpt,
    nsdpSn: r.nsdp_sn,
    total: rowTotal(r),
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    note: r.note,
    updatedAt: r.updated_at
  }
}

/** Checks one input row against the register (programme, cooperative) and gives the stored values. */
async function resolve(trx: Kysely<Database>, input: SupportInput, where: string): Promise<Values> {
  const programme = findProgramme(input.programme)
  if (!programme)
    throw new AppError('VALIDATION', `${where}: nội dung hỗ trợ «${input.programme}» không có trong danh mục (xem «support programmes»).`, {
      field: 'programme'
    })
  let entityId: number | null = null
  const regNo = textOrNull(input.entity)
  if (regNo) {
    const e = await trx.selectFrom('entities').select('id').where('reg_no', '=', regNo).where('deleted_at', 'is', null).executeTakeFirst()
    if (!e) throw new AppError('VALIDATION', `${where}: không có HTX mã số ${regNo} trong sổ đăng ký.`, { field: 'entity' })
    entityId = e.id
  }
  const values: Values = {
    year: input.year,
    stage: input.stage,
    programme: programme.code,
    entity_id: entityId,
    beneficiary: textOrNull(input.beneficiary),
    coops: input.coops ?? null,
    people: input.people ?? null,
    nstw_dtpt: round3(input.nstwDtpt),
    nstw_sn: round3(input.nstwSn),
    nsdp_dtpt: round3(input.nsdpDtpt),
    nsdp_sn: round3(input.nsdpSn),
    decision_no: textOrNull(input.decisionNo),
    decision_date: input.decisionDate ?? null,
    note: textOrNull(input.note)
  }
  if (values.coops === null && values.people === null && entityId === null && rowTotal(values) === 0)
    throw new AppError('VALIDATION', `${where}: cần ít nhất số HTX, số người, mã số HTX hoặc kinh phí.`, { field: 'coops' })
  return values
}

/** What a save would say, without writing: every row checked against the register. */
export async function checkSupport(ctx: CoreContext, inputs: SupportInput[], label: (i: number) => string): Promise<void> {
  for (const [i, input] of inputs.entries()) await resolve(ctx.db, input, label(i))
}

/** All rows or none: one transaction, one audit row per row created or changed. */
export async function saveSupport(ctx: CoreContext, inputs: SupportInput[], label = (i: number) => `Dòng ${i + 1}`): Promise<number[]> {
  const unit = await officeUnit(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const ids: number[] = []
    for (const [i, input] of inputs.entries()) {
      const values = await resolve(trx, input, label(i))
      const now = ctx.now()
      if (input.id === undefined) {
        const row = { ...values, unit_code: unit.code, created_at: now, updated_at: now }
        const { id } = await trx.insertInto('support_entries').values(row).returning('id').executeTakeFirstOrThrow()
        await writeAudit(trx, ctx, { action: 'support_create', table: 'support_entries', rowId: id, after: row })
        ids.push(id)
        continue
      }
      const before = await trx.selectFrom('support_entries').selectAll().where('id', '=', input.id).executeTakeFirst()
      if (!before) throw new AppError('NOT_FOUND', `${label(i)}: không có dòng hỗ trợ số ${input.id}.`, { field: 'id' })
      const changed = (Object.keys(values) as Array<keyof Values>).some((k) => values[k] !== before[k])
      ids.push(input.id)
      if (!changed) continue
      await trx
        .updateTable('support_entries')
        .set({ ...values, updated_at: now })
        .where('id', '=', input.id)
        .execute()
      await writeAudit(trx, ctx, { action: 'support_update', table: 'support_entries', rowId: input.id, before, after: values })
    }
    return ids
  })
}

export async function deleteSupport(ctx: CoreContext, ids: number[]): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const before = await trx.selectFrom('support_entries').selectAll().where('id', '=', id).executeTakeFirst()
      if (!before) throw new AppError('NOT_FOUND', `Không có dòng hỗ trợ số ${id}.`, { field: 'ids' })
      await trx.deleteFrom('support_entries').where('id', '=', id).execute()
      await writeAudit(trx, ctx, { action: 'support_delete', table: 'support_entries', rowId: id, before })
    }
    return ids.length
  })
}

export async function supportRowsById(ctx: CoreContext, ids: number[]): Promise<SupportRow[]> {
  if (ids.length === 0) return []
  const all = await listSupport(ctx, null, null)
  const wanted = new Set(ids)
  return all.filter((r) => wanted.has(r.id))
}

/**
 * entity.paste: a block of cells copied from Excel onto chosen records — each cell read and checked against the
 * field's rule, then every row saved in one transaction with its audit row, and the paste written as one step
 * for entity.undo.
 */
import { entityFields, registryLabels } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { typedNumber } from '../../../shared/numbers'
import { parseViDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { DomainHandlers } from '../context'
import { lastAuditId } from './undo'
import { derivedKeys, entityOrFail, toColumns } from './entities'

export type PasteHandlerName = 'entity.paste'

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

const PASTABLE = new Set(Object.keys(entityFields.shape).filter((f) => !['vsic', 'memberCoops', 'ocop'].includes(f)))

export const pasteHandlers: DomainHandlers<PasteHandlerName> = {
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
  }
}

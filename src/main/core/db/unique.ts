/**
 * Migration 009's rule said in Vietnamese: the file refuses a second live record
 * with one registration number (or a THT's folded name in its commune). Single
 * writes ask first (registry/duplicates.ts); bulk writes and races meet the
 * trigger, and this turns its abort into a sentence naming the record that has it.
 */
import type Sqlite from 'better-sqlite3'
import { AppError } from '../../../shared/errors'

export function duplicateKind(err: unknown): 'reg-no' | 'tht' | null {
  const message = err instanceof Error ? err.message : ''
  if (message.includes('so-htx:duplicate-reg-no')) return 'reg-no'
  if (message.includes('so-htx:duplicate-tht')) return 'tht'
  return null
}

/** The refusal for a record that the file would not take; `where` says which row of what (an import's row, a list's line). */
export function duplicateError(
  sqlite: Sqlite.Database,
  err: unknown,
  record: { name: string; regNo?: string | null; commune?: string | null },
  where: string
): AppError | null {
  const kind = duplicateKind(err)
  if (!kind) return null
  const other =
    kind === 'reg-no'
      ? (sqlite.prepare('select id, name from entities where reg_no = ? and deleted_at is null limit 1').get(record.regNo ?? null) as
          { id: number; name: string } | undefined)
      : (sqlite
          .prepare("select id, name from entities where kind = 'tht' and reg_no is null and deleted_at is null and commune = ? limit 1")
          .get(record.commune ?? null) as { id: number; name: string } | undefined)
  const holder = other ? `«${other.name}» (bản ghi số ${other.id})` : 'một bản ghi khác'
  return new AppError(
    'ALREADY_EXISTS',
    kind === 'reg-no'
      ? `${where}: mã số ${record.regNo} đã có trong sổ: ${holder}. Mỗi mã số chỉ thuộc một hợp tác xã; không có gì được ghi.`
      : `${where}: tổ hợp tác «${record.name}» ở ${record.commune} đã có trong sổ: ${holder}; không có gì được ghi.`,
    { otherId: other?.id ?? null, regNo: record.regNo ?? null }
  )
}

/**
 * Putting a copy back: verified first, the current file copied aside, then the
 * copy moved into place in one rename so a power cut leaves one file or the
 * other, never a mix. A copy belongs to one office: another unit's is refused.
 */
import { gsoCode } from '../../../shared/contract/office'
import Sqlite from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/errors'
import { backupDir, backupOffice, integrityProblems, listBackups, sha256File, type BackupRecord } from './files'

/** Refuses a copy that is damaged, not ours, or differs from what its record says. */
export function verifyBackup(file: string): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu ${file}.`, { file })
  const problems = integrityProblems(file)
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `Bản sao lưu ${basename(file)} bị hỏng hoặc không phải tệp Sổ HTX: ${problems[0]}.`, {
      file,
      problems
    })
  }
  const record = readRecord(file)
  if (record && sha256File(file) !== record.sha256) {
    throw new AppError('VALIDATION', `Bản sao lưu ${basename(file)} đã bị thay đổi sau khi ghi (mã băm không khớp).`, { file })
  }
}

function readRecord(file: string): BackupRecord | null {
  try {
    return JSON.parse(readFileSync(file.replace(/\.db$/, '.json'), 'utf8')) as BackupRecord
  } catch {
    return null
  }
}

/** The record of a copy, or one made from the copy itself when it has none (a file brought on a USB stick). */
function recordOf(file: string): BackupRecord {
  return { ...(readRecord(file) ?? { at: '', reason: 'manual', size: 0, sha256: '' }), file } as BackupRecord
}

function unitLabel(office: { unitCode: string | null; unitName: string | null }): string {
  return office.unitCode === null ? 'một tệp chưa chọn đơn vị' : `${office.unitName ?? 'đơn vị'} (mã ${gsoCode(office.unitCode)})`
}

/**
 * Refuses a copy of another office than `current` (the open file's unit; null:
 * not set up yet, nothing to lose, any office's copy may come in — a new PC).
 */
export function assertSameOffice(file: string, current: { unitCode: string | null; unitName: string | null }): void {
  if (current.unitCode === null) return
  const theirs = backupOffice(recordOf(file))
  if (theirs === undefined) {
    throw new AppError('VALIDATION', `Không đọc được bản sao lưu ${basename(file)} là của đơn vị nào nên không khôi phục.`, { file })
  }
  if (theirs.unitCode !== current.unitCode) {
    throw new AppError(
      'WRONG_UNIT',
      `Bản sao lưu ${basename(file)} là của ${unitLabel(theirs)}, không phải của ${unitLabel(current)} đang mở; khôi phục nó sẽ biến sổ này thành sổ của đơn vị khác nên không làm. Hãy mở tệp dữ liệu của đơn vị đó nếu cần.`,
      { file, unitCode: theirs.unitCode, unitName: theirs.unitName }
    )
  }
}

/** Whether a listed copy is of this office (null unit: a file not set up lists every copy). */
export function isOfficeBackup(record: BackupRecord, unitCode: string | null): boolean {
  if (unitCode === null) return true
  return backupOffice(record)?.unitCode === unitCode
}

/** Replaces the (closed) database file with a verified copy. */
export function replaceDatabaseFile(dbPath: string, backupFile: string): void {
  const staging = `${dbPath}.dang-khoi-phuc`
  try {
    copyFileSync(backupFile, staging)
  } catch (err) {
    rmSync(staging, { force: true })
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new AppError('DISK_FULL', 'Ổ đĩa đầy: không chép được bản sao lưu vào chỗ tệp dữ liệu; tệp hiện tại vẫn nguyên.')
    throw err
  }
  // The write-ahead log belongs to the file being replaced; left behind it would
  // be replayed onto the restored copy.
  rmSync(`${dbPath}-wal`, { force: true })
  rmSync(`${dbPath}-shm`, { force: true })
  renameSync(staging, dbPath)
}

/**
 * The newest copy that passes its checks: what to offer when the file will not
 * open. Only this office's: of `unitCode` when the damaged file still says whose
 * it is, else the copies taken from a file of this name.
 */
export function newestGoodBackup(dbPath: string, unitCode: string | null = null): BackupRecord | null {
  const name = basename(dbPath)
  const stem = `${basename(dbPath, '.db')}-`
  for (const record of listBackups(backupDir(dbPath))) {
    const mine =
      unitCode !== null
        ? backupOffice(record)?.unitCode === unitCode
        : record.source !== undefined
          ? record.source === name
          : basename(record.file).startsWith(stem)
    if (!mine) continue
    try {
      verifyBackup(record.file)
      return record
    } catch {
      // Try the next older one.
    }
  }
  return null
}

export type FileState = { state: 'good' } | { state: 'damaged'; problems: string[] } | { state: 'unknown'; reason: string }

/**
 * What the current file is, read afresh: good (integrity_check passes), damaged
 * (proven: integrity_check fails, SQLite says corrupt, or it is not SQLite
 * though named as ours), or unknown (locked, unreadable: nothing is proven).
 * The rescue replaces only a damaged file.
 */
export function fileState(path: string): FileState {
  if (!existsSync(path)) return { state: 'damaged', problems: ['tệp không còn'] }
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true, timeout: 2000 })
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok')
    return problems.length === 0 ? { state: 'good' } : { state: 'damaged', problems }
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '')
    if (code.startsWith('SQLITE_CORRUPT')) return { state: 'damaged', problems: [String((err as Error).message)] }
    if (code === 'SQLITE_NOTADB' && readable(path)) return { state: 'damaged', problems: ['không phải tệp SQLite'] }
    return { state: 'unknown', reason: code || String((err as Error).message) }
  } finally {
    db?.close()
  }
}

function readable(path: string): boolean {
  try {
    const fd = openSync(path, 'r')
    try {
      readSync(fd, Buffer.alloc(16), 0, 16, 0)
      return true
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

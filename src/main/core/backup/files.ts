/**
 * Backup copies of the office's file: written with SQLite's online backup API
 * (consistent while the app runs), checked with integrity_check, and described
 * by a small JSON file beside each copy — outside the database, so the list
 * survives a restore.
 */
import Sqlite from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../shared/errors'

export const BACKUP_REASONS = ['manual', 'daily', 'monthly', 'migration', 'import', 'consolidation', 'finalisation', 'restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export interface BackupRecord {
  file: string
  at: string
  reason: BackupReason
  size: number
  sha256: string
  /** The office the copy is of (its unit), null before one was set up; absent in records written before 2026. */
  unitCode?: string | null
  unitName?: string | null
  /** The name of the database file it was taken from. */
  source?: string
}

/** The office a file belongs to, read from the file itself; undefined when it cannot be read. */
export function officeOf(sqlite: Sqlite.Database): { unitCode: string | null; unitName: string | null } | undefined {
  try {
    const row = sqlite
      .prepare('select o.unit_code as code, a.name as name from office o left join admin_units a on a.code = o.unit_code limit 1')
      .get() as { code: string; name: string | null } | undefined
    return row ? { unitCode: row.code, unitName: row.name ?? null } : { unitCode: null, unitName: null }
  } catch {
    return undefined
  }
}

/** The office of a backup: its record's, or (an older record) the one inside the copy. */
export function backupOffice(record: BackupRecord): { unitCode: string | null; unitName: string | null } | undefined {
  if (record.unitCode !== undefined) return { unitCode: record.unitCode, unitName: record.unitName ?? null }
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(record.file, { readonly: true, fileMustExist: true })
    return officeOf(db)
  } catch {
    return undefined
  } finally {
    db?.close()
  }
}

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups')
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** "ok" from SQLite, or the problems it lists; a file that is not SQLite at all is a problem too. */
export function integrityProblems(path: string): string[] {
  let db: Sqlite.Database | undefined
  try {
    db = new Sqlite(path, { readonly: true, fileMustExist: true })
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
    const hasOffice = db.prepare("select count(*) n from sqlite_master where name = 'entities'").get() as { n: number }
    if (hasOffice.n === 0) problems.push('không có bảng sổ đăng ký (không phải tệp Sổ HTX)')
    return problems
  } catch (err) {
    return [String((err as Error).message)]
  } finally {
    db?.close()
  }
}

function stamp(at: string): string {
  return at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/**
 * Copies the open database to `folder` (the office's backups/ folder unless
 * told), verifies the copy and records it. A copy that fails its check is
 * removed and reported, never left looking like a good one.
 */
export async function writeBackup(
  sqlite: Sqlite.Database,
  dbPath: string,
  reason: BackupReason,
  now: string,
  folder = backupDir(dbPath)
): Promise<BackupRecord> {
  try {
    mkdirSync(folder, { recursive: true })
  } catch (err) {
    // Node says ENOENT for a folder it cannot make on a read-only drive: ask the nearest folder that exists.
    throw backupWriteError(writeProblem(folder) ?? err, folder)
  }
  let file = join(folder, `${basename(dbPath, '.db')}-${reason}-${stamp(now)}.db`)
  // Two copies in one second (a frozen clock in tests, a quick second import) keep both.
  for (let n = 2; existsSync(file); n++) file = join(folder, `${basename(dbPath, '.db')}-${reason}-${stamp(now)}-${n}.db`)
  try {
    await sqlite.backup(file)
  } catch (err) {
    rmSync(file, { force: true })
    throw backupWriteError(err, folder)
  }
  const problems = integrityProblems(file)
  if (problems.length > 0) {
    rmSync(file, { force: true })
    throw new AppError('INTERNAL', `Bản sao lưu vừa ghi không vượt qua kiểm tra toàn vẹn (${problems[0]}); đã xóa nó.`)
  }
  const office = officeOf(sqlite) ?? { unitCode: null, unitName: null }
  const record: BackupRecord = {
    file,
    at: now,
    reason,
    size: statSync(file).size,
    sha256: sha256File(file),
    ...office,
    source: basename(dbPath)
  }
  try {
    writeFileSync(file.replace(/\.db$/, '.json'), JSON.stringify(record, null, 2))
  } catch (err) {
    // A copy without its record is not listed; neither is left half-written.
    rmSync(file, { force: true })
    rmSync(file.replace(/\.db$/, '.json'), { force: true })
    throw backupWriteError(err, folder)
  }
  return record
}

/** Why the nearest existing folder of `path` cannot be written, or null. */
function writeProblem(path: string): unknown {
  let at = path
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at)
  try {
    accessSync(at, constants.W_OK)
    return null
  } catch (err) {
    return err
  }
}

/** A full disk or a locked file said as such; anything else with SQLite's words for the log. */
function backupWriteError(err: unknown, folder: string): AppError {
  const code = String((err as { code?: unknown }).code ?? '')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', `Ổ đĩa đầy: không ghi được bản sao lưu vào ${folder}; không có bản dở dang nào được giữ lại.`, {
      folder
    })
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('BUSY', 'Tệp dữ liệu đang bận (một thao tác khác đang ghi), hãy thử lại sau ít giây.', { folder })
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return new AppError('FILE_READ_ONLY', `Không ghi được vào thư mục sao lưu ${folder} (không có quyền ghi hoặc ổ chỉ đọc).`, { folder })
  }
  return new AppError('INTERNAL', `Không ghi được bản sao lưu vào ${folder}: ${(err as Error).message}`, { folder })
}

/** Every recorded copy in a folder, newest first. */
export function listBackups(folder: string): BackupRecord[] {
  if (!existsSync(folder)) return []
  const records: BackupRecord[] = []
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue
    try {
      const record = JSON.parse(readFileSync(join(folder, name), 'utf8')) as BackupRecord
      // The folder may have moved (a USB stick): trust the copy beside the record.
      record.file = join(folder, basename(record.file))
      if (existsSync(record.file)) records.push(record)
    } catch {
      // A stray or broken record is not a backup; the .db beside it is left alone.
    }
  }
  return records.sort((a, b) => b.at.localeCompare(a.at))
}

export function removeBackup(record: BackupRecord): void {
  rmSync(record.file, { force: true })
  rmSync(record.file.replace(/\.db$/, '.json'), { force: true })
}

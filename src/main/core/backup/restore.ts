/**
 * Putting a copy back: verified first, the current file copied aside, then the
 * copy moved into place in one rename so a power cut leaves one file or the
 * other, never a mix.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/errors'
import { backupDir, integrityProblems, listBackups, sha256File, type BackupRecord } from './files'

/** Refuses a copy that is damaged, not ours, or differs from what its record says. */
export function verifyBackup(file: string): void {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy bản sao lưu ${file}.`, { file })
  const problems = integrityProblems(file)
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `Bản sao lưu ${basename(file)} bị hỏng hoặc không phải tệp Sổ HTX: ${problems[0]}.`, { file, problems })
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

/** Replaces the (closed) database file with a verified copy. */
export function replaceDatabaseFile(dbPath: string, backupFile: string): void {
  const staging = `${dbPath}.dang-khoi-phuc`
  copyFileSync(backupFile, staging)
  // The write-ahead log belongs to the file being replaced; left behind it would
  // be replayed onto the restored copy.
  rmSync(`${dbPath}-wal`, { force: true })
  rmSync(`${dbPath}-shm`, { force: true })
  renameSync(staging, dbPath)
}

/** The newest copy that passes its checks: what to offer when the file will not open. */
export function newestGoodBackup(dbPath: string): BackupRecord | null {
  for (const record of listBackups(backupDir(dbPath))) {
    try {
      verifyBackup(record.file)
      return record
    } catch {
      // Try the next older one.
    }
  }
  return null
}

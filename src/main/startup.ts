/**
 * The start-up check of the two window doors (Electron, the browser preview).
 * When the office's file will not open or fails integrity_check and a good
 * backup exists, the window still opens, on a stand-in core: every call answers
 * CORRUPT with the reason in Vietnamese and the newest good copy (details.startup),
 * which the renderer shows (StartupRecovery); `backup.recoverAtStart` puts that
 * copy in place and from then on the stand-in is the real core. Nothing is
 * deleted: the damaged file is renamed beside itself (…db.hong-<time>).
 * With no good copy there is nothing to offer and the error goes to the door.
 * The rescue asks for no profile: the profiles live in the file that did not
 * open; what it does is bounded (a verified copy in, the damaged file kept).
 *
 * Only a file proven damaged is rescued: integrity_check failed (CORRUPT), or it
 * is not SQLite at all though backups of a file of its name exist (a header
 * overwritten). A busy, read-only or forbidden file is not damaged — offering a
 * copy there rolled good data back — and goes to the door as its own error.
 * Right before replacing, the file is checked again and kept if it is good.
 */
import { existsSync, renameSync } from 'node:fs'
import type { BackupInfo } from '../shared/api'
import { AppError } from '../shared/errors'
import { fileState, newestGoodBackup, replaceDatabaseFile, verifyBackup } from './core/backup/restore'
import { createCore, type Core, type CoreOptions } from './core/api'

export interface StartupProblem {
  message: string
  path: string
  backup: BackupInfo
}

/**
 * Errors that say the file itself is bad; a lock, a read-only drive, a refused
 * password or a missing file is not rescued by a copy.
 */
const DAMAGE = new Set(['CORRUPT', 'NOT_A_DATABASE'])

export async function openForWindow(options: CoreOptions): Promise<{ core: Core; problem: StartupProblem | null }> {
  try {
    return { core: await createCore(options), problem: null }
  } catch (err) {
    if (!(err instanceof AppError) || !DAMAGE.has(err.code)) throw err
    // The copy the check found (this office's), else — not SQLite at all — one taken from a file of this name.
    const found = err.details && 'backup' in err.details ? (err.details.backup as BackupInfo | null) : newestGoodBackup(options.dbPath)
    if (!found) throw err
    // Proven again by a fresh reader: a lock or a passing hiccup is not damage.
    if (fileState(options.dbPath).state !== 'damaged') throw err
    const backup = found
    const reason = err.message.replace(/ Có thể dùng bản sao lưu.*$/, '')
    const problem: StartupProblem = { message: reason, path: options.dbPath, backup }
    return { core: standIn(options, problem), problem }
  }
}

/** Where the damaged file is kept: beside it, named by the time (no colon, for Windows). */
function keptName(path: string, now: string): string {
  return `${path}.hong-${now.replace(/[-:]/g, '').replace(/\..*$/, '')}`
}

/**
 * Puts a verified copy in place of a damaged file, the damaged one kept beside
 * it. Checked again right before: the file may have been put right since
 * start-up (another window restored it, the drive came back) — a good file is
 * never replaced, nor one that cannot be proven damaged (held by another program);
 * the copy may have changed too. Used by the window's rescue and the CLI's restore.
 */
export function replaceDamagedFile(path: string, backupFile: string, now: string): void {
  const state = fileState(path)
  if (state.state !== 'damaged') {
    throw new AppError(
      'FORBIDDEN',
      state.state === 'good'
        ? `Tệp dữ liệu ${path} giờ mở được và vượt qua kiểm tra toàn vẹn, nên không bị thay bằng bản sao lưu cũ hơn. Hãy đóng Sổ HTX và mở lại.`
        : `Chưa chắc tệp dữ liệu ${path} bị hỏng (đang bị giữ hoặc không đọc được), nên không bị thay bằng bản sao lưu. Hãy đóng các chương trình khác đang mở tệp rồi mở lại Sổ HTX.`
    )
  }
  verifyBackup(backupFile)
  const kept = keptName(path, now)
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, kept + suffix)
  }
  replaceDatabaseFile(path, backupFile)
}

function standIn(options: CoreOptions, problem: StartupProblem): Core {
  let real: Core | null = null
  let recovering: Promise<Core> | null = null

  async function recover(): Promise<Core> {
    replaceDamagedFile(problem.path, problem.backup.file, (options.now ?? (() => new Date().toISOString()))())
    real = await createCore(options)
    return real
  }

  const core: Core = {
    get ctx() {
      if (real) return real.ctx
      throw new AppError('CORRUPT', problem.message, { startup: problem })
    },
    async dispatch(name, input, hooks) {
      if (real) return real.dispatch(name, input, hooks)
      if (name !== 'backup.recoverAtStart') throw new AppError('CORRUPT', problem.message, { startup: problem })
      recovering ??= recover().catch((err: unknown) => {
        recovering = null
        throw err instanceof AppError ? err : new AppError('INTERNAL', `Không khôi phục được bản sao lưu: ${(err as Error).message}.`)
      })
      return (await recovering).call('office.info', {})
    },
    call: (name, input, hooks) => core.dispatch(name, input, hooks) as never,
    close: async () => {
      await real?.close()
    }
  }
  return core
}

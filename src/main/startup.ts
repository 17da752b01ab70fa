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
 */
import { existsSync, renameSync } from 'node:fs'
import type { BackupInfo } from '../shared/api'
import { AppError } from '../shared/errors'
import { newestGoodBackup, replaceDatabaseFile, verifyBackup } from './core/backup/restore'
import { createCore, type Core, type CoreOptions } from './core/api'

export interface StartupProblem {
  message: string
  path: string
  backup: BackupInfo
}

/** Errors that say the file itself is bad; a refused password or a missing file is not rescued by a copy. */
const DAMAGE = new Set(['CORRUPT', 'VALIDATION', 'INTERNAL'])

export async function openForWindow(options: CoreOptions): Promise<{ core: Core; problem: StartupProblem | null }> {
  try {
    return { core: await createCore(options), problem: null }
  } catch (err) {
    if (err instanceof AppError && !DAMAGE.has(err.code)) throw err
    const backup = newestGoodBackup(options.dbPath)
    if (!backup) throw err
    if (!(err instanceof AppError)) console.error('[db]', err)
    const reason = err instanceof AppError ? err.message.replace(/ Có thể dùng bản sao lưu.*$/, '') : 'Tệp dữ liệu không mở được.'
    const problem: StartupProblem = { message: reason, path: options.dbPath, backup }
    return { core: standIn(options, problem), problem }
  }
}

/** Where the damaged file is kept: beside it, named by the time (no colon, for Windows). */
function keptName(path: string, now: string): string {
  return `${path}.hong-${now.replace(/[-:]/g, '').replace(/\..*$/, '')}`
}

function standIn(options: CoreOptions, problem: StartupProblem): Core {
  let real: Core | null = null
  let recovering: Promise<Core> | null = null

  async function recover(): Promise<Core> {
    // Checked again: the copy may have changed since start-up.
    verifyBackup(problem.backup.file)
    const kept = keptName(problem.path, (options.now ?? (() => new Date().toISOString()))())
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(problem.path + suffix)) renameSync(problem.path + suffix, kept + suffix)
    }
    replaceDatabaseFile(problem.path, problem.backup.file)
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

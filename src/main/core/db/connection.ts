/**
 * Opens the office's SQLite file: pragmas for safety, pending migrations (with a
 * backup copy first when the file already held data), reference data in sync.
 */
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { AppError } from '../../../shared/errors'
import { writeBackup } from '../backup/files'
import { newestGoodBackup } from '../backup/restore'
import { migrations } from './migrations'
import type { Database } from './schema'
import { syncAdminUnits } from './reference-data'

export interface Connection {
  sqlite: Sqlite.Database
  db: Kysely<Database>
  path: string
  /** Set when a migration ran on an existing file: where its copy was written. */
  migrationBackup: string | null
}

export interface OpenOptions {
  /** Refuse to create a new file (the CLI's commands other than init). */
  mustExist?: boolean
  /** The schema's migrations; tests pass a longer list to exercise an upgrade. */
  migrations?: Record<string, Migration>
  /** Run integrity_check before anything else (the app's start-up check). */
  checkIntegrity?: boolean
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Connection> {
  const existed = existsSync(path)
  if (!existed && options.mustExist) {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp dữ liệu ${path}.`, { path })
  }
  if (!existed) mkdirSync(dirname(path), { recursive: true })

  let sqlite: Sqlite.Database | undefined
  try {
    sqlite = new Sqlite(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (err) {
    // Closed, so the file can be moved aside (Windows keeps open files locked).
    sqlite?.close()
    throw new AppError('VALIDATION', `Tệp ${basename(path)} không phải là tệp dữ liệu Sổ HTX hoặc đã hỏng.`, {
      path,
      cause: String((err as Error).message)
    })
  }
  if (options.checkIntegrity && existed) refuseDamaged(sqlite, path)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })

  try {
    const all = options.migrations ?? migrations
    const migrator = new Migrator({ db, provider: { getMigrations: async () => all } })
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt)
    let migrationBackup: string | null = null
    if (pending.length > 0 && existed && hasUserTables(sqlite)) {
      migrationBackup = (await writeBackup(sqlite, path, 'migration', new Date().toISOString())).file
    }
    if (pending.length > 0) {
      const { error } = await migrator.migrateToLatest()
      if (error) throw error
    }
    await syncAdminUnits(db)
    return { sqlite, db, path, migrationBackup }
  } catch (err) {
    await db.destroy()
    if (err instanceof AppError) throw err
    throw new AppError('INTERNAL', `Không nâng cấp được cấu trúc tệp dữ liệu ${basename(path)}.`, {
      path,
      cause: String((err as Error).message)
    })
  }
}

function hasUserTables(sqlite: Sqlite.Database): boolean {
  const row = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }
  return row.n > 0
}

/** A damaged file is named as such, with the newest good copy to offer instead. */
function refuseDamaged(sqlite: Sqlite.Database, path: string): void {
  let problems: string[]
  try {
    problems = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok')
  } catch (err) {
    problems = [String((err as Error).message)]
  }
  if (problems.length === 0) return
  sqlite.close()
  const backup = newestGoodBackup(path)
  throw new AppError(
    'CORRUPT',
    `Tệp dữ liệu ${basename(path)} bị hỏng (${problems[0]}).` +
      (backup ? ` Có thể dùng bản sao lưu tốt gần nhất, ghi lúc ${backup.at}.` : ' Không tìm thấy bản sao lưu tốt nào.'),
    { path, problems: problems.slice(0, 10), backup }
  )
}

/** Number of migrations applied: the schema version shown to users. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  return (await migrator.getMigrations()).filter((m) => m.executedAt).length
}

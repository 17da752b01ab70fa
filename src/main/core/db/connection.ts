/**
 * Opens the office's SQLite file: pragmas for safety, pending migrations (with a
 * backup copy first when the file already held data), reference data in sync.
 */
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../../shared/errors'
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
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Connection> {
  const existed = existsSync(path)
  if (!existed && options.mustExist) {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp dữ liệu ${path}.`, { path })
  }
  if (!existed) mkdirSync(dirname(path), { recursive: true })

  let sqlite: Sqlite.Database
  try {
    sqlite = new Sqlite(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (err) {
    throw new AppError('VALIDATION', `Tệp ${basename(path)} không phải là tệp dữ liệu Sổ HTX hoặc đã hỏng.`, {
      path,
      cause: String((err as Error).message)
    })
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })

  try {
    const all = options.migrations ?? migrations
    const migrator = new Migrator({ db, provider: { getMigrations: async () => all } })
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt)
    let migrationBackup: string | null = null
    if (pending.length > 0 && existed && hasUserTables(sqlite)) {
      migrationBackup = await backupBeforeMigration(sqlite, path)
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

/** A full copy next to the file, in backups/, before the schema changes under it. */
async function backupBeforeMigration(sqlite: Sqlite.Database, path: string): Promise<string> {
  const dir = join(dirname(path), 'backups')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = join(dir, `${basename(path, '.db')}-truoc-nang-cap-${stamp}.db`)
  await sqlite.backup(target)
  return target
}

/** Number of migrations applied: the schema version shown to users. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  return (await migrator.getMigrations()).filter((m) => m.executedAt).length
}

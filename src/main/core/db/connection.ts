/**
 * Opens the office's SQLite file: pragmas for safety, pending migrations (with a
 * backup copy first when the file already held data), reference data in sync.
 *
 * The start-up check every door shares: a file that will not open is
 * named for what it is — busy (another program holds it), read-only, forbidden
 * to this user, not a database, or damaged — each its own AppError code, never
 * a raw SQLite or system code. Only a file proven damaged is CORRUPT (the one
 * fault a backup is offered for, src/main/startup.ts). A file made by a newer
 * version opens for reading only (`Connection.readOnly`).
 */
import Sqlite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect
} from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { AppError } from '../../../shared/errors'
import { writeBackup } from '../backup/files'
import { newestGoodBackup } from '../backup/restore'
import { migrations } from './migrations'
import type { Database } from './schema'
import { syncAdminUnits } from './reference-data'

/** Why a file that opened may only be read (a newer version made it). */
export interface ReadOnlyReason {
  code: 'NEWER_SCHEMA'
  /** The sentence every refused write says. */
  message: string
  /** Migrations recorded in the file, and the ones this build knows. */
  fileVersion: number
  appVersion: number
}

export interface Connection {
  sqlite: Sqlite.Database
  db: Kysely<Database>
  path: string
  /** Set when a migration ran on an existing file: where its copy was written. */
  migrationBackup: string | null
  /**
   * Non-null: the file was made by a newer version and is open for reading only
   * (also `PRAGMA query_only`, so a write that slips past the gate fails in SQLite).
   * access.ts refuses every write with `readOnly.message`.
   */
  readOnly: ReadOnlyReason | null
}

export interface OpenOptions {
  /** Refuse to create a new file (the CLI's commands other than init). */
  mustExist?: boolean
  /** The schema's migrations; tests pass a longer list to exercise an upgrade. */
  migrations?: Record<string, Migration>
  /** Run integrity_check before anything else (the start-up check of every door). */
  checkIntegrity?: boolean
  /** How long a statement waits for another connection's lock before BUSY (ms; default 5000). */
  busyTimeoutMs?: number
}

export const BUSY_TIMEOUT_MS = 5000

export const BUSY_MESSAGE = 'Tệp dữ liệu đang bận (một thao tác khác đang ghi), hãy thử lại sau ít giây.'
export const DISK_FULL_MESSAGE =
  'Ổ đĩa đầy: không ghi được vào tệp dữ liệu; thao tác chưa được ghi, dữ liệu vẫn như trước. Hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại.'

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

/**
 * Kysely's SQLite dialect, with every transaction begun IMMEDIATE: the write
 * lock is taken at BEGIN, where SQLite waits out the busy timeout. A deferred
 * transaction that read first and then wrote got SQLITE_BUSY at once while
 * another process wrote (SQLite does not wait inside a read transaction).
 */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

function dialectFor(sqlite: Sqlite.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateDriver({ database: sqlite }),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler()
  }
}

/** The SQLite result code of an error (SQLITE_BUSY_SNAPSHOT…), or the system one (ENOSPC…). */
function codeOf(err: unknown): string {
  return String((err as { code?: unknown } | null)?.code ?? '')
}

/**
 * A lock, a full disk, a read-only or damaged file met while running: the
 * AppError to say, or null for anything else (a bug, said as INTERNAL by api.ts).
 */
export function faultOf(err: unknown): AppError | null {
  const code = codeOf(err)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('BUSY', BUSY_MESSAGE)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', DISK_FULL_MESSAGE)
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new AppError('FILE_READ_ONLY', 'Tệp dữ liệu đang chỉ cho đọc (ổ đĩa hoặc thư mục không cho ghi); thao tác chưa được ghi.')
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError(
      'CORRUPT',
      'Tệp dữ liệu bị hỏng ở phần cần đọc; thao tác chưa được ghi. Hãy đóng ứng dụng và mở lại để kiểm tra tệp, hoặc khôi phục bản sao lưu.'
    )
  }
  return null
}

/** The first bytes of a file, or null when it cannot be read. */
function header(path: string): Buffer | null {
  let fd: number | null = null
  try {
    fd = openSync(path, 'r')
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return buf.subarray(0, n)
  } catch {
    return null
  } finally {
    if (fd !== null) closeSync(fd)
  }
}

/** The fault of a file that failed to open, in Vietnamese, with the code that says which. */
function openFault(err: unknown, path: string): AppError {
  const name = basename(path)
  const code = codeOf(err)
  const details = { path, cause: code || String((err as Error)?.message ?? err) }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new AppError(
      'PERMISSION_DENIED',
      `Tài khoản Windows/máy này không có quyền mở tệp dữ liệu ${name}. Hãy nhờ người quản trị máy cấp quyền đọc và ghi cho tệp và thư mục chứa nó.`,
      details
    )
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new AppError(
      'FILE_READ_ONLY',
      `Tệp dữ liệu ${name} đang chỉ cho đọc (ổ đĩa, thư mục hoặc chính tệp không cho ghi), nên Sổ HTX không mở để làm việc được. Hãy chép tệp sang ổ đĩa ghi được (hoặc bỏ thuộc tính chỉ đọc) rồi mở lại. Tệp không hỏng và không bị thay đổi.`,
      details
    )
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return new AppError(
      'BUSY',
      `Tệp dữ liệu ${name} đang bận: một chương trình khác (hoặc một cửa sổ Sổ HTX, một lệnh đang chạy) đang giữ nó. Hãy đợi thao tác đó xong hoặc đóng chương trình đó, rồi mở lại. Tệp không hỏng và không bị thay đổi.`,
      details
    )
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new AppError(
      'DISK_FULL',
      `Ổ đĩa chứa ${name} đã đầy nên không mở được tệp dữ liệu. Hãy giải phóng chỗ trống rồi mở lại.`,
      details
    )
  if (code === 'SQLITE_NOTADB') {
    // Said "not a database" only after reading it ourselves: a SQLite header means one of ours, damaged.
    const start = header(path)
    if (start === null)
      return new AppError('PERMISSION_DENIED', `Không đọc được tệp dữ liệu ${name} (không có quyền hoặc ổ đĩa lỗi).`, details)
    if (start.length === 16 && start.equals(SQLITE_HEADER)) return damaged(path, ['phần đầu tệp bị hỏng'], null)
    return new AppError('NOT_A_DATABASE', `Tệp ${name} không phải là tệp dữ liệu Sổ HTX (không phải tệp SQLite).`, details)
  }
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(path, [String((err as Error).message)], null)
  if (code === 'SQLITE_CANTOPEN' || code === 'EISDIR') {
    return new AppError(
      'PERMISSION_DENIED',
      `Không mở được tệp dữ liệu ${name}: không có quyền, hoặc đó là một thư mục chứ không phải tệp.`,
      details
    )
  }
  return new AppError(
    'INTERNAL',
    `Không mở được tệp dữ liệu ${name} (lỗi đọc ghi ổ đĩa). Tệp không bị thay đổi; hãy thử lại hoặc báo cho người quản trị.`,
    details
  )
}

/** Before SQLite touches it: what the system says about reading and writing the file and its folder. */
function checkAccess(path: string, existed: boolean): void {
  const probe = (target: string, mode: number) => {
    try {
      accessSync(target, mode)
    } catch (err) {
      const code = codeOf(err)
      // The file may be read but not written: read-only, not forbidden.
      if (code === 'EACCES' && mode === constants.W_OK) throw openFault(Object.assign(new Error(code), { code: 'EROFS' }), path)
      throw openFault(err, path)
    }
  }
  if (existed) {
    probe(path, constants.R_OK)
    probe(path, constants.W_OK)
  }
  // The -wal and -shm files are written beside it.
  probe(dirname(path), constants.W_OK)
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Connection> {
  const memory = path === ':memory:'
  const existed = memory ? false : existsSync(path)
  if (!existed && options.mustExist) {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp dữ liệu ${path}.`, { path })
  }
  if (!memory) {
    try {
      if (!existed) mkdirSync(dirname(path), { recursive: true })
    } catch (err) {
      throw openFault(err, path)
    }
    checkAccess(path, existed)
  }

  let sqlite: Sqlite.Database | undefined
  try {
    // The busy timeout is set at construction, before any statement touches the file.
    sqlite = new Sqlite(path, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS })
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    // The schema is read here, so a file that is not SQLite says so now.
    sqlite.prepare('select count(*) from sqlite_master').get()
  } catch (err) {
    // Closed, so the file can be moved aside (Windows keeps open files locked).
    sqlite?.close()
    throw openFault(err, path)
  }
  if (options.checkIntegrity && existed) refuseDamaged(sqlite, path)
  const db = new Kysely<Database>({ dialect: dialectFor(sqlite) })

  try {
    const all = options.migrations ?? migrations
    const readOnly = newerSchema(sqlite, all)
    if (readOnly) {
      sqlite.pragma('query_only = ON')
      return { sqlite, db, path, migrationBackup: null, readOnly }
    }
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
    syncAdminUnits(sqlite)
    if (pending.length > 0) {
      // An upgrade writes the whole schema (and may rebuild a table) into the log: fold it into the
      // file now, so a new or upgraded register does not carry a megabyte of log on a small stick.
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } catch {
        // Another reader holds the log: SQLite checkpoints later on its own.
      }
    }
    return { sqlite, db, path, migrationBackup, readOnly: null }
  } catch (err) {
    await db.destroy()
    if (err instanceof AppError) throw err
    const fault = faultOf(err)
    if (fault?.code === 'BUSY' || fault?.code === 'FILE_READ_ONLY' || fault?.code === 'DISK_FULL') throw openFault(err, path)
    throw new AppError('INTERNAL', `Không nâng cấp được cấu trúc tệp dữ liệu ${basename(path)}.`, {
      path,
      cause: String((err as Error).message)
    })
  }
}

/**
 * Migrations recorded in the file that this build does not have: a newer
 * version wrote it. Such a file is read, never migrated or written, so the
 * newer version finds it as it left it.
 */
function newerSchema(sqlite: Sqlite.Database, known: Record<string, Migration>): ReadOnlyReason | null {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get()
  if (!table) return null
  const names = (sqlite.prepare('select name from kysely_migration').all() as Array<{ name: string }>).map((r) => r.name)
  const unknown = names.filter((n) => !(n in known))
  if (unknown.length === 0) return null
  const fileVersion = names.length
  const appVersion = Object.keys(known).length
  return {
    code: 'NEWER_SCHEMA',
    fileVersion,
    appVersion,
    message:
      `Tệp này được tạo bởi phiên bản mới hơn (cấu trúc số ${fileVersion}); phiên bản Sổ HTX đang chạy chỉ hiểu đến cấu trúc số ${appVersion}, ` +
      `nên tệp chỉ mở để xem, không ghi được. Hãy cài phiên bản Sổ HTX đọc được cấu trúc số ${fileVersion} để sửa.`
  }
}

function hasUserTables(sqlite: Sqlite.Database): boolean {
  const row = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }
  return row.n > 0
}

/** The unit code in a file's office row, when it can be read (a damaged file may still say whose it is). */
function unitOf(sqlite: Sqlite.Database): string | null {
  try {
    const row = sqlite.prepare('select unit_code from office limit 1').get() as { unit_code: string } | undefined
    return row?.unit_code ?? null
  } catch {
    return null
  }
}

function damaged(path: string, problems: string[], unitCode: string | null): AppError {
  const backup = newestGoodBackup(path, unitCode)
  return new AppError(
    'CORRUPT',
    `Tệp dữ liệu ${basename(path)} bị hỏng (${problems[0]}).` +
      (backup ? ` Có thể dùng bản sao lưu tốt gần nhất, ghi lúc ${backup.at}.` : ' Không tìm thấy bản sao lưu tốt nào.'),
    { path, problems: problems.slice(0, 10), backup }
  )
}

/** A damaged file is named as such, with the newest good copy of this office to offer instead. */
function refuseDamaged(sqlite: Sqlite.Database, path: string): void {
  let problems: string[]
  try {
    problems = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok')
  } catch (err) {
    // A lock or a read-only file is not damage: said for what it is.
    if (!codeOf(err).startsWith('SQLITE_CORRUPT') && codeOf(err) !== 'SQLITE_NOTADB') {
      sqlite.close()
      throw openFault(err, path)
    }
    problems = [String((err as Error).message)]
  }
  if (problems.length === 0) return
  const unit = unitOf(sqlite)
  sqlite.close()
  throw damaged(path, problems, unit)
}

/** Number of migrations applied: the schema version shown to users. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  return (await migrator.getMigrations()).filter((m) => m.executedAt).length
}

/** Writes the log into the file and closes it: what quitting does, so the file stands alone. */
export async function closeConnection(conn: Connection): Promise<void> {
  if (conn.sqlite.open && !conn.readOnly) {
    try {
      conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      // Busy or read-only: SQLite checkpoints on close when it can; closing matters more.
    }
  }
  await conn.db.destroy()
}

/**
 * The CLI door's one way to write a file the person named with --out (or a
 * format option). The core only returns bytes; this is the only place a path
 * typed by a person becomes a file, and it refuses what would destroy data:
 * - the office's own files: the database and its -wal/-shm/-journal, the signing
 *   key, the backups/ and tep-dinh-kem/ folders beside it;
 * - any existing SQLite database or private key, whoever's it is (another
 *   office's file in the same folder is just as precious);
 * - a name whose extension is not the format's (a typo never becomes «a.db»).
 * The bytes go to a temporary file in the same folder and are renamed over the
 * target, so a full disk or a crash leaves the old file or the new one, never
 * half of one, and no temporary file behind.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, extname, resolve, sep } from 'node:path'
import { AppError } from '../../shared/errors'
import { keyFileFor } from '../core/handoff/keys'
import { backupDir } from '../core/backup/files'
import { attachmentDir } from '../core/dissolution/attachments'

export interface OutputTarget {
  /** What the person typed. */
  path: string
  /** Allowed extensions, lower case with the dot: ['.xlsx'], ['.html', '.htm']. */
  extensions: readonly string[]
  /** The office's database (--db): its files are never a target. */
  dbPath?: string
  /** The option's name for messages, e.g. --out. */
  option?: string
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

/** On Windows and macOS two spellings of one path are one file. */
function same(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase()
}

function within(path: string, folder: string): boolean {
  const f = folder.endsWith(sep) ? folder : folder + sep
  return process.platform === 'linux' ? path.startsWith(f) : path.toLowerCase().startsWith(f.toLowerCase())
}

/** Resolves symbolic links of what exists, so a link to the database is the database. */
function real(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    const parent = dirname(path)
    return parent === path ? path : resolve(real(parent), basename(path))
  }
}

function head(path: string, bytes: number): string {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const n = readSync(fd, buf, 0, bytes, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** The reason a target is refused, or null when it may be written. */
export function refusal(target: OutputTarget): string | null {
  const option = target.option ?? '--out'
  const ext = extname(target.path).toLowerCase()
  if (!target.extensions.includes(ext)) {
    return `Tệp ra ${target.path} phải có đuôi ${target.extensions.join(' hoặc ')} (${option}).`
  }
  const path = real(resolve(target.path))
  if (target.dbPath) {
    const db = real(resolve(target.dbPath))
    const owned = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, keyFileFor(db)]
    if (owned.some((o) => same(o, path))) return `Không ghi đè tệp ${basename(path)}: đó là tệp dữ liệu hoặc khóa ký của cơ quan.`
    for (const folder of [backupDir(db), attachmentDir(db)]) {
      if (within(path, real(folder))) return `Không ghi vào thư mục ${folder}: thư mục này do Sổ HTX quản lý (sao lưu, tệp đính kèm).`
    }
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) return `${path} là một thư mục, không phải tên tệp.`
    const start = head(path, 64)
    if (start.startsWith(SQLITE_HEADER)) return `Không ghi đè ${basename(path)}: đó là một tệp cơ sở dữ liệu.`
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(start)) return `Không ghi đè ${basename(path)}: đó là một tệp khóa bí mật.`
  }
  if (!existsSync(dirname(path))) return `Không có thư mục ${dirname(path)} để ghi tệp.`
  return null
}

/** Throws the refusal as a Vietnamese AppError: called before long work too, so a wrong name costs nothing. */
export function assertWritable(target: OutputTarget): void {
  const why = refusal(target)
  if (why) throw new AppError('VALIDATION', why, { field: (target.option ?? '--out').replace(/^--/, '') })
}

/** Writes the whole file or nothing; returns the full path written. */
export function writeOutput(target: OutputTarget, data: string | Buffer): string {
  assertWritable(target)
  const path = real(resolve(target.path))
  const tmp = `${path}.${process.pid}.tam`
  let fd: number | null = null
  try {
    fd = openSync(tmp, 'wx', 0o644)
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
    fsyncSync(fd)
    closeSync(fd)
    fd = null
    renameSync(tmp, path)
    return path
  } catch (err) {
    if (fd !== null) closeSync(fd)
    rmSync(tmp, { force: true })
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', `Ổ đĩa đầy: chưa ghi được ${path}; không có tệp nào bị ghi dở.`, { path })
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new AppError('VALIDATION', `Không có quyền ghi vào ${dirname(path)} (hoặc ổ chỉ đọc).`, { path })
    if (code === 'EBUSY') throw new AppError('VALIDATION', `Tệp ${path} đang mở ở chương trình khác; hãy đóng nó rồi thử lại.`, { path })
    throw err
  }
}

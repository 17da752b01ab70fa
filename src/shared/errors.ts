/**
 * The one error type every door understands. `code` is stable (tests and scripts
 * match on it), `message` is Vietnamese for the user, `details` says where
 * (field, sheet, row, column…).
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'STALE'
  | 'ALREADY_EXISTS'
  | 'DUPLICATE'
  | 'NOT_CONFIGURED'
  | 'CORRUPT'
  | 'UNKNOWN_HANDLER'
  | 'FORBIDDEN'
  | 'READ_ONLY'
  /** Another connection holds the file's write lock past the busy timeout: try again shortly. */
  | 'BUSY'
  /** SQLITE_FULL / ENOSPC: nothing was written. */
  | 'DISK_FULL'
  /** The file or its folder cannot be written (a read-only drive, a read-only copy). */
  | 'FILE_READ_ONLY'
  /** The operating system refuses this user the file. */
  | 'PERMISSION_DENIED'
  /** The file is not SQLite at all (and not a damaged Sổ HTX file). */
  | 'NOT_A_DATABASE'
  /** The file was made by a newer version: open for reading only. */
  | 'NEWER_SCHEMA'
  /** The change falls in a period the office closed (chốt số liệu) and has not reopened. */
  | 'PERIOD_CLOSED'
  /** A backup of another office (unit) than the open file's. */
  | 'WRONG_UNIT'
  | 'INTERNAL'

export interface AppErrorData {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toJSON(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static from(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details)
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorData).code === 'string' &&
    typeof (value as AppErrorData).message === 'string'
  )
}

/** What a door sends back: never a bare exception, never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

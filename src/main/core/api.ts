/**
 * The core: one handler map assembled from the domain modules, and the single
 * dispatch every door goes through (validate, run, map errors).
 */
import { userInfo } from 'node:os'
import type { z } from 'zod'
import { apiContract, FIELD_LABELS, isApiName, type ApiName, type ApiOutput } from '../../shared/api'
import { AppError, type Envelope } from '../../shared/errors'
import type { ProgressEvent } from '../../shared/events'
import { assertAllowed } from './access'
import { auditHandlers } from './audit/handlers'
import { backupHandlers } from './backup/handlers'
import { checksHandlers, withChecks } from './checks/handlers'
import { classificationHandlers } from './classification/handlers'
import { dailyBackupIfDue } from './backup/rotation'
import { dissolutionHandlers } from './dissolution/handlers'
import { exchangeHandlers } from './exchange/handlers'
import { packageHandlers } from './handoff/handlers'
import { handoverHandlers } from './handover/handlers'
import type { CoreContext, HandlerMap } from './context'
import { closeConnection, faultOf, openDatabase, type OpenOptions } from './db/connection'
import { officeHandlers } from './office/handlers'
import { withDelivery, type Deliver } from './delivery'
import { withProgress } from './progress'
import { periodHandlers } from './period/handlers'
import { profileHandlers } from './profiles/handlers'
import { reconcileHandlers } from './reconcile/handlers'
import { startSession } from './profiles/session'
import { registryHandlers } from './registry/handlers'
import { reportsHandlers } from './reports/handlers'
import { reviewHandlers } from './review/handlers'
import { roundHandlers } from './rounds/handlers'
import { supportHandlers } from './support/handlers'

export const handlers: HandlerMap = withChecks({
  ...officeHandlers,
  ...backupHandlers,
  ...registryHandlers,
  ...auditHandlers,
  ...exchangeHandlers,
  ...packageHandlers,
  ...handoverHandlers,
  ...dissolutionHandlers,
  ...reportsHandlers,
  ...profileHandlers,
  ...periodHandlers,
  ...reconcileHandlers,
  ...checksHandlers,
  ...supportHandlers,
  ...classificationHandlers,
  ...reviewHandlers,
  ...roundHandlers
})

export interface Core {
  ctx: CoreContext
  dispatch(name: string, input: unknown, hooks?: CallHooks): Promise<unknown>
  call<N extends ApiName>(name: N, input: unknown, hooks?: CallHooks): Promise<ApiOutput<N>>
  close(): Promise<void>
}

/** What a door may listen to while one call runs. */
export interface CallHooks {
  progress?: (event: ProgressEvent) => void
  /** The CLI's own file write, run inside the handler's transaction (delivery.ts). */
  deliver?: Deliver
}

export interface CoreOptions extends OpenOptions {
  dbPath: string
  /** The app's start-up: a daily copy on the first start of the day. */
  dailyBackup?: boolean
  user?: string
  /** The profile's password when `user` names one that has a password (CLI: SO_HTX_PASSWORD). */
  password?: string
  now?: () => string
}

export function defaultUser(): string {
  try {
    return userInfo().username || 'người dùng'
  } catch {
    return 'người dùng'
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const conn = await openDatabase(options.dbPath, options)
  if (options.dailyBackup) await dailyBackupIfDue(conn.sqlite, conn.path, new Date().toISOString())
  const ctx: CoreContext = {
    conn,
    db: conn.db,
    user: options.user ?? defaultUser(),
    now: options.now ?? (() => new Date().toISOString())
  }
  try {
    await startSession(ctx, options.user, options.password)
  } catch (err) {
    await conn.db.destroy()
    // A newer file whose profiles table this build cannot read: said, not a stack trace.
    if (conn.readOnly && !(err instanceof AppError)) throw new AppError(conn.readOnly.code, conn.readOnly.message, { path: conn.path })
    throw err
  }
  const dispatch = (name: string, input: unknown, hooks?: CallHooks) => dispatchTo(ctx, name, input, hooks)
  return {
    ctx,
    dispatch,
    call: (name, input, hooks) => dispatch(name, input, hooks) as Promise<ApiOutput<typeof name>>,
    // The connection in use now (a restore swaps it), checkpointed so the file stands alone.
    close: () => closeConnection(ctx.conn)
  }
}

/** Validate, run, and turn anything unexpected into an AppError without internals. */
export async function dispatchTo(ctx: CoreContext, name: string, input: unknown, hooks: CallHooks = {}): Promise<unknown> {
  if (!isApiName(name)) {
    throw new AppError('UNKNOWN_HANDLER', `Chức năng «${String(name).slice(0, 60)}» không có.`)
  }
  // Who may call comes before what was sent: a refused caller learns nothing about the input's rules.
  await assertAllowed(ctx, name).catch(internal(name, ctx))
  const parsed = apiContract[name].input.safeParse(input ?? {})
  if (!parsed.success) throw validationError(parsed.error)
  try {
    const handle = () => (handlers[name] as (i: unknown, c: CoreContext) => Promise<unknown>)(parsed.data, ctx)
    const deliver = hooks.deliver
    const run = deliver ? () => withDelivery(deliver, handle) : handle
    return await (hooks.progress ? withProgress(name, hooks.progress, run) : run())
  } catch (err) {
    return internal(name, ctx)(err)
  }
}

/**
 * An AppError passes as is; a fault of the file or the disk (locked, full,
 * read-only, damaged) is said for what it is; anything else is logged and said
 * in one Vietnamese sentence.
 */
function internal(name: string, ctx: CoreContext) {
  return (err: unknown): never => {
    if (err instanceof AppError) throw err
    const fault = faultOf(err)
    if (fault && fault.code !== 'FILE_READ_ONLY') throw fault
    // A file made by a newer version: a read this build cannot do (a renamed column) or a write SQLite refused.
    if (ctx.conn.readOnly && /^SQLITE_/.test(String((err as { code?: unknown })?.code ?? ''))) {
      throw new AppError(ctx.conn.readOnly.code, ctx.conn.readOnly.message)
    }
    if (fault) throw fault
    // A bug or an environment failure: keep the detail for the log, not the user.
    console.error(`[${name}]`, err)
    throw new AppError('INTERNAL', 'Đã có lỗi không mong đợi; thao tác chưa được ghi. Hãy thử lại hoặc báo cho người quản trị.')
  }
}

/** For the IPC and bridge doors: the same dispatch, answered as an envelope. */
export async function invokeEnvelope(core: Core, name: string, input: unknown, hooks?: CallHooks): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await core.dispatch(name, input, hooks) }
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('INTERNAL', 'Đã có lỗi không mong đợi.')
    return { ok: false, error: error.toJSON() }
  }
}

/** One Vietnamese sentence per problem, each naming its field. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number')
    const key = path.join('.') || '(dữ liệu)'
    if (!(key in fields)) {
      fields[key] = issue.code === 'unrecognized_keys' ? `Có trường không được phép: ${issue.keys.join(', ')}` : issue.message
    }
  }
  const sentences = Object.entries(fields).map(([key, message]) => {
    const last = key.split('.').pop() ?? key
    return `${FIELD_LABELS[last] ?? key}: ${message}`
  })
  return new AppError('VALIDATION', `Dữ liệu chưa hợp lệ — ${sentences.join('; ')}.`, { fields })
}

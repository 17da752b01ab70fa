/**
 * Who may call what. Each handler says its access where the contract declares it
 * (`handler<Out>('read')(schema)`, src/shared/contract/common.ts); this gate reads it.
 * Only a handler declared 'read' is open to read-only callers, and a handler cannot be
 * declared without saying (a type error), so a new one is never a read by accident (the
 * safe default). The single gate every door passes through is `assertAllowed`, called
 * by dispatch before a handler runs.
 *
 * Rules that hang on it:
 * - province mode: the registry is made of the districts' snapshots, so only
 *   'province-write', 'admin' and 'self-service' handlers may write there
 *   (consolidation, keys, backups, people, one's own session);
 * - once a file has profiles, writing needs a signed-in profile of role quản trị
 *   or cán bộ: "chỉ xem" and a session not signed in may call reads only, plus
 *   'self-service' (signing in, one's own password); 'admin' needs quản trị.
 *   The roles are read from the file at each write, never cached, so a change
 *   made through another door counts at once (profiles/session.ts).
 */
import { apiContract, type Access, type ApiName } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { CoreContext } from './context'
import { isProvince } from './office/office'
import { allProfiles, effectiveRole } from './profiles/session'

/** The access `name` declares in the contract. */
export function accessOf(name: ApiName): Access {
  return apiContract[name].access
}

/** A handler that never changes the file. Anything not declared 'read' counts as a write. */
export function isRead(name: ApiName): boolean {
  return accessOf(name) === 'read'
}

/** Throws a Vietnamese AppError when the current caller may not run `name`. */
export async function assertAllowed(ctx: CoreContext, name: ApiName): Promise<void> {
  // A file made by a newer version is open for reading only (db/connection.ts, Connection.readOnly);
  // every write is refused with the sentence naming the version needed. A copy of it may still be taken.
  if (ctx.conn.readOnly && !isRead(name) && name !== 'backup.create') throw new AppError(ctx.conn.readOnly.code, ctx.conn.readOnly.message)
  const access = accessOf(name)
  if (access === 'read') return
  if (access !== 'self-service') await assertRole(ctx, access)
  // Named one by one so that anything else (an office write, or an entry that slipped through untyped) meets the province rule.
  if (access === 'province-write' || access === 'admin' || access === 'self-service') return
  if (await isProvince(ctx.db)) {
    throw new AppError(
      'READ_ONLY',
      'Tệp này ở chế độ tỉnh: sổ đăng ký được lập từ số liệu các huyện gửi lên nên không sửa trực tiếp được. Hãy sửa ở huyện rồi gửi lại gói dữ liệu.'
    )
  }
}

/** The profile rules for a write (see the header). */
async function assertRole(ctx: CoreContext, access: Access): Promise<void> {
  const profiles = await allProfiles(ctx.db)
  const role = effectiveRole(profiles, ctx.profile)
  if (role === null) {
    throw new AppError(
      'READ_ONLY',
      'Tệp này có hồ sơ người dùng: hãy chọn hồ sơ của mình trước khi sửa (dòng lệnh: --user TÊN_HỒ_SƠ; xem danh sách bằng lệnh profile list).'
    )
  }
  if (role === 'viewer') {
    throw new AppError(
      'READ_ONLY',
      `Hồ sơ «${ctx.profile}» chỉ được xem, không sửa được. Người quản trị có thể đổi vai trò trong Cài đặt → Hồ sơ người dùng.`
    )
  }
  if (role !== 'admin' && access === 'admin') {
    throw new AppError('FORBIDDEN', 'Việc này chỉ người quản trị được làm.')
  }
}

/**
 * For a handler whose one option replaces something trusted (a pinned key, a
 * package over one with a wrong date, the office's signing key): quản trị only,
 * as for 'admin' handlers. `what` names the option in the refusal.
 */
export async function assertAdmin(ctx: CoreContext, what: string): Promise<void> {
  if (effectiveRole(await allProfiles(ctx.db), ctx.profile) !== 'admin') {
    throw new AppError('FORBIDDEN', `${what}: việc này chỉ người quản trị được làm.`)
  }
}

/**
 * The sentence a window shows once at the top when this caller may not change the
 * register (an office 'write'), or null when it may: the same rules as the gate above,
 * said short, so the screens shape themselves to the core instead of repeating its rules.
 * office.info carries it, asked again whenever the session changes.
 */
export async function readOnlyReason(ctx: CoreContext): Promise<string | null> {
  if (ctx.conn.readOnly) return ctx.conn.readOnly.message
  if (await isProvince(ctx.db)) return 'Sổ của tỉnh được lập từ gói các huyện gửi lên: chỉ xem, mọi sửa đổi làm ở huyện.'
  const profiles = await allProfiles(ctx.db)
  const role = effectiveRole(profiles, ctx.profile)
  if (role === 'viewer') return `Hồ sơ «${ctx.profile}» chỉ được xem: không sửa được sổ.`
  if (role === null) return 'Chưa chọn hồ sơ người dùng: chỉ xem. Bấm «Đổi» để chọn hồ sơ.'
  return null
}

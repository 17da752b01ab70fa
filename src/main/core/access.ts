/**
 * Who may call what. Every handler is a write unless it is listed here as a read,
 * so a new handler is refused to read-only callers until someone says it only
 * reads (the safe default). The single gate every door passes through is
 * `assertAllowed`, called by dispatch before a handler runs.
 *
 * Rules that hang on it:
 * - province mode: the registry is made of the districts' snapshots, so only the
 *   handlers in PROVINCE_WRITES may write there (consolidation, keys, backups…);
 * - once a file has profiles, writing needs a signed-in profile of role quản trị
 *   or cán bộ: "chỉ xem" and a session not signed in may call reads only, plus
 *   SELF_SERVICE (signing in, one's own password); ADMIN_ONLY needs quản trị.
 *   The roles are read from the file at each write, never cached, so a change
 *   made through another door counts at once (profiles/session.ts).
 */
import type { ApiName } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { CoreContext } from './context'
import { isProvince } from './office/office'
import { allProfiles, effectiveRole } from './profiles/session'

/** Handlers that never change the file. */
export const READS = new Set<ApiName>([
  'office.info',
  'units.list',
  'backup.list',
  'entity.list',
  'entity.get',
  'entity.grid',
  'entity.search',
  'prefs.get',
  'status.list',
  'status.asOf',
  'figures.list',
  'profile.list',
  'audit.list',
  'exchange.previewImport',
  'exchange.importTemplate',
  'exchange.importHistory',
  'exchange.verifyPackage',
  'exchange.exportHistory',
  'exchange.consolidationLog',
  'exchange.districts',
  'exchange.conflicts',
  'keys.show',
  'keys.exportPublic',
  'keys.list',
  'dissolution.candidates',
  'dissolution.show',
  'dissolution.calendar',
  'dissolution.dashboard',
  'dissolution.casePage',
  'dissolution.summaryPage',
  'dissolution.summaryXlsx',
  'dissolution.draft',
  'dissolution.attachment',
  'dissolution.templates',
  'dissolution.lastAgm',
  'dissolution.list',
  'report.list',
  'report.summary',
  'report.build',
  'report.export',
  'report.targets',
  'report.dashboard'
])

/** Writes a province-mode file still accepts: its own housekeeping, not the districts' data. */
export const PROVINCE_WRITES = new Set<ApiName>([
  'office.setup',
  'backup.create',
  'backup.restore',
  'profile.select',
  'prefs.set',
  'profile.create',
  'profile.setRole',
  'profile.setPassword',
  'exchange.consolidate',
  'exchange.exportPackage',
  'keys.trust',
  // The province's decision on a cooperative claimed by two districts (which one counts it), not the districts' data.
  'exchange.resolveConflict',
  // The province's own plan targets, not the districts' data.
  'report.setTargets'
])

/** Writes about one's own session that any role may call; the handler checks the rest. */
export const SELF_SERVICE = new Set<ApiName>(['profile.select', 'profile.setPassword', 'prefs.set'])

/** Managing people and replacing the whole file: quản trị only (once profiles exist). */
export const ADMIN_ONLY = new Set<ApiName>(['profile.create', 'profile.setRole', 'backup.restore'])

export function isRead(name: ApiName): boolean {
  return READS.has(name)
}

/** Throws a Vietnamese AppError when the current caller may not run `name`. */
export async function assertAllowed(ctx: CoreContext, name: ApiName): Promise<void> {
  // Issue 12.12: a file made by a newer version is open for reading only (db/connection.ts, Connection.readOnly);
  // every write is refused with the sentence naming the version needed. A copy of it may still be taken.
  if (ctx.conn.readOnly && !isRead(name) && name !== 'backup.create') throw new AppError(ctx.conn.readOnly.code, ctx.conn.readOnly.message)
  if (isRead(name)) return
  if (!SELF_SERVICE.has(name)) await assertRole(ctx, name)
  if (PROVINCE_WRITES.has(name)) return
  if (await isProvince(ctx.db)) {
    throw new AppError(
      'READ_ONLY',
      'Tệp này ở chế độ tỉnh: sổ đăng ký được lập từ số liệu các huyện gửi lên nên không sửa trực tiếp được. Hãy sửa ở huyện rồi gửi lại gói dữ liệu.'
    )
  }
}

/** The profile rules for a write (see the header). */
async function assertRole(ctx: CoreContext, name: ApiName): Promise<void> {
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
  if (role !== 'admin' && ADMIN_ONLY.has(name)) {
    throw new AppError('FORBIDDEN', 'Việc này chỉ người quản trị được làm.')
  }
}

/**
 * For a handler whose one option replaces something trusted (a pinned key, a
 * package over one with a wrong date, the office's signing key): quản trị only,
 * as for ADMIN_ONLY handlers. `what` names the option in the refusal.
 */
export async function assertAdmin(ctx: CoreContext, what: string): Promise<void> {
  if (effectiveRole(await allProfiles(ctx.db), ctx.profile) !== 'admin') {
    throw new AppError('FORBIDDEN', `${what}: việc này chỉ người quản trị được làm.`)
  }
}

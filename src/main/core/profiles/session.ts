/**
 * Who this core is acting for. A core (one per door: the window, the browser
 * preview, one CLI command) holds one session: `ctx.profile` is the signed-in
 * profile's name, or null. Roles are read from the file at every write (see
 * access.ts), so a role changed through another door counts at once.
 *
 * A file with no profile at all is open, as it was before profiles existed:
 * anyone writes, the audit log carries the name the door gave (--user, or the
 * computer's user name). Once a profile exists, writing needs a signed-in
 * profile of role quản trị or cán bộ.
 */
import type { ProfileInfo, ProfileSession, Role } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import type { CoreContext, Trx } from '../context'
import type { ProfilesTable } from '../db/schema'
import { verifyPassword } from './password'

type Db = CoreContext['db'] | Trx

export function toProfile(row: ProfilesTable): ProfileInfo {
  return { name: row.name, role: row.role as Role, hasPassword: row.password_hash !== null, createdAt: row.created_at }
}

export async function allProfiles(db: Db): Promise<ProfilesTable[]> {
  const rows = await db.selectFrom('profiles').selectAll().execute()
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

/** The role this session acts with: 'admin' on an open file, null when not signed in. */
export function effectiveRole(profiles: ProfilesTable[], signedIn: string | null | undefined): Role | null {
  if (profiles.length === 0) return 'admin'
  const me = signedIn ? profiles.find((p) => p.name === signedIn) : undefined
  return me ? (me.role as Role) : null
}

export async function sessionOf(ctx: CoreContext): Promise<ProfileSession> {
  const profiles = await allProfiles(ctx.db)
  const role = effectiveRole(profiles, ctx.profile)
  return {
    profiles: profiles.map(toProfile),
    selected: profiles.some((p) => p.name === ctx.profile) ? (ctx.profile ?? null) : null,
    role
  }
}

/** Refuses a wrong or missing password with one sentence that does not say which it was. */
export async function checkPassword(profile: ProfilesTable, password: string | undefined): Promise<void> {
  if (profile.password_hash === null || profile.password_salt === null) return
  const ok = password !== undefined && (await verifyPassword(password, { hash: profile.password_hash, salt: profile.password_salt }))
  if (!ok) {
    throw new AppError('FORBIDDEN', `Mật khẩu của hồ sơ «${profile.name}» không đúng.`, { field: 'password' })
  }
}

/**
 * At start-up. With a name (CLI or web --user): that profile, its password
 * checked; a name that is no profile leaves the session signed out (reads only)
 * so the gate can say why. Without a name: the profile chosen last time, if it
 * has no password; otherwise the window's chooser asks.
 */
export async function startSession(ctx: CoreContext, user: string | undefined, password: string | undefined): Promise<void> {
  const profiles = await allProfiles(ctx.db)
  ctx.profile = null
  if (profiles.length === 0) return
  const name = user?.normalize('NFC').trim()
  if (name) {
    const profile = profiles.find((p) => p.name === name)
    if (!profile) return
    if (profile.password_hash !== null && password === undefined) {
      throw new AppError(
        'FORBIDDEN',
        `Hồ sơ «${name}» có mật khẩu: đặt mật khẩu vào biến môi trường SO_HTX_PASSWORD trước khi chạy lệnh.`,
        { field: 'password' }
      )
    }
    await checkPassword(profile, password)
    ctx.profile = name
    return
  }
  const remembered = await ctx.db.selectFrom('meta').select('value').where('key', '=', 'profile').executeTakeFirst()
  const last = profiles.find((p) => p.name === remembered?.value)
  if (last && last.password_hash === null) {
    ctx.profile = last.name
    ctx.user = last.name
  }
}

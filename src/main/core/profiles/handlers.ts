/**
 * Profile management. Who may call what is decided in access.ts (creating
 * profiles and changing roles: quản trị only); these handlers keep the rules
 * that need the data: the first profile is quản trị, the last quản trị stays,
 * one's own password needs the current one. Audit rows say what changed,
 * never the password or its hash.
 */
import { AppError } from '../../../shared/errors'
import { ROLE_LABELS, type ProfileInfo, type Role } from '../../../shared/api'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, Trx } from '../context'
import { hashPassword } from './password'
import { allProfiles, checkPassword, effectiveRole, sessionOf, toProfile } from './session'

type Names = 'profile.list' | 'profile.select' | 'profile.create' | 'profile.setRole' | 'profile.setPassword'

const nfc = (name: string) => name.normalize('NFC').trim()

async function profileOrFail(trx: Trx, name: string) {
  const row = await trx.selectFrom('profiles').selectAll().where('name', '=', name).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `Không có hồ sơ «${name}».`, { field: 'name' })
  return row
}

async function remember(trx: Trx, name: string): Promise<void> {
  await trx
    .insertInto('meta')
    .values({ key: 'profile', value: name })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: name }))
    .execute()
}

async function insertProfile(trx: Trx, ctx: CoreContext, name: string, role: Role, password: string | undefined): Promise<ProfileInfo> {
  const stored = password === undefined ? null : await hashPassword(password)
  const row = { name, role, created_at: ctx.now(), password_hash: stored?.hash ?? null, password_salt: stored?.salt ?? null }
  await trx.insertInto('profiles').values(row).execute()
  await writeAudit(trx, ctx, {
    action: 'profile_create',
    table: 'profiles',
    rowId: null,
    after: { name, role, hasPassword: stored !== null }
  })
  return toProfile(row)
}

export const profileHandlers: DomainHandlers<Names> = {
  'profile.list': async (_input, ctx) => sessionOf(ctx),

  /** Signs this session in; on a file with no profile yet, choosing a name creates it as quản trị. */
  'profile.select': async (input, ctx) => {
    const name = nfc(input.name)
    await ctx.db.transaction().execute(async (trx) => {
      const profiles = await allProfiles(trx)
      const profile = profiles.find((p) => p.name === name)
      if (!profile && profiles.length > 0) {
        throw new AppError('NOT_FOUND', `Không có hồ sơ «${name}». Người quản trị tạo hồ sơ trong Cài đặt → Hồ sơ người dùng.`, {
          field: 'name'
        })
      }
      if (profile) await checkPassword(profile, input.password)
      ctx.user = name
      ctx.profile = name
      if (!profile) await insertProfile(trx, ctx, name, 'admin', input.password || undefined)
      await remember(trx, name)
      await writeAudit(trx, ctx, { action: 'profile_select', table: 'profiles', rowId: null, after: { name } })
    })
    return sessionOf(ctx)
  },

  'profile.create': async (input, ctx) => {
    const name = nfc(input.name)
    return ctx.db.transaction().execute(async (trx) => {
      const profiles = await allProfiles(trx)
      if (profiles.some((p) => p.name === name)) throw new AppError('ALREADY_EXISTS', `Đã có hồ sơ «${name}».`, { field: 'name' })
      const first = profiles.length === 0
      // The first profile of a file manages the others, and the one who made it is signed in as it.
      const created = await insertProfile(trx, ctx, name, first ? 'admin' : input.role, input.password)
      if (first) {
        ctx.profile = name
        ctx.user = name
        await remember(trx, name)
      }
      return created
    })
  },

  'profile.setRole': async (input, ctx) => {
    const name = nfc(input.name)
    return ctx.db.transaction().execute(async (trx) => {
      const row = await profileOrFail(trx, name)
      if (row.role === 'admin' && input.role !== 'admin') {
        const admins = (await allProfiles(trx)).filter((p) => p.role === 'admin')
        if (admins.length === 1) {
          throw new AppError('FORBIDDEN', `«${name}» là người quản trị duy nhất; hãy cho một hồ sơ khác làm quản trị trước.`, {
            field: 'role'
          })
        }
      }
      await trx.updateTable('profiles').set({ role: input.role }).where('name', '=', name).execute()
      await writeAudit(trx, ctx, {
        action: 'profile_role',
        table: 'profiles',
        rowId: null,
        before: { name, role: row.role },
        after: { name, role: input.role, label: ROLE_LABELS[input.role] }
      })
      return toProfile({ ...row, role: input.role })
    })
  },

  'profile.setPassword': async (input, ctx) => {
    const name = nfc(input.name)
    const stored = input.password === null ? null : await hashPassword(input.password)
    return ctx.db.transaction().execute(async (trx) => {
      const profiles = await allProfiles(trx)
      const row = profiles.find((p) => p.name === name)
      if (!row) throw new AppError('NOT_FOUND', `Không có hồ sơ «${name}».`, { field: 'name' })
      const role = effectiveRole(profiles, ctx.profile)
      if (name === ctx.profile) {
        await checkPassword(row, input.currentPassword)
      } else if (role !== 'admin') {
        throw new AppError('FORBIDDEN', 'Chỉ người quản trị mới đặt mật khẩu cho hồ sơ của người khác.')
      }
      const set = { password_hash: stored?.hash ?? null, password_salt: stored?.salt ?? null }
      await trx.updateTable('profiles').set(set).where('name', '=', name).execute()
      await writeAudit(trx, ctx, {
        action: 'profile_password',
        table: 'profiles',
        rowId: null,
        before: { name, hasPassword: row.password_hash !== null },
        after: { name, hasPassword: stored !== null }
      })
      return toProfile({ ...row, ...set })
    })
  }
}

/** Local profiles: who is using the app, with an optional password and a role. */
import { z } from 'zod'
import { handler, text } from './common'

export const ROLES = ['admin', 'officer', 'viewer'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = { admin: 'Quản trị', officer: 'Cán bộ', viewer: 'Chỉ xem' }

export interface ProfileInfo {
  name: string
  role: Role
  hasPassword: boolean
  createdAt: string
}

export interface ProfileSession {
  profiles: ProfileInfo[]
  /** The profile this session is signed in as; null when none is chosen. */
  selected: string | null
  /**
   * What this session may do: a file without any profile is open to everyone
   * (as before profiles existed), so the role is 'admin' there; null means
   * "not signed in": reads only.
   */
  role: Role | null
}

/** 'name' keeps the register's label ("Tên"): labels are shared by field name across domains. */
export const profilesLabels: Record<string, string> = {
  role: 'Vai trò',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại'
}

const profileName = text(100).min(2, 'Tên hồ sơ ít nhất 2 ký tự')
const role = z.enum(ROLES, { message: 'Vai trò là quản trị, cán bộ hoặc chỉ xem' })
/** Not trimmed: a password is taken exactly as typed. */
const password = z.string().min(4, 'Mật khẩu ít nhất 4 ký tự').max(200, 'Mật khẩu không quá 200 ký tự')

export const profilesContract = {
  'profile.list': handler<ProfileSession>('read')(z.object({}).strict()),
  /** Sign in as a profile (the first one of a file is created by choosing it). */
  'profile.select': handler<ProfileSession>('self-service')(
    z.object({ name: profileName, password: z.string().max(200).optional() }).strict()
  ),
  'profile.create': handler<ProfileInfo>('admin')(
    z.object({ name: profileName, role: role.default('officer'), password: password.optional() }).strict()
  ),
  'profile.setRole': handler<ProfileInfo>('admin')(z.object({ name: profileName, role }).strict()),
  /** null removes the password. Someone else's: quản trị only; one's own: the current password. */
  'profile.setPassword': handler<ProfileInfo>('self-service')(
    z.object({ name: profileName, password: password.nullable(), currentPassword: z.string().max(200).optional() }).strict()
  )
}

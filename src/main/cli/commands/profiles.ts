/**
 * `profile list|add|set-role|set-password`. Passwords come from the environment,
 * never from options (those show in the process list and shell history):
 * SO_HTX_PASSWORD is the acting profile's (with --user), SO_HTX_NEW_PASSWORD the
 * one being set.
 */
import { ROLE_LABELS, type ProfileInfo, type ProfileSession, type Role } from '../../../shared/api'
import { fold, formatDate } from '../../../shared/text'
import { common, withCore, type Command, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

const ROLE_WORDS: Record<string, Role> = {
  admin: 'admin',
  'quan tri': 'admin',
  officer: 'officer',
  'can bo': 'officer',
  viewer: 'viewer',
  'chi xem': 'viewer'
}

function roleOf(values: Values): Role {
  const word = typeof values.role === 'string' ? ROLE_WORDS[fold(values.role)] : undefined
  if (!word) throw new UsageError('--role là quan-tri, can-bo hoặc chi-xem (hay admin, officer, viewer).')
  return word
}

function nameOf(values: Values): string {
  if (typeof values.name !== 'string' || values.name.trim() === '') throw new UsageError('Thiếu --name TÊN_HỒ_SƠ.')
  return values.name
}

function newPassword(): string | undefined {
  const value = process.env.SO_HTX_NEW_PASSWORD
  return value === undefined || value === '' ? undefined : value
}

function printProfile(result: unknown, io: CliIo): void {
  const p = result as ProfileInfo
  io.out(`Hồ sơ «${p.name}»: ${ROLE_LABELS[p.role]}${p.hasPassword ? ', có mật khẩu' : ', không mật khẩu'}.`)
}

export const profileCommands: Record<string, Command> = {
  'profile list': {
    usage: 'profile list --db TỆP   các hồ sơ người dùng, vai trò, có mật khẩu hay không',
    options: common,
    run: (values) => withCore(values, (core) => core.call('profile.list', {})),
    print: (result, io) => {
      const s = result as ProfileSession
      io.out(
        table(
          ['Hồ sơ', 'Vai trò', 'Mật khẩu', 'Tạo ngày'],
          s.profiles.map((p) => [p.name, ROLE_LABELS[p.role], p.hasPassword ? 'có' : 'không', formatDate(p.createdAt)])
        )
      )
      io.err(
        s.profiles.length === 0
          ? 'Tệp chưa có hồ sơ nào: ai cũng sửa được. Hồ sơ đầu tiên tạo ra là quản trị.'
          : `${s.profiles.length} hồ sơ.`
      )
    }
  },

  'profile add': {
    usage: 'profile add --db TỆP --name TÊN [--role quan-tri|can-bo|chi-xem]   (mật khẩu, nếu có: biến SO_HTX_NEW_PASSWORD)',
    options: { ...common, name: { type: 'string' }, role: { type: 'string' } },
    run: (values) => {
      const input = {
        name: nameOf(values),
        role: values.role === undefined ? ('officer' as const) : roleOf(values),
        password: newPassword()
      }
      return withCore(values, (core) => core.call('profile.create', input))
    },
    print: printProfile
  },

  'profile set-role': {
    usage: 'profile set-role --db TỆP --name TÊN --role quan-tri|can-bo|chi-xem   (chỉ quản trị)',
    options: { ...common, name: { type: 'string' }, role: { type: 'string' } },
    run: (values) => {
      const input = { name: nameOf(values), role: roleOf(values) }
      return withCore(values, (core) => core.call('profile.setRole', input))
    },
    print: printProfile
  },

  'profile set-password': {
    usage: 'profile set-password --db TỆP --name TÊN [--clear]   mật khẩu mới trong biến SO_HTX_NEW_PASSWORD; --clear bỏ mật khẩu',
    options: { ...common, name: { type: 'string' }, clear: { type: 'boolean' } },
    run: (values) => {
      const password = values.clear ? null : newPassword()
      if (password === undefined)
        throw new UsageError('Đặt mật khẩu mới vào biến môi trường SO_HTX_NEW_PASSWORD, hoặc dùng --clear để bỏ mật khẩu.')
      const name = nameOf(values)
      // Changing one's own password needs the current one, which is the acting profile's.
      const input = { name, password, currentPassword: process.env.SO_HTX_PASSWORD }
      return withCore(values, (core) => core.call('profile.setPassword', input))
    },
    print: printProfile
  }
}

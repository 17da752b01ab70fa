/** The profile commands, and acting as a profile from the CLI (--user, SO_HTX_PASSWORD). */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cli as runCli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void> = []
afterEach(() => {
  cleanups.splice(0).forEach((c) => c())
  delete process.env.SO_HTX_PASSWORD
  delete process.env.SO_HTX_NEW_PASSWORD
})

async function cli(env: { password?: string; newPassword?: string }, ...argv: string[]) {
  if (env.password === undefined) delete process.env.SO_HTX_PASSWORD
  else process.env.SO_HTX_PASSWORD = env.password
  if (env.newPassword === undefined) delete process.env.SO_HTX_NEW_PASSWORD
  else process.env.SO_HTX_NEW_PASSWORD = env.newPassword
  return runCli(...argv)
}

describe('profile CLI', () => {
  it('adds profiles with roles and passwords, acts as them, and refuses a viewer and a wrong password', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli({}, 'init', '--db', db, '--unit', '178')).code).toBe(0)
    const first = await cli(
      { newPassword: 'bí-mật-Lan' },
      'profile',
      'add',
      '--db',
      db,
      '--name',
      'Nguyễn Thị Lan',
      '--user',
      'Nguyễn Thị Lan',
      '--json'
    )
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ name: 'Nguyễn Thị Lan', role: 'admin', hasPassword: true })

    // Now the file has profiles: the admin acts with her password.
    const lan = { password: 'bí-mật-Lan' }
    expect(
      (await cli(lan, 'profile', 'add', '--db', db, '--name', 'Lê Thu Hà', '--role', 'chỉ xem', '--user', 'Nguyễn Thị Lan')).code
    ).toBe(0)
    const wrong = await cli({ password: 'sai' }, 'profile', 'add', '--db', db, '--name', 'Kẻ Lạ', '--user', 'Nguyễn Thị Lan')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('không đúng')
    expect(wrong.stderr).not.toContain('bí-mật')

    const viewer = await cli({}, 'entity', 'add', '--db', db, '--name', 'HTX Thu Hà', '--user', 'Lê Thu Hà', '--json')
    expect(viewer.code).toBe(1)
    expect(JSON.parse(viewer.stdout)).toMatchObject({ error: { code: 'READ_ONLY' } })
    const nobody = await cli({}, 'entity', 'add', '--db', db, '--name', 'HTX Vô Danh')
    expect(nobody.code).toBe(1)
    expect(nobody.stderr).toContain('--user')

    const role = await cli(lan, 'profile', 'set-role', '--db', db, '--name', 'Lê Thu Hà', '--role', 'can-bo', '--user', 'Nguyễn Thị Lan')
    expect(role.stdout).toContain('Cán bộ')
    expect((await cli({}, 'entity', 'add', '--db', db, '--name', 'HTX Thu Hà', '--user', 'Lê Thu Hà')).code).toBe(0)

    const list = await cli({}, 'profile', 'list', '--db', db)
    expect(list.stdout).toMatch(/Lê Thu Hà\s+Cán bộ\s+không/)
    expect(list.stdout).toMatch(/Nguyễn Thị Lan\s+Quản trị\s+có/)
    expect((await cli({}, 'profile', 'set-password', '--db', db, '--name', 'Lê Thu Hà')).code).toBe(2)
    const own = await cli({ newPassword: 'của-Hà-1' }, 'profile', 'set-password', '--db', db, '--name', 'Lê Thu Hà', '--user', 'Lê Thu Hà')
    expect(own.code).toBe(0)
    expect((await cli({ password: 'của-Hà-1' }, 'info', '--db', db, '--user', 'Lê Thu Hà')).code).toBe(0)
    expect(
      (
        await cli(
          { password: 'bad' },
          'profile',
          'set-role',
          '--db',
          db,
          '--name',
          'Lê Thu Hà',
          '--role',
          'xyz',
          '--user',
          'Nguyễn Thị Lan'
        )
      ).code
    ).toBe(2)
  })
})

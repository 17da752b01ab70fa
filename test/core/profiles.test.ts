/**
 * Profiles, passwords and roles: a "chỉ xem" profile cannot write through the
 * core nor through the bridge door, for every handler the contract has that is
 * not a read; wrong passwords are refused; every profile change is audited and
 * no password (nor its hash) is ever returned or logged.
 */
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { accessOf } from '../../src/main/core/access'
import { createCore } from '../../src/main/core/api'
import { startBridge } from '../../src/main/bridge'
import { migrations } from '../../src/main/core/db/migrations'
import { API_NAMES } from '../../src/shared/api'
import { officeCore, tempDir } from '../helpers/temp'

type TestCore = Awaited<ReturnType<typeof officeCore>>
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function office(): Promise<TestCore> {
  const core = await officeCore('178', 'Nguyễn Thị Lan')
  cleanups.push(() => core.dispose())
  return core
}

/** Another door on the same file, acting as `user`. */
async function door(core: TestCore, user?: string, password?: string) {
  const other = await createCore({ dbPath: core.dbPath, user, password })
  cleanups.unshift(() => other.close())
  return other
}

/** Every row of every table: what "nothing was written" means. */
function snapshot(core: TestCore): string {
  const db = core.ctx.conn.sqlite
  const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as Array<{ name: string }>
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}"`).all()]))
}

const WRITES = API_NAMES.filter((n) => accessOf(n) !== 'read' && accessOf(n) !== 'self-service')
const ADMIN_ONLY = API_NAMES.filter((n) => accessOf(n) === 'admin')

describe('profiles and roles', () => {
  it('makes the first profile quản trị, lets only quản trị add people, and audits it without the password', async () => {
    const core = await office()
    const first = await core.call('profile.create', { name: 'Nguyễn Thị Lan', role: 'viewer', password: 'mật khẩu Lan' })
    expect(first).toEqual({ name: 'Nguyễn Thị Lan', role: 'admin', hasPassword: true, createdAt: expect.any(String) })
    await core.call('profile.create', { name: 'Trần Văn Bình', role: 'officer' })
    await core.call('profile.create', { name: 'Lê Thu Hà', role: 'viewer', password: 'hà-1234' })
    const session = await core.call('profile.list', {})
    expect(session.selected).toBe('Nguyễn Thị Lan')
    expect(session.role).toBe('admin')
    expect(session.profiles.map((p) => [p.name, p.role, p.hasPassword])).toEqual([
      ['Lê Thu Hà', 'viewer', true],
      ['Nguyễn Thị Lan', 'admin', true],
      ['Trần Văn Bình', 'officer', false]
    ])

    const audit = await core.call('audit.list', { table: 'profiles' })
    expect(audit.map((a) => a.action).sort()).toEqual(['profile_create', 'profile_create', 'profile_create'])
    expect(audit.every((a) => a.user === 'Nguyễn Thị Lan')).toBe(true)
    const stored = core.ctx.conn.sqlite.prepare("select password_hash h from profiles where name = 'Lê Thu Hà'").get() as { h: string }
    expect(stored.h).toMatch(/^scrypt:16384:8:1:[0-9a-f]{64}$/)
    const everything = snapshot(core).replace(stored.h, '')
    for (const secret of ['mật khẩu Lan', 'hà-1234']) expect(JSON.stringify(await core.call('audit.list', {}))).not.toContain(secret)
    expect(JSON.stringify(await core.call('audit.list', {}))).not.toContain(stored.h.slice(-64))
    expect(everything).not.toContain('hà-1234')

    // cán bộ writes the register but cannot manage people or restore a copy.
    const binh = await door(core, 'Trần Văn Bình')
    await expect(binh.call('entity.create', { kind: 'htx', name: 'HTX Bình Minh' })).resolves.toMatchObject({ name: 'HTX Bình Minh' })
    await expect(binh.call('profile.create', { name: 'Kẻ Lạ', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(binh.call('profile.setRole', { name: 'Trần Văn Bình', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(binh.call('backup.restore', { file: join(core.dir, 'x.db') })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses a wrong or missing password at every door, and keeps the last quản trị', async () => {
    const core = await office()
    await core.call('profile.create', { name: 'Nguyễn Thị Lan', password: 'đúng-rồi' })
    await expect(door(core, 'Nguyễn Thị Lan', 'sai-rồi')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('không đúng')
    })
    await expect(door(core, 'Nguyễn Thị Lan')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('SO_HTX_PASSWORD')
    })
    // The same password typed decomposed (NFD) is the same password.
    const lan = await door(core, 'Nguyễn Thị Lan', 'đúng-rồi'.normalize('NFD'))
    expect((await lan.call('profile.list', {})).role).toBe('admin')

    const anon = await door(core)
    expect((await anon.call('profile.list', {})).selected).toBeNull()
    await expect(anon.call('profile.select', { name: 'Nguyễn Thị Lan', password: 'sai' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(anon.call('profile.select', { name: 'Không Có Ai' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(anon.call('entity.create', { kind: 'htx', name: 'HTX Lạ' })).rejects.toMatchObject({ code: 'READ_ONLY' })
    await expect(anon.call('profile.select', { name: 'Nguyễn Thị Lan', password: 'đúng-rồi' })).resolves.toMatchObject({
      selected: 'Nguyễn Thị Lan'
    })
    await expect(anon.call('profile.setRole', { name: 'Nguyễn Thị Lan', role: 'officer' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('quản trị duy nhất')
    })
    // One's own password needs the current one.
    await expect(
      anon.call('profile.setPassword', { name: 'Nguyễn Thị Lan', password: 'mới-1234', currentPassword: 'sai' })
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await anon.call('profile.setPassword', { name: 'Nguyễn Thị Lan', password: 'mới-1234', currentPassword: 'đúng-rồi' })
    await expect(door(core, 'Nguyễn Thị Lan', 'đúng-rồi')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(door(core, 'Nguyễn Thị Lan', 'mới-1234')).resolves.toBeTruthy()
    const actions = (await anon.call('audit.list', { table: 'profiles' })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['profile_create', 'profile_select', 'profile_password']))
    expect(actions.filter((a) => a === 'profile_select')).toHaveLength(1)
  })

  it('refuses a "chỉ xem" profile on every write handler of the contract through the core, and writes nothing', async () => {
    const core = await office()
    await core.call('profile.create', { name: 'Nguyễn Thị Lan' })
    await core.call('profile.create', { name: 'Lê Thu Hà', role: 'viewer' })
    const viewer = await door(core, 'Lê Thu Hà')
    const before = snapshot(core)
    expect(WRITES.length).toBeGreaterThan(20)
    for (const name of WRITES) {
      await expect(viewer.dispatch(name, {}), name).rejects.toMatchObject({
        code: 'READ_ONLY',
        message: expect.stringContaining('chỉ được xem')
      })
    }
    // Reads still answer.
    await expect(viewer.call('entity.list', {})).resolves.toMatchObject({ total: 0 })
    // Her own password is hers to set; nobody else's.
    await expect(viewer.call('profile.setPassword', { name: 'Nguyễn Thị Lan', password: 'chiếm-quyền' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    expect(snapshot(core)).toBe(before)
    await viewer.call('profile.setPassword', { name: 'Lê Thu Hà', password: 'của-Hà' })
    expect((await core.call('profile.list', {})).profiles.find((p) => p.name === 'Lê Thu Hà')?.hasPassword).toBe(true)

    // A role changed through another door counts at once.
    const officer = await door(core, 'Nguyễn Thị Lan')
    await officer.call('profile.setRole', { name: 'Lê Thu Hà', role: 'officer' })
    await expect(viewer.call('entity.create', { kind: 'htx', name: 'HTX Thu Hà' })).resolves.toMatchObject({ name: 'HTX Thu Hà' })
  })

  it('refuses a "chỉ xem" profile on every write handler through the bridge door too', async () => {
    const core = await office()
    await core.call('profile.create', { name: 'Nguyễn Thị Lan' })
    await core.call('profile.create', { name: 'Lê Thu Hà', role: 'viewer' })
    const viewer = await door(core, 'Lê Thu Hà')
    const staticDir = join(core.dir, 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    const bridge = await startBridge(viewer, { staticDir })
    cleanups.unshift(() => bridge.close())
    const post = (name: string, input: unknown) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((done, fail) => {
        const body = JSON.stringify(input)
        const req = request(
          {
            host: '127.0.0.1',
            port: bridge.port,
            method: 'POST',
            path: `/api/${name}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}`, host: `127.0.0.1:${bridge.port}` }
          },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (d) => (text += d))
            res.on('end', () => done(JSON.parse(text)))
          }
        )
        req.on('error', fail)
        req.end(body)
      })
    const before = snapshot(core)
    const refused: string[] = []
    for (const name of WRITES) {
      const answer = await post(name, {})
      if (!answer.ok && answer.error?.code === 'READ_ONLY') refused.push(name)
    }
    expect(refused).toEqual(WRITES)
    expect(snapshot(core)).toBe(before)
    expect(await post('entity.list', {})).toMatchObject({ ok: true })
  })

  it('upgrades a file that had profiles before roles: the oldest becomes quản trị, the remembered one signs in', async () => {
    const t = tempDir()
    cleanups.push(async () => t.cleanup())
    const dbPath = join(t.dir, 'cu.db')
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '007'))
    const old = await createCore({ dbPath, user: 'x', migrations: before })
    old.ctx.conn.sqlite
      .exec(`insert into profiles (name, created_at) values ('Trần Văn Bình', '2025-03-01T00:00:00Z'), ('Nguyễn Thị Lan', '2024-01-01T00:00:00Z');
      insert into meta (key, value) values ('profile', 'Trần Văn Bình')`)
    await old.close()
    const upgraded = await createCore({ dbPath })
    cleanups.unshift(() => upgraded.close())
    expect(await upgraded.call('profile.list', {})).toMatchObject({
      selected: 'Trần Văn Bình',
      role: 'officer',
      profiles: [
        { name: 'Nguyễn Thị Lan', role: 'admin', hasPassword: false },
        { name: 'Trần Văn Bình', role: 'officer', hasPassword: false }
      ]
    })
  })

  it('keeps an open file open: no profile, everyone writes under the name the door gave', async () => {
    const core = await office()
    expect(await core.call('profile.list', {})).toEqual({ profiles: [], selected: null, role: 'admin' })
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Mở' })
    expect((await core.call('audit.list', { table: 'entities', rowId: e.id }))[0]!.user).toBe('Nguyễn Thị Lan')
    expect([...ADMIN_ONLY].every((n) => API_NAMES.includes(n))).toBe(true)
  })
})

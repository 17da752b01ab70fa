/**
 * Writes through the bridge while another process writes (a CLI import): they
 * wait out the busy timeout instead of failing at once, and when the other
 * writer outlasts it the answer is BUSY in Vietnamese.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridge } from '../../src/main/bridge'
import { createCore } from '../../src/main/core/api'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function bridgeOn(busyTimeoutMs: number) {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const dbPath = join(t.dir, 'so-htx.db')
  const core = await createCore({ dbPath, busyTimeoutMs })
  cleanups.push(() => core.close())
  await core.call('office.setup', { unitCode: '178' })
  const staticDir = join(t.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<html></html>')
  const bridge = await startBridge(core, { staticDir })
  cleanups.push(() => bridge.close())
  const call = (name: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((done, fail) => {
      const body = JSON.stringify(input)
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: `/api/${name}`,
          headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` }
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
  return { dbPath, call }
}

/** Another process in the middle of a write transaction (as a CLI import is) for `ms`. */
async function otherWriter(dbPath: string, ms: number): Promise<void> {
  const code = `
    const Sqlite = require(${JSON.stringify(require.resolve('better-sqlite3'))})
    const db = new Sqlite(${JSON.stringify(dbPath)})
    db.exec('BEGIN IMMEDIATE')
    db.exec("insert into meta(key, value) values('other-writer', 'x') on conflict(key) do update set value = 'y'")
    process.stdout.write('held\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0) }, ${ms})
  `
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
  const gone = new Promise<void>((ok) => child.on('exit', () => ok()))
  cleanups.push(() => {
    child.kill('SIGKILL')
    return gone
  })
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('held') && ok())
    child.on('exit', () => fail(new Error('writer ended early')))
  })
}

describe('bridge writes while another process writes', () => {
  it('waits for the other writer and then writes', async () => {
    const { dbPath, call } = await bridgeOn(10_000)
    await otherWriter(dbPath, 800)
    const r = await call('entity.create', { kind: 'htx', name: 'HTX Ghi sau khi chờ' })
    expect(r).toMatchObject({ ok: true, value: { name: 'HTX Ghi sau khi chờ' } })
  })

  it('says «đang bận, thử lại» (BUSY) when the other writer outlasts the timeout, and writes nothing', async () => {
    const { dbPath, call } = await bridgeOn(300)
    await otherWriter(dbPath, 8000)
    const r = await call('entity.create', { kind: 'htx', name: 'HTX Bận' })
    expect(r).toMatchObject({ ok: false, error: { code: 'BUSY' } })
    expect(r.error!.message).toMatch(/đang bận.*thử lại/)
    expect(r.error!.message).not.toMatch(/SQLITE|locked/)
  })
})

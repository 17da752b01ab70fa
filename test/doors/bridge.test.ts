import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cspFrom, startBridge, type Bridge } from '../../src/main/bridge'
import { IMPORT_MAX_BYTES, REQUEST_MAX_BYTES } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
let bridge: Bridge

beforeAll(async () => {
  core = await officeCore()
  const staticDir = join(core.dir, 'renderer')
  mkdirSync(staticDir)
  // The real page's head (its CSP meta tag) with a tiny app in place of the bundle.
  const page = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8').replace('./src/main.tsx', './app.js')
  writeFileSync(join(staticDir, 'index.html'), page)
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)')
  writeFileSync(join(core.dir, 'secret.txt'), 'bí mật')
  bridge = await startBridge(core, { staticDir })
})
afterAll(async () => {
  await bridge.close()
  await core.dispose()
})

/** A raw request, so the test controls every header (fetch would fix Host). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method, path, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => done({ status: res.statusCode!, headers: res.headers, text }))
      }
    )
    req.on('error', fail)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
const call = (name: string, input: unknown, token = bridge.token) =>
  raw('POST', `/api/${name}`, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, JSON.stringify(input))

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in its fragment', async () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`)
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    const reach = (host: string) =>
      new Promise<boolean>((done) => {
        const socket = connect({ host, port: bridge.port }, () => {
          socket.destroy()
          done(true)
        })
        socket.on('error', () => done(false))
      })
    expect(await reach('127.0.0.1')).toBe(true)
    // Not on IPv6 loopback, and not on any of this machine's network addresses.
    expect(await reach('::1')).toBe(false)
    const outward = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    for (const address of outward) expect(await reach(address), address).toBe(false)
  })

  it('makes a fresh token each start unless given one', async () => {
    const other = await startBridge(core, { staticDir: join(core.dir, 'renderer') })
    const fixed = await startBridge(core, { staticDir: join(core.dir, 'renderer'), token: 'a-given-token-of-enough-length-123' })
    try {
      expect(other.token).not.toBe(bridge.token)
      expect(other.port).not.toBe(bridge.port)
      expect(fixed.token).toBe('a-given-token-of-enough-length-123')
    } finally {
      await other.close()
      await fixed.close()
    }
  })

  it('answers API calls with the token as envelopes from the real core', async () => {
    const res = await call('office.info', {})
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { configured: true, unit: { code: '178' } } })
    const made = JSON.parse((await call('entity.create', { kind: 'htx', name: 'HTX Qua cầu nối' })).text)
    expect(made).toMatchObject({ ok: true, value: { name: 'HTX Qua cầu nối' } })
  })

  it('refuses calls without the token or with a wrong one, writing nothing', async () => {
    const none = await raw('POST', '/api/office.info', { 'content-type': 'application/json' }, '{}')
    expect(none.status).toBe(401)
    expect(JSON.parse(none.text)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // A prefix of the right token, a longer one, another scheme: all refused.
    for (const authorization of [`Bearer ${bridge.token.slice(0, 10)}`, `Bearer ${bridge.token}x`, `Basic ${bridge.token}`]) {
      expect(
        (await raw('POST', '/api/office.info', { 'content-type': 'application/json', authorization }, '{}')).status,
        authorization
      ).toBe(401)
    }
    const wrong = await call('entity.create', { kind: 'htx', name: 'HTX Kẻ lạ' }, 'x'.repeat(bridge.token.length))
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.text).error.message).toMatch(/mã truy cập/)
    expect((await core.call('entity.list', { q: 'ke la' })).total).toBe(0)
  })

  it('maps bad input and unknown handlers to typed Vietnamese errors', async () => {
    expect(JSON.parse((await call('entity.create', { kind: 'htx', name: 'X' })).text)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { name: expect.stringMatching(/ít nhất 3 ký tự/) } } }
    })
    expect(JSON.parse((await call('entity.drop', {})).text).error.code).toBe('UNKNOWN_HANDLER')
    const notJson = await raw(
      'POST',
      '/api/office.info',
      { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      '{nope'
    )
    expect(notJson.status).toBe(400)
    const big = await raw(
      'POST',
      '/api/office.info',
      { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
      'x'.repeat(REQUEST_MAX_BYTES + 1)
    )
    expect(big.status).toBe(413)
    expect(JSON.parse(big.text).error.message).toContain('50 MB')
    expect(
      (await raw('POST', '/api/office.info', { 'content-type': 'text/plain', authorization: `Bearer ${bridge.token}` }, '{}')).status
    ).toBe(415)
  })

  it('takes a file as large as the contract takes (IMPORT_MAX_BYTES as base64), not a byte more', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Bản Quét Lớn' })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', openedOn: '2024-02-01' })
    const bytes = Buffer.alloc(IMPORT_MAX_BYTES, 7)
    const sent = await call('dissolution.attach', { caseId: c.id, file: { name: 'quet.pdf', base64: bytes.toString('base64') } })
    expect(sent.status).toBe(200)
    expect(JSON.parse(sent.text)).toMatchObject({ ok: true, value: { attachments: [{ name: 'quet.pdf', size: IMPORT_MAX_BYTES }] } })
    const over = await call('dissolution.attach', {
      caseId: c.id,
      file: { name: 'quet.pdf', base64: Buffer.alloc(IMPORT_MAX_BYTES + 3, 7).toString('base64') }
    })
    expect(JSON.parse(over.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('streams the progress of a running call on GET /events, only with the token', async () => {
    expect((await raw('GET', '/events')).status).toBe(401)
    expect((await raw('GET', '/events', { authorization: `Bearer ${bridge.token}x` })).status).toBe(401)
    const frames: string[] = []
    const stream = await new Promise<import('node:http').ClientRequest>((opened, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/events',
          headers: { host: `127.0.0.1:${bridge.port}`, authorization: `Bearer ${bridge.token}` }
        },
        (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          res.setEncoding('utf8')
          res.on('data', (d: string) => frames.push(d))
          opened(req)
        }
      )
      req.on('error', fail)
      req.end()
    })
    try {
      const base64 = readFileSync(resolve(__dirname, '../fixtures/import/danh-sach-sach.xlsx')).toString('base64')
      const res = await call('exchange.previewImport', { files: [{ name: 'danh-sach-sach.xlsx', base64 }] })
      expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { totals: { created: 6 } } })
      await expect.poll(() => frames.join('')).toMatch(/"phase":"compare"/)
      const events = frames
        .join('')
        .split('\n\n')
        .filter((f) => f.startsWith('event: progress\n'))
        .map((f) => JSON.parse(f.slice(f.indexOf('data: ') + 6)))
      expect(events.every((e) => e.handler === 'exchange.previewImport')).toBe(true)
      expect(events[0]).toMatchObject({ phase: 'read', file: 'danh-sach-sach.xlsx', done: 0, total: null })
      expect(events).toContainEqual(expect.objectContaining({ phase: 'parse', sheet: 'HTX', done: 6, total: 6 }))
    } finally {
      stream.destroy()
    }
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` }
    for (const host of ['evil.example:80', `evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`]) {
      const res = await raw('POST', '/api/office.info', { ...headers, host }, '{}')
      expect(res.status, host).toBe(403)
      expect(JSON.parse(res.text).ok).toBe(false)
    }
    expect((await raw('GET', '/', { host: 'evil.example' })).status).toBe(403)
    expect((await raw('POST', '/api/office.info', { ...headers, host: `localhost:${bridge.port}` }, '{}')).status).toBe(200)
  })

  it('answers only POST on the API and only GET/HEAD for files', async () => {
    expect((await raw('GET', '/api/office.info', { authorization: `Bearer ${bridge.token}` })).status).toBe(405)
    expect((await raw('PUT', '/index.html')).status).toBe(405)
    const head = await raw('HEAD', '/')
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
  })

  it('serves the app with the bridge client before it, a CSP and no path traversal', async () => {
    const index = await raw('GET', '/')
    expect(index.status).toBe(200)
    expect(index.text).toContain('<script src="/bridge-client.js"></script>')
    expect(index.text.indexOf('/bridge-client.js')).toBeLessThan(index.text.indexOf('type="module"'))
    // The header says what the page's own meta tag says, and forbids framing.
    const meta = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8')
    expect(index.headers['content-security-policy']).toBe(cspFrom(meta))
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self';/)
    expect(index.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(index.headers['content-security-policy']).not.toMatch(/unsafe-eval/)
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['cache-control']).toBe('no-store')
    expect((await raw('GET', '/index.html')).text).toContain('/bridge-client.js')
    const client = await raw('GET', '/bridge-client.js')
    expect(client.text).toContain('window.api')
    const traversals = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/../../secret.txt',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e/secret.txt',
      '/app.js%00.png',
      '//etc/passwd'
    ]
    for (const path of traversals) {
      const res = await raw('GET', path)
      expect([400, 403, 404], path).toContain(res.status)
      expect(res.text, path).not.toContain('bí mật')
      expect(res.text, path).not.toContain('root:')
    }
    const app = await raw('GET', '/app.js')
    expect(app.headers['content-type']).toMatch(/^text\/javascript/)
    expect(app.headers['x-content-type-options']).toBe('nosniff')
    expect((await raw('GET', '/nothing-here.js')).status).toBe(404)
  })
})

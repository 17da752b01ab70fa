import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../src/main/bridge'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
let bridge: Bridge

beforeAll(async () => {
  core = await officeCore()
  const staticDir = join(core.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head><body></body></html>')
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
    const req = request({ host: '127.0.0.1', port: bridge.port, method, path, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, text }))
    })
    req.on('error', fail)
    if (body !== undefined) req.write(body)
    req.end()
  })
}
const call = (name: string, input: unknown, token = bridge.token) =>
  raw('POST', `/api/${name}`, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, JSON.stringify(input))

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in its fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers API calls with the token as envelopes from the real core', async () => {
    const res = await call('office.info', {})
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { configured: true, unit: { code: '178' } } })
    const made = JSON.parse((await call('entity.create', { kind: 'htx', name: 'HTX Qua cầu nối' })).text)
    expect(made).toMatchObject({ ok: true, value: { name: 'HTX Qua cầu nối' } })
  })

  it('refuses calls without the token or with a wrong one, writing nothing', async () => {
    expect((await raw('POST', '/api/office.info', { 'content-type': 'application/json' }, '{}')).status).toBe(401)
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
    const notJson = await raw('POST', '/api/office.info', { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` }, '{nope')
    expect(notJson.status).toBe(400)
    const big = await raw('POST', '/api/office.info', { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` }, 'x'.repeat(11 * 1024 * 1024))
    expect(big.status).toBe(413)
    expect((await raw('POST', '/api/office.info', { 'content-type': 'text/plain', authorization: `Bearer ${bridge.token}` }, '{}')).status).toBe(415)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw('POST', '/api/office.info', { host: 'evil.example:80', 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` }, '{}')
    expect(res.status).toBe(403)
  })

  it('serves the app with the bridge client before it, a CSP and no path traversal', async () => {
    const index = await raw('GET', '/')
    expect(index.status).toBe(200)
    expect(index.text.indexOf('/bridge-client.js')).toBeLessThan(index.text.indexOf('type="module"'))
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(index.headers['content-security-policy']).not.toMatch(/unsafe-eval/)
    const client = await raw('GET', '/bridge-client.js')
    expect(client.text).toContain('window.api')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await raw('GET', path)
      expect(res.text, path).not.toContain('bí mật')
    }
    expect((await raw('GET', '/app.js')).headers['content-type']).toMatch(/javascript/)
  })
})

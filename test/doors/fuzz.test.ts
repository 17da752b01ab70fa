/**
 * Every handler, through the core's dispatch and through the bridge, fed random
 * and malformed input: only typed AppErrors may come back, never a crash, a
 * stack trace or an INTERNAL error (which would mean an unchecked path).
 */
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_NAMES, apiContract } from '../../src/shared/api'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import { startBridge, type Bridge } from '../../src/main/bridge'
import { officeCore } from '../helpers/temp'

const EXPECTED: ErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'STALE', 'ALREADY_EXISTS', 'UNKNOWN_HANDLER', 'FORBIDDEN', 'NOT_CONFIGURED']

/** A small deterministic generator, so a failure can be replayed by its seed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

const WEIRD: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'x',
  'a'.repeat(5000),
  '\u0000',
  '\ud800',
  '1.500.000',
  '31/02/2024',
  '2024-13-45',
  '../../etc/passwd',
  'Hợp tác xã',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "'; drop table entities; --",
  [],
  [1, 2],
  {},
  { __proto__: { polluted: true } },
  { a: { b: { c: [] } } }
]

function randomValue(next: () => number, depth = 0): unknown {
  const r = next()
  if (depth < 3 && r < 0.08) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1))
  if (depth < 3 && r < 0.16) return randomObject(next, [], depth + 1)
  return WEIRD[Math.floor(next() * WEIRD.length)]
}

/** An object with some of the handler's own keys (so validation goes deep) and some stray ones. */
function randomObject(next: () => number, keys: string[], depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) if (next() < 0.7) out[key] = randomValue(next, depth)
  if (next() < 0.3) out[['__proto__', 'constructor', 'extra', 'id'][Math.floor(next() * 4)]] = randomValue(next, depth)
  return out
}

function keysOf(name: (typeof API_NAMES)[number]): string[] {
  const schema = apiContract[name].input as unknown as { shape?: Record<string, unknown> }
  return Object.keys(schema.shape ?? {})
}

function inputs(name: (typeof API_NAMES)[number], seed: number, count: number): unknown[] {
  const next = rng(seed)
  return Array.from({ length: count }, (_, i) => (i % 5 === 0 ? randomValue(next) : randomObject(next, keysOf(name))))
}

let core: Awaited<ReturnType<typeof officeCore>>
let bridge: Bridge
beforeAll(async () => {
  core = await officeCore()
  await core.call('entity.create', { kind: 'htx', name: 'HTX Mồi cho phép thử' })
  const staticDir = join(core.dir, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<html></html>')
  bridge = await startBridge(core, { staticDir })
})
afterAll(async () => {
  await bridge.close()
  await core.dispose()
})

function post(path: string, body: string, token = bridge.token) {
  return new Promise<{ status: number; text: string }>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => done({ status: res.statusCode!, text }))
      }
    )
    req.on('error', fail)
    req.end(body)
  })
}

describe('fuzzing every handler', () => {
  it('through the core: each call succeeds or fails with an expected AppError', async () => {
    const seen = new Set<string>()
    for (const [n, name] of API_NAMES.entries()) {
      for (const input of inputs(name, 1000 + n, 60)) {
        try {
          await core.dispatch(name, input)
        } catch (err) {
          expect(err, `${name} ${JSON.stringify(input)?.slice(0, 200)}`).toBeInstanceOf(AppError)
          expect(EXPECTED, `${name} → ${(err as AppError).code}: ${(err as Error).message}`).toContain((err as AppError).code)
          expect((err as Error).message).not.toMatch(/\n\s+at /)
          seen.add((err as AppError).code)
        }
      }
    }
    expect(seen.has('VALIDATION')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 120_000)

  it('through the bridge: every answer is a JSON envelope, never a 500', async () => {
    const next = rng(7)
    const names = [...API_NAMES, 'entity.drop', '', '__proto__', 'office.info/../x', 'a'.repeat(300)]
    for (let i = 0; i < 300; i++) {
      const name = names[Math.floor(next() * names.length)]
      const body = next() < 0.1 ? '{"unterminated' : (JSON.stringify(randomValue(next)) ?? '')
      const res = await post(`/api/${encodeURIComponent(name)}`, body)
      expect(res.status, `${name} ${body.slice(0, 100)}`).not.toBe(500)
      const envelope = JSON.parse(res.text)
      if (!envelope.ok) expect(EXPECTED).toContain(envelope.error.code)
    }
    // And nothing at all without the token.
    expect((await post('/api/entity.create', '{"kind":"htx","name":"HTX Không vé"}', 'sai')).status).toBe(401)
  }, 120_000)
})

/**
 * The loopback HTTP door: the same UI in a browser, with the real core behind
 * `window.api`. Bound to 127.0.0.1 only, every API call needs the random token,
 * and the Host header must name this port (no DNS rebinding). The core's events
 * (progress) flow on GET /events, a Server-Sent Events stream that needs the
 * same token in its Authorization header (read with fetch, so the token never
 * goes into a URL); each event goes to every open stream of this one-user door.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { IMPORT_MAX_BYTES, REQUEST_MAX_BYTES } from '../shared/api'
import type { AppErrorData, Envelope } from '../shared/errors'
import type { AppEvents, EventChannel } from '../shared/events'
import { BRIDGE_CLIENT_JS } from './bridge-client'
import { invokeEnvelope, type Core } from './core/api'

/** The policy of the page's own meta tag (src/renderer/index.html), plus what only a header can say. */
export function cspFrom(html: string): string | null {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  return meta ? `${meta[1].trim()}; frame-ancestors 'none'` : null
}

/** Used when the served index.html has no meta policy of its own: the same words as src/renderer/index.html. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; " +
  "frame-ancestors 'none'"

/** The contract's own limit: one file at IMPORT_MAX_BYTES as base64 in its envelope gets through, nothing much bigger. */
const MAX_BODY = REQUEST_MAX_BYTES
const TOO_LARGE = `Dữ liệu gửi lên quá lớn (một tệp tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

export interface BridgeOptions {
  staticDir: string
  port?: number
  token?: string
}

export interface Bridge {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, headers(type, extra))
  res.end(body)
}

function headers(type: string, extra: Record<string, string>): Record<string, string> {
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': CSP,
    'cache-control': 'no-store',
    ...extra
  }
}

function refuse(res: ServerResponse, status: number, error: AppErrorData): void {
  const envelope: Envelope<never> = { ok: false, error }
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8')
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

/** Constant time whatever the length: both sides are hashed to 32 bytes first. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected)) && given.length === expected.length
}

/** The body, or null past the limit; an oversized body is drained, not kept, so the answer still arrives. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => done(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}

export async function startBridge(core: Core, options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const root = resolve(options.staticDir)
  let csp = CSP
  try {
    csp = cspFrom(readFileSync(join(root, 'index.html'), 'utf8')) ?? CSP
  } catch {
    // No index.html yet: the API still works, pages answer 404.
  }
  let port = 0
  const streams = new Set<ServerResponse>()

  function authorized(req: IncomingMessage, res: ServerResponse): boolean {
    const auth = req.headers.authorization ?? ''
    if (auth.startsWith('Bearer ') && sameToken(auth.slice(7), token)) return true
    refuse(res, 401, { code: 'FORBIDDEN', message: 'Thiếu hoặc sai mã truy cập của cầu nối.' })
    return false
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    if (!authorized(req, res)) return
    res.writeHead(200, headers('text/event-stream; charset=utf-8', {}))
    res.write(': sẵn sàng\n\n')
    streams.add(res)
    req.on('close', () => streams.delete(res))
  }

  function broadcast<C extends EventChannel>(channel: C, data: AppEvents[C]): void {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(data)}\n\n`
    for (const stream of streams) stream.write(frame)
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!authorized(req, res)) return
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, { code: 'VALIDATION', message: 'Yêu cầu phải gửi dữ liệu JSON.' })
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      req.resume()
      return refuse(res, 413, { code: 'VALIDATION', message: TOO_LARGE })
    }
    const body = await readBody(req)
    if (body === null) return refuse(res, 413, { code: 'VALIDATION', message: TOO_LARGE })
    let input: unknown
    try {
      input = body === '' ? {} : JSON.parse(body)
    } catch {
      return refuse(res, 400, { code: 'VALIDATION', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' })
    }
    // Requests that came in with this one are read first: a file of the page is answered at once, while
    // a call can hold the core for a while (the register's first screenful), and the page needs both.
    await new Promise((next) => setImmediate(next))
    const envelope = await invokeEnvelope(core, name, input, { progress: (p) => broadcast('progress', p) })
    send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8')
  }

  async function file(res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/bridge-client.js') return send(res, 200, BRIDGE_CLIENT_JS, TYPES['.js'])
    const relative = pathname === '/' ? 'index.html' : pathname.slice(1)
    const target = normalize(join(root, relative))
    if (target !== root && !target.startsWith(root + sep)) return send(res, 403, 'Không được phép.', 'text/plain; charset=utf-8')
    let content: Buffer
    try {
      // Read at once, not in the thread pool: the page's script must not wait behind an API call
      // that arrived a moment later and holds the core (a first screenful of a big register).
      content = readFileSync(target)
    } catch {
      return send(res, 404, 'Không tìm thấy.', 'text/plain; charset=utf-8')
    }
    if (relative === 'index.html') {
      // The bridge client must define window.api before the app's module runs.
      const html = content
        .toString('utf8')
        .replace('<script type="module"', '<script src="/bridge-client.js"></script>\n    <script type="module"')
      return send(res, 200, html, TYPES['.html'], { 'content-security-policy': csp })
    }
    send(res, 200, content, TYPES[extname(target)] ?? 'application/octet-stream', { 'cache-control': 'public, max-age=3600' })
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (!isLoopback(req.socket.remoteAddress))
        return refuse(res, 403, { code: 'FORBIDDEN', message: 'Chỉ nhận kết nối từ chính máy này.' })
      const host = req.headers.host ?? ''
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        return refuse(res, 403, { code: 'FORBIDDEN', message: 'Tên máy trong yêu cầu không đúng.' })
      }
      let pathname: string
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
      } catch {
        return send(res, 400, 'Đường dẫn không hợp lệ.', 'text/plain; charset=utf-8')
      }
      if (pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, { code: 'VALIDATION', message: 'Chỉ nhận POST.' })
        return api(req, res, pathname.slice(5))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Không được phép.', 'text/plain; charset=utf-8')
      if (pathname === '/events') return events(req, res)
      return file(res, pathname)
    })().catch(() => {
      if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL', message: 'Đã có lỗi không mong đợi.' })
    })
  })

  await new Promise<void>((ready, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ready())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

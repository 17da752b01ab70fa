/**
 * The Electron security checklist in one place: what the window may do, where it
 * may go, and which page counts as "the app". Only electron *types* are imported,
 * so the IPC door can share `isAppUrl` and tests can drive these with fakes.
 */
import type { Session, WebContents, WebPreferences } from 'electron'

/** The same policy as the meta tag in src/renderer/index.html (a test keeps them equal). */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"

/**
 * The dev server's HMR websocket and React's refresh preamble need what the
 * electron-vite config's `relax-csp-for-dev-server` plugin allows, and only in dev.
 */
export function cspFor(dev: boolean): string {
  return dev
    ? CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:")
    : CSP
}

export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools,
    spellcheck: false
  }
}

/**
 * The electron-vite dev server, trusted only when unpackaged and only on this
 * machine: a packaged app or an odd ELECTRON_RENDERER_URL loads the built files.
 */
export function devServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') ? url.href : null
  } catch {
    return null
  }
}

/** The built page (same file, any hash) or, in dev, the dev server's origin. */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  try {
    const url = new URL(candidate)
    const app = new URL(appUrl)
    // Install folders like "Sổ HTX" are percent-encoded by Node and by Chromium, each in its own way.
    if (app.protocol === 'file:')
      return url.protocol === 'file:' && url.host === app.host && decodeURIComponent(url.pathname) === decodeURIComponent(app.pathname)
    return url.origin === app.origin
  } catch {
    return false
  }
}

/** No navigation away, no pop-ups, no <webview>: the window only ever shows the app. */
export function installContentsSecurity(contents: WebContents, appUrl: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

const NETWORK = new Set(['http:', 'https:', 'ws:', 'wss:'])

/**
 * No camera, notifications, geolocation…; no request leaves for the network
 * (except the local dev server); every response carries the CSP header. The
 * built page is a file:// load, where the meta tag is what applies.
 */
export function installSessionSecurity(ses: Session, appUrl: string): void {
  const dev = !appUrl.startsWith('file:')
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => {
    let remote = false
    try {
      const url = new URL(details.url)
      remote = NETWORK.has(url.protocol) && !(dev && url.host === new URL(appUrl).host)
    } catch {
      remote = true
    }
    callback({ cancel: remote })
  })
  const policy = cspFor(dev)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {}
    for (const [key, value] of Object.entries(details.responseHeaders ?? {})) {
      if (key.toLowerCase() !== 'content-security-policy') headers[key] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
}

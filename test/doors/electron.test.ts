/**
 * The Electron door without Electron: the `electron` module is replaced by fakes
 * that record what the shell asks of it, and the recorded handlers are called to
 * check that they refuse what they must. The IPC handlers run on a real core.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { API_NAMES } from '../../src/shared/api'
import { tempDir } from '../helpers/temp'

type Listener = (...args: any[]) => any

const fake = vi.hoisted(() => {
  const listeners = () => new Map<string, Array<(...args: any[]) => any>>()
  const state = {
    windows: [] as any[],
    handles: new Map<string, (...args: any[]) => any>(),
    exposed: new Map<string, unknown>(),
    appEvents: listeners(),
    userData: '',
    lock: true,
    isPackaged: false,
    menu: null as any,
    errorBoxes: [] as Array<[string, string]>,
    messageBoxes: [] as any[],
    quit: 0,
    exitCode: null as number | null,
    session: null as any
  }
  const on = (map: Map<string, Array<(...args: any[]) => any>>) => (event: string, fn: (...args: any[]) => any) => {
    map.set(event, [...(map.get(event) ?? []), fn])
  }
  function makeSession() {
    const s: any = { handlers: {} }
    s.setPermissionRequestHandler = (fn: any) => (s.handlers.request = fn)
    s.setPermissionCheckHandler = (fn: any) => (s.handlers.check = fn)
    s.webRequest = {
      onBeforeRequest: (fn: any) => (s.handlers.beforeRequest = fn),
      onHeadersReceived: (fn: any) => (s.handlers.headers = fn)
    }
    return s
  }
  class FakeWebContents {
    events = listeners()
    openHandler: ((details: unknown) => unknown) | null = null
    on = on(this.events)
    setWindowOpenHandler(fn: (details: unknown) => unknown) {
      this.openHandler = fn
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.events.get(event) ?? []) fn(...args)
    }
  }
  class FakeBrowserWindow {
    events = listeners()
    webContents = new FakeWebContents()
    loaded: { file?: string; url?: string } = {}
    shown = 0
    focused = 0
    restored = 0
    minimized = false
    constructor(public options: any) {
      state.windows.push(this)
    }
    on = on(this.events)
    once = on(this.events)
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.events.get(event) ?? []) fn(...args)
    }
    loadFile(file: string) {
      this.loaded.file = file
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.loaded.url = url
      return Promise.resolve()
    }
    show() {
      this.shown++
    }
    focus() {
      this.focused++
    }
    restore() {
      this.restored++
    }
    isMinimized() {
      return this.minimized
    }
  }
  const app = {
    get isPackaged() {
      return state.isPackaged
    },
    requestSingleInstanceLock: () => state.lock,
    on: on(state.appEvents),
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? state.userData : '/nowhere'),
    getVersion: () => '0.1.0',
    quit: () => {
      state.quit++
    },
    exit: (code: number) => {
      state.exitCode = code
    }
  }
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, fn: (...args: any[]) => any) => state.handles.set(channel, fn) },
    // An object with a getter: vi.mock's spread copies it, each test's session stays visible.
    session: {
      get defaultSession() {
        return state.session
      }
    },
    dialog: {
      showErrorBox: (title: string, content: string) => state.errorBoxes.push([title, content]),
      showMessageBox: (...args: unknown[]) => {
        state.messageBoxes.push(args)
        return Promise.resolve({ response: 0 })
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (state.menu = menu)
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => state.exposed.set(key, value) },
    ipcRenderer: { invoke: null as any, on: null as any, removeListener: null as any }
  }
  function reset() {
    state.windows.length = 0
    state.handles.clear()
    state.appEvents.clear()
    state.lock = true
    state.isPackaged = false
    state.menu = null
    state.errorBoxes.length = 0
    state.messageBoxes.length = 0
    state.quit = 0
    state.exitCode = null
    state.session = makeSession()
  }
  reset()
  return { state, electron, reset, makeSession }
})

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }))

const shell = await import('../../src/main/index')
const { bindIpc } = await import('../../src/main/ipc')
const security = await import('../../src/main/security')
const { createCore } = await import('../../src/main/core/api')

const root = join(__dirname, '../..')
const FILE_APP = pathToFileURL(join(root, 'out/renderer/index.html')).href
const DEV_APP = 'http://localhost:5173/'

function trusted(url = FILE_APP) {
  return { senderFrame: { url, parent: null } }
}

function appEvent(name: string, ...args: unknown[]) {
  for (const fn of fake.state.appEvents.get(name) ?? []) fn(...args)
}

beforeEach(() => fake.reset())

describe('the main window', () => {
  it('is created locked down: isolation, sandbox, no Node, web security, the built preload', () => {
    const win = shell.createMainWindow(FILE_APP) as any
    const prefs = win.options.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: true
    })
    expect(prefs.preload.replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/)
    expect(win.options.title).toBe('Sổ HTX')
    expect(win.options.show).toBe(false)
    expect(win.loaded.file.replace(/\\/g, '/')).toMatch(/\/renderer\/index\.html$/)
    expect(win.shown).toBe(0)
    win.emit('ready-to-show')
    expect(win.shown).toBe(1)
  })

  it('has no developer tools once packaged', () => {
    fake.state.isPackaged = true
    const win = shell.createMainWindow(FILE_APP) as any
    expect(win.options.webPreferences.devTools).toBe(false)
  })

  it('stays on the app: navigation elsewhere, pop-ups and webviews are refused', () => {
    const win = shell.createMainWindow(FILE_APP) as any
    const wc = win.webContents
    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() }
      wc.emit(event, e, url)
      return e.preventDefault.mock.calls.length > 0
    }
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(navigate('will-navigate', pathToFileURL(join(root, 'out/renderer/other.html')).href)).toBe(true)
    expect(navigate('will-redirect', 'http://localhost:5173/')).toBe(true)
    expect(navigate('will-navigate', `${FILE_APP}#/registry`)).toBe(false)
    const attach = { preventDefault: vi.fn() }
    wc.emit('will-attach-webview', attach, {}, {})
    expect(attach.preventDefault).toHaveBeenCalled()
    expect(wc.openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('knows its own page however the install path is encoded', () => {
    const installed = pathToFileURL('/opt/Sổ HTX/resources/app.asar/out/renderer/index.html').href
    expect(security.isAppUrl('file:///opt/S%E1%BB%95%20HTX/resources/app.asar/out/renderer/index.html#/', installed)).toBe(true)
    expect(security.isAppUrl('file:///opt/Sổ HTX/resources/app.asar/out/renderer/index.html', installed)).toBe(true)
    expect(security.isAppUrl('file:///opt/S%E1%BB%95%20HTX/resources/app.asar/out/renderer/evil.html', installed)).toBe(false)
    expect(security.isAppUrl('file://server/opt/Sổ HTX/resources/app.asar/out/renderer/index.html', installed)).toBe(false)
    expect(security.isAppUrl('file:///opt/%E0%A4%A/index.html', installed)).toBe(false)
    expect(security.isAppUrl('not a url', installed)).toBe(false)
  })

  it('loads the dev server only when unpackaged and on this machine', () => {
    const win = shell.createMainWindow(DEV_APP) as any
    expect(win.loaded.url).toBe(DEV_APP)
    expect(win.loaded.file).toBeUndefined()
    expect(security.devServerUrl('http://localhost:5173', false)).toBe(DEV_APP)
    expect(security.devServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/')
    expect(security.devServerUrl('http://localhost:5173', true)).toBeNull()
    expect(security.devServerUrl('http://evil.example:5173', false)).toBeNull()
    expect(security.devServerUrl('https://localhost:5173', false)).toBeNull()
    expect(security.devServerUrl('not a url', false)).toBeNull()
    expect(security.devServerUrl(undefined, false)).toBeNull()
  })

  it('uses ELECTRON_RENDERER_URL in dev and the built file when packaged', () => {
    const saved = process.env.ELECTRON_RENDERER_URL
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    try {
      expect(shell.appUrl()).toBe(DEV_APP)
      fake.state.isPackaged = true
      expect(shell.appUrl()).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL
      else process.env.ELECTRON_RENDERER_URL = saved
    }
  })
})

describe('the session', () => {
  it('denies every permission request and check', () => {
    const ses = fake.makeSession()
    security.installSessionSecurity(ses, FILE_APP)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      ses.handlers.request({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(ses.handlers.check({}, permission, FILE_APP, {})).toBe(false)
    }
  })

  it('puts the strict CSP header on responses, replacing any other', () => {
    const ses = fake.makeSession()
    security.installSessionSecurity(ses, FILE_APP)
    const callback = vi.fn()
    ses.handlers.headers({ url: FILE_APP, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback)
    const headers = callback.mock.calls[0][0].responseHeaders as Record<string, string[]>
    const csp = Object.entries(headers).filter(([k]) => k.toLowerCase() === 'content-security-policy')
    expect(csp).toHaveLength(1)
    const policy = csp[0][1].join(';')
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain("script-src 'self' 'unsafe-inline'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toContain("object-src 'none'")
    expect(headers['X-Other']).toEqual(['1'])
  })

  it('in dev relaxes only what the dev server needs, never eval', () => {
    const ses = fake.makeSession()
    security.installSessionSecurity(ses, DEV_APP)
    const callback = vi.fn()
    ses.handlers.headers({ url: DEV_APP, responseHeaders: {} }, callback)
    const policy = callback.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0] as string
    expect(policy).toContain("connect-src 'self' ws:")
    expect(policy).not.toContain('unsafe-eval')
  })

  it('uses the same policy as the meta tag of the page', () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta?.[1]).toBe(security.CSP)
  })

  it('lets no request reach the network, except the dev server in dev', () => {
    const cancelled = (appUrl: string, url: string) => {
      const ses = fake.makeSession()
      security.installSessionSecurity(ses, appUrl)
      const callback = vi.fn()
      ses.handlers.beforeRequest({ url }, callback)
      return callback.mock.calls[0][0].cancel as boolean
    }
    expect(cancelled(FILE_APP, 'https://example.com/x.js')).toBe(true)
    expect(cancelled(FILE_APP, 'http://localhost:5173/')).toBe(true)
    expect(cancelled(FILE_APP, `${FILE_APP.replace('index.html', 'assets/index.js')}`)).toBe(false)
    expect(cancelled(FILE_APP, 'data:image/png;base64,AAAA')).toBe(false)
    expect(cancelled(DEV_APP, 'http://localhost:5173/src/main.tsx')).toBe(false)
    expect(cancelled(DEV_APP, 'ws://localhost:5173/')).toBe(false)
    expect(cancelled(DEV_APP, 'http://localhost:9999/')).toBe(true)
  })
})

describe('the IPC door', () => {
  let dispose: () => Promise<void> = async () => {}
  async function boundCore() {
    const { dir, cleanup } = tempDir()
    const core = await createCore({ dbPath: join(dir, 'so-htx.db'), user: 'Nguyễn Thị Lan' })
    dispose = async () => {
      await core.close()
      cleanup()
    }
    const ipc = { handle: vi.fn((channel: string, fn: Listener) => fake.state.handles.set(channel, fn)) }
    const channels = bindIpc(ipc as any, core, FILE_APP)
    return { ipc, channels }
  }
  afterEach(() => dispose())

  it('binds every handler of the contract, once each', async () => {
    const { ipc, channels } = await boundCore()
    const bound = ipc.handle.mock.calls.map((c) => c[0])
    expect(API_NAMES.length).toBeGreaterThan(10)
    expect(new Set(bound).size).toBe(bound.length)
    expect(bound.sort()).toEqual(API_NAMES.map((n) => `api:${n}`).sort())
    expect(channels.sort()).toEqual(bound)
  })

  it('answers the app with the core envelope, validation included', async () => {
    await boundCore()
    const info = fake.state.handles.get('api:office.info')!
    const ok = await info(trusted(`${FILE_APP}#/`), {})
    expect(ok.ok).toBe(true)
    expect(ok.value).toBeTypeOf('object')
    const bad = await info(trusted(), { bogus: 1 })
    expect(bad.ok).toBe(false)
    expect(bad.error.code).toBe('VALIDATION')
    expect(bad.error.message).toMatch(/hợp lệ.*bogus/)
    const list = await fake.state.handles.get('api:entity.list')!(trusted(), { limit: 'many' })
    expect(list).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses a foreign page, a frame inside the app, and a vanished frame', async () => {
    await boundCore()
    const info = fake.state.handles.get('api:office.info')!
    for (const event of [
      trusted('https://evil.example/'),
      trusted('file:///tmp/evil.html'),
      trusted(DEV_APP),
      { senderFrame: { url: FILE_APP, parent: { url: FILE_APP } } },
      { senderFrame: null }
    ]) {
      const answer = await info(event, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})

describe('main()', () => {
  let cleanup = () => {}
  beforeEach(() => {
    const dir = tempDir()
    fake.state.userData = dir.dir
    cleanup = dir.cleanup
  })
  afterEach(() => cleanup())

  it('opens the office file in user data, binds IPC, shows one window, closes the core on quit', async () => {
    await shell.main()
    expect(existsSync(join(fake.state.userData, 'so-htx.db'))).toBe(true)
    expect(fake.state.handles.size).toBe(API_NAMES.length)
    expect(fake.state.windows).toHaveLength(1)
    expect(fake.state.session.handlers.check({}, 'media')).toBe(false)
    expect(fake.state.errorBoxes).toEqual([])

    const answer = await fake.state.handles.get('api:office.info')!(trusted(shell.appUrl()), {})
    expect(answer.ok).toBe(true)

    const win = fake.state.windows[0]
    win.minimized = true
    appEvent('second-instance')
    expect(win.restored).toBe(1)
    expect(win.focused).toBe(1)

    const quitting = { preventDefault: vi.fn() }
    appEvent('will-quit', quitting)
    expect(quitting.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.state.quit).toBe(1))
    const afterClose = await fake.state.handles.get('api:office.info')!(trusted(shell.appUrl()), {})
    expect(afterClose.ok).toBe(false)
    // The second will-quit (from the app.quit above) lets the app go.
    const again = { preventDefault: vi.fn() }
    appEvent('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('has a small Vietnamese menu with the edit roles', async () => {
    await shell.main()
    const template = fake.state.menu.template as any[]
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp'])
    expect(template[0].submenu).toEqual([{ role: 'quit', label: 'Thoát' }])
    const roles = template[1].submenu.map((i: any) => i.role).filter(Boolean)
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    const about = template[3].submenu[0]
    expect(about.label).toBe('Giới thiệu')
    about.click()
    expect(JSON.stringify(fake.state.messageBoxes)).toContain('Sổ HTX')
    appEvent('will-quit', { preventDefault() {} })
  })

  it('leaves reload and developer tools out of the packaged menu', async () => {
    fake.state.isPackaged = true
    await shell.main()
    expect((fake.state.menu.template as any[]).map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Trợ giúp'])
    appEvent('will-quit', { preventDefault() {} })
  })

  it('a second instance quits at once, leaving the first one', async () => {
    fake.state.lock = false
    await shell.main()
    expect(fake.state.quit).toBe(1)
    expect(fake.state.windows).toHaveLength(0)
    expect(fake.state.handles.size).toBe(0)
  })

  it('a file that cannot be opened is told in Vietnamese, without a stack, and no window opens', async () => {
    writeFileSync(join(fake.state.userData, 'so-htx.db'), 'đây không phải là SQLite '.repeat(200))
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await shell.main()
    } finally {
      quiet.mockRestore()
    }
    expect(fake.state.errorBoxes).toHaveLength(1)
    const [title, message] = fake.state.errorBoxes[0]
    expect(title).toContain('không mở được dữ liệu')
    expect(message).toContain('so-htx.db')
    expect(message).toMatch(/tệp dữ liệu/i)
    expect(message).not.toMatch(/\n\s+at /)
    expect(message).not.toMatch(/SqliteError|Error:/)
    expect(fake.state.exitCode).toBe(1)
    expect(fake.state.windows).toHaveLength(0)
    expect(fake.state.handles.size).toBe(0)
  })

  it('a damaged file with a good backup still opens the window, which offers the copy and reopens on it', async () => {
    const path = join(fake.state.userData, 'so-htx.db')
    const made = await createCore({ dbPath: path, user: 'Nguyễn Thị Lan' })
    await made.call('office.setup', { unitCode: '178' })
    await made.call('entity.create', { kind: 'htx', name: 'HTX Sao Lưu' })
    await made.call('backup.create', {})
    await made.close()
    writeFileSync(path, 'đây không phải là SQLite '.repeat(200))
    await shell.main()
    expect(fake.state.errorBoxes).toEqual([])
    expect(fake.state.windows).toHaveLength(1)
    const info = await fake.state.handles.get('api:office.info')!(trusted(shell.appUrl()), {})
    expect(info).toMatchObject({ ok: false, error: { code: 'CORRUPT', details: { startup: { backup: { reason: 'manual' } } } } })
    const recovered = await fake.state.handles.get('api:backup.recoverAtStart')!(trusted(shell.appUrl()), {})
    expect(recovered).toMatchObject({ ok: true, value: { configured: true, counts: { entities: 1 } } })
    expect(readdirSync(fake.state.userData).some((f) => f.startsWith('so-htx.db.hong-'))).toBe(true)
    appEvent('will-quit', { preventDefault() {} })
    await vi.waitFor(() => expect(fake.state.quit).toBe(1))
  })
})

describe('the preload', () => {
  it('exposes exactly window.api with exactly invoke and on, forwarding to api:<name>', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }))
    fake.electron.ipcRenderer.invoke = invoke
    fake.state.exposed.clear()
    vi.resetModules()
    await import('../../src/preload/index')
    expect([...fake.state.exposed.keys()]).toEqual(['api'])
    const api = fake.state.exposed.get('api') as Record<string, any>
    expect(Object.keys(api)).toEqual(['invoke', 'on'])
    expect(api.invoke).toBeTypeOf('function')

    const input = { search: 'hop tac xa' }
    expect(await api.invoke('entity.list', input)).toEqual({ ok: true, value: { channel: 'api:entity.list', input } })
    expect(invoke).toHaveBeenLastCalledWith('api:entity.list', input)

    // Every real handler passes the preload's name check.
    for (const name of API_NAMES) await api.invoke(name, {})
    expect(invoke).toHaveBeenCalledTimes(1 + API_NAMES.length)

    for (const bad of ['Entity.list', 'entity', 'entity.list;x', '../entity.list', 'entity..list', 'a.b'.repeat(60), 42, null, undefined]) {
      const answer = await api.invoke(bad, {})
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } })
    }
    expect(invoke).toHaveBeenCalledTimes(1 + API_NAMES.length)

    invoke.mockRejectedValueOnce(new Error("No handler registered for 'api:nothing.here'"))
    expect(await api.invoke('nothing.here', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } })
  })
})

describe('events', () => {
  it('the preload listens to event:progress only, hands the page the data alone, and stops on request', async () => {
    const listeners = new Map<string, Listener[]>()
    fake.electron.ipcRenderer.on = vi.fn((channel: string, fn: Listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]))
    fake.electron.ipcRenderer.removeListener = vi.fn((channel: string, fn: Listener) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((f) => f !== fn)
      )
    )
    fake.state.exposed.clear()
    vi.resetModules()
    await import('../../src/preload/index')
    const api = fake.state.exposed.get('api') as Record<string, any>
    const got: unknown[] = []
    const stop = api.on('progress', (p: unknown) => got.push(p))
    expect([...listeners.keys()]).toEqual(['event:progress'])
    const sender = { id: 1, send: () => {} }
    for (const fn of listeners.get('event:progress')!) fn({ sender }, { phase: 'parse', done: 1, total: 2 })
    expect(got).toEqual([{ phase: 'parse', done: 1, total: 2 }])
    stop()
    expect(listeners.get('event:progress')).toEqual([])
    // Only known channels, only functions: anything else subscribes to nothing.
    for (const [channel, fn] of [
      ['api:office.info', () => {}],
      ['event:progress', () => {}],
      ['progress', 'x']
    ] as const) {
      expect(api.on(channel, fn)).toBeTypeOf('function')
    }
    expect(fake.electron.ipcRenderer.on).toHaveBeenCalledTimes(1)
  })

  it("the IPC door sends a call's progress to the asking window only, and not to one that has gone", async () => {
    const { dir, cleanup } = tempDir()
    const core = await createCore({ dbPath: join(dir, 'so-htx.db'), user: 'Nguyễn Thị Lan' })
    try {
      await core.call('office.setup', { unitCode: '178' })
      bindIpc({ handle: (channel: string, fn: Listener) => fake.state.handles.set(channel, fn) } as any, core, FILE_APP)
      const sent: Array<[string, any]> = []
      const window = { isDestroyed: () => false, send: (channel: string, data: unknown) => sent.push([channel, data]) }
      const base64 = readFileSync(join(root, 'test/fixtures/import/danh-sach-sach.xlsx')).toString('base64')
      const preview = fake.state.handles.get('api:exchange.previewImport')!
      const answer = await preview({ ...trusted(), sender: window }, { files: [{ name: 'danh-sach-sach.xlsx', base64 }] })
      expect(answer).toMatchObject({ ok: true, value: { totals: { created: 6 } } })
      expect(sent.length).toBeGreaterThanOrEqual(3)
      expect(sent.every(([channel, data]) => channel === 'event:progress' && data.handler === 'exchange.previewImport')).toBe(true)
      expect(sent.map(([, d]) => d.phase)).toEqual(expect.arrayContaining(['read', 'parse', 'compare']))
      const gone = { isDestroyed: () => true, send: vi.fn() }
      expect(await preview({ ...trusted(), sender: gone }, { files: [{ name: 'a.xlsx', base64 }] })).toMatchObject({ ok: true })
      expect(gone.send).not.toHaveBeenCalled()
    } finally {
      await core.close()
      cleanup()
    }
  })
})

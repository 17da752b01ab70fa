/**
 * What `electron-vite build` (run once by the global setup) produced, and the
 * packaging config: the properties Electron and electron-builder rely on that no
 * unit test of the sources would notice breaking.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import vm from 'node:vm'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { CSP } from '../../src/main/security'

const root = join(__dirname, '../..')
const out = (path: string) => readFileSync(join(root, 'out', path), 'utf8')
const requireHere = createRequire(join(root, 'package.json'))

describe('the preload bundle', () => {
  const code = out('preload/index.js')

  it('is one CommonJS script, as a sandboxed preload must be', () => {
    expect(existsSync(join(root, 'out/preload/index.mjs'))).toBe(false)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(() => new vm.Script(code, { filename: 'preload/index.js' })).not.toThrow()
  })

  it('needs only electron, and exposes only api.invoke and api.on when run', async () => {
    const required: string[] = []
    const exposed: Record<string, any> = {}
    const calls: unknown[][] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (calls.push(args), { ok: true, value: 1 }) }
    }
    const context = vm.createContext({
      require: (id: string) => {
        required.push(id)
        if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`)
        return electron
      },
      module: { exports: {} },
      exports: {},
      Promise
    })
    new vm.Script(code).runInContext(context)
    expect(required).toEqual(['electron'])
    expect(Object.keys(exposed)).toEqual(['api'])
    expect(Object.keys(exposed.api)).toEqual(['invoke', 'on'])
    expect(await exposed.api.invoke('office.info', {})).toEqual({ ok: true, value: 1 })
    expect(calls).toEqual([['api:office.info', {}]])
    // Tiny: had zod or shared runtime code been pulled in, it would weigh tens of kilobytes.
    expect(code.length).toBeLessThan(4000)
  })
})

describe('the main bundle', () => {
  const code = out('main/index.js')

  it('is CommonJS that requires electron and the native SQLite module, and bundles kysely and zod', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).toMatch(/require\(["']electron["']\)/)
    expect(code).toMatch(/require\(["']better-sqlite3["']\)/)
    expect(code).not.toMatch(/require\(["'](kysely|zod)(\/[^"']*)?["']\)/)
    expect(code).toMatch(/class Kysely\b/)
  })

  it('finds the preload and the page next to itself, with no build-machine paths', () => {
    expect(code).toMatch(/join\)?\(__dirname,\s*["']\.\.\/preload\/index\.js["']\)/)
    expect(code).toMatch(/join\)?\(__dirname,\s*["']\.\.\/renderer\/index\.html["']\)/)
    expect(code).not.toContain(root)
    expect(code).not.toContain(`${tmpdir()}/`)
    expect(code).not.toMatch(/["'`]\/(work|tmp|home|Users)\//)
  })

  it('starts the app only when Electron runs it', () => {
    expect(code).toMatch(/if \(process\.versions\.electron\) main\(\)/)
  })
})

describe('the import worker', () => {
  it('is emitted beside the main bundle, which starts it from there', () => {
    expect(existsSync(join(root, 'out/main/import-worker.js'))).toBe(true)
    expect(out('main/index.js')).toMatch(/["']import-worker\.js["']/)
    const code = out('main/import-worker.js')
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    expect(code).not.toMatch(/require\(["']electron["']\)/)
  })

  it('loads under plain Node and reads a workbook into tables, progress first', async () => {
    const worker = new Worker(join(root, 'out/main/import-worker.js'))
    try {
      const messages: any[] = []
      await new Promise<void>((done, fail) => {
        worker.on('error', fail)
        worker.on('message', (m) => {
          messages.push(m)
          if (m.type === 'done' || m.type === 'error') done()
        })
        worker.postMessage({ id: 7, files: [{ path: join(root, 'test/fixtures/import/danh-sach-sach.xlsx') }], mappings: {} })
      })
      expect(messages.every((m) => m.id === 7)).toBe(true)
      expect(messages.at(-1).type).toBe('done')
      expect(messages[0]).toMatchObject({ type: 'progress', progress: { phase: 'read', file: 'danh-sach-sach.xlsx', total: null } })
      // The file's skeleton first, then its rows in chunks per sheet and table (the window reads one while the next is sent).
      const file = JSON.parse(messages.find((m) => m.type === 'file').json)
      expect(file.name).toBe('danh-sach-sach.xlsx')
      const rowsOf = (sheet: number) =>
        messages
          .filter((m) => m.type === 'rows' && m.sheet === sheet && m.table === 0)
          .flatMap((m) => JSON.parse(m.json) as Array<{ state: string }>)
      expect(file.sheets.map((_: unknown, i: number) => rowsOf(i).filter((r) => r.state === 'new').length)).toEqual([5, 1])
    } finally {
      await worker.terminate()
    }
  })
})

describe('the page', () => {
  const html = out('renderer/index.html')

  it('carries the strict CSP meta tag, the one the shell also sends', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta).not.toBeNull()
    const policy = meta![1]
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).toMatch(/script-src 'self';/)
    expect(policy).toBe(CSP)
  })

  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).toMatch(/<script type="module"[^>]* src="\.\/assets\/[^"]+\.js"/)
  })
})

describe('electron-builder.yml', () => {
  const yaml = requireHere('js-yaml') as { load(text: string): any }
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))

  it('is a valid electron-builder configuration', async () => {
    const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config')
    const { DebugLogger } = requireHere('builder-util')
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined()
    // The check itself bites: an unknown key is refused.
    await expect(validateConfiguration({ ...structuredClone(config), nsis: { nonsense: 1 } }, new DebugLogger(false))).rejects.toThrow()
  })

  it('names the app and ships only the built files', () => {
    expect(config.appId).toBe('vn.sohtx.app')
    expect(config.productName).toBe('Sổ HTX')
    expect(config.directories.output).toBe('dist')
    expect(config.files).toContain('out/**')
    expect(config.files).toContain('package.json')
    expect(config.files.filter((p: string) => !p.startsWith('!') && /src|test|bench/.test(p))).toEqual([])
    expect(config.files.some((p: string) => p.startsWith('!') && p.includes('src') && p.includes('test') && p.includes('bench'))).toBe(true)
  })

  it('rebuilds better-sqlite3 for Electron and keeps its .node file outside the asar', () => {
    expect(config.npmRebuild).not.toBe(false)
    const { minimatch } = requireHere('minimatch') as { minimatch(path: string, pattern: string): boolean }
    const unpack = [config.asarUnpack].flat() as string[]
    expect(unpack.some((p) => minimatch('node_modules/better-sqlite3/build/Release/better_sqlite3.node', p))).toBe(true)
    expect(unpack.some((p) => minimatch('out/main/index.js', p))).toBe(false)
  })

  it('builds a Vietnamese per-user installer and a portable .exe for Windows', () => {
    const targets = (config.win.target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target))
    expect(targets).toEqual(expect.arrayContaining(['nsis', 'portable']))
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      shortcutName: 'Sổ HTX',
      language: '1066'
    })
    expect(config.nsis.installerLanguages).toEqual(['vi_VN'])
    expect(config.portable.artifactName).toMatch(/\.\$\{ext\}$/)
    expect(config.portable.artifactName).not.toBe(config.nsis.artifactName)
  })

  it('points at a 512×512 PNG icon', () => {
    for (const path of [config.win.icon, config.linux.icon]) {
      const png = readFileSync(join(root, path))
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    }
  })
})

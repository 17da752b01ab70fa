/**
 * `npm start`: with Electron's binary it launches through electron-vite and passes the
 * exit code on. Without it (this machine) it starts the browser preview on the file the
 * desktop app would open — so-htx.db in Electron's user data folder for «Sổ HTX» — and
 * prints the address (SO_HTX_NO_OPEN=1 here, so no browser is really opened); `--db`
 * chooses another file. Each preview is stopped by the test, and must stop serving.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDbPath } from '../../scripts/start.mjs'
import { tempDir } from '../helpers/temp'

const root = join(__dirname, '../..')
const ADDRESS = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/

function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env, SO_HTX_NO_OPEN: '1' }
  delete clean.ELECTRON_EXEC_PATH
  delete clean.ELECTRON_OVERRIDE_DIST_PATH
  return { ...clean, ...env }
}

/** Runs `npm start -- ARGS` until it prints the preview's address, asks office.info, then stops it. */
async function preview(env: Record<string, string | undefined>, args: string[]) {
  // --skipBuild (read as --no-build): the global setup already built out/, and rebuilding would race other files.
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--skipBuild', ...args], { cwd: root, env: cleanEnv(env) })
  let stdout = ''
  let stderr = ''
  const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
  try {
    const found = await new Promise<RegExpExecArray>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no address within 60 s\n${stdout}\n${stderr}`)), 60_000)
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8')
        const m = ADDRESS.exec(stdout)
        if (m) {
          clearTimeout(timer)
          done(m)
        }
      })
      child.on('close', () => fail(new Error(`exited before printing an address\n${stdout}\n${stderr}`)))
    })
    const base = `http://127.0.0.1:${found[1]}`
    const page = await fetch(`${base}/`)
    const html = await page.text()
    const info = await fetch(`${base}/api/office.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${found[2]}` },
      body: '{}'
    }).then((r) => r.json() as Promise<{ ok: boolean; value: { dbPath: string } }>)
    child.kill('SIGTERM')
    const code = await closed
    const after = await fetch(`${base}/`).then(
      () => 'still serving',
      () => 'stopped'
    )
    return { stdout, stderr, pageStatus: page.status, html, info, code, after }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await closed
    }
  }
}

describe('npm start without Electron: the browser preview', () => {
  it('serves the default file in the user data folder, prints the address, and stops when stopped', async () => {
    const { dir, cleanup } = tempDir()
    try {
      // A binary that does not exist, so this runs the same on a machine that has Electron.
      const run = await preview(
        { ELECTRON_EXEC_PATH: join(dir, 'no-electron'), XDG_CONFIG_HOME: join(dir, 'config'), APPDATA: join(dir, 'config'), HOME: dir },
        []
      )
      const expected = defaultDbPath({ XDG_CONFIG_HOME: join(dir, 'config'), APPDATA: join(dir, 'config') }, process.platform, dir)
      expect(run.stderr).toContain('chưa có Electron')
      expect(run.stdout).toMatch(/^Sổ HTX \(xem trên trình duyệt\): http:\/\/127\.0\.0\.1:\d+\/#token=/)
      expect(run.stdout).toContain('Mở địa chỉ trên trong trình duyệt')
      expect(run.pageStatus).toBe(200)
      expect(run.html).toContain('bridge-client.js')
      expect(run.info).toMatchObject({ ok: true, value: { dbPath: expected } })
      expect(existsSync(expected)).toBe(true)
      expect(run.code).toBe(0)
      expect(run.after).toBe('stopped')
    } finally {
      cleanup()
    }
  }, 90_000)

  it('opens another file with --db', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const db = join(dir, 'khác.db')
      const run = await preview({ ELECTRON_EXEC_PATH: join(dir, 'no-electron'), XDG_CONFIG_HOME: join(dir, 'config') }, ['--db', db])
      expect(run.info).toMatchObject({ ok: true, value: { dbPath: db } })
      expect(existsSync(join(dir, 'config'))).toBe(false)
      expect(run.after).toBe('stopped')
    } finally {
      cleanup()
    }
  }, 90_000)

  it('names the folder Electron uses for productName «Sổ HTX» on each system', () => {
    expect(defaultDbPath({ APPDATA: 'C:\\Users\\lan\\AppData\\Roaming' }, 'win32', 'C:\\Users\\lan')).toBe(
      join('C:\\Users\\lan\\AppData\\Roaming', 'Sổ HTX', 'so-htx.db')
    )
    expect(defaultDbPath({}, 'darwin', '/Users/lan')).toBe('/Users/lan/Library/Application Support/Sổ HTX/so-htx.db')
    expect(defaultDbPath({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux', '/home/lan')).toBe('/x/cfg/Sổ HTX/so-htx.db')
    expect(defaultDbPath({}, 'linux', '/home/lan')).toBe('/home/lan/.config/Sổ HTX/so-htx.db')
  })
})

describe('npm start with Electron', () => {
  it.skipIf(process.platform === 'win32')('launches the binary through electron-vite and passes its exit code on', () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in electron $*" >&2\nexit 7\n')
      chmodSync(join(dir, 'electron'), 0o755)
      // --skipBuild: the global setup already built out/, and rebuilding would race other test files.
      const run = spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), '--skipBuild'], {
        cwd: root,
        env: cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dir }),
        encoding: 'utf8',
        timeout: 60_000
      })
      expect(run.stderr).toContain('stand-in electron .')
      expect(run.stderr).not.toContain('chưa có Electron')
      expect(run.status).toBe(7)
    } finally {
      cleanup()
    }
  })
})

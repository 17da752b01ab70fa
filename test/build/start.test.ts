/**
 * `npm start` on a machine without the Electron binary (this one): one clear
 * Vietnamese sentence and exit 1, not a download attempt or a stack trace. With a
 * stand-in binary it launches through electron-vite and passes the exit code on.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp'

const root = join(__dirname, '../..')
const SENTENCE =
  'Máy này chưa có Electron nên không mở được ứng dụng; hãy xem giao diện trên trình duyệt bằng lệnh: npm run web -- --db <tệp.db>\n'

function start(env: Record<string, string | undefined>, args: string[] = []) {
  const clean = { ...process.env }
  delete clean.ELECTRON_EXEC_PATH
  delete clean.ELECTRON_OVERRIDE_DIST_PATH
  return spawnSync(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 60_000
  })
}

const electronDir = join(root, 'node_modules/electron')
const binaryHere =
  existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()))

describe('npm start', () => {
  it.skipIf(binaryHere)('says in one Vietnamese sentence that Electron is missing here, and exits 1', () => {
    const run = start({})
    expect(run.stderr).toBe(SENTENCE)
    expect(run.stdout).toBe('')
    expect(run.status).toBe(1)
  })

  it('says the same when the binary it is pointed at does not exist', () => {
    const { dir, cleanup } = tempDir()
    try {
      const run = start({ ELECTRON_EXEC_PATH: join(dir, 'electron') })
      expect(run.stderr).toBe(SENTENCE)
      expect(run.status).toBe(1)
    } finally {
      cleanup()
    }
  })

  it.skipIf(process.platform === 'win32')('launches the binary through electron-vite and passes its exit code on', () => {
    const { dir, cleanup } = tempDir()
    try {
      writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in electron $*" >&2\nexit 7\n')
      chmodSync(join(dir, 'electron'), 0o755)
      // --skipBuild: the global setup already built out/, and rebuilding would race other test files.
      const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dir }, ['--skipBuild'])
      expect(run.stderr).toContain('stand-in electron .')
      expect(run.stderr).not.toContain('chưa có Electron')
      expect(run.status).toBe(7)
    } finally {
      cleanup()
    }
  })
})

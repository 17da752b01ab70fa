// `npm start`: build and launch the desktop app with electron-vite. Where the
// Electron binary was never downloaded (offline installs, CI), say so in one
// Vietnamese sentence and point to the browser preview instead of a stack trace.
// Extra arguments go to electron-vite (e.g. `npm start -- --skipBuild`).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// The same lookup electron-vite makes, without `require('electron')`, whose
// fallback tries to download the binary (and hangs without internet).
function electronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  let dir
  try {
    dir = dirname(createRequire(join(root, 'package.json')).resolve('electron'))
  } catch {
    return null
  }
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
  return relative ? join(dir, 'dist', relative) : null
}

const binary = electronBinary()
if (!binary || !existsSync(binary)) {
  process.stderr.write(
    'Máy này chưa có Electron nên không mở được ứng dụng; hãy xem giao diện trên trình duyệt bằng lệnh: npm run web -- --db <tệp.db>\n'
  )
  process.exit(1)
}

const child = spawn(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary }
})
child.on('error', (err) => {
  process.stderr.write(`Không chạy được electron-vite: ${err.message}\n`)
  process.exit(1)
})
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

// `npm start`: build and launch the desktop app with electron-vite. Where the
// Electron binary was never downloaded (offline installs, CI), start the browser
// preview (`npm run web`, same core and same screens) on the file the desktop app
// would open — so-htx.db in the user data folder Electron uses for «Sổ HTX» — and
// open it in the system browser, or print the address when there is none.
// `--db FILE` chooses another file. Extra arguments go to electron-vite
// (e.g. `npm start -- --skipBuild`, which the preview reads as --no-build).
// SO_HTX_NO_OPEN=1 prints the address without opening a browser (tests).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PRODUCT = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).productName

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

/** Electron's app.getPath('userData') for productName «Sổ HTX», and the file src/main/index.ts opens there. */
export function defaultDbPath(env = process.env, platform = process.platform, home = homedir()) {
  const appData =
    platform === 'win32'
      ? env.APPDATA || join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || join(home, '.config')
  return join(appData, PRODUCT, 'so-htx.db')
}

/** The system's way to open an address, or null where there is no desktop to open it on. */
function opener(url) {
  if (process.platform === 'win32') return ['cmd', ['/d', '/s', '/c', `start "" "${url}"`], { windowsVerbatimArguments: true }]
  if (process.platform === 'darwin') return ['open', [url], {}]
  // Without a display xdg-open falls back to a text browser in this terminal; print the address instead.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null
  return ['xdg-open', [url], {}]
}

function openInBrowser(url) {
  const say = () => process.stdout.write(`Mở địa chỉ trên trong trình duyệt (máy này không tự mở được trình duyệt).\n`)
  const how = process.env.SO_HTX_NO_OPEN === '1' ? null : opener(url)
  if (!how) return say()
  const [cmd, args, options] = how
  const child = spawn(cmd, args, { ...options, stdio: 'ignore', detached: true, windowsHide: true })
  child.on('error', say)
  child.on('exit', (code) => code !== 0 && say())
  child.unref()
}

/** `npm start -- ARGS` for the preview: --db defaults to the user data file, --skipBuild becomes --no-build. */
function previewArgs(argv) {
  const args = argv.map((a) => (a === '--skipBuild' ? '--no-build' : a))
  if (args.some((a) => a === '--db' || a.startsWith('--db='))) return args
  const db = defaultDbPath()
  mkdirSync(dirname(db), { recursive: true })
  return ['--db', db, ...args]
}

function preview() {
  process.stderr.write('Máy này chưa có Electron nên mở bản xem trên trình duyệt (cùng lõi, cùng giao diện).\n')
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/web.ts'), ...previewArgs(process.argv.slice(2))], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let buffered = ''
  let opened = false
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (opened) return
    buffered += chunk.toString('utf8')
    const url = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(buffered)?.[0]
    if (url) {
      opened = true
      openInBrowser(url)
    }
  })
  // Ctrl+C reaches both through the terminal; a plain kill of this process is passed on, so the file is closed.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (err) => {
    process.stderr.write(`Không chạy được bản xem trên trình duyệt: ${err.message}\n`)
    process.exit(1)
  })
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function desktop(binary) {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'preview', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_EXEC_PATH: binary }
    }
  )
  child.on('error', (err) => {
    process.stderr.write(`Không chạy được electron-vite: ${err.message}\n`)
    process.exit(1)
  })
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const binary = electronBinary()
  if (binary && existsSync(binary)) desktop(binary)
  else preview()
}

/**
 * Which Chromium the end-to-end tests drive, looked for in this order:
 *  1. CHROMIUM_PATH, when set (a missing file there is an error, not a silent fallback);
 *  2. the usual places of Chromium, Chrome and Edge on Linux, Windows and macOS;
 *  3. the Chromium shipped inside the npm package @sparticuz/chromium (a dev dependency,
 *     Linux x64 only), unpacked once into the temp folder.
 * SO_HTX_TEST_NO_SYSTEM_BROWSER=1 skips step 2, so a machine with a browser can prove the
 * fallback that a fresh machine gets (`SO_HTX_TEST_NO_SYSTEM_BROWSER=1 npx vitest run test/e2e/registry.test.ts`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface FoundBrowser {
  executablePath: string
  /** Extra flags this build needs on top of the common ones. */
  args: string[]
  /** Extra environment for the browser process. */
  env: Record<string, string>
  /** One line for the log: what and why. */
  label: string
}

function systemCandidates(): string[] {
  if (process.platform === 'win32') {
    const roots = [process.env['ProgramFiles(x86)'], process.env.ProgramFiles, process.env.LOCALAPPDATA].filter((r): r is string => !!r)
    return roots.flatMap((r) => [
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')
    ])
  }
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    ]
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge'
  ]
}

const requireHere = createRequire(__filename)

/** The package's version, or null when it is not installed (it is a dev dependency; `npm ci --omit=dev` leaves it out). */
function npmChromiumVersion(): string | null {
  let dir: string
  try {
    dir = dirname(requireHere.resolve('@sparticuz/chromium')) // its exports do not include package.json
  } catch {
    return null
  }
  for (; dirname(dir) !== dir; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json')
    if (!existsSync(pkg)) continue
    const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string }
    if (name === '@sparticuz/chromium' && version) return version
  }
  return null
}

function npmChromiumDir(version: string): string {
  return join(tmpdir(), `so-htx-chromium-${version}`)
}

/**
 * Unpacks the package's brotli files (≈ 2 s, 210 MB) into a folder named by its version,
 * through a private folder renamed into place, so two test workers never see half a binary.
 * The package itself always unpacks into os.tmpdir() and reuses any /tmp/chromium it finds
 * (whoever left it there); pointing TMPDIR at the private folder for the synchronous part of
 * the call keeps it to our own copy.
 */
async function unpackNpmChromium(version: string): Promise<string> {
  const dir = npmChromiumDir(version)
  const binary = join(dir, 'chromium')
  if (existsSync(join(dir, '.complete'))) return binary
  const partial = `${dir}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  const Chromium = requireHere('@sparticuz/chromium') as { executablePath(input?: string): Promise<string> }
  const saved = process.env.TMPDIR
  process.env.TMPDIR = partial
  let unpacking: Promise<string>
  try {
    unpacking = Chromium.executablePath() // every output path is fixed before its first await
  } finally {
    if (saved === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = saved
  }
  const unpacked = await unpacking
  if (unpacked !== join(partial, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, not ${partial}`)
  // Its fonts.conf names /tmp/fonts; ours names the copy beside the binary, then the system's fonts.
  writeFileSync(
    join(partial, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`
  )
  writeFileSync(join(partial, '.complete'), `${version}\n`)
  try {
    renameSync(partial, dir)
  } catch {
    // Another worker got there first; its copy is complete.
    rmSync(partial, { recursive: true, force: true })
    if (!existsSync(join(dir, '.complete'))) throw new Error(`Không giải nén được @sparticuz/chromium vào ${dir}`)
  }
  return binary
}

/** Finds (and if need be unpacks) the browser; throws a sentence naming what to install or set. */
export async function findBrowser(): Promise<FoundBrowser> {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return { executablePath: fromEnv, args: [], env: {}, label: `${fromEnv} (CHROMIUM_PATH)` }
  }
  if (process.env.SO_HTX_TEST_NO_SYSTEM_BROWSER !== '1') {
    const system = systemCandidates().find((p) => existsSync(p))
    if (system) return { executablePath: system, args: [], env: {}, label: `${system} (system browser)` }
  }
  const version = npmChromiumVersion()
  if (version && process.platform === 'linux' && process.arch === 'x64') {
    const binary = await unpackNpmChromium(version)
    const why =
      process.env.SO_HTX_TEST_NO_SYSTEM_BROWSER === '1'
        ? 'system paths skipped by SO_HTX_TEST_NO_SYSTEM_BROWSER=1'
        : 'no system browser found'
    return {
      executablePath: binary,
      // Its headless shell is built for serverless sandboxes and asks for one process.
      args: ['--single-process', '--no-zygote'],
      env: { FONTCONFIG_FILE: join(dirname(binary), 'fonts.conf') },
      label: `@sparticuz/chromium ${version} from npm, unpacked to ${binary} (${why})`
    }
  }
  throw new Error(
    'No Chromium, Chrome or Edge for the end-to-end tests: install one, or set CHROMIUM_PATH to its executable' +
      (process.platform === 'linux' && process.arch === 'x64'
        ? ', or run npm install (the dev dependency @sparticuz/chromium brings one)'
        : '')
  )
}

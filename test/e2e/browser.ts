/**
 * The real UI against the real core: a temp-dir SQLite file, the loopback
 * bridge serving the built renderer, and a Chromium driven by playwright-core
 * (Electron cannot start on these machines): the one test/helpers/find-browser.ts
 * finds, a system browser or else the npm package's.
 */
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBridge, type Bridge } from '../../src/main/bridge'
import { findBrowser, type FoundBrowser } from '../helpers/find-browser'
import { officeCore } from '../helpers/temp'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

let found: Promise<FoundBrowser> | undefined

/** Launches the browser the run uses (looked up once per worker; the global setup printed which). */
export async function launchBrowser(): Promise<Browser> {
  const b = await (found ??= findBrowser())
  return chromium.launch({ executablePath: b.executablePath, args: [...CHROMIUM_ARGS, ...b.args], env: { ...process.env, ...b.env } })
}

export interface Session {
  core: Awaited<ReturnType<typeof officeCore>>
  bridge: Bridge
  browser: Browser
  page: Page
  close(): Promise<void>
}

/** Opens the app in Chromium on a fresh file; `unit` null leaves the first-run screen to the test. */
export async function openApp(unit: string | null = '178'): Promise<Session> {
  const core = await officeCore(unit)
  const bridge = await startBridge(core, { staticDir: resolve(__dirname, '../../out/renderer') })
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
  const problems: string[] = []
  page.on('pageerror', (err) => problems.push(err.message))
  // AG Grid names a feature whose module the app did not register (main.tsx registers only those it uses).
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && m.text().startsWith('AG Grid')) problems.push(m.text())
  })
  page.setDefaultTimeout(10_000)
  await page.goto(bridge.url)
  return {
    core,
    bridge,
    browser,
    page,
    close: async () => {
      await browser.close()
      await bridge.close()
      await core.dispose()
      if (problems.length) throw new Error(`Lỗi trong trang: ${problems.join('; ')}`)
    }
  }
}

/**
 * Where a screenshot goes: the committed test/e2e/__screenshots__ (shown in the
 * README) when SCREENSHOTS=1, a temp folder otherwise, so a test run leaves the
 * working tree as it found it.
 */
export function screenshotPath(name: string): string {
  return process.env.SCREENSHOTS === '1' ? resolve(__dirname, '__screenshots__', name) : join(tmpdir(), `so-htx-${name}`)
}

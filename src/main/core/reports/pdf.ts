/**
 * PDF through a Chromium-family browser already on the machine (Edge ships with
 * Windows 10/11; Chromium or Chrome elsewhere), run headless with --print-to-pdf on the
 * report's printable page written to a temp file. Nothing is downloaded and no
 * network is used; when no browser is found the caller says so in Vietnamese.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../../../shared/errors'

function candidates(): string[] {
  const env = process.env.SO_HTX_BROWSER
  if (env) return [env]
  if (process.platform === 'win32') {
    const roots = [process.env['ProgramFiles(x86)'], process.env.ProgramFiles, process.env.LOCALAPPDATA].filter((r): r is string => !!r)
    return roots.flatMap((r) => [
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')
    ])
  }
  if (process.platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'
    ]
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge']
}

export function findBrowser(): string | null {
  return candidates().find((p) => existsSync(p)) ?? null
}

/** The page printed to PDF, as bytes: the door decides where they go. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const browser = findBrowser()
  if (!browser) {
    throw new AppError(
      'NOT_CONFIGURED',
      'Không tìm thấy trình duyệt Edge/Chrome/Chromium để in ra PDF. Hãy xuất --html rồi mở tệp và chọn In → Lưu thành PDF, hoặc đặt SO_HTX_BROWSER trỏ tới trình duyệt.'
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'so-htx-pdf-'))
  try {
    const page = join(dir, 'bao-cao.html')
    const target = join(dir, 'bao-cao.pdf')
    writeFileSync(page, html)
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-sandbox',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${target}`,
      pathToFileURL(page).href
    ]
    await new Promise<void>((done, fail) =>
      execFile(browser, args, { timeout: 60_000, windowsHide: true }, (err) => (err && !existsSync(target) ? fail(err) : done()))
    ).catch(() => {
      throw new AppError('INTERNAL', `Trình duyệt ${browser} không in được PDF. Hãy xuất --html rồi in từ trình duyệt.`)
    })
    if (!existsSync(target) || statSync(target).size === 0) throw new AppError('INTERNAL', 'Trình duyệt không tạo ra tệp PDF.')
    return readFileSync(target)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

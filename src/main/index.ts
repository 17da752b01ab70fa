/**
 * The Electron shell, kept thin: one locked-down window onto the renderer, the
 * office's SQLite file in the user data folder, the IPC door, a small menu.
 * Everything the app does lives in the core (src/main/core, electron-free).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../shared/errors'
import type { Core } from './core/api'
import { bindIpc } from './ipc'
import { menuTemplate } from './menu'
import { openForWindow } from './startup'
import { devServerUrl, installContentsSecurity, installSessionSecurity, secureWebPreferences } from './security'

export const TITLE = 'Sổ HTX'

export function rendererIndexPath(): string {
  return join(__dirname, '../renderer/index.html')
}

export function preloadPath(): string {
  return join(__dirname, '../preload/index.js')
}

/** What the window loads and the only page IPC answers: the dev server or the built file. */
export function appUrl(): string {
  return devServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged) ?? pathToFileURL(rendererIndexPath()).href
}

export function dbPath(): string {
  return join(app.getPath('userData'), 'so-htx.db')
}

export function createMainWindow(url: string = appUrl()): BrowserWindow {
  const win = new BrowserWindow({
    title: TITLE,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath(), !app.isPackaged)
  })
  installContentsSecurity(win.webContents, url)
  // Shown once painted, so users never see a blank white frame.
  win.once('ready-to-show', () => win.show())
  const loading = url.startsWith('file:') ? win.loadFile(rendererIndexPath()) : win.loadURL(url)
  loading.catch((err: unknown) => console.error('[window] không tải được giao diện', err))
  return win
}

/** The user sees a Vietnamese sentence; the stack, if any, goes to the log only. */
export function openErrorMessage(err: unknown, path: string): string {
  if (err instanceof AppError) return `${err.message}\n\nTệp dữ liệu: ${path}`
  console.error('[db]', err)
  return `Không mở được tệp dữ liệu ${path}. Hãy kiểm tra quyền ghi vào thư mục này hoặc báo cho người quản trị.`
}

export async function main(): Promise<void> {
  // A second copy would open the same SQLite file: focus the first window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  let win: BrowserWindow | null = null
  let core: Core | null = null
  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('window-all-closed', () => app.quit())
  // Close the database (checkpointing the WAL) before the process goes.
  app.on('will-quit', (event) => {
    if (!core) return
    event.preventDefault()
    const closing = core
    core = null
    closing
      .close()
      .catch((err: unknown) => console.error('[db] đóng tệp dữ liệu', err))
      .finally(() => app.quit())
  })

  await app.whenReady()
  const url = appUrl()
  installSessionSecurity(session.defaultSession, url)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ version: app.getVersion(), dev: !app.isPackaged, window: () => win })))

  const path = dbPath()
  try {
    // A damaged file with a good backup still opens a window, which offers the backup (startup.ts).
    core = (await openForWindow({ dbPath: path, dailyBackup: true, checkIntegrity: true })).core
  } catch (err) {
    dialog.showErrorBox('Sổ HTX — không mở được dữ liệu', openErrorMessage(err, path))
    app.exit(1)
    return
  }
  bindIpc(ipcMain, core, url)
  win = createMainWindow(url)
  win.on('closed', () => {
    win = null
  })
}

// Only when Electron runs this bundle; a test imports the module and drives main() itself.
if (process.versions.electron) {
  main().catch((err: unknown) => {
    console.error('[main]', err)
    dialog.showErrorBox('Sổ HTX', 'Sổ HTX không khởi động được. Hãy thử mở lại hoặc báo cho người quản trị.')
    app.exit(1)
  })
}

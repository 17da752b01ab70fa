/**
 * A small Vietnamese menu: the edit roles keep Ctrl+C/V/Z working in the grid and
 * forms (Electron wires those shortcuts through the menu), the rest is Quit and About.
 */
import { dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

export interface MenuOptions {
  version: string
  /** Reload and developer tools, only when unpackaged. */
  dev: boolean
  window: () => BrowserWindow | null
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const about = () => {
    const detail = `Phiên bản ${options.version}\nSổ đăng ký hợp tác xã, liên hiệp hợp tác xã và tổ hợp tác.`
    const box = { type: 'info' as const, title: 'Giới thiệu', message: 'Sổ HTX', detail, buttons: ['Đóng'] }
    const win = options.window()
    void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box))
  }
  const template: MenuItemConstructorOptions[] = [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' }
      ]
    }
  ]
  if (options.dev) {
    template.push({
      label: 'Xem',
      submenu: [
        { role: 'reload', label: 'Tải lại' },
        { role: 'toggleDevTools', label: 'Công cụ cho nhà phát triển' }
      ]
    })
  }
  template.push({ label: 'Trợ giúp', submenu: [{ label: 'Giới thiệu', click: about }] })
  return template
}

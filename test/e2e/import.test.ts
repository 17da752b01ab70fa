import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type Session } from './browser'

const FIX = join(__dirname, '../fixtures/import')
let s: Session
beforeAll(async () => {
  s = await openApp('178')
}, 60_000)
afterAll(async () => {
  await s?.close()
})

describe('Nhập từ Excel in Chromium, through the bridge', () => {
  it('previews a legacy TCVN3 .xls and a file with an unknown column, maps it by hand, commits, and sees the rows', async () => {
    const { page, core } = s
    await page.getByTestId('nav-exchange').click()
    await page.getByTestId('import-files').setInputFiles([join(FIX, 'danh-sach-cu-tcvn3.xls'), join(FIX, 'unknown-header.xlsx')])
    await expect.poll(() => page.getByTestId('import-totals').innerText()).toContain('6 mới')
    expect(await page.getByTestId('rows-Sheet1-1').innerText()).toContain('HTX vận tải Hồng Hà')
    await page.getByTestId('map-HTX-C').selectOption('representative')
    await expect.poll(() => page.getByTestId('rows-HTX-1').innerText()).toContain('HTX Gia Sinh')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByRole('status').innerText()).toContain('6 mới')
    const { rows } = await core.call('entity.list', {})
    expect(rows.map((e) => e.name)).toContain('HTX du lịch cộng đồng Bản Lướt')
    expect(rows.find((e) => e.name === 'HTX Gia Sinh')?.representative).toBe('Trịnh Văn Sơn')
    expect(await page.getByTestId('import-history').innerText()).toContain('danh-sach-cu-tcvn3.xls')
    await page.getByTestId('nav-registry').click()
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]').count()).toBe(6)
  })
})

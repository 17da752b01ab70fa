import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bigRegister } from '../fixtures/import/big'
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
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').count()).toBe(6)
  })

  it('takes a messy .xls dragged into the window, its columns read by their words, commits, and the register shows the rows', async () => {
    const { page, core } = s
    await page.getByTestId('nav-exchange').click()
    // A real drop: a DataTransfer holding the file's bytes, as the OS hands it to the page.
    const drop = await page.evaluateHandle(
      ({ name, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        const transfer = new DataTransfer()
        transfer.items.add(new File([bytes], name, { type: 'application/vnd.ms-excel' }))
        return transfer
      },
      { name: 'messy-tcvn3.xls', base64: readFileSync(join(FIX, 'messy-tcvn3.xls')).toString('base64') }
    )
    const zone = page.getByTestId('import-drop')
    await zone.dispatchEvent('dragenter', { dataTransfer: drop })
    await zone.dispatchEvent('dragover', { dataTransfer: drop })
    await zone.dispatchEvent('drop', { dataTransfer: drop })
    await expect.poll(() => page.getByTestId('import-totals').innerText()).toContain('3 mới')
    const table = page.getByTestId('rows-Sheet1-1')
    expect(await table.innerText()).toContain('HTX mây tre đan Phát Diệm')
    expect(await table.innerText()).toContain('Thị trấn Phát Diệm')
    expect(await table.innerText()).not.toContain('Céng')
    // «Họ tên chủ nhiệm HTX» is read by its words as the representative: nothing left for the officer to map.
    expect(await page.getByTestId('import-screen').innerText()).toContain('0 cột chưa rõ nghĩa')
    expect(await page.getByTestId('map-Sheet1-C').inputValue()).toBe('representative')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => page.getByRole('status').innerText()).toContain('3 mới')
    const { rows } = await core.call('entity.list', { q: 'Phat Diem' })
    expect(rows.map((e) => [e.name, e.representative]).sort()).toEqual([
      ['HTX dịch vụ vận tải Phát Diệm', 'Vũ Thị Lan'],
      ['HTX mây tre đan Phát Diệm', 'Trần Văn Hải']
    ])
    await page.getByTestId('nav-registry').click()
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').count()).toBe(9)
    expect(await page.getByTestId('registry-grid').innerText()).toContain('HTX nông nghiệp Kim Chính')
  })

  it('shows a progress bar with the rows read while a big file is parsed, then the whole preview', async () => {
    const { page, core } = s
    await page.getByTestId('nav-exchange').click()
    const file = join(core.dir, 'so-lon.xlsx')
    writeFileSync(file, bigRegister(15_000))
    // Every state the bar goes through, recorded in the page (polling from here could miss a short phase).
    await page.evaluate(() => {
      const seen: string[] = ((window as any).__progress = [])
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"]')
        const p = bar?.querySelector('progress')
        if (bar && p)
          seen.push(`${p.hasAttribute('value') ? `${p.getAttribute('value')}/${p.getAttribute('max')}` : '…'} ${bar.textContent}`)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await page.getByTestId('import-files').setInputFiles(file)
    await expect.poll(() => page.getByTestId('import-totals').innerText(), { timeout: 60_000 }).toContain('15.000 mới')
    const seen = (await page.evaluate(() => (window as any).__progress)) as string[]
    expect(seen.some((t) => t.includes('Đang mở tệp so-lon.xlsx'))).toBe(true)
    const rows = seen.filter((t) => /^\d+\/15001 Đang đọc các dòng so-lon\.xlsx › HTX: [\d.]+\/15.001 dòng$/.test(t))
    expect(rows.length).toBeGreaterThan(0)
    expect(await page.getByTestId('import-progress').count()).toBe(0)
    // The page lists the first thousand rows and says so; the counts cover them all.
    expect(await page.locator('[data-testid="rows-HTX-1"] tbody tr').count()).toBe(1000)
    expect(await page.getByTestId('import-screen').innerText()).toContain('Chỉ hiện 1.000 dòng đầu')
  })
})

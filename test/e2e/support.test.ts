/**
 * The support register on screen: one row typed into the grid, one pasted as Excel
 * pastes it, then Phụ lục 3 previewed, printed and exported — all through the bridge,
 * in Chromium, as a person does it.
 */
import * as XLSX from 'xlsx'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
beforeAll(async () => {
  s = await openApp('178')
}, 60_000)
afterAll(async () => {
  await s?.close()
})

/** A paste as Excel makes it: a ClipboardEvent carrying text, dispatched where the focus is (headless clipboards are unreliable). */
const paste = (text: string) =>
  s.page.evaluate((t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)

describe('Hỗ trợ in Chromium', () => {
  it('enters two support rows (typed and pasted), previews Phụ lục 3 and exports it', async () => {
    const { page, core } = s
    await page.getByTestId('nav-reports').click()
    await page.getByTestId('report-date').fill('30/06/2023')
    await page.getByTestId('report-date').press('Enter')
    await page.getByTestId('report-tab-support').click()

    // Typed: founding support, 23 HTX, 446 million from the local budget.
    await page.getByTestId('support-add').click()
    const row = page.locator('[data-testid="support-grid"] .ag-row[row-id="-1"]')
    for (const [col, value] of [
      ['coops', '23'],
      ['nsdpSn', '446']
    ] as const) {
      await row.locator(`[col-id="${col}"]`).dblclick()
      await page.keyboard.type(value)
      await page.keyboard.press('Enter')
    }
    await expect.poll(() => row.locator('[col-id="coops"]').innerText()).toBe('23')
    await page.getByTestId('support-save').click()
    await expect.poll(() => page.getByTestId('support-message').innerText()).toBe('Đã lưu 1 dòng hỗ trợ.')

    // Pasted from Excel at the «Năm» cell: training, 200 people, 88 + 140 million.
    const first = page.locator('[data-testid="support-grid"] .ag-row').first()
    await first.locator('[col-id="year"]').click()
    await paste('2023\tĐã thực hiện\tBồi dưỡng\t\t\t\t200\t\t88\t\t140\t\t15/04/2023\r\n')
    await expect.poll(() => page.getByTestId('support-message').innerText()).toBe('Đã dán 1 dòng hỗ trợ.')
    await expect.poll(() => page.locator('[data-testid="support-grid"] .ag-row').count()).toBe(2)
    const stored = await core.call('support.list', { year: 2023 })
    expect(stored.map((r) => [r.programme, r.coops, r.people, r.total, r.decisionDate])).toEqual([
      ['thanh_lap', 23, null, 446, null],
      ['nang_luc', null, 200, 228, '2023-04-15']
    ])
    // A bad cell in a paste: said with its row and column, nothing saved.
    await first.locator('[col-id="year"]').click()
    await paste('2023\tĐã thực hiện\tBồi dưỡng\t\t\t\thai trăm\r\n')
    await expect.poll(() => page.getByTestId('support-message').innerText()).toContain('Dòng 1 của khối dán, cột «Số người»')
    expect(await core.call('support.list', { year: 2023 })).toHaveLength(2)
    await page.screenshot({ path: screenshotPath('support.png') })

    await page.getByTestId('report-tab-report').click()
    await page.getByTestId('report-layout').selectOption('phu-luc-3')
    await expect.poll(() => page.getByTestId('report-caption').innerText()).toContain('Phụ lục 3')
    const preview = (label: string) => page.locator('[data-testid="report-preview"] .ag-row', { hasText: label })
    await expect.poll(() => preview('Tổng cộng').locator('[col-id="c7"]').innerText()).toBe('674')
    expect(await preview('Hỗ trợ thành lập mới').locator('[col-id="c5"]').innerText()).toBe('23')
    expect(await preview('Nâng cao năng lực').locator('[col-id="c6"]').innerText()).toBe('200')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()])
    expect(download.suggestedFilename()).toBe('phu-luc-3-2023-06-30.xlsx')
    const file = join(core.dir, 'phu-luc-3.xlsx')
    await download.saveAs(file)
    const ws = XLSX.read(readFileSync(file)).Sheets['Phụ lục 3']!
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null })
    expect(aoa[4]![0]).toBe('KẾT QUẢ THỰC HIỆN HỖ TRỢ PHÁT TRIỂN KINH TẾ TẬP THỂ, HỢP TÁC XÃ NĂM 2023')
    expect(aoa.find((r) => r[1] === 'Hỗ trợ thành lập mới, củng cố tổ chức KTTT, HTX')!.slice(5, 10)).toEqual([23, null, 446, 0, 446])
    expect(aoa.find((r) => r[1] === 'Tổng cộng')!.slice(5, 10)).toEqual([23, 200, 674, 88, 586])

    await page.getByTestId('report-print').click()
    const frame = page.frameLocator('[data-testid="report-print-frame"]')
    await expect.poll(() => frame.locator('h1').innerText()).toContain('KẾT QUẢ THỰC HIỆN HỖ TRỢ')
    expect(await frame.locator('table.report').innerText()).toContain('Thực hiện đến 30/06/2023')
    await page.getByTestId('report-print-close').click()
  }, 90_000)
})

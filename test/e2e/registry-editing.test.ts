/**
 * The registry grid used like Excel, in Chromium against the real core: keys,
 * undo, paste of blocks, the detail panel, search, quick filters, the columns
 * each profile chooses, and the Số liệu năm tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
const ids: Record<string, number> = {}
beforeAll(async () => {
  s = await openApp('178')
  const records = [
    {
      kind: 'htx',
      name: 'HTX An Bình',
      regNo: '4900000017',
      commune: 'Xã Hoàng Đồng',
      representative: 'Hoàng Thị Mận',
      address: 'Thôn Bản Ngà',
      registrationDate: '2019-03-12',
      charterCapital: 1_200_000_000,
      sector: 'agri'
    },
    {
      kind: 'htx',
      name: 'HTX Bình Minh',
      commune: 'Xã Hoàng Đồng',
      representative: 'Lý Văn Ba',
      registrationDate: '2020-06-01',
      charterCapital: 800_000_000,
      sector: 'trade_service'
    },
    {
      kind: 'htx',
      name: 'HTX Cao Lộc',
      commune: 'Xã Gia Cát',
      representative: 'Nông Thị Hoa',
      registrationDate: '2018-01-20',
      charterCapital: 500_000_000,
      sector: 'agri'
    },
    {
      kind: 'htx',
      name: 'HTX Đồng Tâm',
      commune: 'Phường Đông Kinh',
      representative: 'Vi Văn Tâm',
      registrationDate: '2016-05-30',
      charterCapital: 650_000_000,
      sector: 'transport'
    },
    {
      kind: 'tht',
      name: 'Tổ hợp tác Mây tre Tân Liên',
      commune: 'Xã Tân Liên',
      representative: 'Đinh Văn Quý',
      registrationDate: '2022-11-20',
      sector: 'industry'
    }
  ] as const
  for (const r of records) ids[r.name] = (await s.core.call('entity.create', r)).id
  await s.page.reload()
  await s.page.waitForFunction(
    () => document.querySelectorAll('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').length === 5
  )
}, 90_000)
afterAll(async () => {
  await s?.close()
})

const GRID = '[data-testid="registry-grid"]'
const gridRows = () => s.page.locator(`${GRID} .ag-row[row-id]:not([row-id="new"])`)
const cell = (name: string, column: string) => s.page.locator(`${GRID} .ag-row[row-id="${ids[name]}"] [col-id="${column}"]`)
const banner = () => s.page.getByTestId('banner').innerText()
const stored = (name: string) => s.core.call('entity.get', { id: ids[name]! })
/** The row and column of the focused cell, as AG Grid marks it. */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.querySelector('[data-testid="registry-grid"] .ag-cell-focus')
    return el ? { rowId: el.closest('.ag-row')?.getAttribute('row-id'), colId: el.getAttribute('col-id') } : null
  })
/** A paste as Excel makes it: a ClipboardEvent carrying text, dispatched where the focus is (headless clipboards are unreliable). */
const paste = (text: string) =>
  s.page.evaluate((t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)

describe('the registry grid, keyboard first', () => {
  it('types into a cell, Enter saves and moves down; F2 then Tab saves and edits the next cell; Esc cancels', async () => {
    const { page } = s
    await cell('HTX An Bình', 'phone').click()
    await page.keyboard.type('0205 3870 123')
    await page.keyboard.press('Enter')
    await expect.poll(banner).toContain('Đã lưu Điện thoại của «HTX An Bình»')
    expect((await stored('HTX An Bình')).phone).toBe('0205 3870 123')
    expect(await focused()).toEqual({ rowId: String(ids['HTX Bình Minh']), colId: 'phone' })

    // F2 opens the representative of the focused row; Tab saves it and opens the phone beside it.
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('F2')
    const repEditor = page.locator(`${GRID} .ag-cell-inline-editing[col-id="representative"] input`)
    await expect.poll(() => repEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Lý Văn Bảy')
    await page.keyboard.press('Tab')
    const phoneEditor = page.locator(`${GRID} .ag-cell-inline-editing[col-id="phone"] input`)
    await expect.poll(() => phoneEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    await expect.poll(async () => (await stored('HTX Bình Minh')).representative).toBe('Lý Văn Bảy')

    // Esc leaves the phone as it was: nothing typed is saved.
    await page.keyboard.type('0999 999 999')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator(`${GRID} .ag-cell-inline-editing`).count()).toBe(0)
    expect(await cell('HTX Bình Minh', 'phone').innerText()).toBe('')
    expect((await stored('HTX Bình Minh')).phone).toBeNull()
  })

  it('Ctrl+Z undoes the last change through the audit log and shows the record as it was', async () => {
    const { page } = s
    await cell('HTX Cao Lộc', 'commune').click()
    await page.keyboard.type('Xã Hợp Thành')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored('HTX Cao Lộc')).commune).toBe('Xã Hợp Thành')
    await expect.poll(() => cell('HTX Cao Lộc', 'commune').innerText()).toBe('Xã Hợp Thành')
    await page.keyboard.press('Control+z')
    await expect.poll(banner).toContain('Đã hoàn tác: Sửa')
    expect((await stored('HTX Cao Lộc')).commune).toBe('Xã Gia Cát')
    await expect.poll(() => cell('HTX Cao Lộc', 'commune').innerText()).toBe('Xã Gia Cát')
    // The one before it (the representative typed above) is next.
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await stored('HTX Bình Minh')).representative).toBe('Lý Văn Ba')
    await expect.poll(() => cell('HTX Bình Minh', 'representative').innerText()).toBe('Lý Văn Ba')
  })

  it('pastes a block copied from Excel into several rows and columns, in one transaction', async () => {
    await cell('HTX Bình Minh', 'representative').click()
    await paste('Lương Văn Hải\t0912 000 111\r\nNông Thị Hòa\t0912 000 222\r\n')
    await expect.poll(banner).toContain('Đã dán 2 dòng × 2 cột')
    expect(await stored('HTX Bình Minh')).toMatchObject({ representative: 'Lương Văn Hải', phone: '0912 000 111' })
    expect(await stored('HTX Cao Lộc')).toMatchObject({ representative: 'Nông Thị Hòa', phone: '0912 000 222' })
    await expect.poll(() => cell('HTX Cao Lộc', 'phone').innerText()).toBe('0912 000 222')
    expect(await cell('HTX Bình Minh', 'representative').innerText()).toBe('Lương Văn Hải')
  })

  it('refuses a whole paste with one bad cell, naming the cell, and saves nothing', async () => {
    const { page } = s
    const before = await s.core.call('audit.list', { limit: 1 })
    await cell('HTX An Bình', 'charterCapital').click()
    await paste('1.500.000.000\nmột tỷ\n700.000.000')
    await expect.poll(banner).toContain('Dòng 2, cột «Vốn điều lệ (đồng)»')
    expect(await banner()).toContain('Không dán ô nào')
    expect((await stored('HTX An Bình')).charterCapital).toBe(1_200_000_000)
    expect((await stored('HTX Bình Minh')).charterCapital).toBe(800_000_000)
    expect(await s.core.call('audit.list', { limit: 1 })).toEqual(before)
    expect(await cell('HTX An Bình', 'charterCapital').innerText()).toBe('1.200.000.000')
    await page.getByRole('button', { name: 'Đóng thông báo' }).click()
  })
})

describe('finding records', () => {
  it('searches without diacritics across name, representative and address; quick filters narrow by kind and commune', async () => {
    const { page } = s
    await page.getByTestId('search').fill('hoang thi man')
    await expect.poll(() => gridRows().count()).toBe(1)
    expect(await gridRows().first().getAttribute('row-id')).toBe(String(ids['HTX An Bình']))
    await page.getByTestId('search').fill('ban nga')
    await expect.poll(() => gridRows().count()).toBe(1)
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('Đang hiện 1 / 5 bản ghi')
    await page.getByTestId('search').fill('')
    await expect.poll(() => gridRows().count()).toBe(5)

    await page.getByTestId('quick-kind').selectOption('tht')
    await expect.poll(() => gridRows().count()).toBe(1)
    await page.getByTestId('quick-kind').selectOption('')
    await page.getByTestId('quick-commune').selectOption('Xã Hoàng Đồng')
    await expect.poll(() => gridRows().count()).toBe(2)
    await page.getByTestId('quick-commune').selectOption('')
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('5 bản ghi')
  })
})

describe('the detail panel', () => {
  it('adds a dated status event with its decision: the timeline and the grid show it', async () => {
    const { page } = s
    await page.locator(`${GRID} .ag-row[row-id="${ids['HTX Đồng Tâm']}"] [data-testid="open-detail"]`).click()
    const panel = page.getByTestId('detail-panel')
    await expect.poll(() => panel.locator('h2').innerText()).toBe('HTX Đồng Tâm')
    expect(await page.getByTestId('status-timeline').innerText()).toBe('Từ khi đăng ký: Đang hoạt động')

    // A date that is not on the calendar is named, and nothing is added.
    await page.getByTestId('event-status').selectOption('suspended')
    await page.getByTestId('event-date').fill('31/02/2025')
    await page.getByTestId('event-add').click()
    await expect.poll(() => page.getByTestId('detail-error').innerText()).toContain('Ngày không có thật trên lịch')

    await page.getByTestId('event-date').fill('01/03/2025')
    await page.getByTestId('event-decision').fill('15/QĐ-UBND')
    await page.getByTestId('event-add').click()
    await expect
      .poll(() => page.getByTestId('status-timeline').innerText())
      .toContain('01/03/2025: Tạm ngừng kinh doanh (QĐ số 15/QĐ-UBND)')
    await expect.poll(() => cell('HTX Đồng Tâm', 'status').innerText()).toBe('Tạm ngừng kinh doanh')
    expect((await stored('HTX Đồng Tâm')).status).toBe('suspended')
    await page.screenshot({ path: screenshotPath('registry-detail.png') })
  })

  it('shows the change history in words, follows the focused row, and deletes with a reason then restores', async () => {
    const { page } = s
    await cell('HTX An Bình', 'name').click()
    const panel = page.getByTestId('detail-panel')
    await expect.poll(() => panel.locator('h2').innerText()).toBe('HTX An Bình')
    await expect.poll(() => page.getByTestId('change-history').innerText()).toContain('Sửa Điện thoại: (trống) → 0205 3870 123')

    // A reason is required: the core's words.
    await page.getByTestId('delete').click()
    await expect.poll(() => page.getByTestId('detail-error').innerText()).toContain('Hãy ghi lý do xóa')
    await page.getByTestId('delete-reason').fill('Nhập trùng với hồ sơ giấy')
    await page.getByTestId('delete').click()
    await expect.poll(() => gridRows().count()).toBe(4)
    expect((await stored('HTX An Bình')).deletedReason).toBe('Nhập trùng với hồ sơ giấy')
    await expect.poll(() => panel.innerText()).toContain('Đã xóa: Nhập trùng với hồ sơ giấy')
    await page.getByTestId('restore').click()
    await expect.poll(() => gridRows().count()).toBe(5)
    expect((await stored('HTX An Bình')).deletedAt).toBeNull()
    await page.getByTestId('detail-close').click()
  })
})

describe('columns chosen per profile', () => {
  it('a hidden column stays hidden after a reload', async () => {
    const { page, core } = s
    const header = page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="phone"]`)
    expect(await header.count()).toBe(1)
    await page.getByTestId('columns-button').click()
    await page.getByTestId('column-phone').uncheck()
    await page.getByTestId('column-email').check()
    await expect.poll(() => header.count()).toBe(0)
    await expect
      .poll(async () => (await core.call('prefs.get', { key: 'registry.columns' })).value ?? '')
      .toContain('"colId":"phone","hide":true')
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(5)
    await expect.poll(() => page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="email"]`).count()).toBe(1)
    expect(await header.count()).toBe(0)
  })
})

describe('Số liệu năm', () => {
  it('edits a year of figures in its own grid and copies last year forward', async () => {
    const { page, core } = s
    await page.getByTestId('tab-figures').click()
    const year = Number(await page.getByTestId('figures-year').inputValue())
    const figures = '[data-testid="figures-grid"]'
    const fcell = (name: string, col: string) => page.locator(`${figures} .ag-row[row-id="${ids[name]}"] [col-id="${col}"]`)
    await expect.poll(() => fcell('HTX Cao Lộc', 'members').count()).toBe(1)
    await fcell('HTX Cao Lộc', 'members').click()
    await page.keyboard.type('27')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await core.call('figures.list', { entityId: ids['HTX Cao Lộc']!, year }))[0]?.members).toBe(27)
    await fcell('HTX Cao Lộc', 'revenue').click()
    await page.keyboard.type('1.250.000.000')
    await page.keyboard.press('Enter')
    await expect.poll(() => fcell('HTX Cao Lộc', 'revenue').innerText()).toBe('1.250.000.000')
    // A number the core refuses is named and not kept.
    await fcell('HTX Cao Lộc', 'workers').click()
    await page.keyboard.type('mười')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid="banner"]').last().innerText()).toContain('Số lao động phải là một số')
    expect(await fcell('HTX Cao Lộc', 'workers').innerText()).toBe('')

    await page.getByTestId('figures-year').selectOption(String(year + 1))
    await expect.poll(() => fcell('HTX Cao Lộc', 'members').innerText()).toBe('')
    await page.getByTestId('copy-forward').click()
    await expect.poll(() => fcell('HTX Cao Lộc', 'members').innerText()).toBe('27')
    expect(await fcell('HTX Cao Lộc', 'revenue').innerText()).toBe('')
    expect((await core.call('figures.list', { entityId: ids['HTX Cao Lộc']!, year: year + 1 }))[0]?.members).toBe(27)
  })
})

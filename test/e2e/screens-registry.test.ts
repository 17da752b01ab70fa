/**
 * The register as a civil servant reads and types it, at 1366×768 and 1024×700:
 * numbers never cut, a loss typed with a minus, a paste undone in one step and
 * named, a new record typed into the empty row at the bottom, a narrow window
 * that neither breaks the layout nor the saved column order, messages that do
 * not push the grid down.
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
      registrationDate: '2019-03-12',
      charterCapital: 1_200_000_000
    },
    {
      kind: 'htx',
      name: 'HTX Bình Minh',
      commune: 'Xã Hoàng Đồng',
      representative: 'Lý Văn Ba',
      registrationDate: '2020-06-01',
      charterCapital: 800_000_000
    },
    {
      kind: 'htx',
      name: 'HTX Cao Lộc',
      commune: 'Xã Gia Cát',
      representative: 'Nông Thị Hoa',
      registrationDate: '2018-01-20',
      charterCapital: 12_500_000_000
    },
    {
      kind: 'htx',
      name: 'HTX Đồng Tâm',
      commune: 'Phường Đông Kinh',
      representative: 'Vi Văn Tâm',
      registrationDate: '2016-05-30',
      charterCapital: 650_000_000
    }
  ] as const
  for (const r of records) ids[r.name] = (await s.core.call('entity.create', r)).id
  await s.page.reload()
  await s.page.waitForFunction(
    () => document.querySelectorAll('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').length === 4
  )
}, 90_000)
afterAll(async () => {
  await s?.close()
})

const GRID = '[data-testid="registry-grid"]'
const gridRows = () => s.page.locator(`${GRID} .ag-row[row-id]:not([row-id="new"])`)
const cell = (name: string, column: string) => s.page.locator(`${GRID} .ag-row[row-id="${ids[name]}"] [col-id="${column}"]`)
const newCell = (column: string) => s.page.locator(`${GRID} .ag-row[row-id="new"] [col-id="${column}"]`)
const banner = () => s.page.locator('.registry-tab:not([hidden]) [data-testid="banner"]').innerText()
const stored = (name: string) => s.core.call('entity.get', { id: ids[name]! })
const paste = (text: string) =>
  s.page.evaluate((t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)

/**
 * Each capital cell as a person sees it: its text, and whether the grid's
 * visible area shows all of it, none of it, or cuts it (the misreading).
 */
const capitalCells = () =>
  s.page.evaluate((grid) => {
    const viewport = document.querySelector(`${grid} .ag-grid-viewport`)!.getBoundingClientRect()
    const pinned = document.querySelector(`${grid} .ag-row:not([row-id="new"]) [col-id="name"]`)!.getBoundingClientRect()
    return [...document.querySelectorAll(`${grid} .ag-row:not([row-id="new"]) [col-id="charterCapital"]`)].map((el) => {
      const r = el.getBoundingClientRect()
      const value = (el.querySelector('.ag-cell-value') ?? el) as HTMLElement
      const left = Math.max(pinned.right, viewport.left)
      const seen =
        r.right <= left || r.left >= viewport.right ? 'none' : r.left >= left - 1 && r.right <= viewport.right + 1 ? 'whole' : 'cut'
      return { text: (el as HTMLElement).innerText, seen, overflows: value.scrollWidth > value.clientWidth + 1 }
    })
  }, GRID)

describe('numbers are never misread', () => {
  it('at 1366×768 the charter capital shows whole, every digit, with no horizontal scrolling', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await expect.poll(async () => (await capitalCells()).map((c) => c.seen)).toEqual(['whole', 'whole', 'whole', 'whole'])
    const cells = await capitalCells()
    expect(cells.map((c) => c.text)).toEqual(['1.200.000.000', '800.000.000', '12.500.000.000', '650.000.000'])
    expect(cells.every((c) => !c.overflows)).toBe(true)
  })

  it('at 1024×700 a capital cell is either all on screen or not at all; moving to it brings it whole into view', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1024, height: 700 })
    await expect.poll(async () => (await capitalCells()).every((c) => c.seen !== 'cut')).toBe(true)
    await cell('HTX Bình Minh', 'registrationDate').click()
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await capitalCells())[1]).toEqual({ text: '800.000.000', seen: 'whole', overflows: false })
    await page.keyboard.press('Escape')
  })
})

describe('signed figures', () => {
  it('a loss typed «-50.000.000» in Số liệu năm is kept, shown with its minus, and read back in the detail panel', async () => {
    const { page, core } = s
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId('tab-figures').click()
    const year = Number(await page.getByTestId('figures-year').inputValue())
    const profit = page.locator(`[data-testid="figures-grid"] .ag-row[row-id="${ids['HTX Cao Lộc']}"] [col-id="profit"]`)
    await profit.click()
    await page.keyboard.type('-50.000.000')
    await page.keyboard.press('Enter')
    await expect.poll(() => profit.innerText()).toBe('-50.000.000')
    // The cell shows what was typed at once; the save is done when the screen says so (and the core holds it).
    await expect
      .poll(() => page.locator('[data-testid="figures-grid"] ~ .notice-slot [data-testid="banner"]').innerText())
      .toContain('Đã lưu Lợi nhuận')
    await expect.poll(async () => (await core.call('figures.list', { entityId: ids['HTX Cao Lộc']!, year }))[0]?.profit).toBe(-50_000_000)
    await page.getByTestId('tab-register').click()
    await page.locator(`${GRID} .ag-row[row-id="${ids['HTX Cao Lộc']}"] [data-testid="open-detail"]`).click()
    await expect.poll(() => page.getByTestId('detail-panel').innerText()).toContain('-50.000.000')
    await page.getByTestId('detail-close').click()
  })

  it('in the register grid a minus is read as a number: a negative capital is refused for being negative, not as text', async () => {
    const { page } = s
    await cell('HTX Đồng Tâm', 'charterCapital').click()
    await page.keyboard.type('-50.000.000')
    await page.keyboard.press('Enter')
    await expect.poll(banner).toContain('Vốn điều lệ không được âm')
    expect(await banner()).not.toContain('phải là một số')
    expect((await stored('HTX Đồng Tâm')).charterCapital).toBe(650_000_000)
    await page.locator('.registry-tab:not([hidden])').getByRole('button', { name: 'Đóng thông báo' }).click()
  })
})

describe('undo after a paste', () => {
  it('one Ctrl+Z takes back the whole paste, and the message names the cooperatives', async () => {
    const { page } = s
    await cell('HTX An Bình', 'representative').click()
    await paste('Lương Văn Hải\r\nNông Thị Hòa\r\nĐinh Văn Quý\r\n')
    await expect.poll(banner).toContain('Đã dán 3 dòng × 1 cột')
    await expect.poll(() => cell('HTX Cao Lộc', 'representative').innerText()).toBe('Đinh Văn Quý')
    await page.keyboard.press('Control+z')
    await expect.poll(banner).toContain('Đã hoàn tác: Dán 3 dòng «HTX An Bình», «HTX Bình Minh» và 1 bản ghi khác.')
    expect(await banner()).not.toContain('bản ghi số')
    await expect.poll(() => cell('HTX Cao Lộc', 'representative').innerText()).toBe('Nông Thị Hoa')
    expect(await cell('HTX An Bình', 'representative').innerText()).toBe('Hoàng Thị Mận')
    expect(await cell('HTX Bình Minh', 'representative').innerText()).toBe('Lý Văn Ba')
    expect((await stored('HTX Cao Lộc')).representative).toBe('Nông Thị Hoa')
  })

  it('an undone single edit names its cooperative too', async () => {
    const { page } = s
    await cell('HTX Bình Minh', 'commune').click()
    await page.keyboard.type('Xã Hợp Thành')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await stored('HTX Bình Minh')).commune).toBe('Xã Hợp Thành')
    await page.keyboard.press('Control+z')
    await expect.poll(banner).toContain('Đã hoàn tác: Sửa «HTX Bình Minh».')
    await expect.poll(() => cell('HTX Bình Minh', 'commune').innerText()).toBe('Xã Hoàng Đồng')
  })
})

describe('a new cooperative typed into the empty row at the bottom', () => {
  it('Tab goes across, Enter saves it through entity.create and leaves an empty row for the next; the form stays', async () => {
    const { page, core } = s
    await expect.poll(() => newCell('name').innerText()).toBe('Gõ tên để thêm mới…')
    await newCell('name').click()
    await page.keyboard.type('HTX Tân Thanh')
    await page.keyboard.press('Tab')
    await page.keyboard.type('4900000025')
    await page.keyboard.press('Tab')
    // Tình trạng is not typed (it is a dated history): Tab goes past it to the representative.
    await page.keyboard.type('Hà Văn Lực')
    await page.keyboard.press('Enter')
    await expect.poll(banner).toContain('Đã thêm «HTX Tân Thanh» vào sổ.')
    const created = (await core.call('entity.list', { q: 'tan thanh' })).rows[0]
    expect(created).toMatchObject({
      kind: 'htx',
      name: 'HTX Tân Thanh',
      regNo: '4900000025',
      representative: 'Hà Văn Lực',
      status: 'active'
    })
    ids['HTX Tân Thanh'] = created!.id
    await expect.poll(() => cell('HTX Tân Thanh', 'representative').innerText()).toBe('Hà Văn Lực')
    await expect.poll(() => newCell('name').innerText()).toBe('Gõ tên để thêm mới…')
    // Enter moved on to the fresh row: typing goes straight into the next record.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.ag-cell-focus')?.closest('.ag-row')?.getAttribute('row-id')))
      .toBe('new')
    await page.screenshot({ path: screenshotPath('registry-new-row.png') })
    expect(await page.getByTestId('add-entity').isVisible()).toBe(true)
  })

  it('leaving the row with a name saves it; leaving it without one saves nothing', async () => {
    const { page, core } = s
    await newCell('name').click()
    await page.keyboard.type('HTX Hồng Phong')
    await page.keyboard.press('Tab')
    await cell('HTX An Bình', 'phone').click()
    await expect.poll(async () => (await core.call('entity.list', { q: 'hong phong' })).total).toBe(1)
    await expect.poll(() => gridRows().count()).toBe(6)
    await newCell('commune').click()
    await page.keyboard.type('Xã Gia Cát')
    await page.keyboard.press('Tab')
    await cell('HTX An Bình', 'phone').click()
    await expect.poll(() => newCell('commune').innerText()).toBe('Xã Gia Cát')
    expect(await gridRows().count()).toBe(6)
    expect((await core.call('entity.list', {})).total).toBe(6)
    await newCell('commune').click()
    await page.keyboard.press('Delete')
  })
})

describe('a narrow window', () => {
  /** The first header cells in the grid's order, a pinned one marked «*». */
  const headerOrder = () =>
    s.page.evaluate(
      (grid) =>
        [...document.querySelectorAll(`${grid} .ag-header-row-column .ag-header-cell`)]
          .map((h) => `${h.getAttribute('col-id')}${h.parentElement?.closest('[class*="pinned-left"]') ? '*' : ''}`)
          .slice(0, 4),
      GRID
    )

  it('at 1024×700 the detail panel lies over the grid; ›, kind and name stay first and pinned, and the saved order survives a reload', async () => {
    const { page, core } = s
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.locator(`${GRID} .ag-row[row-id="${ids['HTX An Bình']}"] [data-testid="open-detail"]`).click()
    const panel = page.getByTestId('detail-panel')
    await expect.poll(() => panel.locator('h2').innerText()).toBe('HTX An Bình')
    expect(await headerOrder()).toEqual(['detail*', 'kind*', 'name*', 'regNo'])
    const grid = await page.getByTestId('registry-grid').boundingBox()
    const box = await panel.boundingBox()
    // The grid keeps its width (the panel is over it, not beside it), and the toolbar is one line.
    expect(grid!.width).toBeGreaterThan(800)
    expect(box!.x + box!.width).toBeLessThanOrEqual(1024)
    const toolbar = await page.locator('.registry-toolbar').first().boundingBox()
    expect(toolbar!.height).toBeLessThan(40)
    await page.screenshot({ path: screenshotPath('registry-1024.png') })
    await page.getByTestId('detail-close').click()

    // A column the person hides is saved; nothing the narrow window did is.
    await page.getByTestId('columns-button').click()
    await page.getByTestId('column-phone').uncheck()
    await page.getByTestId('columns-button').click()
    await expect
      .poll(async () => (await core.call('prefs.get', { key: 'registry.columns' })).value ?? '')
      .toContain('"colId":"phone","hide":true')
    const saved = JSON.parse((await core.call('prefs.get', { key: 'registry.columns' })).value!) as Array<{
      colId: string
      pinned: string | null
    }>
    expect(saved.slice(0, 3)).toMatchObject([
      { colId: 'detail', pinned: 'left' },
      { colId: 'kind', pinned: 'left' },
      { colId: 'name', pinned: 'left' }
    ])
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(6)
    // The saved columns arrive with the preferences, after the rows: wait for the hidden one to go
    // (the first four are in the same order by default, so they prove nothing by themselves).
    await expect.poll(() => page.locator(`${GRID} .ag-header-cell[col-id="phone"]`).count()).toBe(0)
    expect(await headerOrder()).toEqual(['detail*', 'kind*', 'name*', 'regNo'])
  })

  it('a column order saved broken by an earlier version (› after «Tên», unpinned) is put right when the register opens', async () => {
    const { page, core } = s
    const broken = [
      { colId: 'kind', pinned: null },
      { colId: 'name', pinned: null },
      { colId: 'detail', pinned: null },
      { colId: 'regNo', pinned: null },
      { colId: 'status', pinned: null }
    ]
    await core.call('prefs.set', { key: 'registry.columns', value: JSON.stringify(broken) })
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(6)
    await expect.poll(headerOrder).toEqual(['detail*', 'kind*', 'name*', 'regNo'])
    // Pinned: scrolling the grid to the right leaves them where they are.
    const before = await page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="name"]`).boundingBox()
    await cell('HTX An Bình', 'regNo').click()
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight')
    await expect
      .poll(async () => (await page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="regNo"]`).boundingBox())?.x ?? 0)
      .toBeLessThan(before!.x)
    expect((await page.locator(`${GRID} .ag-header-row-column .ag-header-cell[col-id="name"]`).boundingBox())!.x).toBe(before!.x)
  })
})

describe('messages', () => {
  it('a save message floats over the hint line: the grid does not move when it comes or goes', async () => {
    const { page, core } = s
    // The column tests before leave their own saved layout (the phone column hidden): start from the default one.
    await core.call('prefs.set', { key: 'registry.columns', value: '[]' })
    await page.reload()
    await expect.poll(() => page.locator(`${GRID} .ag-header-cell[col-id="phone"]`).count()).toBeGreaterThan(0)
    const top = async () => (await page.getByTestId('registry-grid').boundingBox())!.y
    const height = async () => (await page.getByTestId('registry-grid').boundingBox())!.height
    const before = { top: await top(), height: await height() }
    await cell('HTX Cao Lộc', 'phone').click()
    await page.keyboard.type('0205 111 222')
    await page.keyboard.press('Enter')
    await expect.poll(banner).toContain('Đã lưu Điện thoại của «HTX Cao Lộc»')
    expect({ top: await top(), height: await height() }).toEqual(before)
    // Shown over the hint, under the grid: nothing of the grid is hidden behind it.
    const b = await page.getByTestId('banner').boundingBox()
    const g = await page.getByTestId('registry-grid').boundingBox()
    expect(b!.y).toBeGreaterThanOrEqual(g!.y + g!.height - 1)
    await page.locator('.registry-tab:not([hidden])').getByRole('button', { name: 'Đóng thông báo' }).click()
    expect({ top: await top(), height: await height() }).toEqual(before)
  })

  it('an error goes when its cause does: fixing the date it was about clears it', async () => {
    const { page } = s
    await page.locator(`${GRID} .ag-row[row-id="${ids['HTX Đồng Tâm']}"] [data-testid="open-detail"]`).click()
    await page.getByTestId('event-date').fill('31/02/2025')
    await page.getByTestId('event-add').click()
    await expect.poll(() => page.getByTestId('detail-error').innerText()).toContain('Ngày không có thật trên lịch')
    await page.getByTestId('event-date').fill('01/03/2025')
    await expect.poll(() => page.getByTestId('detail-error').count()).toBe(0)
    await page.getByTestId('detail-close').click()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
beforeAll(async () => {
  s = await openApp(null)
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const GRID = '[data-testid="registry-grid"]'
const gridRows = () => s.page.locator(`${GRID} .ag-row[row-id]:not([row-id="new"])`)
const gridRow = (name: string) => s.page.locator(`${GRID} .ag-row[row-id]:not([row-id="new"])`, { hasText: name })
/** One cell of the record with that name (kind and name are pinned left, still in the same row). */
async function cellOf(name: string, column: string) {
  return gridRow(name).locator(`[col-id="${column}"]`)
}

describe('Sổ đăng ký in Chromium, through the bridge, on a real file', () => {
  it('asks for the office unit on first run, then shows the shell', async () => {
    const { page } = s
    await page.getByTestId('unit-search').fill('thanh pho lang son')
    await page.getByTestId('unit-178').click()
    await page.getByTestId('start').click()
    await expect.poll(() => page.getByTestId('nav-registry').isVisible()).toBe(true)
    expect(await page.getByTestId('status-bar').innerText()).toContain('Thành phố Lạng Sơn')
    expect((await s.core.call('office.info', {})).unit?.code).toBe('178')
  })

  it("adds a cooperative through the form, with the core's Vietnamese messages per field", async () => {
    const { page } = s
    await page.getByTestId('add-entity').click()
    // The obvious, caught before asking the core: no name, a date that is not a date.
    await page.getByTestId('field-registrationDate').fill('2024/13')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('error-name').innerText()).toBe('Hãy nhập tên.')
    expect(await page.getByTestId('error-registrationDate').innerText()).toContain('ngày/tháng/năm')
    // The rules are the core's: its messages, per field.
    await page.getByTestId('field-name').fill('HT')
    await page.getByTestId('field-registrationDate').fill('31/02/2024')
    await page.getByTestId('field-charterCapital').fill('một tỷ')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('error-name').innerText()).toContain('ít nhất 3 ký tự')
    expect(await page.getByTestId('error-registrationDate').innerText()).toContain('Ngày không có thật trên lịch')
    expect(await page.getByTestId('error-charterCapital').innerText()).toContain('Vốn điều lệ phải là một số')
    expect((await s.core.call('entity.list', {})).total).toBe(0)

    await page.getByTestId('field-name').fill('HTX Nông nghiệp Tân Thành')
    await page.getByTestId('field-regNo').fill('4900123456')
    await page.getByTestId('field-registrationDate').fill('06/05/2024')
    await page.getByTestId('field-charterCapital').fill('1.500.000.000')
    await page.getByTestId('field-sector').selectOption('agri')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã thêm «HTX Nông nghiệp Tân Thành»')
    await expect.poll(() => gridRow('HTX Nông nghiệp Tân Thành').count()).toBe(1)
    expect(await (await cellOf('HTX Nông nghiệp Tân Thành', 'charterCapital')).innerText()).toBe('1.500.000.000')
    expect(await (await cellOf('HTX Nông nghiệp Tân Thành', 'registrationDate')).innerText()).toBe('06/05/2024')
    expect(await (await cellOf('HTX Nông nghiệp Tân Thành', 'sector')).innerText()).toBe('Nông, lâm, ngư nghiệp, thủy sản')
  })

  it('finds it by a search typed without diacritics, even "hop tac xa" for "HTX"', async () => {
    const { page, core } = s
    await core.call('entity.create', { kind: 'htx', name: 'HTX Vận tải Bắc Sơn', commune: 'Xã Bắc Sơn' })
    // Made through another door: the screen shows it once reloaded.
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(2)
    await page.getByTestId('search').fill('hop tac xa nong nghiep')
    await expect.poll(() => gridRows().count()).toBe(1)
    expect(await gridRow('HTX Nông nghiệp Tân Thành').count()).toBe(1)
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('Đang hiện 1 / 2 bản ghi')
    await page.getByTestId('search').fill('')
    await expect.poll(() => gridRows().count()).toBe(2)
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('2 bản ghi')
  })

  it('filters a column from the box under its header, without diacritics, and speaks Vietnamese in the popup', async () => {
    const { page } = s
    const box = page.locator(`${GRID} .ag-floating-filter[col-id="commune"] input`)
    await box.fill('bac son')
    await expect.poll(() => gridRows().count()).toBe(1)
    expect(await gridRow('HTX Vận tải Bắc Sơn').count()).toBe(1)
    await page.locator(`${GRID} .ag-floating-filter[col-id="commune"] .ag-floating-filter-button-button`).click()
    const popup = page.locator('.ag-filter')
    await expect.poll(() => popup.isVisible()).toBe(true)
    const words = await popup.innerText()
    expect(words).toContain('Có chứa')
    expect(words).not.toMatch(/Filter|Contains|Equals|\bAND\b|\bOR\b/)
    await page.keyboard.press('Escape')
    await box.fill('')
    await expect.poll(() => gridRows().count()).toBe(2)
  })

  it('edits a cell, saves it through the API, and the edit survives a reload', async () => {
    const { page, core } = s
    const cell = await cellOf('HTX Nông nghiệp Tân Thành', 'phone')
    await cell.dblclick()
    await page.keyboard.type('0205 3870 123')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã lưu Điện thoại')
    const id = (await core.call('entity.list', { q: 'tan thanh' })).rows[0].id
    expect(await core.call('entity.get', { id })).toMatchObject({ phone: '0205 3870 123', rowVersion: 2 })

    await page.reload()
    await expect.poll(async () => (await cellOf('HTX Nông nghiệp Tân Thành', 'phone')).innerText()).toBe('0205 3870 123')
  })

  it('saves two quick edits of one row one after the other, not as a conflict with itself', async () => {
    const { page, core } = s
    // The first save answers slowly, so the second edit is made while it is still on its way.
    let delayed = 0
    await page.route('**/api/entity.update', async (route) => {
      if (delayed++ === 0) await new Promise((r) => setTimeout(r, 400))
      await route.continue()
    })
    // Tab saves the representative and opens the phone next to it, at once.
    await (await cellOf('HTX Nông nghiệp Tân Thành', 'representative')).dblclick()
    await page.keyboard.type('Hoàng Thị Mận')
    await page.keyboard.press('Tab')
    // As a person would: type once the phone's editor is open (Tab to typing in 0 ms lost keys to the editor's mount).
    const phoneEditor = page.locator(`${GRID} .ag-cell-inline-editing[col-id="phone"] input`)
    await expect.poll(() => phoneEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Control+A')
    // Typed slowly enough that the first save comes back mid-word: no keystroke may be lost.
    await page.keyboard.type('0205 3870 999', { delay: 70 })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã lưu')
    const id = (await core.call('entity.list', { q: 'tan thanh' })).rows[0].id
    await expect.poll(async () => (await core.call('entity.get', { id })).rowVersion).toBe(4)
    expect(await core.call('entity.get', { id })).toMatchObject({ representative: 'Hoàng Thị Mận', phone: '0205 3870 999' })
    expect(await page.getByTestId('banner').innerText()).not.toContain('nơi khác')
    expect(delayed).toBe(2)
    await page.unroute('**/api/entity.update')
  })

  it('refuses a registration number already in the register, asks before a same name in one commune, and saves when told to', async () => {
    const { page, core } = s
    // In the grid: a number is one cooperative's — refused, naming the record that has it, nothing to confirm.
    const regNo = await cellOf('HTX Vận tải Bắc Sơn', 'regNo')
    await regNo.dblclick()
    await page.keyboard.type('4900123456')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Mã số 4900123456 đã có trong sổ')
    expect(await page.getByTestId('banner-action').count()).toBe(0)
    await expect.poll(() => regNo.innerText()).toBe('')
    await page.getByRole('button', { name: 'Đóng thông báo' }).click()

    // In the form: the same number is refused too.
    await page.getByTestId('add-entity').click()
    await page.getByTestId('field-name').fill('HTX Nông nghiệp Tân Thành (chi nhánh)')
    await page.getByTestId('field-regNo').fill('4900123456')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('error-regNo').innerText()).toContain('đã có trong sổ')
    expect((await core.call('entity.list', { q: 'chi nhanh' })).total).toBe(0)

    // A same folded name in the same commune may be real: asked, and "Vẫn lưu" saves it.
    const existing = (await core.call('entity.list', { q: 'tan thanh' })).rows[0]
    await core.call('entity.update', { id: existing.id, rowVersion: existing.rowVersion, changes: { commune: 'Xã Tân Thành' } })
    await page.getByTestId('field-regNo').fill('')
    await page.getByTestId('field-name').fill('htx nong nghiep tan thanh')
    await page.getByTestId('field-commune').fill('Xã Tân Thành')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('duplicate').innerText()).toContain('trùng tên và xã')
    await page.getByTestId('confirm-duplicate').click()
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã thêm «htx nong nghiep tan thanh»')
    const { rows } = await core.call('entity.list', { q: 'tan thanh' })
    expect(rows).toHaveLength(2)
    // Tidy up for the screenshot below: the register keeps it, deleted, with a reason.
    await core.call('entity.delete', { id: rows.find((r) => r.id !== existing.id)!.id, reason: 'Nhập thử trong kiểm thử' })
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(2)
  })

  it("refuses a stale edit with a clear message and shows the register's value", async () => {
    const { page, core } = s
    // The page has the whole register: it asks for it once its first rows are painted.
    await expect.poll(() => page.getByTestId('loading-all').count()).toBe(0)
    const { rows } = await core.call('entity.list', { q: 'van tai bac son' })
    // Someone else edits the record after this page loaded it.
    await core.call('entity.update', { id: rows[0].id, rowVersion: rows[0].rowVersion, changes: { representative: 'Lý Thị Mai' } })
    const cell = await cellOf('HTX Vận tải Bắc Sơn', 'representative')
    await cell.dblclick()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Người khác')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('vừa được sửa ở nơi khác')
    await expect.poll(() => cell.innerText()).toBe('Lý Thị Mai')
    expect((await core.call('entity.get', { id: rows[0].id })).representative).toBe('Lý Thị Mai')
  })

  it('looks right: a screenshot of the registry for the README', async () => {
    const { page, core } = s
    const more = [
      {
        kind: 'htx',
        name: 'HTX Dịch vụ nông nghiệp Hoàng Văn Thụ',
        regNo: '4900345678',
        commune: 'Phường Hoàng Văn Thụ',
        address: 'Số 12 đường Bà Triệu',
        representative: 'Hoàng Văn Nam',
        phone: '0205 3812 345',
        registrationDate: '2019-03-12',
        charterCapital: 2_300_000_000,
        sector: 'agri'
      },
      {
        kind: 'htx',
        name: 'HTX Chè Bắc Sơn',
        regNo: '4900456789',
        commune: 'Xã Bắc Sơn',
        address: 'Thôn Quỳnh Sơn',
        representative: 'Vi Thị Hoa',
        phone: '0912 456 789',
        registrationDate: '2021-08-02',
        charterCapital: 850_000_000,
        sector: 'agri'
      },
      {
        kind: 'tht',
        name: 'Tổ hợp tác Mây tre đan Tân Liên',
        commune: 'Xã Tân Liên',
        representative: 'Nông Văn Quý',
        phone: '0378 221 904',
        registrationDate: '2022-11-20',
        sector: 'industry'
      },
      {
        kind: 'htx',
        name: 'HTX Môi trường Đông Kinh',
        regNo: '4900567890',
        commune: 'Phường Đông Kinh',
        address: 'Số 5 ngõ 2 đường Lê Đại Hành',
        representative: 'Lương Thị Thu',
        phone: '0205 3715 660',
        registrationDate: '2016-05-30',
        charterCapital: 600_000_000,
        sector: 'environment',
        status: 'suspended'
      },
      {
        kind: 'lhhtx',
        name: 'Liên hiệp HTX Nông sản Xứ Lạng',
        regNo: '4900678901',
        commune: 'Phường Vĩnh Trại',
        address: 'Số 88 đường Bắc Sơn',
        representative: 'Đinh Công Sơn',
        phone: '0983 117 245',
        registrationDate: '2020-01-15',
        charterCapital: 3_000_000_000,
        sector: 'trade_service'
      }
    ] as const
    for (const e of more) await core.call('entity.create', e)
    await page.reload()
    await expect.poll(() => gridRows().count()).toBe(7)
    // The deleted test record is in the file but not in the register's count.
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('7 bản ghi')
    await page.screenshot({ path: screenshotPath('registry.png') })
  })
})

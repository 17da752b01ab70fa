import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
beforeAll(async () => {
  s = await openApp(null)
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const gridRow = (name: string) => s.page.locator('[data-testid="registry-grid"] .ag-row[row-id]', { hasText: name })

describe('Sổ đăng ký in Chromium, through the bridge, on a real file', () => {
  it('asks for the office unit on first run, then shows the shell', async () => {
    const { page } = s
    await page.getByTestId('unit-select').selectOption('178')
    await page.getByTestId('start').click()
    await expect.poll(() => page.getByTestId('nav-registry').isVisible()).toBe(true)
    expect(await page.getByTestId('status-bar').innerText()).toContain('Thành phố Lạng Sơn')
    expect((await s.core.call('office.info', {})).unit?.code).toBe('178')
  })

  it('adds a cooperative through the form, with the core\'s Vietnamese messages per field', async () => {
    const { page } = s
    await page.getByTestId('add-entity').click()
    await page.getByTestId('field-name').fill('HT')
    await page.getByTestId('field-registrationDate').fill('31/02/2024')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('error-name').innerText()).toContain('ít nhất 3 ký tự')
    expect(await page.getByTestId('error-registrationDate').innerText()).toContain('Ngày không')
    expect((await s.core.call('entity.list', {})).total).toBe(0)

    await page.getByTestId('field-name').fill('HTX Nông nghiệp Tân Thành')
    await page.getByTestId('field-regNo').fill('4900123456')
    await page.getByTestId('field-registrationDate').fill('06/05/2024')
    await page.getByTestId('field-charterCapital').fill('1.500.000.000')
    await page.getByTestId('field-sector').selectOption('agri')
    await page.getByTestId('save-entity').click()
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã thêm «HTX Nông nghiệp Tân Thành»')
    await expect.poll(() => gridRow('HTX Nông nghiệp Tân Thành').innerText()).toContain('1.500.000.000')
    expect(await gridRow('HTX Nông nghiệp Tân Thành').innerText()).toContain('06/05/2024')
  })

  it('finds it by a search typed without diacritics, even "hop tac xa" for "HTX"', async () => {
    const { page, core } = s
    await core.call('entity.create', { kind: 'htx', name: 'HTX Vận tải Bắc Sơn', commune: 'Xã Bắc Sơn' })
    await page.getByTestId('search').fill('hop tac xa nong nghiep')
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]').count()).toBe(1)
    expect(await gridRow('HTX Nông nghiệp Tân Thành').count()).toBe(1)
    await expect.poll(() => page.getByTestId('row-count').innerText()).toBe('1 bản ghi')
    await page.getByTestId('search').fill('')
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]').count()).toBe(2)
  })

  it('edits a cell, saves it through the API, and the edit survives a reload', async () => {
    const { page, core } = s
    const cell = gridRow('HTX Nông nghiệp Tân Thành').locator('[col-id="phone"]')
    await cell.dblclick()
    await page.keyboard.type('0205 3870 123')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Đã lưu Điện thoại')
    const id = (await core.call('entity.list', { q: 'tan thanh' })).rows[0].id
    expect(await core.call('entity.get', { id })).toMatchObject({ phone: '0205 3870 123', rowVersion: 2 })

    await page.reload()
    await expect.poll(() => gridRow('HTX Nông nghiệp Tân Thành').locator('[col-id="phone"]').innerText()).toBe('0205 3870 123')
  })

  it('refuses a stale edit with a clear message and shows the register\'s value', async () => {
    const { page, core } = s
    const { rows } = await core.call('entity.list', { q: 'van tai bac son' })
    // Someone else edits the record after this page loaded it.
    await core.call('entity.update', { id: rows[0].id, rowVersion: rows[0].rowVersion, changes: { representative: 'Lý Thị Mai' } })
    const cell = gridRow('HTX Vận tải Bắc Sơn').locator('[col-id="representative"]')
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
      { kind: 'htx', name: 'HTX Dịch vụ nông nghiệp Hoàng Văn Thụ', regNo: '4900345678', commune: 'Phường Hoàng Văn Thụ', address: 'Số 12 đường Bà Triệu', representative: 'Hoàng Văn Nam', registrationDate: '2019-03-12', charterCapital: 2_300_000_000, sector: 'agri' },
      { kind: 'htx', name: 'HTX Chè Bắc Sơn', regNo: '4900456789', commune: 'Xã Bắc Sơn', address: 'Thôn Quỳnh Sơn', representative: 'Vi Thị Hoa', registrationDate: '2021-08-02', charterCapital: 850_000_000, sector: 'agri' },
      { kind: 'tht', name: 'Tổ hợp tác Mây tre đan Tân Liên', commune: 'Xã Tân Liên', representative: 'Nông Văn Quý', registrationDate: '2022-11-20', sector: 'industry' },
      { kind: 'htx', name: 'HTX Môi trường Đông Kinh', regNo: '4900567890', commune: 'Phường Đông Kinh', address: 'Số 5 ngõ 2 đường Lê Đại Hành', representative: 'Lương Thị Thu', registrationDate: '2016-05-30', charterCapital: 600_000_000, sector: 'environment', status: 'suspended' },
      { kind: 'lhhtx', name: 'Liên hiệp HTX Nông sản Xứ Lạng', regNo: '4900678901', commune: 'Phường Vĩnh Trại', address: 'Số 88 đường Bắc Sơn', representative: 'Đinh Công Sơn', registrationDate: '2020-01-15', charterCapital: 3_000_000_000, sector: 'trade_service' }
    ] as const
    for (const e of more) await core.call('entity.create', e)
    await page.reload()
    await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]').count()).toBe(7)
    await page.screenshot({ path: screenshotPath('registry.png') })
  })
})

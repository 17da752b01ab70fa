/**
 * The yearly figures screen, in Chromium against the real core: the circular a rating
 * follows (the sector's default shown until one is chosen), the size class and
 * audit duty the year's figures give, also in the record's detail panel; and the
 * revenue from members typed in its column (Phụ lục 1, issue 17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type Session } from './browser'

let s: Session
const ids: Record<string, number> = {}
beforeAll(async () => {
  s = await openApp('178')
  for (const r of [
    { kind: 'htx', name: 'HTX Nông Sản Tân Thành', sector: 'agri' },
    { kind: 'htx', name: 'HTX Dịch Vụ Đông Kinh', sector: 'trade_service' }
  ] as const)
    ids[r.name] = (await s.core.call('entity.create', r)).id
  await s.page.reload()
}, 90_000)
afterAll(async () => {
  await s?.close()
})

const FIGURES = '[data-testid="figures-grid"]'
const cell = (name: string, col: string) => s.page.locator(`${FIGURES} .ag-row[row-id="${ids[name]}"] [col-id="${col}"]`)
const focusedCol = () =>
  s.page.evaluate(() => document.querySelector('[data-testid="figures-grid"] .ag-cell-focus')?.getAttribute('col-id') ?? null)

describe('classification on the yearly figures screen', () => {
  it('shows the default circular by sector, the size class from the figures, and saves a chosen circular', async () => {
    const { page, core } = s
    await page.getByTestId('tab-figures').click()
    const year = Number(await page.getByTestId('figures-year').inputValue())
    const agri = 'HTX Nông Sản Tân Thành'
    await expect.poll(() => cell(agri, 'classificationCircular').innerText()).toBe('Thông tư 09/2017/TT-BNNPTNT')
    expect(await cell(agri, 'classificationCircular').getAttribute('class')).toContain('muted')
    expect(await cell('HTX Dịch Vụ Đông Kinh', 'classificationCircular').innerText()).toBe('Thông tư 01/2020/TT-BKHĐT')
    expect(await cell(agri, 'size').innerText()).toBe('Chưa xác định')
    await expect.poll(() => page.getByTestId('size-note').innerText()).toContain('chưa đối chiếu văn bản')

    await cell(agri, 'members').click()
    await page.keyboard.type('300')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(agri, 'members').innerText()).toBe('300')
    await cell(agri, 'revenue').click()
    await page.keyboard.type('50.000.000.000')
    await page.keyboard.press('Enter')
    await expect.poll(() => cell(agri, 'size').innerText()).toBe('Lớn')
    expect(await cell(agri, 'audit').innerText()).toBe('Phải kiểm toán')

    // Revenue from members (issue 17, migration 024): typed in its own column beside the revenue, saved in đồng.
    await expect
      .poll(() => page.locator(`${FIGURES} [role="columnheader"][col-id="memberRevenue"]`).innerText())
      .toContain('Doanh thu từ thành viên')
    await cell(agri, 'memberRevenue').click()
    await page.keyboard.type('1.250.000.000')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await core.call('figures.list', { entityId: ids[agri]!, year }))[0]?.memberRevenue).toBe(1_250_000_000)
    await expect.poll(() => cell(agri, 'memberRevenue').innerText()).toBe('1.250.000.000')

    // Keyboard to the circular, F2 opens it, ArrowDown its list; take the other one.
    await cell(agri, 'revenue').click()
    for (let i = 0; i < 12 && (await focusedCol()) !== 'classificationCircular'; i++) await page.keyboard.press('ArrowRight')
    expect(await focusedCol()).toBe('classificationCircular')
    await page.keyboard.press('F2')
    await page.keyboard.press('ArrowDown')
    await page.getByRole('option', { name: 'Thông tư 01/2020/TT-BKHĐT' }).click()
    await expect
      .poll(async () => (await core.call('figures.list', { entityId: ids[agri]!, year }))[0]?.classificationCircular)
      .toBe('Thông tư 01/2020/TT-BKHĐT')
    await expect.poll(() => cell(agri, 'classificationCircular').innerText()).toBe('Thông tư 01/2020/TT-BKHĐT')
    expect(await cell(agri, 'classificationCircular').getAttribute('class')).not.toContain('muted')

    // The detail panel says it too, for that year.
    await page.getByTestId('tab-register').click()
    await page.locator(`[data-testid="registry-grid"] .ag-row[row-id="${ids[agri]}"] [data-testid="open-detail"]`).click()
    await expect.poll(() => page.getByTestId(`detail-size-${year}`).innerText()).toBe('Lớn — phải kiểm toán độc lập')
  })
})

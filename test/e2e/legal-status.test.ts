/**
 * Issue 15, point 1, on screen: the detail panel names the legal status in the decree's words
 * (NĐ 295/2026 Điều 27) and keeps the office's management label apart — dated, shown, written
 * through the panel, and never a change of legal status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type Session } from './browser'

let s: Session
let id: number
let tht: number
beforeAll(async () => {
  s = await openApp('178')
  id = (await s.core.call('entity.create', { kind: 'htx', name: 'HTX Nông nghiệp Yên Khoái', registrationDate: '2015-03-02' })).id
  tht = (
    await s.core.call('entity.create', {
      kind: 'tht',
      name: 'Tổ hợp tác Chè Khe Mạ',
      commune: 'Xã Mai Pha',
      registrationDate: '2025-01-10',
      mustRegister: true,
      certificateNo: '49T000123',
      certificateDate: '2025-02-14'
    })
  ).id
  await s.page.reload()
  await s.page.waitForFunction(
    () => document.querySelectorAll('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').length === 2
  )
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const GRID = '[data-testid="registry-grid"]'

describe('legal status and management label in the detail panel', () => {
  it('shows the decree’s statuses, writes a dated label apart from them', async () => {
    const { page } = s
    await page.locator(`${GRID} .ag-row[row-id="${id}"] [data-testid="open-detail"]`).click()
    const panel = page.getByTestId('detail-panel')
    await expect.poll(() => panel.locator('h2').innerText()).toBe('HTX Nông nghiệp Yên Khoái')
    expect(await panel.locator('dl').innerText()).toMatch(/Tình trạng pháp lý\s+Đang hoạt động/)
    const options = await page.getByTestId('event-status').locator('option').allInnerTexts()
    expect(options).toEqual([
      'Đang hoạt động',
      'Tạm ngừng kinh doanh',
      'Không hoạt động tại địa chỉ đã đăng ký',
      'Bị thu hồi do cưỡng chế về quản lý thuế',
      'Đang làm thủ tục giải thể, bị chia, bị hợp nhất, được sáp nhập',
      'Đang làm thủ tục phá sản',
      'Đã giải thể, phá sản, chấm dứt tồn tại'
    ])
    const labels = page.getByTestId('label-section')
    expect(await labels.innerText()).toContain('Chưa có nhãn quản lý.')
    // A date that is not one is named, and nothing is written.
    await page.getByTestId('label-select').selectOption('awaiting_dissolution')
    await page.getByTestId('label-date').fill('31/02/2025')
    await page.getByTestId('label-add').click()
    await expect.poll(() => page.getByTestId('label-error').innerText()).toContain('Ngày không có thật trên lịch')
    expect(await s.core.call('label.list', { entityId: id })).toEqual([])

    await page.getByTestId('label-date').fill('01/06/2025')
    await page.getByTestId('label-note').fill('Biên bản kiểm tra số 3')
    await page.getByTestId('label-add').click()
    await expect.poll(() => page.getByTestId('label-timeline').innerText()).toBe('01/06/2025: Chờ giải thể — Biên bản kiểm tra số 3')
    await expect.poll(() => panel.locator('dl').innerText()).toMatch(/Nhãn quản lý\s+Chờ giải thể \(từ 01\/06\/2025\)/)
    // The legal status did not move.
    expect(await panel.locator('dl').innerText()).toMatch(/Tình trạng pháp lý\s+Đang hoạt động/)
    expect(await page.getByTestId('status-timeline').innerText()).toBe('Từ khi đăng ký: Đang hoạt động')
    expect(await s.core.call('entity.get', { id })).toMatchObject({
      status: 'active',
      label: 'awaiting_dissolution',
      labelSince: '2025-06-01'
    })

    // A THT shows its registration certificate and the decree's words for a THT (Điều 28).
    await page.getByTestId('detail-close').click()
    await page.locator(`${GRID} .ag-row[row-id="${tht}"] [data-testid="open-detail"]`).click()
    await expect.poll(() => panel.locator('h2').innerText()).toBe('Tổ hợp tác Chè Khe Mạ')
    expect(await panel.locator('dl').innerText()).toMatch(/Giấy chứng nhận đăng ký THT\s+49T000123, cấp 14\/02\/2025/)
    const thtOptions = await page.getByTestId('event-status').locator('option').allInnerTexts()
    expect(thtOptions).toContain('Đang làm thủ tục chấm dứt hoạt động')
    expect(thtOptions).not.toContain('Đang làm thủ tục phá sản')
  })
})

/**
 * «Kiểm tra số liệu» in the browser preview: the findings of the rules, a filter by
 * severity, «Đã kiểm tra…» with a note (the finding goes quiet), the link to the record,
 * and the findings beside the record in the detail panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
let few: { id: number }
beforeAll(async () => {
  s = await openApp('178')
  const full = {
    members: 20,
    workers: 10,
    managers: 3,
    managersElementary: 1,
    managersCollege: 1,
    revenue: 900_000_000,
    profit: 50_000_000,
    avgIncome: 4_000_000
  }
  const base = { kind: 'htx', registrationDate: '2015-01-01', charterCapital: 500_000_000, sector: 'agri' } as const
  few = await s.core.call('entity.create', { ...base, name: 'HTX Ít Thành Viên', regNo: '4900000018' })
  await s.core.call('figures.set', { entityId: few.id, year: 2025, figures: { ...full, members: 4 } })
  const trained = await s.core.call('entity.create', { ...base, name: 'HTX Cán Bộ Đào Tạo', regNo: '4900123467' })
  await s.core.call('figures.set', {
    entityId: trained.id,
    year: 2025,
    figures: { ...full, managers: 3, managersElementary: 2, managersCollege: 2 }
  })
}, 60_000)
afterAll(async () => {
  await s?.close()
})

describe('«Kiểm tra số liệu»', () => {
  it('lists, filters, acknowledges with a note and links to the record, whose panel shows its findings', async () => {
    const p = s.page
    await p.getByTestId('nav-checks').click()
    const list = p.getByTestId('findings')
    const few = list.locator('[data-rule="htx.min_members"]')
    await expect.poll(() => few.innerText()).toContain('HTX «HTX Ít Thành Viên» (mã số 4900000018) có 4 thành viên')
    expect(await few.innerText()).toContain('Cần xem lại')
    expect(await few.innerText()).toContain('Luật Hợp tác xã số 17/2023/QH15, Điều 4 khoản 7')
    await p.screenshot({ path: screenshotPath('checks.png') })

    // Severity «Sai»: only the trained-managers finding.
    await p.getByTestId('checks-severity').selectOption('error')
    await expect.poll(() => list.locator('[data-testid="finding"]').count()).toBe(1)
    expect(await list.innerText()).toContain('HTX Cán Bộ Đào Tạo')
    await p.getByTestId('checks-severity').selectOption('')
    await expect.poll(() => few.count()).toBe(1)

    // «Đã kiểm tra…» with a note: the finding leaves the open list; shown again with «kể cả mục đã kiểm tra».
    await few.getByTestId('finding-ack').click()
    await few.getByTestId('finding-note').fill('Đã gọi điện: HTX đang kết nạp thêm thành viên')
    await few.getByTestId('finding-ack-save').click()
    await expect.poll(() => few.count()).toBe(0)
    await p.getByTestId('checks-all').check()
    await expect.poll(() => few.count()).toBe(1)
    expect(await few.getByTestId('finding-acked').innerText()).toContain('Đã kiểm tra: Đã gọi điện: HTX đang kết nạp thêm thành viên')
    const stored = await s.core.call('checks.run', { includeAcknowledged: true, rule: 'htx.min_members' })
    expect(stored.findings[0]).toMatchObject({ state: 'acknowledged' })

    // The link opens the record in the register, with its findings beside it.
    await list.locator('[data-rule="figures.trained_managers"]').getByTestId('finding-open').click()
    const panel = p.getByTestId('detail-panel')
    await expect.poll(() => panel.locator('h2').innerText()).toBe('HTX Cán Bộ Đào Tạo')
    await expect.poll(() => panel.getByTestId('detail-findings').innerText()).toContain('nhiều hơn «Cán bộ quản lý» (3 người)')
  })
})

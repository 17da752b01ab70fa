/**
 * The province's «Trùng giữa các huyện» shows what differs between the two
 * districts' copies of a cooperative, so the choice of the managing district
 * can be made from the screen; its file buttons are Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'
import { exportTo } from '../core/package-fixture'
import { openApp, screenshotPath, type Session } from './browser'

const AS_OF = new Date().toISOString().slice(0, 10)
let province: Session
const districts: Array<Awaited<ReturnType<typeof officeCore>>> = []
beforeAll(async () => {
  province = await openApp('20')
  const files: string[] = []
  for (const [unit, commune, capital] of [
    ['178', 'Xã Hoàng Đồng', 500_000_000],
    ['180', 'Xã Tân Thanh', 750_000_000]
  ] as const) {
    const d = await officeCore(unit)
    districts.push(d)
    await d.call('entity.create', {
      kind: 'htx',
      name: 'HTX Chuyển trụ sở Văn Lãng',
      regNo: '4900888001',
      commune,
      charterCapital: capital,
      registrationDate: '2020-05-06'
    })
    files.push((await exportTo(d, d.dir, AS_OF)).file)
  }
  const r = await province.core.call('handoff.consolidate', { files: files.map((path) => ({ path })), trustNewKeys: true })
  expect(r.accepted).toHaveLength(2)
}, 60_000)
afterAll(async () => {
  await province?.close()
  for (const d of districts) await d.dispose()
})

describe('a conflict between two districts', () => {
  it('lists each field that differs with each district’s value, and not the ones that agree', async () => {
    const p = province.page
    await p.getByTestId('nav-exchange').click()
    const diff = p.getByTestId('conflict-reg:4900888001').getByTestId('conflict-diff')
    await expect.poll(() => diff.innerText()).toContain('Xã, phường')
    const text = await diff.innerText()
    expect(text).toMatch(/Xã Hoàng Đồng \(Thành phố Lạng Sơn\) ≠ Xã Tân Thanh \(.+\)/)
    expect(text).toMatch(/Vốn điều lệ \(đồng\): 500\.000\.000 .* ≠ 750\.000\.000/)
    expect(text).not.toContain('Tên')
    expect(text).not.toContain('Ngày đăng ký')
    await p.getByTestId('conflict-reg:4900888001').scrollIntoViewIfNeeded()
    await p.screenshot({ path: screenshotPath('province-conflict.png') })
  })

  it('picks packages and keys with «Chọn tệp…», never the browser’s English button', async () => {
    const p = province.page
    await expect.poll(() => p.getByTestId('package-files-button').innerText()).toBe('Chọn tệp…')
    expect(await p.getByTestId('package-files').isVisible()).toBe(false)
    expect(await p.getByTestId('package-files-names').innerText()).toBe('Chưa chọn tệp nào')
    const visibleNative = await p.evaluate(
      () => [...document.querySelectorAll('input[type="file"]')].filter((i) => (i as HTMLElement).offsetParent !== null).length
    )
    expect(visibleNative).toBe(0)
  })

  it('offers as the report scope the units of the report date: former districts before 01/07/2025, communes after', async () => {
    const p = province.page
    await p.getByTestId('nav-reports').click()
    const options = () => p.locator('[data-testid="report-scope"] option').allInnerTexts()
    // Today: the communes of Lạng Sơn, then the two former districts whose registers the province still holds.
    await expect.poll(async () => (await options()).includes('Phường Đông Kinh')).toBe(true)
    expect((await options()).slice(-2)).toEqual(['Thành phố Lạng Sơn (huyện cũ)', 'Huyện Tràng Định (huyện cũ)'])
    await p.getByTestId('report-date').fill('30/06/2023')
    await p.getByTestId('report-date').press('Enter')
    await expect.poll(async () => (await options()).includes('Phường Đông Kinh')).toBe(false)
    expect((await options()).slice(0, 3)).toEqual(['Toàn tỉnh', 'Thành phố Lạng Sơn', 'Huyện Tràng Định'])
  })

  it('compares years on today’s communes: «Theo địa giới mới» in the «theo đơn vị» table only', async () => {
    const p = province.page
    await p.getByTestId('report-tab-report').click()
    await p.getByTestId('report-layout').selectOption('phu-luc-1')
    await expect.poll(() => p.getByTestId('report-boundaries').count()).toBe(0)
    await p.getByTestId('report-layout').selectOption('theo-don-vi')
    const header = p.locator('[data-testid="report-preview"] .ag-header-cell-text')
    await expect.poll(() => header.allInnerTexts()).toContain('Huyện, thành phố')
    await p.getByTestId('report-boundaries').selectOption('new')
    await expect.poll(() => header.allInnerTexts()).toContain('Xã, phường, đặc khu (địa giới mới)')
    // Every commune of today's Lạng Sơn, zeros included; the copy counted names «Xã Tân Thanh», which is not a commune of
    // the district that sent it, so it is carried to no commune: the last row says so, never a guess.
    const table = await province.core.call('report.build', { layout: 'theo-don-vi', asOf: '2023-06-30', boundaries: 'new' })
    const held = table.rows.filter((r) => r.style !== 'total' && Number(r.cells[2]) > 0)
    expect(held.map((r) => [r.cells[1], r.cells[2]])).toEqual([['Chưa xác định xã', 1]])
    // Scroll the grid to its end (AG Grid renders the rows in view only).
    await p.getByTestId('report-preview').evaluate((root) => {
      for (const el of root.querySelectorAll<HTMLElement>('*'))
        if (el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).overflowY !== 'visible') el.scrollTop = el.scrollHeight
    })
    await expect.poll(() => p.locator('[data-testid="report-preview"] .ag-row', { hasText: 'Chưa xác định xã' }).count()).toBe(1)
    await p.screenshot({ path: screenshotPath('report-new-boundaries.png') })
  })
})

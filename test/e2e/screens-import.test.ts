/**
 * The import preview as a person checks it, and the file button: fields by
 * their Vietnamese names, capital, members and status to look at, a wrong check
 * digit flagged, the figures year's source said, «Chọn tệp…» with the names
 * beside it instead of the browser's English «Choose Files».
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
let file: string
beforeAll(async () => {
  s = await openApp('178')
  await s.core.call('entity.create', {
    kind: 'htx',
    name: 'HTX An Bình',
    regNo: '4900000017',
    commune: 'Xã Hoàng Đồng',
    charterCapital: 1_000_000_000
  })
  const aoa = [
    ['DANH SÁCH HỢP TÁC XÃ'],
    ['(Số liệu tính đến ngày 31/12/2023)'],
    [],
    ['STT', 'Tên hợp tác xã', 'Mã số HTX', 'Xã, phường', 'Vốn điều lệ (đồng)', 'Số thành viên', 'Tình trạng'],
    [1, 'HTX An Bình', '4900000017', 'Xã Hoàng Đồng', '1.200.000.000', 25, 'Đang hoạt động'],
    [2, 'HTX Bình Minh', '4900000018', 'Xã Gia Cát', '800.000.000', 12, 'Tạm ngừng hoạt động']
  ]
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'HTX')
  file = join(s.core.dir, 'danh-sach-2023.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const rows = () => s.page.getByTestId('rows-HTX-1')

describe('the import preview', () => {
  it('shows «Chọn tệp…» in Vietnamese, no native English button, and the chosen name beside it', async () => {
    const { page } = s
    await page.getByTestId('nav-exchange').click()
    const button = page.getByTestId('import-files-button')
    await expect.poll(() => button.innerText()).toBe('Chọn tệp…')
    expect(await page.getByTestId('import-files-names').innerText()).toBe('Chưa chọn tệp nào')
    // The native input is in the page for drag-and-drop and tests, but nobody sees it.
    expect(await page.getByTestId('import-files').isVisible()).toBe(false)
    await page.getByTestId('import-files').setInputFiles(file)
    await expect.poll(() => page.getByTestId('import-files-names').innerText()).toBe('danh-sach-2023.xlsx')
    const b = (await button.boundingBox())!
    const n = (await page.getByTestId('import-files-names').boundingBox())!
    expect(n.x).toBeGreaterThan(b.x + b.width - 1)
    expect(Math.abs(n.y + n.height / 2 - (b.y + b.height / 2))).toBeLessThan(6)
  })

  it('names changed fields in Vietnamese, shows capital, members and status, and flags a wrong check digit', async () => {
    const { page } = s
    await expect.poll(() => page.getByTestId('import-totals').innerText()).toContain('1 mới')
    const text = await rows().innerText()
    expect(text).toContain('Vốn điều lệ (đồng)')
    expect(text).toContain('Thành viên')
    expect(text).toContain('Tình trạng')
    // The update names its fields as the register does, values in Vietnamese form.
    const changes = await rows().getByTestId('row-changes').innerText()
    expect(changes).toContain('Vốn điều lệ: 1.000.000.000 → 1.200.000.000')
    expect(changes).toContain('Số thành viên (2023)')
    expect(changes).not.toMatch(/members|charterCapital|:\d{4}:/)
    const newRow = rows().locator('tr', { hasText: 'HTX Bình Minh' })
    expect(await newRow.innerText()).toContain('800.000.000')
    expect(await newRow.innerText()).toContain('Tạm ngừng kinh doanh')
    await expect.poll(() => newRow.getByTestId('regno-warning').innerText()).toContain('sai số kiểm tra')
    expect(await rows().locator('tr', { hasText: 'HTX An Bình' }).getByTestId('regno-warning').count()).toBe(0)
    expect(await page.getByTestId('figures-year-HTX-1').innerText()).toBe(
      'Năm số liệu: 2023 — theo dòng «Số liệu tính đến ngày 31/12/2023» của tệp'
    )
    await page.screenshot({ path: screenshotPath('import-preview.png'), fullPage: true })
  })

  it('says when the figures-year box overrides the file’s own date line', async () => {
    const { page } = s
    await page.getByTestId('import-year').fill('2024')
    await expect
      .poll(() => page.getByTestId('figures-year-HTX-1').innerText())
      .toBe('Năm số liệu: 2024 — theo ô «Năm số liệu» đã gõ, thay cho dòng «Số liệu tính đến ngày 31/12/2023» của tệp (năm 2023)')
    await expect.poll(() => rows().getByTestId('row-changes').innerText()).toContain('Số thành viên (2024)')
  })

  it('at 1024×700 the preview keeps capital and members readable, not cut', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1024, height: 700 })
    const cell = rows().locator('tr', { hasText: 'HTX Bình Minh' }).locator('td.num').first()
    await cell.scrollIntoViewIfNeeded()
    expect(await cell.innerText()).toBe('800.000.000')
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await page.setViewportSize({ width: 1366, height: 768 })
  })
})

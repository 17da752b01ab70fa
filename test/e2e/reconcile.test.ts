/**
 * «Đối chiếu với CSDL quốc gia» as a person uses it: pick the national list, read what
 * differs beside what the register holds, take one value, then the rest at once.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
let file: string
let binhMinh: number
beforeAll(async () => {
  s = await openApp('178')
  await s.core.call('entity.create', { kind: 'htx', name: 'HTX Nông nghiệp An Bình', regNo: '4900100001', representative: 'Hoàng Văn A' })
  binhMinh = (await s.core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Bình Minh', regNo: '4900100002' })).id
  await s.core.call('entity.create', { kind: 'htx', name: 'HTX Chỉ Có Trên Sổ', regNo: '4900100009' })
  const aoa = [
    ['DANH SÁCH HỢP TÁC XÃ TRÊN HỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐĂNG KÝ HỢP TÁC XÃ'],
    [],
    ['STT', 'Mã số HTX', 'Tên HTX', 'Tình trạng pháp lý', 'Địa chỉ trụ sở chính', 'Người đại diện theo pháp luật'],
    [1, '4900100001', 'HỢP TÁC XÃ NÔNG NGHIỆP AN BÌNH', 'Đang hoạt động', '', 'Hoàng Văn Ánh'],
    [2, '4900100002', 'HTX Dịch vụ Bình Minh', 'Tạm ngừng kinh doanh', '', ''],
    [3, '4900100004', 'HTX Mới Đăng Ký Ở Tỉnh', 'Đang hoạt động', 'Xã Mai Pha', 'Nông Văn D']
  ]
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Danh sach')
  file = join(s.core.dir, 'csdl-quoc-gia.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}, 60_000)
afterAll(async () => {
  await s?.close()
})

describe('Đối chiếu với CSDL quốc gia', () => {
  it('shows both sides, takes one national value, then all the rest, and the register holds them', async () => {
    const { page, core } = s
    await page.getByTestId('nav-exchange').click()
    await page.getByTestId('tab-reconcile').click()
    await page.getByTestId('reconcile-file').setInputFiles(file)
    await expect
      .poll(() => page.getByTestId('reconcile-summary').innerText())
      .toBe('Tệp «csdl-quoc-gia.xlsx»: khớp 2 bản ghi; chỉ có trong CSDL quốc gia: 1; chỉ có trong sổ: 1; 2 chỗ khác nhau.')
    const status = page.getByTestId(`diff-${binhMinh}:status`)
    expect(await status.innerText()).toBe('\tHTX Dịch vụ Bình Minh\tTình trạng pháp lý\tĐang hoạt động\tTạm ngừng kinh doanh\t5')
    expect(await page.getByTestId('reconcile-only-national').innerText()).toContain('HTX Mới Đăng Ký Ở Tỉnh')
    expect(await page.getByTestId('reconcile-only-register').innerText()).toContain('HTX Chỉ Có Trên Sổ')
    // Capitals alone are not a difference: the name of An Bình is not listed.
    expect(await page.getByTestId('reconcile-differences').innerText()).not.toContain('HỢP TÁC XÃ NÔNG NGHIỆP')
    await page.screenshot({ path: screenshotPath('reconcile.png') })

    await page.getByRole('checkbox', { name: 'Nhận Tình trạng pháp lý của «HTX Dịch vụ Bình Minh» theo CSDL quốc gia' }).check()
    await page.getByTestId('reconcile-adopt').click()
    await expect.poll(() => page.locator('#notice-layer').innerText()).toContain('Đã nhận 1 giá trị theo CSDL quốc gia')
    await expect.poll(() => page.getByTestId(`diff-${binhMinh}:status`).count()).toBe(0)
    expect((await core.call('status.list', { entityId: binhMinh })).at(-1)?.status).toBe('suspended')

    await page.getByTestId('reconcile-adopt-all').click()
    await expect.poll(() => page.getByTestId('reconcile-summary').innerText()).toContain('0 chỗ khác nhau')
    const anBinh = (await core.call('entity.list', { q: 'An Bình' })).rows[0]!
    expect(anBinh.representative).toBe('Hoàng Văn Ánh')
  })
})

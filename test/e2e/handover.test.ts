/**
 * The handover in Chromium (issue 14, point 3), as two offices do it: a former district (Thành phố Hà
 * Giang) sees under «Trao đổi dữ liệu → Bàn giao cho xã» which new commune takes how many records,
 * chooses a commune for the record of a split old commune and the one whose commune is unknown, and
 * exports Phường Hà Giang 2's package; that commune's office takes it in under «Nhận bàn giao».
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let district: Session
let commune: Session
const ids: number[] = []
beforeAll(async () => {
  district = await openApp('024')
  commune = await openApp('00691')
  for (const [i, [name, place]] of [
    ['HTX Nông nghiệp Trần Phú', 'Phường Trần Phú'],
    ['HTX Chè Nguyễn Trãi', 'Phường Nguyễn Trãi'],
    ['HTX Vận tải Quang Trung', 'Phường Quang Trung'],
    ['HTX Mộc Bản Mới', 'Xã Bản Mới Không Có']
  ].entries()) {
    const e = await district.core.call('entity.create', {
      kind: 'htx',
      name: name!,
      regNo: `200000000${i}`,
      commune: place!,
      registrationDate: '2019-05-06',
      sector: 'agri'
    })
    ids.push(e.id)
  }
}, 60_000)
afterAll(async () => {
  await district?.close()
  await commune?.close()
})

describe('Bàn giao cho xã → Nhận bàn giao in Chromium', () => {
  it('shows the plan, takes the officer’s choices, exports per commune, and the commune imports it', async () => {
    const { page } = district
    await page.getByTestId('nav-exchange').click()
    await page.getByTestId('tab-handover').click()
    await expect.poll(() => page.getByTestId('handover-commune-00691').innerText()).toMatch(/Phường Hà Giang 2\s+1\b/)
    const split = page.getByTestId(`handover-record-${ids[2]}`)
    expect(await split.innerText()).toContain('được chia cho nhiều xã mới')
    expect(await page.getByTestId(`handover-record-${ids[3]}`).innerText()).toContain('Không nhận ra «Xã Bản Mới Không Có»')
    await page.screenshot({ path: screenshotPath('handover-plan.png') })

    await page.getByTestId(`handover-choice-${ids[2]}`).selectOption('00691')
    await page.getByTestId(`handover-assign-${ids[2]}`).click()
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Đã ghi: HTX Vận tải Quang Trung giao cho Phường Hà Giang 2')
    await expect.poll(() => page.getByTestId('handover-commune-00691').innerText()).toMatch(/Phường Hà Giang 2\s+2\b/)
    await page.getByTestId(`handover-choice-${ids[3]}`).selectOption('00694')
    await page.getByTestId(`handover-assign-${ids[3]}`).click()
    await expect.poll(() => page.getByTestId('handover-none-unassigned').count()).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('handover-export-00691').click()])
    expect(download.suggestedFilename()).toMatch(/^ban-giao-024-cho-00691-\d\d-\d\d-\d{4}\.xlsx$/)
    const file = join(district.core.dir, download.suggestedFilename())
    await download.saveAs(file)
    await expect.poll(() => page.getByRole('status').innerText()).toContain('2 bản ghi cho Phường Hà Giang 2')
    await expect.poll(() => page.getByTestId('handover-commune-00691').innerText()).toMatch(/Phường Hà Giang 2\s+2\s+2\b/)

    const p = commune.page
    await p.getByTestId('nav-exchange').click()
    await p.getByTestId('tab-takeover').click()
    await p.getByTestId('handover-file').setInputFiles(file)
    await expect.poll(() => p.getByRole('alert').innerText()).toContain('khóa chưa được tin cậy')
    await p.getByTestId('handover-trust').check()
    await p.getByTestId('handover-file').setInputFiles(file)
    await expect.poll(() => p.getByRole('status').innerText()).toContain('Đã nhận 2 bản ghi bàn giao từ Thành phố Hà Giang')
    await p.screenshot({ path: screenshotPath('handover-import.png') })
    await p.getByTestId('nav-registry').click()
    await expect.poll(() => p.locator('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').count()).toBe(2)
  })
})

/**
 * «Ai đã gửi» on the province's screen, in Chromium (issue 18 point 3): the province sets the
 * round «số liệu đến 14/12/2024, hạn 18/12/2024» from the calendar's dates and sees every
 * former district of Lạng Sơn: Thành phố Lạng Sơn sent in time and was accepted, Huyện Bình
 * Gia sent two days late, the nine others never sent. The board prints and saves as .xlsx.
 */
import { readFileSync } from 'node:fs'
import * as XLSX from 'xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore, testClock } from '../helpers/temp'
import { exportTo } from '../core/package-fixture'
import { openApp, screenshotPath, type Session } from './browser'

let province: Session
const districts: Array<Awaited<ReturnType<typeof officeCore>>> = []
beforeAll(async () => {
  province = await openApp('20')
  for (const [unit, at] of [
    ['178', '2024-12-16T02:00:00.000Z'],
    ['181', '2024-12-20T03:00:00.000Z']
  ] as const) {
    const d = await officeCore(unit, 'Cán bộ huyện', { now: testClock(at).now })
    districts.push(d)
    await d.call('entity.create', { kind: 'htx', name: `HTX Dịch vụ ${unit}` })
    const { file } = await exportTo(d, d.dir, '2024-12-14')
    expect((await province.core.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })).accepted).toHaveLength(1)
  }
  const reviews = (await province.core.call('review.list', {})).province
  await province.core.call('review.set', { packageId: reviews.find((r) => r.unit === '178')!.packageId, decision: 'accepted' })
}, 60_000)
afterAll(async () => {
  await province?.close()
  for (const d of districts) await d.dispose()
})

describe('who has reported, on the province screen', () => {
  it('sets a round from the calendar’s dates and shows every expected district, one of them late', async () => {
    const p = province.page
    await p.getByTestId('nav-exchange').click()
    await p.getByTestId('tab-board').click()
    // The calendar's dates are offered, with their source and what is not confirmed.
    await expect
      .poll(() => p.getByTestId('round-calendar').innerText())
      .toContain(': chậm nhất 18/12 (Thông tư 09/2024/TT-BKHĐT, Điều 7 khoản 1)')
    expect(await p.getByTestId('round-calendar').innerText()).toContain('Chưa xác nhận')
    await p.getByTestId('round-asof').fill('14/12/2024')
    await p.getByTestId('round-deadline').fill('18/12/2024')
    await p.getByTestId('round-set').click()

    const state = (code: string) => p.getByTestId(`board-${code}`).getByTestId('board-state').innerText()
    await expect.poll(() => state('181')).toBe('Gửi muộn 2 ngày')
    expect(await state('178')).toBe('Đã chấp nhận')
    expect(await state('189')).toBe('Chưa gửi')
    expect(await p.getByTestId('board-189').innerText()).toContain('Huyện Đình Lập')
    expect(await p.locator('[data-testid="board"] tbody tr').count()).toBe(11)
    expect(await p.getByTestId('board-counts').innerText()).toBe(
      '11 đơn vị phải gửi: chưa gửi 9, gửi muộn 1, đã chấp nhận 1 — đã quá hạn gửi.'
    )
    await p.getByTestId('board').scrollIntoViewIfNeeded()
    await p.screenshot({ path: screenshotPath('province-round-board.png') })
  })

  it('prints the board under the province’s letterhead and saves it as .xlsx', async () => {
    const p = province.page
    await p.getByTestId('board-print').click()
    const frame = p.frameLocator('[data-testid="board-print-frame"]').locator('body')
    await expect.poll(() => frame.innerText()).toContain('Gửi muộn 2 ngày')
    expect(await frame.innerText()).toContain('SỞ TÀI CHÍNH')
    await p.getByTestId('board-print-close').click()

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('board-xlsx').click()])
    expect(download.suggestedFilename()).toBe('dot-bao-cao-2024-12-14.xlsx')
    const wb = XLSX.read(readFileSync(await download.path()), { type: 'buffer' })
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' })
    expect(aoa.find((r) => r[1] === '181')?.[7]).toBe('Gửi muộn 2 ngày')
  })
})

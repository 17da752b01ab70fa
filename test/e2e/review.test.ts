/**
 * The province's reply on the district's screen, in Chromium: the district's last
 * sending waits («Chờ tỉnh xem xét»); the province, on «Xem xét gói», returns it with a
 * remark on a record and saves the signed reply;
 * the district picks the reply file, compares the province's fingerprint, trusts it, and
 * sees «Bị trả lại» with the remark beside the record; it answers and the remark closes, and
 * the registry's detail panel shows it beside the record too.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let district: Session
let province: Session
beforeAll(async () => {
  district = await openApp('178')
  province = await openApp('20')
  for (const [i, name] of ['HTX Nông nghiệp Yên Khoái', 'HTX Dịch vụ Mai Pha'].entries())
    await district.core.call('entity.create', { kind: 'htx', name, regNo: `490012345${i}`, sector: 'agri' })
}, 60_000)
afterAll(async () => {
  await district?.close()
  await province?.close()
})

describe('Phản hồi của tỉnh on «Gửi tỉnh»', () => {
  it('shows the returned status and the remark beside the record, and closes it with an answer', async () => {
    const { page } = district
    await page.getByTestId('nav-exchange').click()
    await page.getByTestId('tab-send').click()
    await page.getByTestId('package-as-of').fill('30/06/2024')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('package-export').click()])
    const pkg = join(district.core.dir, download.suggestedFilename())
    await download.saveAs(pkg)
    await expect.poll(() => page.getByTestId('sending-status').innerText()).toContain('Chờ tỉnh xem xét')

    // The province consolidates, then on «Xem xét gói» returns the package with a remark on «HTX Dịch vụ Mai Pha».
    expect((await province.core.call('handoff.consolidate', { files: [{ path: pkg }], trustNewKeys: true })).accepted).toHaveLength(1)
    const p = province.page
    await p.getByTestId('nav-exchange').click()
    await p.getByTestId('tab-review').click()
    await expect.poll(() => p.getByTestId('review-178').innerText()).toContain('Chưa xem xét')
    await p.getByTestId('review-open-178').click()
    await p.getByTestId('remark-search').fill('Mai Pha')
    const option = p.getByTestId('remark-entity').locator('option', { hasText: 'HTX Dịch vụ Mai Pha' })
    await expect.poll(() => option.count()).toBe(1)
    await p.getByTestId('remark-entity').selectOption({ label: 'HTX Dịch vụ Mai Pha (4900123451)' })
    await p.getByTestId('remark-text').fill('Thiếu số thành viên năm 2023')
    await p.getByTestId('remark-add').click()
    await expect.poll(() => p.getByTestId('review-remarks').innerText()).toContain('Thiếu số thành viên năm 2023')
    await p.getByTestId('review-note').fill('Đề nghị bổ sung rồi gửi lại')
    await p.getByTestId('review-return').click()
    await expect.poll(() => p.getByTestId('review-178').innerText()).toContain('Bị trả lại')
    await p.screenshot({ path: screenshotPath('review-province.png') })
    const [replyDownload] = await Promise.all([p.waitForEvent('download'), p.getByTestId('review-export').click()])
    expect(replyDownload.suggestedFilename()).toBe('phan-hoi-20-cho-178-den-30-06-2024.json')
    const replyPath = join(district.core.dir, replyDownload.suggestedFilename())
    await replyDownload.saveAs(replyPath)
    const { fingerprint } = await province.core.call('handoff.key', {})

    // First reply: the province's key is shown to compare before it is trusted.
    await page.getByTestId('reply-file').setInputFiles(replyPath)
    await expect.poll(() => page.getByTestId('reply-untrusted').innerText()).toContain(fingerprint)
    expect(await page.getByTestId('sending-status').innerText()).toContain('Chờ tỉnh xem xét')
    await page.getByTestId('reply-trust').click()

    await expect.poll(() => page.getByTestId('sending-status').innerText()).toContain('Bị trả lại')
    expect(await page.getByTestId('reply-note').innerText()).toContain('Đề nghị bổ sung rồi gửi lại')
    const remarks = page.getByTestId('reply-remarks')
    const row = remarks.locator('tr', { hasText: 'HTX Dịch vụ Mai Pha' })
    await expect.poll(() => row.innerText()).toContain('Thiếu số thành viên năm 2023')
    expect(await row.innerText()).toContain('4900123451')
    await page.screenshot({ path: screenshotPath('review-returned.png') })

    const remarkId = (await district.core.call('review.list', {})).district[0].remarks[0].id
    await page.getByTestId(`remark-note-${remarkId}`).fill('Đã bổ sung 23 thành viên')
    await page.getByTestId(`remark-close-${remarkId}`).click()
    await expect.poll(() => page.getByTestId(`remark-answer-${remarkId}`).innerText()).toContain('Đã bổ sung 23 thành viên')
    expect((await district.core.call('review.list', {})).district[0].remarks[0].answer?.note).toBe('Đã bổ sung 23 thành viên')

    // Re-sent (the same data, with the answer): the province sees the district's answer beside its remark.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('package-export').click()])
    const pkg2 = join(district.core.dir, 'goi-gui-lai.xlsx')
    await again.saveAs(pkg2)
    await expect.poll(() => page.getByTestId('sending-status').innerText()).toContain('Bị trả lại')
    const resent = await province.core.call('handoff.consolidate', { files: [{ path: pkg2 }] })
    expect(resent.skipped[0].reason).toContain('đã ghi 1 câu trả lời')
    await p.getByTestId('tab-log').click()
    await p.getByTestId('tab-review').click()
    await p.getByTestId('review-open-178').click()
    await expect.poll(() => p.getByTestId('review-remarks').innerText()).toContain('Đã bổ sung 23 thành viên')

    // The same remark beside the record in the registry's detail panel, with its answer.
    const maiPha = (await district.core.call('entity.list', { q: 'Mai Pha' })).rows[0]!
    await page.getByTestId('nav-registry').click()
    await page.locator(`[data-testid="registry-grid"] .ag-row[row-id="${maiPha.id}"] [data-testid="open-detail"]`).click()
    const panel = page.getByTestId('detail-panel')
    await expect.poll(() => panel.getByTestId('detail-remarks').innerText()).toContain('Thiếu số thành viên năm 2023')
    expect(await panel.getByTestId('detail-remarks').innerText()).toMatch(/Bị trả lại[\s\S]*Đã bổ sung 23 thành viên/)
  })
})

/**
 * «Giải thể» as a person reads it: each date beside its reason says what it is
 * (the suspension's own date, and the day the 12 months are up), the steps say
 * once that their legal basis is unchecked, and nothing shows an internal code.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unzip } from '../helpers/zip'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
let suspended: number
let stopped: number
beforeAll(async () => {
  s = await openApp('178')
  s.page.on('dialog', (d) => void d.accept())
  suspended = (await s.core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Hoàng Đồng', registrationDate: '2015-03-02' })).id
  await s.core.call('status.add', { entityId: suspended, status: 'suspended', effectiveDate: '2023-03-01' })
  // Its last general meeting is known, so "18 months without one" is a ground of its own.
  await s.core.call('dissolution.setLastAgm', { entityId: suspended, lastAgmDate: '2015-03-02' })
  stopped = (
    await s.core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Vận tải Bắc Sơn với tên dài để dòng lý do xuống hàng',
      registrationDate: '2016-01-20'
    })
  ).id
  await s.core.call('label.add', { entityId: stopped, label: 'stopped', effectiveDate: '2022-11-15' })
}, 60_000)
afterAll(async () => {
  await s?.close()
})

/** Where each cell of a reason's line is on screen, and what it says. */
const reasonLine = (entityId: number, code: string) =>
  s.page.getByTestId(`reason-${entityId}-${code}`).evaluate((tr) =>
    [...tr.querySelectorAll('td')].map((td) => {
      const r = td.getBoundingClientRect()
      return { text: (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), top: Math.round(r.top), left: Math.round(r.left) }
    })
  )

describe('Cần xử lý', () => {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1024, height: 700 }
  ]) {
    it(`at ${size.width}×${size.height}: a suspension entered as 01/03/2023 shows that date as its start, and 01/03/2024 labelled as the end of the notice (12 months at most), each on its reason's line`, async () => {
      const { page } = s
      await page.setViewportSize(size)
      await page.getByTestId('nav-dissolution').click()
      await expect.poll(() => page.getByTestId(`reason-${suspended}-suspension_beyond_notice`).count()).toBe(1)
      const start = page.getByTestId(`reason-${suspended}-suspension_beyond_notice`).getByTestId('reason-start')
      const since = page.getByTestId(`reason-${suspended}-suspension_beyond_notice`).getByTestId('reason-since')
      const words = async (l: typeof start) => (await l.innerText()).replace(/\s+/g, ' ').trim()
      expect(await words(start)).toBe('tạm ngừng từ 01/03/2023')
      expect(await words(since)).toBe('hết hạn thông báo 01/03/2024')
      // The two dates sit on the line of their reason, and the same kind of date lines up from record to record.
      const line = await reasonLine(suspended, 'suspension_beyond_notice')
      const label = line.find((c) => c.text.startsWith('Tạm ngừng kinh doanh quá thời hạn'))!
      // Dates are dd/mm/yyyy cells; the reason's own cell cites «NĐ 295/2026», which is no date.
      const dates = line.filter((c) => c !== label && /\b\d{2}\/\d{2}\/\d{4}\b/.test(c.text))
      expect(dates.map((d) => d.top)).toEqual([label.top, label.top])
      const other = await reasonLine(stopped, 'stopped_without_notice')
      const otherSince = other.find((c) => c.text.startsWith('đủ 12 tháng'))!
      expect(otherSince).toMatchObject({ text: 'đủ 12 tháng từ 15/11/2023', left: dates[1]!.left })
      // A second reason of the same record has its own line with its own dates.
      const agm = await reasonLine(suspended, 'no_agm_18m')
      expect(agm.map((c) => c.text)).toEqual([
        'Không tổ chức đại hội thành viên thường niên 18 tháng liên tục Luật HTX 2023 Điều 103 khoản 1 điểm e («trong 18 tháng liên tục kể từ thời điểm tổ chức Đại hội thành viên gần nhất, trừ trường hợp bất khả kháng»)',
        'ĐHTV gần nhất 02/03/2015',
        'đủ 18 tháng từ 02/09/2016'
      ])
      // A record whose meeting date the register never had is no violation: it has no such line.
      expect(await page.getByTestId(`reason-${stopped}-no_agm_18m`).count()).toBe(0)
      expect(agm[0]!.top).toBeGreaterThan(label.top)
      await page.screenshot({ path: screenshotPath(`dissolution-candidates-${size.width}.png`) })
    })
  }
})

describe('a revocation case under the 2023 law', () => {
  it('says the law of its date, its ways to finish and where it ends; says once what is unchecked; names steps without codes', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.getByTestId(`open-case-${suspended}`).click()
    // The candidate's ground (a suspension past its notice) leads to revocation under the law of today's date.
    await expect.poll(() => page.getByTestId('case-kind').inputValue()).toBe('revocation')
    expect(await page.getByTestId('case-law').inputValue()).toBe('2023')
    expect(await page.getByTestId('case-law-reason').count()).toBe(0)
    expect(await page.getByTestId('open-case-form').innerText()).not.toMatch(/mẫu|2023-revocation/)
    await page.getByTestId('case-opened').fill('02/11/2026')
    await page.getByTestId('case-open-submit').click()
    await expect.poll(() => page.getByTestId('case-title').innerText()).toContain('HTX Dịch vụ Hoàng Đồng')
    expect(await page.getByTestId('case-law-line').innerText()).toContain('Luật HTX 2023 — luật của ngày căn cứ.')
    expect(await page.getByTestId('case-outcome').innerText()).toContain('đang làm thủ tục giải thể')
    const view = await page.getByTestId('case-view').innerText()
    // What the text leaves open is said once, above the steps, not on each line.
    expect(view.match(/Nghị định không quy định số ngày/g)).toHaveLength(1)
    expect(await page.getByTestId('steps-unchecked').innerText()).toContain('Nghị định không quy định số ngày')
    expect(view).not.toMatch(/\b(TB_VP|DT_VP|QD_TH|GT)\b|2023-revocation|mẫu 20/)
    expect(view).toContain('Quy trình «')
    // Steps are numbered, and a deadline counted from another step names it by its number.
    expect(await page.getByTestId('step-TB_VP').locator('td').first().innerText()).toMatch(/^\d+$/)
    expect(await page.getByTestId('step-DT_VP').innerText()).toMatch(/03 ngày làm việc|3 ngày làm việc/)
    expect(await page.getByTestId('step-DT_VP').innerText()).toMatch(/bước 1/)
    expect(await page.locator('[data-testid="attach-step"] option').allInnerTexts()).not.toContainEqual(expect.stringMatching(/[A-Z]{2,}_/))
    await page.screenshot({ path: screenshotPath('dissolution-steps.png'), fullPage: true })
  })

  it('marks the notice of violation done long ago: a later step is overdue; downloads the revocation decision as .docx and reads it back', async () => {
    const { page, core } = s
    // Only the revocation procedure's own draft is offered: no dissolution council, no 2012 notice.
    expect(await page.getByTestId('draft-notice').count()).toBe(0)
    expect(await page.getByTestId('draft-council').count()).toBe(0)
    await page.getByTestId('step-edit-TB_VP').click()
    await page.getByTestId('step-date').fill('03/11/2026')
    await page.getByTestId('step-by').fill('Nguyễn Thị Lan')
    await page.getByTestId('step-docs').fill('Thông báo số 15/TB-UBND ngày 03/11/2026')
    await page.getByTestId('step-save').click()
    await expect.poll(() => page.getByTestId('step-state-TB_VP').innerText()).toContain('Đã làm 03/11/2026')
    // Posting the notice is due 03 working days after it: long past on today's date.
    await expect.poll(() => page.getByTestId('step-due-DT_VP').innerText()).toMatch(/^\d\d\/11\/2026 — quá hạn$/)
    const button = page.getByTestId('draft-docx-revocation')
    expect(await button.innerText()).toBe('.docx')
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toMatch(/^quyet-dinh-thu-hoi-giay-chung-nhan-\d+\.docx$/)
    const file = join(core.dir, download.suggestedFilename())
    await download.saveAs(file)
    const xml = unzip(readFileSync(file))
      .find((x) => x.name === 'word/document.xml')!
      .data.toString('utf8')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('Về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã của HTX Dịch vụ Hoàng Đồng')
    expect(text).toContain('Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023')
    expect(text).toContain('Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026')
    expect(text).toContain('Căn cứ Thông báo số 15/TB-UBND ngày 03/11/2026 về hành vi vi phạm')
    expect(text).toContain('Điều 1. Thu hồi Giấy chứng nhận đăng ký hợp tác xã của HTX Dịch vụ Hoàng Đồng')
    expect(text).toContain('Cơ quan thuế quản lý')
    // The office is a former district and today is after 01/07/2025: the commune is left blank to fill.
    expect(text).toContain('XÃ …………………')
    expect(text).not.toMatch(/HUYỆN/)
    // Beside the printable draft of the same name, on the same line; the print view warns about the blank.
    const html = (await page.getByTestId('draft-revocation').boundingBox())!
    const word = (await button.boundingBox())!
    expect(Math.abs(word.y - html.y)).toBeLessThan(4)
    expect(word.x).toBeGreaterThan(html.x)
  })
})

describe('a voluntary dissolution under the 2023 law', () => {
  it('offers the resolution and the two notices of the registration office; the notice that the HTX is dissolving prints with the law’s clauses and warns what to fill', async () => {
    const { page, core } = s
    const c = await core.call('dissolution.open', { entityId: stopped, kind: 'voluntary', law: '2023', openedOn: '2026-11-20' })
    await core.call('dissolution.step', { caseId: c.id, code: 'GUI_NQ', state: 'done', doneOn: '2026-11-23' })
    await page.getByTestId('nav-dissolution').click()
    await page.getByTestId('tab-cases').click()
    await page.getByTestId(`case-row-${c.id}`).click()
    await expect.poll(() => page.getByTestId('case-title').innerText()).toContain('HTX Vận tải Bắc Sơn')
    for (const doc of ['resolution', 'dissolving', 'dissolved']) expect(await page.getByTestId(`draft-${doc}`).count()).toBe(1)
    for (const doc of ['revocation', 'violation', 'council', 'notice']) expect(await page.getByTestId(`draft-${doc}`).count()).toBe(0)
    expect(await page.getByTestId('draft-dissolving').innerText()).toBe('Thông báo đang làm thủ tục giải thể')
    await page.getByTestId('draft-dissolving').click()
    const frameText = () => page.frameLocator('[data-testid="print-frame"]').locator('body').innerText()
    await expect.poll(frameText).toContain('Về việc HTX Vận tải Bắc Sơn với tên dài để dòng lý do xuống hàng đang làm thủ tục giải thể')
    const text = await frameText()
    expect(text).toContain('Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026')
    expect(text).toContain('do người đại diện theo pháp luật gửi đến ngày 23/11/2026')
    expect(text).toContain('Luật Hợp tác xã 2023 Điều 98 khoản 4; khoản 1 Điều 51 Nghị định số 295/2026/NĐ-CP')
    expect(text).toContain('TRƯỞNG PHÒNG')
    expect(text).not.toMatch(/CHỦ TỊCH|HUYỆN/)
    await page.getByTestId('print-close').click()
    // What the register cannot say (the commune, its office's name) is asked on the screen, never printed.
    const warnings = (await page.getByTestId('draft-warning').allInnerTexts()).join(' ')
    expect(warnings).toContain('tên xã để trống')
    expect(warnings).toContain('Điều 5 khoản 2')
    // A commune with no specialised office: its UBND is the registration office and signs for itself.
    await page.getByTestId('draft-committee').check()
    await page.getByTestId('draft-dissolved').click()
    await expect.poll(frameText).toContain('Về việc giải thể của HTX Vận tải Bắc Sơn')
    const signed = await frameText()
    expect(signed).toContain('TM. ỦY BAN NHÂN DÂN')
    expect(signed).toContain('Số: ……/TB-UBND')
    expect(signed).not.toContain('TRƯỞNG PHÒNG')
    await page.getByTestId('print-close').click()
    expect((await page.getByTestId('draft-warning').allInnerTexts()).join(' ')).not.toContain('tên phòng để trống')
  })
})

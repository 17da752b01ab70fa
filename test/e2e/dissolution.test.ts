/**
 * Giải thể in Chromium against the real core: a candidate opened as a case, steps done,
 * a deadline moving with the step it counts from, a file attached, the council warning,
 * debts settled, drafts and the case file shown, finalised, and the register row turning
 * "Đã giải thể". Dates are in 2026, counted by hand on the calendar (30/4–1/5 holidays).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
let entityId: number
let caseId: number
let resumedId: number
let bacSonId: number
beforeAll(async () => {
  s = await openApp('178')
  s.page.on('dialog', (d) => void d.accept())
  const e = await s.core.call('entity.create', {
    kind: 'htx',
    name: 'HTX Nông nghiệp Tân Thành',
    regNo: '4900123456',
    status: 'active',
    registrationDate: '2015-03-02',
    sector: 'agri'
  })
  entityId = e.id
  await s.core.call('label.add', { entityId, label: 'stopped', effectiveDate: '2024-05-01' })
  bacSonId = (await s.core.call('entity.create', { kind: 'htx', name: 'HTX Vận tải Bắc Sơn', status: 'active' })).id
  resumedId = (await s.core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Hoàng Đồng', status: 'active' })).id
  await s.core.call('status.add', { entityId: resumedId, status: 'suspended', effectiveDate: '2023-02-01' })
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const frameText = () => s.page.frameLocator('[data-testid="print-frame"]').locator('body').innerText()

describe('Giải thể in Chromium, through the bridge, on a real file', () => {
  it('lists the candidate with its reasons and dates, and takes the last general meeting date', async () => {
    const { page } = s
    await page.getByTestId('nav-dissolution').click()
    const row = page.getByTestId(`candidate-${entityId}`)
    await expect.poll(() => row.innerText()).toContain('Ngừng hoạt động 12 tháng mà không thông báo')
    expect(await row.innerText()).toContain('01/05/2025') // inactive since 01/05/2024: a candidate 12 months later
    // The register never had its meeting date: no violation for it, only the date to complete.
    expect(await row.innerText()).not.toContain('đại hội thành viên thường niên 18 tháng')
    // No ground of its own: no candidate row (it may still be listed below, e.g. for its Điều 115 charter update).
    expect(await page.getByTestId(`candidate-${bacSonId}`).count()).toBe(0)
    // Records with no meeting date and no other ground are listed apart, folded, to be completed.
    const missing = page.getByTestId('agm-missing')
    await expect
      .poll(() => missing.locator('summary').innerText())
      .toContain('Chưa có ngày đại hội thành viên thường niên: 1 HTX, LHHTX khác')
    expect(await missing.getByText('HTX Vận tải Bắc Sơn').isVisible()).toBe(false)
    await missing.locator('summary').click()
    await expect.poll(() => missing.getByText('HTX Vận tải Bắc Sơn').isVisible()).toBe(true)
    // An old meeting date entered: the 18-month ground appears; a recent one: it goes, the other stays.
    await page.getByTestId(`agm-${entityId}`).fill('01/01/2020')
    await page.getByTestId(`agm-save-${entityId}`).click()
    await expect.poll(() => row.innerText()).toContain('Không tổ chức đại hội thành viên thường niên 18 tháng liên tục')
    const today = new Date()
    const recent = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`
    await page.getByTestId(`agm-${entityId}`).fill(recent)
    await page.getByTestId(`agm-save-${entityId}`).click()
    await expect.poll(() => row.innerText()).not.toContain('đại hội thành viên thường niên 18 tháng')
    expect(await row.innerText()).toContain('Ngừng hoạt động 12 tháng mà không thông báo')
    expect((await s.core.call('dissolution.candidates', {})).find((c) => c.entityId === entityId)?.lastAgmDate).toMatch(
      /^\d{4}-\d{2}-\d{2}$/
    )
  })

  it('opens a case from the candidate with the small form', async () => {
    const { page } = s
    await page.getByTestId(`open-case-${entityId}`).click()
    await page.getByTestId('case-kind').selectOption('voluntary')
    await page.getByTestId('case-law').selectOption('2012')
    await page.getByTestId('case-opened').fill('31/02/2026')
    await page.getByTestId('case-open-submit').click()
    await expect.poll(() => page.getByTestId('open-case-form').innerText()).toContain('Ngày không có thật trên lịch')
    await page.getByTestId('case-opened').fill('02/03/2026')
    await page.getByTestId('case-decision').fill('01/NQ-ĐHTV')
    // 02/03/2026 falls under the 2023 law: the 2012 procedure is taken only with a reason.
    await page.getByTestId('case-open-submit').click()
    await expect.poll(() => page.getByTestId('open-case-form').innerText()).toContain('muốn áp dụng luật 2012 cần nêu lý do')
    await page.getByTestId('case-law-reason').fill('Đại hội đã quyết từ năm 2023, hồ sơ làm theo Luật HTX 2012')
    await page.getByTestId('case-open-submit').click()
    await expect.poll(() => page.getByTestId('case-title').innerText()).toBe('Hồ sơ số 1: HTX Nông nghiệp Tân Thành')
    caseId = 1
    expect(await page.getByTestId('case-view').innerText()).toContain('Giải thể tự nguyện (Luật HTX 2012)')
    expect((await s.core.call('entity.get', { id: entityId })).status).toBe('dissolving')
  })

  it('completes a step and sees the deadline that counts from it appear, then move', async () => {
    const { page } = s
    // 60 days after the resolution; none yet while it is not done.
    expect(await page.getByTestId('step-TB_DK').innerText()).toContain('chưa tính được')
    expect(await page.getByTestId('step-TB_DK').innerText()).toContain('60 ngày kể từ ngày thực hiện bước 1')
    expect(await page.getByTestId('step-HS').innerText()).not.toContain('chưa tính được') // no deadline in the template
    await page.getByTestId('step-edit-NQ').click()
    await page.getByTestId('step-date').fill('02/03/2026')
    await page.getByTestId('step-by').fill('Nguyễn Thị Lan')
    await page.getByTestId('step-docs').fill('Nghị quyết số 01/NQ-ĐHTV ngày 02/03/2026')
    await page.getByTestId('step-save').click()
    await expect.poll(() => page.getByTestId('step-state-NQ').innerText()).toBe('Đã làm 02/03/2026 — Nguyễn Thị Lan')
    // 02/03 + 60 days = 01/05/2026, Labour Day (Friday), then a weekend: Monday 04/05/2026.
    expect(await page.getByTestId('step-due-TB_DK').innerText()).toBe('04/05/2026 — quá hạn')
    expect(await page.getByTestId('step-TB_DK').getAttribute('class')).toBe('diss-row-overdue')
    await page.getByTestId('step-edit-NQ').click()
    await page.getByTestId('step-date').fill('10/03/2026')
    await page.getByTestId('step-save').click()
    // 10/03 + 60 days = 09/05/2026, a Saturday: Monday 11/05/2026.
    await expect.poll(() => page.getByTestId('step-due-TB_DK').innerText()).toBe('11/05/2026 — quá hạn')
    expect(await page.getByTestId('step-due-TB_NO').innerText()).toBe('11/05/2026 — quá hạn')
  })

  it('attaches a scanned file to a step: stored beside the file by its SHA-256', async () => {
    const { page, core } = s
    const bytes = Buffer.from('%PDF-1.4\nNghị quyết đại hội thành viên về giải thể\n')
    await page.getByTestId('attach-step').selectOption('NQ')
    await page.getByTestId('attach-file').setInputFiles({ name: 'Nghị quyết giải thể.pdf', mimeType: 'application/pdf', buffer: bytes })
    const sha = createHash('sha256').update(bytes).digest('hex')
    // The chosen name shows beside the file button at once; the stored attachment is the one listed with its hash.
    await expect.poll(() => page.getByTestId('attachments').innerText()).toContain(sha.slice(0, 16))
    expect(await page.getByTestId('attachments').innerText()).toContain('Nghị quyết giải thể.pdf')
    expect(readFileSync(join(core.dir, 'tep-dinh-kem', sha)).equals(bytes)).toBe(true)
    expect((await core.call('dissolution.show', { caseId })).attachments).toEqual([
      expect.objectContaining({ stepCode: 'NQ', size: bytes.length, sha256: sha })
    ])
  })

  it('warns about the council until its composition is complete; records debts, settles them, tags obstacles', async () => {
    const { page } = s
    await expect.poll(() => page.getByTestId('council').innerText()).toContain('chưa có chủ tịch hội đồng')
    await page.getByTestId('council-name').fill('Hoàng Văn Minh')
    await page.getByTestId('council-role').selectOption('chair')
    await page.getByTestId('council-represents').selectOption('hdqt')
    await page.getByTestId('council-add').click()
    await expect.poll(() => page.getByTestId('council').innerText()).toContain('Hoàng Văn Minh')
    const warnings = await page.getByTestId('council-warning').allInnerTexts()
    expect(warnings.join('\n')).not.toContain('chưa có chủ tịch')
    expect(warnings.join('\n')).toContain('thiếu đại diện ban kiểm soát')

    await page.getByTestId('item-party').fill('Agribank chi nhánh Lạng Sơn')
    await page.getByTestId('item-amount').fill('mười lăm triệu')
    await page.getByTestId('item-add').click()
    await expect.poll(() => page.getByTestId('case-error').innerText()).toContain('Số tiền gõ bằng chữ số')
    await page.getByTestId('item-amount').fill('15.000.000')
    await page.getByTestId('item-add').click()
    await expect.poll(() => page.getByTestId('unsettled').innerText()).toContain('Nợ phải trả chưa xử lý: 15.000.000 đồng')
    const itemId = (await s.core.call('dissolution.show', { caseId })).items[0].id
    await page.getByTestId(`settle-${itemId}`).click()
    await page.getByTestId(`settle-date-${itemId}`).fill('20/04/2026')
    await page.getByTestId(`settle-save-${itemId}`).click()
    await expect.poll(() => page.getByTestId('unsettled').innerText()).toContain('Nợ phải trả chưa xử lý: 0 đồng')
    expect(await page.getByTestId(`item-${itemId}`).innerText()).toContain('Đã xử lý 20/04/2026')

    await page.getByTestId('obstacle-code').selectOption('land')
    await page.getByTestId('obstacle-note').fill('Đất sân phơi chưa rõ ranh giới')
    await page.getByTestId('obstacle-add').click()
    await expect.poll(() => page.getByTestId('obstacle-land').innerText()).toBe('Đất đai, tài sản chưa rõ: Đất sân phơi chưa rõ ranh giới')
    await page.getByTestId('case-view').evaluate((el) => el.scrollTo(0, 0))
    await page.screenshot({ path: screenshotPath('dissolution.png') })
  })

  it('takes back a council member, a debt and an obstacle typed wrong, asking first; they stay gone after a reload', async () => {
    const { page, core } = s
    await page.getByTestId('council-name').fill('Nguyễn Văn Nhầm')
    await page.getByTestId('council-role').selectOption('member')
    await page.getByTestId('council-represents').selectOption('bks')
    await page.getByTestId('council-add').click()
    await expect.poll(() => page.getByTestId('council').innerText()).toContain('Nguyễn Văn Nhầm')
    expect((await page.getByTestId('council-warning').allInnerTexts()).join('\n')).not.toContain('thiếu đại diện ban kiểm soát')
    await page.getByTestId('item-party').fill('Ngân hàng gõ nhầm')
    await page.getByTestId('item-amount').fill('150.000.000')
    await page.getByTestId('item-add').click()
    await expect.poll(() => page.getByTestId('unsettled').innerText()).toContain('Nợ phải trả chưa xử lý: 150.000.000 đồng')
    await page.getByTestId('obstacle-code').selectOption('debts')
    await page.getByTestId('obstacle-note').fill('ghi nhầm')
    await page.getByTestId('obstacle-add').click()
    await expect.poll(() => page.getByTestId('obstacle-debts').count()).toBe(1)
    const v = await core.call('dissolution.show', { caseId })
    const member = v.council.find((m) => m.name === 'Nguyễn Văn Nhầm')!.id
    const item = v.items.find((i) => i.party === 'Ngân hàng gõ nhầm')!.id
    const obstacle = v.obstacles.find((o) => o.code === 'debts')!.id

    // «Xóa» names what it removes, and asks before doing it; «Thôi» keeps the row and gives the focus back.
    const removeMember = page.getByRole('button', { name: 'Xóa thành viên Nguyễn Văn Nhầm' })
    expect(await removeMember.getAttribute('data-testid')).toBe(`council-remove-${member}`)
    await removeMember.click()
    await expect.poll(() => page.getByRole('group', { name: 'Xóa thành viên Nguyễn Văn Nhầm?' }).count()).toBe(1)
    await page.getByTestId(`council-remove-${member}-cancel`).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`council-remove-${member}`)
    expect((await core.call('dissolution.show', { caseId })).council.map((m) => m.name)).toContain('Nguyễn Văn Nhầm')
    await removeMember.click()
    const stepsAt = async () => (await page.getByTestId('steps').boundingBox())!.y
    const stepsBefore = await stepsAt()
    await page.getByTestId(`council-remove-${member}-confirm`).click()
    await expect.poll(() => page.getByTestId('council').innerText()).not.toContain('Nguyễn Văn Nhầm')
    expect(await page.getByTestId('case-notice').innerText()).toBe('Đã xóa Nguyễn Văn Nhầm khỏi hội đồng giải thể.')
    // The message floats in the window's notice layer: the case's steps stay where they were.
    expect(await page.locator('#notice-layer').getByTestId('case-notice').count()).toBe(1)
    expect(await stepsAt()).toBe(stepsBefore)
    expect((await page.getByTestId('council-warning').allInnerTexts()).join('\n')).toContain('thiếu đại diện ban kiểm soát')

    await page.getByRole('button', { name: 'Xóa khoản HTX nợ Ngân hàng gõ nhầm 150.000.000 đồng' }).click()
    await page.getByTestId(`item-remove-${item}-confirm`).click()
    await expect.poll(() => page.getByTestId('unsettled').innerText()).toContain('Nợ phải trả chưa xử lý: 0 đồng')
    expect(await page.getByTestId(`item-${item}`).count()).toBe(0)

    await page.getByRole('button', { name: 'Xóa vướng mắc «Còn nợ chưa xử lý» (ghi nhầm)' }).click()
    await page.getByTestId(`obstacle-remove-${obstacle}-confirm`).click()
    await expect.poll(() => page.getByTestId('obstacle-debts').count()).toBe(0)
    expect(await page.getByTestId('obstacle-land').innerText()).toBe('Đất đai, tài sản chưa rõ: Đất sân phơi chưa rõ ranh giới')

    // Gone from the file, not just from the screen.
    await page.reload()
    await page.getByTestId('nav-dissolution').click()
    await page.getByTestId('tab-cases').click()
    await page.getByTestId(`case-row-${caseId}`).click()
    await expect.poll(() => page.getByTestId('council').innerText()).toContain('Hoàng Văn Minh')
    expect(await page.getByTestId('council').innerText()).not.toContain('Nguyễn Văn Nhầm')
    expect(await page.getByTestId('items').innerText()).not.toContain('Ngân hàng gõ nhầm')
    expect(await page.getByTestId('obstacle-debts').count()).toBe(0)
    expect(await page.getByTestId('obstacle-land').count()).toBe(1)
    const after = await core.call('dissolution.show', { caseId })
    expect([after.council.map((m) => m.id), after.items.map((i) => i.id), after.obstacles.map((o) => o.id)]).toEqual([
      expect.not.arrayContaining([member]),
      expect.not.arrayContaining([item]),
      expect.not.arrayContaining([obstacle])
    ])
  })

  it('shows the case file and the drafts as printable pages in a sandboxed frame', async () => {
    const { page } = s
    await page.getByTestId('print-case').click()
    await expect.poll(frameText).toContain('HỒ SƠ GIẢI THỂ: HTX Nông nghiệp Tân Thành')
    expect(await page.getByTestId('print-frame').getAttribute('sandbox')).toBe('allow-same-origin allow-modals')
    await page.getByTestId('print-close').click()
    await page.getByTestId('draft-notice').click()
    await expect.poll(frameText).toContain('THÔNG BÁO')
    const text = await frameText()
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('Chủ tịch Hội đồng giải thể: Hoàng Văn Minh')
    expect(text).toContain('Lạng Sơn, ngày …… tháng …… năm ……')
    await page.getByTestId('print-close').click()
    await expect.poll(() => page.getByTestId('print-view').count()).toBe(0)
  })

  it('refuses to finalise with a required step open, then finalises and the register shows "Đã giải thể"', async () => {
    const { page, core } = s
    await page.getByTestId('finalise-date').fill('15/06/2026')
    await page.getByTestId('finalise-decision').fill('15/TB-TCKH')
    await page.getByTestId('finalise').click()
    await expect.poll(() => page.getByTestId('case-error').innerText()).toContain('Chưa hoàn tất được: còn 4 bước bắt buộc')
    for (const code of ['TB_DK', 'TB_NO', 'XOA']) {
      await page.getByTestId(`step-edit-${code}`).click()
      await page.getByTestId('step-date').fill('05/05/2026')
      await page.getByTestId('step-save').click()
      await expect.poll(() => page.getByTestId(`step-state-${code}`).innerText()).toBe('Đã làm 05/05/2026')
    }
    await page.getByTestId('step-edit-HS').click()
    await page.getByTestId('step-state').selectOption('na')
    await page.getByTestId('step-na').fill('Nộp cùng thông báo giải thể')
    await page.getByTestId('step-save').click()
    await expect.poll(() => page.getByTestId('step-state-HS').innerText()).toBe('Không áp dụng: Nộp cùng thông báo giải thể')
    await page.getByTestId('finalise').click()
    await expect.poll(() => page.getByTestId('case-closed').innerText()).toBe('Đã giải thể ngày 15/06/2026 — 15/TB-TCKH')
    // A closed case's file stays as it was closed: no «Xóa» left on its council, debts or obstacles.
    expect(await page.getByTestId('council').innerText()).toContain('Hoàng Văn Minh')
    expect(
      await page.locator('[data-testid^="council-remove-"], [data-testid^="item-remove-"], [data-testid^="obstacle-remove-"]').count()
    ).toBe(0)
    expect((await core.call('entity.get', { id: entityId })).status).toBe('dissolved')

    await page.getByTestId('nav-registry').click()
    const status = page.locator(`[data-testid="registry-grid"] .ag-row[row-id="${entityId}"] [col-id="status"]`)
    // The register shows the decree's legal status (NĐ 295/2026 Điều 27), which names the three ends together.
    await expect.poll(() => status.first().innerText()).toBe('Đã giải thể, phá sản, chấm dứt tồn tại')
  })

  it("opens a revocation case (2023 law, Điều 103) with the candidate's ground already chosen, and cancels it when the cooperative resumes", async () => {
    const { page, core } = s
    await page.getByTestId('nav-dissolution').click()
    await page.getByTestId(`open-case-${resumedId}`).click()
    await expect.poll(() => page.getByTestId('case-kind').inputValue()).toBe('revocation')
    await expect.poll(() => page.getByTestId('case-ground').inputValue()).toBe('no_report_after_suspension')
    await page.getByTestId('case-opened').fill('01/09/2026')
    await page.getByTestId('case-open-submit').click()
    await expect.poll(() => page.getByTestId('case-title').innerText()).toBe('Hồ sơ số 2: HTX Dịch vụ Hoàng Đồng')
    expect(await page.getByTestId('case-view').innerText()).toContain('Căn cứ: Không gửi báo cáo trong 12 tháng')
    await page.getByTestId('cancel-reason').fill('HTX hoạt động trở lại')
    await page.getByTestId('cancel-date').fill('01/10/2026')
    await page.getByTestId('cancel-case').click()
    await expect.poll(() => page.getByTestId('case-closed').innerText()).toBe('Đã hủy ngày 01/10/2026: HTX hoạt động trở lại')
    expect((await core.call('entity.get', { id: resumedId })).status).toBe('suspended')
    await page.getByTestId('case-back').click()
    await page.getByTestId('tab-cases').click()
    await expect.poll(() => page.getByTestId('case-list').innerText()).toContain('Đã hủy')
    expect(await page.getByTestId('case-row-1').innerText()).toContain('Đã giải thể')
  })

  it('Tổng quan counts the quarter the case opened and closed in, and gives the province summary', async () => {
    const { page } = s
    await page.getByTestId('tab-dashboard').click()
    await expect.poll(() => page.getByTestId('fig-open').innerText()).toContain('0')
    expect(await page.getByTestId('chart-quarters').locator('canvas').getAttribute('aria-label')).toBe(
      'Hồ sơ giải thể mở và kết thúc theo quý'
    )
    expect((await s.core.call('dissolution.dashboard', {})).perQuarter.slice(0, 4)).toEqual([
      { quarter: '2026-Q1', opened: 1, finalised: 0, cancelled: 0 },
      { quarter: '2026-Q2', opened: 0, finalised: 1, cancelled: 0 },
      { quarter: '2026-Q3', opened: 1, finalised: 0, cancelled: 0 },
      { quarter: '2026-Q4', opened: 0, finalised: 0, cancelled: 1 }
    ])
    await page.getByTestId('summary-page').click()
    await expect.poll(frameText).toContain('TỔNG HỢP HỢP TÁC XÃ NGỪNG HOẠT ĐỘNG')
    expect(await frameText()).toContain('Đã giải thể 15/06/2026')
    await page.getByTestId('print-close').click()
    const download = page.waitForEvent('download')
    await page.getByTestId('summary-xlsx').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^tong-hop-htx-ngung-hoat-dong-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const saved = await file.path()
    expect(saved && existsSync(saved) && readFileSync(saved).subarray(0, 2).toString()).toBe('PK')
  })

  it('Cài đặt: an announced day off moves the deadline that falls on it', async () => {
    const { page, core } = s
    const other = (await core.call('entity.list', { q: 'Bắc Sơn' })).rows[0]!
    const c = await core.call('dissolution.open', {
      entityId: other.id,
      kind: 'voluntary',
      law: '2012',
      lawReason: 'Nghị quyết giải thể thông qua theo Luật HTX 2012',
      openedOn: '2026-03-02'
    })
    await core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'done', doneOn: '2026-03-02' })
    expect((await core.call('dissolution.show', { caseId: c.id })).steps.find((x) => x.code === 'TB_DK')?.due).toBe('2026-05-04')
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('holiday-input-add').fill('04/05/2026')
    await page.getByTestId('holiday-add-add').click()
    await page.getByTestId('holiday-input-workingWeekends').fill('09/05/2026')
    await page.getByTestId('holiday-add-workingWeekends').click()
    // The message floats over the bottom of the window: the settings under it do not move.
    const saveAt = async () => (await page.getByTestId('holidays-save').boundingBox())!.y
    await page.getByTestId('holidays-save').scrollIntoViewIfNeeded()
    const before = await saveAt()
    await page.getByTestId('holidays-save').click()
    await expect.poll(() => page.locator('#notice-layer [data-testid="banner"]').innerText()).toContain('Đã lưu ngày nghỉ lễ')
    expect(await saveAt()).toBe(before)
    expect(await core.call('dissolution.calendar', {})).toEqual({ add: ['2026-05-04'], remove: [], workingWeekends: ['2026-05-09'] })
    // Monday 04/05 is now a day off: the deadline moves to Tuesday 05/05/2026.
    await page.getByTestId('nav-dissolution').click()
    await page.getByTestId('tab-cases').click()
    await page.getByTestId(`case-row-${c.id}`).click()
    await expect.poll(() => page.getByTestId('step-due-TB_DK').innerText()).toBe('05/05/2026 — quá hạn')
  })

  it("the register's detail panel records the last annual general meeting of any HTX", async () => {
    const { page, core } = s
    const other = (await core.call('entity.list', { q: 'Bắc Sơn' })).rows[0]!
    await page.getByTestId('nav-registry').click()
    await page.locator(`[data-testid="registry-grid"] .ag-row[row-id="${other.id}"] [data-testid="open-detail"]`).first().click()
    const field = page.getByTestId('detail-panel').getByTestId(`agm-${other.id}`)
    await field.fill('30/6/2026')
    await page.getByTestId(`agm-save-${other.id}`).click()
    await expect.poll(async () => (await core.call('dissolution.lastAgm', { entityId: other.id })).lastAgmDate).toBe('2026-06-30')
    await expect.poll(() => field.inputValue()).toBe('30/06/2026')
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { placeAndDate } from '../../src/main/core/text/document'
import { IMPORT_MAX_BASE64 } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let core: Office
beforeEach(async () => {
  core = await officeCore('180') // Huyện Tràng Định
})
afterEach(async () => {
  await core.dispose()
})

/** Text of a page with tags dropped and entities decoded, to read it as a person would. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

async function compulsoryCase() {
  const e = await core.call('entity.create', {
    kind: 'htx',
    name: 'HTX <script>alert(1)</script> & Đồng Tâm',
    regNo: '4900000018',
    status: 'active',
    registrationDate: '2010-04-02',
    address: 'Thôn Bản Thẩm',
    commune: 'Xã Đồng Tâm',
    representative: 'Hoàng Văn "Bảy"'
  })
  await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2022-05-01' })
  const c = await core.call('dissolution.open', {
    entityId: e.id,
    kind: 'compulsory',
    law: '2012',
    lawReason: 'HTX ngừng hoạt động từ năm 2022, vụ việc bắt đầu khi Luật HTX 2012 còn hiệu lực',
    ground: 'no_activity_12m',
    openedOn: '2024-07-15',
    decisionNo: '125/QĐ-UBND'
  })
  await core.call('dissolution.council', {
    caseId: c.id,
    name: 'Lý Thị Mai',
    role: 'chair',
    represents: 'ubnd',
    organisation: 'Phó Chủ tịch UBND huyện'
  })
  await core.call('dissolution.council', {
    caseId: c.id,
    name: 'Nông Văn <Hải>',
    role: 'member',
    represents: 'co_quan_dk',
    organisation: 'Phòng Tài chính - Kế hoạch'
  })
  return { e, c }
}

describe('draft documents from a case', () => {
  it('writes the decision establishing the council from the case: issuer, number, place and date, members, grounds, signature', async () => {
    const { c } = await compulsoryCase()
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'council', date: '2024-08-05' })
    expect(page.name).toBe(`quyet-dinh-thanh-lap-hoi-dong-giai-the-${c.id}.html`)
    const text = textOf(page.html)
    expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH')
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc')
    expect(text).toContain('Tràng Định, ngày 05 tháng 8 năm 2024')
    expect(text).toContain('Số: ……/QĐ-UBND')
    expect(text).toContain('Về việc thành lập Hội đồng giải thể bắt buộc HTX <script>alert(1)</script> & Đồng Tâm')
    expect(text).toContain('Luật Hợp tác xã số 23/2012/QH13')
    expect(text).toContain('Không hoạt động trong 12 tháng liên tục')
    expect(text).not.toContain('chưa đối chiếu văn bản)') // the template's warning is for the user's screen, not the signed paper
    expect(text).toMatch(/1 Lý Thị Mai Phó Chủ tịch UBND huyện; Đại diện Ủy ban nhân dân \(chủ tịch hội đồng\) Chủ tịch hội đồng/)
    expect(text).toMatch(/2 Nông Văn <Hải> Phòng Tài chính - Kế hoạch; Đại diện cơ quan đăng ký hợp tác xã Thành viên/)
    expect(text).toContain('Nơi nhận:')
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH')
    expect(text).toContain('Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch.')
    expect(page.html).toContain('font-family:"Times New Roman"')
    // A 2012 case still running after 01/07/2025: the proposal comes from the commune's registration office.
    const later = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'council', date: '2025-08-05' })).html)
    expect(later).toContain('Theo đề nghị của Thủ trưởng cơ quan đăng ký kinh doanh cấp xã.')
    expect(later).not.toContain('Trưởng phòng Tài chính - Kế hoạch')
  })

  it('escapes every name: no markup from the case reaches the page', async () => {
    const { c } = await compulsoryCase()
    for (const doc of ['council', 'notice', 'request'] as const) {
      const { html } = await core.call('dissolution.draft', { caseId: c.id, doc })
      expect(html).not.toContain('<script>')
      expect(html).not.toContain('<Hải>')
      expect(html).not.toContain('"Bảy"')
      expect(html).toContain('HTX &lt;script&gt;alert(1)&lt;/script&gt; &amp; Đồng Tâm')
      expect(html).toContain('ngày …… tháng …… năm ……') // no date given: left to fill by hand
    }
  })

  it('writes the notice and the request from what the case holds: identity, chair, steps done, debts left, papers', async () => {
    const { c } = await compulsoryCase()
    const notice = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'notice', date: '2024-08-20' })).html)
    expect(notice).toContain('HTX <SCRIPT>ALERT(1)</SCRIPT> & ĐỒNG TÂM HỘI ĐỒNG GIẢI THỂ')
    expect(notice).toContain('Thực hiện văn bản số 125/QĐ-UBND ngày 15/07/2024 về việc giải thể bắt buộc')
    expect(notice).toContain('Mã số hợp tác xã: 4900000018')
    expect(notice).toContain('Địa chỉ trụ sở chính: Thôn Bản Thẩm, Xã Đồng Tâm')
    expect(notice).toContain('Chủ tịch Hội đồng giải thể: Lý Thị Mai')
    expect(notice).toMatch(/TM\. HỘI ĐỒNG GIẢI THỂ CHỦ TỊCH .* Lý Thị Mai/)

    await core.call('dissolution.step', {
      caseId: c.id,
      code: 'HS_DN',
      state: 'done',
      doneOn: '2024-07-16',
      documents: ['Tờ trình số 40/TTr-TCKH']
    })
    await core.call('dissolution.step', { caseId: c.id, code: 'DAT', state: 'na', naReason: 'HTX không có đất' })
    const debt = await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Chi cục Thuế', amount: 3_200_000 })
    await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Agribank', amount: 10_000_000 })
    let request = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'request', date: '2024-09-10' })).html)
    expect(request).toContain('Kính gửi: Phòng Tài chính - Kế hoạch Huyện Tràng Định')
    // Dated from 01/07/2025 (no date: today) the district office is gone: the file goes to the commune's office.
    const later = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'request' })).html)
    expect(later).toContain('Kính gửi: Cơ quan đăng ký kinh doanh cấp xã')
    expect(later).toContain('Đề nghị cơ quan đăng ký kinh doanh cấp xã ghi nhận tình trạng đã giải thể')
    expect(later).not.toContain('Phòng Tài chính - Kế hoạch')
    expect(request).toContain('Đã thực hiện ngày 16/07/2024')
    expect(request).toContain('Không áp dụng: HTX không có đất')
    expect(request).toContain('Còn nợ phải trả chưa xử lý: 13.200.000 đồng')
    expect(request).toContain('- Tờ trình số 40/TTr-TCKH;')
    await core.call('dissolution.settle', { caseId: c.id, itemId: debt.items[0].id, settledOn: '2024-09-01' })
    await core.call('dissolution.settle', { caseId: c.id, itemId: debt.items[0].id + 1, settledOn: '2024-09-02' })
    request = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'request' })).html)
    expect(request).toContain('Các khoản nợ (2 khoản, tổng 13.200.000 đồng) đã được xử lý xong.')
  })

  it("a voluntary case gets the general meeting's resolution, signed by its chair of the meeting", async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Bình Minh', status: 'active' })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2024-03-01' })
    const text = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'council', date: '2024-03-01' })).html)
    expect(text).toContain('NGHỊ QUYẾT')
    expect(text).toContain('Luật Hợp tác xã số 23/2012/QH13')
    expect(text).toContain('Điều 54 khoản 1')
    expect(text).toContain('Tràng Định, ngày 01 tháng 3 năm 2024')
    expect(text).toContain('TM. ĐẠI HỘI THÀNH VIÊN CHỦ TỌA')
    expect(text).toMatch(/1 …… …… ……/) // no members yet: blank rows to fill, not invented names
  })

  it('refuses an unknown document or case with Vietnamese messages', async () => {
    await expect(core.call('dissolution.draft', { caseId: 99, doc: 'council' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy hồ sơ giải thể số 99.'
    })
    await expect(core.call('dissolution.draft', { caseId: 1, doc: 'memo' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Văn bản: council')
    })
  })

  it('dates follow NĐ 30/2020: a leading zero for days under 10 and for January and February only', () => {
    expect(placeAndDate('Lạng Sơn', '2024-01-09')).toBe('Lạng Sơn, ngày 09 tháng 01 năm 2024')
    expect(placeAndDate('Lạng Sơn', '2024-12-31')).toBe('Lạng Sơn, ngày 31 tháng 12 năm 2024')
    expect(placeAndDate('Lạng Sơn', '2024-03-05')).toBe('Lạng Sơn, ngày 05 tháng 3 năm 2024')
  })

  it('CLI: dissolution draft writes the page to --out, and refuses a missing folder', async () => {
    const { c } = await compulsoryCase()
    const out = join(core.dir, 'thong-bao.html')
    await core.close()
    const io = { out: () => {}, err: () => {} }
    expect(
      await runCli(
        ['dissolution', 'draft', '--db', core.dbPath, '--case', String(c.id), '--doc', 'notice', '--date', '20/08/2024', '--out', out],
        io
      )
    ).toBe(0)
    expect(textOf(readFileSync(out, 'utf8'))).toContain('Tràng Định, ngày 20 tháng 8 năm 2024')
    const errs: string[] = []
    expect(
      await runCli(
        [
          'dissolution',
          'draft',
          '--db',
          core.dbPath,
          '--case',
          String(c.id),
          '--doc',
          'notice',
          '--out',
          join(core.dir, 'khong', 'x.html')
        ],
        { out: () => {}, err: (t) => errs.push(t) }
      )
    ).toBe(1)
    expect(errs.join('\n')).toContain('Không có thư mục')
    expect(
      await runCli(
        ['dissolution', 'draft', '--db', core.dbPath, '--case', String(c.id), '--doc', 'notice', '--out', join(core.dir, 'x.pdf')],
        io
      )
    ).toBe(2)
    core = await officeCore('180') // afterEach disposes a live core
  })
})

describe('what the screens need from the core', () => {
  it('stores an attachment sent as bytes the same way as one from a path, and gives it back', async () => {
    const { c } = await compulsoryCase()
    const bytes = Buffer.from('%PDF-1.4 quyết định giải thể')
    const v = await core.call('dissolution.attach', {
      caseId: c.id,
      stepCode: 'QD',
      file: { name: 'C:\\Users\\lan\\Quyết định 125.pdf', base64: bytes.toString('base64') }
    })
    const a = v.attachments[0]
    expect(a).toMatchObject({ name: 'Quyết định 125.pdf', size: bytes.length, stepCode: 'QD' })
    expect(existsSync(join(core.dir, 'tep-dinh-kem', a.sha256))).toBe(true)
    const back = await core.call('dissolution.attachment', { caseId: c.id, attachmentId: a.id })
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true)
    await expect(
      core.call('dissolution.attach', { caseId: c.id, file: { name: 'x.pdf', base64: 'không phải base64' } })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      core.call('dissolution.attach', { caseId: c.id, stepCode: 'NOPE', file: { name: 'x.pdf', base64: 'AAAA' } })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      core.call('dissolution.attach', { caseId: c.id, file: { name: 'big.pdf', base64: 'A'.repeat(IMPORT_MAX_BASE64 + 4) } })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('50 MB') })
    expect((await core.call('dissolution.show', { caseId: c.id })).attachments).toHaveLength(1)
  })

  it('dashboard: open cases by stage, overdue steps, unsettled debts, obstacles, opened/closed per quarter', async () => {
    const { c } = await compulsoryCase()
    await core.call('dissolution.obstacle', { caseId: c.id, code: 'debts' })
    await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Chi cục Thuế', amount: 3_200_000 })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Bình Minh', status: 'active' })
    const v = await core.call('dissolution.open', { entityId: b.id, kind: 'voluntary', law: '2012', openedOn: '2024-03-01' })
    await core.call('dissolution.step', { caseId: v.id, code: 'NQ', state: 'done', doneOn: '2024-03-01' })
    await core.call('dissolution.obstacle', { caseId: v.id, code: 'debts', note: 'Nợ ngân hàng' })
    const d = await core.call('dissolution.dashboard', { asOf: '2024-07-31' })
    expect(d.openCases).toBe(2)
    expect(d.byStage).toEqual(
      expect.arrayContaining([
        { stage: 'Lập hồ sơ đề nghị giải thể bắt buộc, nêu căn cứ', count: 1 },
        { stage: expect.stringMatching(/^Thông báo việc giải thể tới cơ quan/), count: 1 }
      ])
    )
    // 60 days after 01/03/2024 is 30/04/2024, a holiday; the due date moves past the 30/4–1/5 break.
    expect(d.overdueSteps.map((s) => [s.caseId, s.code, s.due])).toEqual([
      [v.id, 'TB_DK', '2024-05-02'],
      [v.id, 'TB_NO', '2024-05-02']
    ])
    expect(d.unsettledPayable).toBe(3_200_000)
    expect(d.obstacles).toEqual([{ code: 'debts', label: 'Còn nợ chưa xử lý', count: 2 }])
    expect(d.perQuarter).toEqual([
      { quarter: '2024-Q1', opened: 1, finalised: 0, cancelled: 0 },
      { quarter: '2024-Q2', opened: 0, finalised: 0, cancelled: 0 },
      { quarter: '2024-Q3', opened: 1, finalised: 0, cancelled: 0 }
    ])
    await core.call('dissolution.cancel', { caseId: c.id, reason: 'HTX hoạt động trở lại', date: '2024-10-02' })
    const later = await core.call('dissolution.dashboard', { asOf: '2024-12-31' })
    expect(later.openCases).toBe(1)
    expect(later.perQuarter.at(-1)).toEqual({ quarter: '2024-Q4', opened: 0, finalised: 0, cancelled: 1 })
  })

  it('gives the case file and the province summary as pages, and the summary as .xlsx bytes', async () => {
    const { c } = await compulsoryCase()
    const casePage = await core.call('dissolution.casePage', { caseId: c.id })
    expect(casePage.html).toContain('HỒ SƠ GIẢI THỂ: HTX &lt;script&gt;')
    const summary = await core.call('dissolution.summaryPage', { asOf: '2024-08-01' })
    expect(summary.rows).toBe(1)
    expect(summary.title).toContain('01/08/2024')
    // Sent to the province under the office's own header, signed by its head.
    expect(textOf(summary.html)).toMatch(
      /UBND HUYỆN TRÀNG ĐỊNH PHÒNG TÀI CHÍNH - KẾ HOẠCH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Tràng Định, ngày \d{2} tháng \d{1,2} năm \d{4}/
    )
    expect(textOf(summary.html)).toContain('TRƯỞNG PHÒNG')
    const x = await core.call('dissolution.summaryXlsx', { asOf: '2024-08-01' })
    expect(x.name).toBe('tong-hop-htx-ngung-hoat-dong-2024-08-01.xlsx')
    const aoa = XLSX.utils.sheet_to_json<string[]>(XLSX.read(Buffer.from(x.base64, 'base64')).Sheets['HTX ngừng hoạt động'], {
      header: 1,
      defval: ''
    })
    expect(aoa[3][1]).toBe('HTX <script>alert(1)</script> & Đồng Tâm')
  })
})

/**
 * The decision revoking a cooperative's certificate (2023 revocation, step QD_TH) and the notice of violation before
 * it: issued and signed by the registration office, not the people's committee (NĐ 92/2024 Điều 53, NĐ 295/2026
 * Điều 54: «cơ quan đăng ký kinh doanh … ra quyết định thu hồi»), by the paper's date (the district's Phòng Tài
 * chính - Kế hoạch before 01/07/2025, the commune office from then on, a blank commune and a warning when the office
 * on file is a former district), the căn cứ lines with the decree of that date, and only the procedure's own drafts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMMUNE_LEVEL_FROM, committeeOn } from '../../src/main/core/text/document'
import { unzip } from '../helpers/zip'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let core: Office
beforeEach(async () => {
  core = await officeCore('180') // Huyện Tràng Định
})
afterEach(async () => {
  await core.dispose()
})

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

async function revocationCase(ground = 'violation_103') {
  const e = await core.call('entity.create', {
    kind: 'htx',
    name: 'HTX <b>Nông nghiệp</b> & Kháng Chiến',
    regNo: '4900000077',
    status: 'active',
    registrationDate: '2012-05-10',
    address: 'Thôn Nà Pàn',
    commune: 'Xã Kháng Chiến'
  })
  const c = await core.call('dissolution.open', {
    entityId: e.id,
    kind: 'revocation',
    law: '2023',
    ground,
    openedOn: '2025-06-02',
    decisionNo: ground === 'tax_enforcement' ? '321/CCT-QLN' : null
  })
  return c
}

describe('committeeOn: the signing committee by the paper’s date', () => {
  it('keeps the district before 01/07/2025, the commune after; a former district after the date gets a blank and a warning', () => {
    expect(COMMUNE_LEVEL_FROM).toBe('2025-07-01')
    const district = { name: 'Huyện Tràng Định', level: 'district' as const }
    expect(committeeOn(district, '2025-06-30')).toEqual({
      issuer: { parent: 'ỦY BAN NHÂN DÂN', body: 'HUYỆN TRÀNG ĐỊNH' },
      unitName: 'Huyện Tràng Định',
      warning: null
    })
    const after = committeeOn(district, '2025-07-01')
    expect(after.issuer).toEqual({ parent: 'ỦY BAN NHÂN DÂN', body: 'XÃ …………………' })
    expect(after.warning).toContain('Huyện Tràng Định (cấp huyện, đã chấm dứt hoạt động từ 01/07/2025)')
    expect(committeeOn({ name: 'Phường Cái Khế', level: 'commune' }, '2026-09-01')).toEqual({
      issuer: { parent: 'ỦY BAN NHÂN DÂN', body: 'PHƯỜNG CÁI KHẾ' },
      unitName: 'Phường Cái Khế',
      warning: null
    })
  })
})

describe('Thông báo về hành vi vi phạm (the first step of a revocation)', () => {
  it('names the violation by the case’s ground, calls the representative to explain by a date left blank, and warns of the decision', async () => {
    const c = await revocationCase()
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'violation', date: '2025-06-03' })
    expect(page.name).toBe(`thong-bao-hanh-vi-vi-pham-${c.id}.html`)
    const text = textOf(page.html)
    // The registration office of the notice's date issues it: the district's Phòng Tài chính - Kế hoạch, not the UBND.
    expect(text).toContain('UBND HUYỆN TRÀNG ĐỊNH PHÒNG TÀI CHÍNH - KẾ HOẠCH Số: ……/TB-TCKH')
    expect(text).not.toMatch(/ỦY BAN NHÂN DÂN HUYỆN|TM\. ỦY BAN|CHỦ TỊCH|TB-UBND/)
    expect(text).toContain('Về hành vi vi phạm của HTX <b>Nông nghiệp</b> & Kháng Chiến')
    expect(text).toContain('Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023')
    // Dated 03/06/2025: the decree then in force, NĐ 92/2024, never one of 2026.
    expect(text).toContain('Căn cứ Nghị định số 92/2024/NĐ-CP ngày 18 tháng 7 năm 2024')
    expect(text).not.toContain('295/2026')
    expect(text).toContain(
      'có hành vi vi phạm: Vi phạm thuộc các điểm b, c, d, đ, e khoản 1 Điều 103 Luật Hợp tác xã 2023 (khoản 2 Điều 53 Nghị định số 92/2024/NĐ-CP)'
    )
    expect(text).toContain('đến Phòng Tài chính - Kế hoạch Huyện Tràng Định để giải trình trước …… giờ ……, ngày …… tháng …… năm ……')
    expect(text).toContain('sẽ ra quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã')
    expect(text).toContain('TRƯỞNG PHÒNG (Ký, ghi rõ họ tên, đóng dấu)')
    // The form NĐ 92/2024 names (Mẫu số 01) is not in the stored text: said on the screen.
    expect(page.warnings!.join(' ')).toContain('Mẫu số 01')
    expect(page.html).not.toContain('<b>Nông nghiệp</b>')
    const docx = await core.call('dissolution.draftDocx', { caseId: c.id, doc: 'violation', date: '2025-06-03' })
    const xml = unzip(Buffer.from(docx.base64, 'base64'))
      .find((f) => f.name === 'word/document.xml')!
      .data.toString('utf8')
    expect(xml).toContain('Về hành vi vi phạm của HTX')
  })
})

describe('Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã', () => {
  it('before 01/07/2025: the district’s Phòng Tài chính - Kế hoạch decides; căn cứ the 2023 law, NĐ 92/2024, the notice’s number and date, the ground', async () => {
    const c = await revocationCase()
    await core.call('dissolution.step', {
      caseId: c.id,
      code: 'TB_VP',
      state: 'done',
      doneOn: '2025-06-03',
      documents: ['Thông báo số 07/TB-TCKH']
    })
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'revocation', date: '2025-06-27' })
    expect(page.warnings!.join(' ')).toContain('Mẫu số 02')
    expect(page.warnings!.join(' ')).not.toContain('để trống')
    expect(page.name).toMatch(/^quyet-dinh-thu-hoi-giay-chung-nhan-\d+\.html$/)
    const text = textOf(page.html)
    expect(text).toContain('UBND HUYỆN TRÀNG ĐỊNH PHÒNG TÀI CHÍNH - KẾ HOẠCH Số: ……/QĐ-TCKH')
    expect(text).toContain('Tràng Định, ngày 27 tháng 6 năm 2025')
    expect(text).toContain('TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN TRÀNG ĐỊNH Căn cứ')
    expect(text).not.toMatch(/ỦY BAN NHÂN DÂN HUYỆN|TM\. ỦY BAN|CHỦ TỊCH/)
    expect(text).toContain('Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023;')
    expect(text).toContain('Căn cứ Nghị định số 92/2024/NĐ-CP ngày 18 tháng 7 năm 2024 của Chính phủ')
    expect(text).not.toContain('295/2026')
    expect(text).toContain('Căn cứ Thông báo số 07/TB-TCKH ngày 03/06/2025 về hành vi vi phạm của HTX <b>Nông nghiệp</b> & Kháng Chiến;')
    expect(text).toContain('Điều 103 Luật Hợp tác xã 2023 (khoản 2 Điều 53 Nghị định số 92/2024/NĐ-CP)')
    expect(text).toContain(
      'Điều 1. Thu hồi Giấy chứng nhận đăng ký hợp tác xã của HTX <b>Nông nghiệp</b> & Kháng Chiến, mã số hợp tác xã 4900000077, đăng ký lần đầu ngày 10/05/2012'
    )
    expect(text).toContain(
      'Điều 2. HTX <b>Nông nghiệp</b> & Kháng Chiến có trách nhiệm thực hiện thủ tục giải thể theo quy định tại Điều 99 Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023 và Điều 51 Nghị định số 92/2024/NĐ-CP'
    )
    expect(text).toContain('Cơ quan thuế quản lý;')
    expect(text).toContain('TRƯỞNG PHÒNG (Ký, ghi rõ họ tên, đóng dấu)')
    // Names are escaped: no markup from the record reaches the page.
    expect(page.html).not.toContain('<b>Nông')
    expect(page.html).toContain('HTX &lt;b&gt;Nông nghiệp&lt;/b&gt; &amp; Kháng Chiến')
  })

  it('from 01/07/2025 with a former district on file: the commune office, its names blank to fill, warnings; NĐ 295/2026 after 23/07/2026', async () => {
    const c = await revocationCase()
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'revocation', date: '2026-09-10' })
    const text = textOf(page.html)
    expect(text).toContain('UBND XÃ ………………… PHÒNG ………………… Số: ……/QĐ-……')
    expect(text).toContain('TRƯỞNG PHÒNG ………………… Căn cứ')
    expect(text).not.toContain('HUYỆN')
    expect(text).toContain('ngày 10 tháng 9 năm 2026')
    expect(text).toContain('Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026')
    expect(text).toContain('(khoản 2 Điều 54 Nghị định số 295/2026/NĐ-CP)')
    expect(text).toContain('và Điều 52 Nghị định số 295/2026/NĐ-CP')
    // No notice recorded yet: its number and date are blanks.
    expect(text).toContain('Căn cứ Thông báo số …… ngày …… về hành vi vi phạm')
    expect(page.warnings!.some((w) => w.includes('tên xã để trống'))).toBe(true)
    // Where the commune has no specialised office, the UBND xã is the registration office (NĐ 295/2026 Điều 5 khoản 2).
    expect(page.warnings!.some((w) => w.includes('Điều 5 khoản 2') && w.includes('Cơ quan đăng ký là UBND xã'))).toBe(true)
    expect(page.html).not.toContain('tên xã để trống')
  })

  it('a revocation the tax office asked for: căn cứ its letter, no dissolution in Điều 2', async () => {
    const c = await revocationCase('tax_enforcement')
    const text = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'revocation', date: '2025-06-20' })).html)
    expect(text).toContain('Căn cứ văn bản số 321/CCT-QLN ngày 02/06/2025 của cơ quan quản lý thuế;')
    expect(text).toContain('do cưỡng chế về quản lý thuế')
    expect(text).not.toContain('tiến hành thủ tục giải thể')
  })

  it('offers only the procedure’s drafts: a revocation case has no dissolution council, and says so in Vietnamese', async () => {
    const c = await revocationCase()
    const view = await core.call('dissolution.show', { caseId: c.id })
    expect(view.drafts).toEqual(['violation', 'revocation'])
    for (const doc of ['council', 'notice', 'request'] as const) {
      await expect(core.call('dissolution.draft', { caseId: c.id, doc })).rejects.toThrow(
        /Thủ tục «.*» không có văn bản «.*»\. Các dự thảo của thủ tục này: «Thông báo về hành vi vi phạm», «Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã»/
      )
      await expect(core.call('dissolution.draftDocx', { caseId: c.id, doc })).rejects.toThrow(/không có văn bản/)
    }
  })

  it('the same decision as .docx: read back, the same words', async () => {
    const c = await revocationCase()
    const f = await core.call('dissolution.draftDocx', { caseId: c.id, doc: 'revocation', date: '2025-06-27' })
    expect(f.name).toMatch(/^quyet-dinh-thu-hoi-giay-chung-nhan-\d+\.docx$/)
    const xml = unzip(Buffer.from(f.base64, 'base64'))
      .find((x) => x.name === 'word/document.xml')!
      .data.toString('utf8')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('HUYỆN TRÀNG ĐỊNH')
    expect(text).toContain('Về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã của HTX &lt;b&gt;Nông nghiệp&lt;/b&gt; &amp; Kháng Chiến')
    expect(text).toContain('Căn cứ Nghị định số 92/2024/NĐ-CP ngày 18 tháng 7 năm 2024')
    expect(text).toContain('TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN TRÀNG ĐỊNH')
    expect(xml).not.toContain('<b>')
  })
})

describe('the 2012 and 2023 dissolution procedures', () => {
  it('a 2023 case gets no «Hội đồng giải thể» draft but its own three (dissolution-2023-docs.test.ts)', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Đề Thám', status: 'active', registrationDate: '2014-01-01' })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2023', openedOn: '2025-03-01' })
    expect(c.drafts).toEqual(['resolution', 'dissolving', 'dissolved'])
    await expect(core.call('dissolution.draft', { caseId: c.id, doc: 'council' })).rejects.toThrow(
      /không có văn bản «Quyết định thành lập hội đồng giải thể»/
    )
  })
})

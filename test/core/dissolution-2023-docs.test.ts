/**
 * The papers of the 2023 dissolution procedures (Luật HTX 2023 Điều 98, 99; NĐ 92/2024 Điều 50, 51 until 22/07/2026,
 * NĐ 295/2026 Điều 51, 52 from 23/07/2026): the general meeting's resolution with the law's sections, the registration
 * office's notice that the cooperative is dissolving and its notice of the dissolution. The office issues and signs
 * them itself — the district's Phòng Tài chính - Kế hoạch before 01/07/2025, the commune's office after — and the
 * clauses printed are those of the decree of the paper's date. Real cases on a real SQLite file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import { decreeOn } from '../../src/main/core/dissolution/documents-shared'
import { registrarOn } from '../../src/main/core/text/document'
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

async function cooperative(name = 'HTX Nông nghiệp Chi Lăng', regNo = '4900000123') {
  return core.call('entity.create', {
    kind: 'htx',
    name,
    regNo,
    status: 'active',
    registrationDate: '2013-04-15',
    address: 'Thôn Bản Cưởm',
    commune: 'Xã Chi Lăng',
    representative: 'Hoàng Văn Tình',
    representativeTitle: 'Giám đốc'
  })
}

async function voluntary() {
  const e = await cooperative()
  const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2023', openedOn: '2025-03-10' })
  return c
}

async function compulsory(ground: 'certificate_revoked' | 'court' = 'certificate_revoked') {
  const e = await cooperative('HTX Dịch vụ Tân Yên', '4900000456')
  return core.call('dissolution.open', {
    entityId: e.id,
    kind: 'compulsory',
    law: '2023',
    ground,
    openedOn: '2026-08-03',
    decisionNo: ground === 'court' ? '05/2026/QĐ-TA' : '12/QĐ-TCKH'
  })
}

function docxText(base64: string): string {
  const xml = unzip(Buffer.from(base64, 'base64'))
    .find((f) => f.name === 'word/document.xml')!
    .data.toString('utf8')
  return xml.replace(/<[^>]+>/g, '')
}

describe('the decree and the registration office by the paper’s date', () => {
  it('NĐ 92/2024 until 22/07/2026, NĐ 295/2026 from 23/07/2026', () => {
    expect(decreeOn('2024-07-18').code).toBe('92')
    expect(decreeOn('2026-07-22').code).toBe('92')
    expect(decreeOn('2026-07-23').code).toBe('295')
    expect(decreeOn('2026-07-23').cite).toBe(
      'Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026 của Chính phủ về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã'
    )
  })

  it('the district’s Phòng Tài chính - Kế hoạch before 01/07/2025, the commune office after, its head signing with the seal', () => {
    const notes = { district: 'D', commune: 'C' }
    const before = registrarOn({ name: 'Huyện Tràng Định', level: 'district' }, '2025-06-30', notes)
    expect(before.issuer).toEqual({ parent: 'UBND HUYỆN TRÀNG ĐỊNH', body: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH' })
    expect(before.sign).toEqual({ title: 'TRƯỞNG PHÒNG', seal: true })
    expect(before.head).toBe('TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN TRÀNG ĐỊNH')
    expect(before.warnings).toEqual(['D'])
    const commune = registrarOn({ name: 'Xã Chi Lăng', level: 'commune' }, '2026-09-01', notes)
    expect(commune.issuer).toEqual({ parent: 'UBND XÃ CHI LĂNG', body: 'PHÒNG …………………' })
    expect(commune.warnings).toEqual(['C'])
    const former = registrarOn({ name: 'Huyện Tràng Định', level: 'district' }, '2025-07-01', notes)
    expect(former.issuer.parent).toBe('UBND XÃ …………………')
    expect(former.warnings[0]).toContain('tên xã để trống')
  })
})

describe('Nghị quyết giải thể (Luật HTX 2023 Điều 98 khoản 1)', () => {
  it('has the law’s sections a–đ, the cooperative’s details, its debts as the debt plan and its assets', async () => {
    const c = await voluntary()
    await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Ngân hàng Agribank Chi Lăng', amount: 12_500_000 })
    await core.call('dissolution.item', { caseId: c.id, type: 'asset', category: 'Nhà kho', areaM2: 120, handling: 'bàn giao UBND xã' })
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'resolution', date: '2025-03-10' })
    expect(page.name).toBe(`nghi-quyet-giai-the-${c.id}.html`)
    const text = textOf(page.html)
    expect(text).toContain('HTX NÔNG NGHIỆP CHI LĂNG Số: ……/NQ-ĐHTV')
    expect(text).toContain('Tràng Định, ngày 10 tháng 3 năm 2025')
    expect(text).toContain('NGHỊ QUYẾT Về việc giải thể HTX Nông nghiệp Chi Lăng')
    expect(text).toContain('Căn cứ biên bản họp Đại hội thành viên ngày 10/03/2025')
    expect(text).toContain(
      'Điều 1. Giải thể HTX Nông nghiệp Chi Lăng, mã số hợp tác xã 4900000123, địa chỉ trụ sở chính: Thôn Bản Cưởm, Xã Chi Lăng'
    )
    expect(text).toContain('Lý do giải thể: ……')
    expect(text).toContain('Điều 2. Thời hạn và thủ tục bàn giao tài sản chung không chia, quỹ chung không chia')
    expect(text).toContain('Nhà kho; 120 m²; phương án: bàn giao UBND xã')
    expect(text).toContain('phương án giải quyết nợ')
    expect(text).toContain('Ngân hàng Agribank Chi Lăng …… 12.500.000')
    expect(text).toContain('Cách thức và thời hạn giải quyết khiếu nại của chủ nợ')
    expect(text).toContain('Điều 4. Phương án xử lý nghĩa vụ phát sinh từ hợp đồng lao động')
    expect(text).toContain('Trong thời hạn 07 ngày làm việc kể từ ngày thông qua Nghị quyết')
    expect(text).toContain('TM. ĐẠI HỘI THÀNH VIÊN CHỦ TỌA (Ký, ghi rõ họ tên)')
    // What the law does not settle is said on the screen: the votes of Điều 61 are left blank.
    expect(page.warnings!.join(' ')).toContain('Điều 61')
  })

  it('after a revocation the cooperative passes one too (Điều 99 khoản 2): căn cứ the decision, the ground as reason', async () => {
    const c = await compulsory()
    const text = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'resolution', date: '2026-08-10' })).html)
    expect(text).toContain('Căn cứ Quyết định số 12/QĐ-TCKH ngày 03/08/2026 về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã;')
    expect(text).toContain('Lý do giải thể: giải thể bắt buộc — Bị thu hồi Giấy chứng nhận đăng ký hợp tác xã')
    expect(text).toContain('(kèm bản sao quyết định nêu trên)')
  })
})

describe('Thông báo tình trạng đang làm thủ tục giải thể', () => {
  it('voluntary, before 01/07/2025: the district office, NĐ 92/2024 khoản 1 Điều 50, the resolution and the day it came', async () => {
    const c = await voluntary()
    await core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'done', doneOn: '2025-03-10' })
    await core.call('dissolution.step', { caseId: c.id, code: 'GUI_NQ', state: 'done', doneOn: '2025-03-12' })
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolving', date: '2025-03-13' })
    expect(page.name).toBe(`thong-bao-dang-lam-thu-tuc-giai-the-${c.id}.html`)
    const text = textOf(page.html)
    expect(text).toContain('UBND HUYỆN TRÀNG ĐỊNH PHÒNG TÀI CHÍNH - KẾ HOẠCH Số: ……/TB-TCKH')
    expect(text).toContain('Tràng Định, ngày 13 tháng 3 năm 2025')
    expect(text).toContain('Về việc HTX Nông nghiệp Chi Lăng đang làm thủ tục giải thể')
    expect(text).toContain('Căn cứ Nghị định số 92/2024/NĐ-CP ngày 18 tháng 7 năm 2024')
    expect(text).not.toContain('295/2026')
    expect(text).toContain(
      'ngày 10/03/2025 của Đại hội thành viên HTX Nông nghiệp Chi Lăng về việc giải thể, do người đại diện theo pháp luật gửi đến ngày 12/03/2025'
    )
    expect(text).toContain('Luật Hợp tác xã 2023 Điều 98 khoản 4; khoản 1 Điều 50 Nghị định số 92/2024/NĐ-CP')
    expect(text).toContain('Mã số hợp tác xã: 4900000123')
    expect(text).toContain('Người đại diện theo pháp luật: Hoàng Văn Tình, Giám đốc')
    expect(text).toContain('Tình trạng pháp lý: Đang làm thủ tục giải thể (giải thể tự nguyện)')
    expect(text).toContain('(khoản 2 Điều 50 Nghị định số 92/2024/NĐ-CP)')
    expect(text).toContain('nhận được nghị quyết giải thể')
    expect(text).toContain('(khoản 5 Điều 50 Nghị định số 92/2024/NĐ-CP)')
    expect(text).toContain('TRƯỞNG PHÒNG (Ký, ghi rõ họ tên, đóng dấu)')
    expect(text).not.toMatch(/ỦY BAN NHÂN DÂN HUYỆN|TM\. ỦY BAN|CHỦ TỊCH/)
    expect(page.warnings!.join(' ')).toContain('Phòng Tài chính - Kế hoạch')
    expect(page.warnings!.join(' ')).toMatch(/biểu mẫu .* chưa đối chiếu văn bản/)
  })

  it('dated between 01/07/2025 and 22/07/2026: the commune office issues it under NĐ 92/2024, and the screen says that rests on an unread text', async () => {
    const c = await voluntary()
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolving', date: '2025-09-15' })
    const text = textOf(page.html)
    expect(text).toContain('UBND XÃ ………………… PHÒNG …………………')
    expect(text).toContain('Căn cứ Nghị định số 92/2024/NĐ-CP')
    expect(text).toContain('khoản 1 Điều 50 Nghị định số 92/2024/NĐ-CP')
    expect(page.warnings!.some((w) => w.includes('01/07/2025 đến 22/07/2026') && w.includes('chưa đối chiếu văn bản'))).toBe(true)
  })

  it('compulsory after a revocation, dated after 23/07/2026: NĐ 295/2026 khoản 1 Điều 52, Điều 99, the 10 days; a blank commune', async () => {
    const c = await compulsory()
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolving', date: '2026-08-04' })
    const text = textOf(page.html)
    expect(text).toContain('UBND XÃ ………………… PHÒNG ………………… Số: ……/TB-……')
    expect(text).toContain('……, ngày 04 tháng 8 năm 2026')
    expect(text).not.toContain('HUYỆN')
    expect(text).toContain('Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026')
    expect(text).toContain('Căn cứ Quyết định số 12/QĐ-TCKH ngày 03/08/2026 về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã;')
    expect(text).toContain('Luật Hợp tác xã 2023 Điều 99 khoản 1; khoản 1 Điều 52 Nghị định số 295/2026/NĐ-CP')
    expect(text).toContain('Trong thời hạn 10 ngày kể từ ngày nhận được quyết định')
    expect(text).toContain('(khoản 3 Điều 52 Nghị định số 295/2026/NĐ-CP)')
    expect(text).toContain('Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã;')
    expect(page.warnings!.some((w) => w.includes('tên xã để trống'))).toBe(true)
    expect(page.warnings!.some((w) => w.includes('Điều 5 khoản 2'))).toBe(true)
  })
})

describe('Thông báo về việc giải thể của hợp tác xã (tình trạng «Đã giải thể»)', () => {
  it('voluntary, nothing filed for six months: the office’s route, khoản 5 Điều 51 NĐ 295/2026, the date the resolution came', async () => {
    const c = await voluntary()
    await core.call('dissolution.step', { caseId: c.id, code: 'GUI_NQ', state: 'done', doneOn: '2026-02-02' })
    await core.call('dissolution.step', { caseId: c.id, code: 'XOA_TU', state: 'done', doneOn: '2026-08-05' })
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolved', date: '2026-08-05' })
    expect(page.name).toBe(`thong-bao-ve-viec-giai-the-${c.id}.html`)
    const text = textOf(page.html)
    expect(text).toContain('Về việc giải thể của HTX Nông nghiệp Chi Lăng')
    expect(text).toContain('Xét hết thời hạn 06 tháng kể từ ngày nhận được nghị quyết giải thể (02/02/2026)')
    expect(text).toContain('Luật Hợp tác xã 2023 Điều 98 khoản 7; khoản 5 Điều 51 Nghị định số 295/2026/NĐ-CP')
    expect(text).toContain('Đã giải thể kể từ ngày 05/08/2026. Tình trạng pháp lý trong Cơ sở dữ liệu về đăng ký hợp tác xã: Đã giải thể')
    expect(text).toContain('Mã số hợp tác xã: 4900000123')
    expect(text).not.toContain('trả con dấu')
    const docx = await core.call('dissolution.draftDocx', { caseId: c.id, doc: 'dissolved', date: '2026-08-05' })
    expect(docx.name).toBe(`thong-bao-ve-viec-giai-the-${c.id}.docx`)
    const word = docxText(docx.base64)
    expect(word).toContain('Về việc giải thể của HTX Nông nghiệp Chi Lăng')
    expect(word).toContain('khoản 5 Điều 51 Nghị định số 295/2026/NĐ-CP')
    expect(word).toContain('TRƯỞNG PHÒNG')
  })

  it('compulsory, the cooperative filed: khoản 4 Điều 51 NĐ 295/2026, the file’s date and the tax office’s opinion', async () => {
    const c = await compulsory()
    await core.call('dissolution.step', { caseId: c.id, code: 'DT_TT', state: 'done', doneOn: '2026-08-04' })
    await core.call('dissolution.step', { caseId: c.id, code: 'TT_NO', state: 'done', doneOn: '2026-10-01' })
    await core.call('dissolution.step', { caseId: c.id, code: 'HS', state: 'done', doneOn: '2026-10-05' })
    await core.call('dissolution.step', { caseId: c.id, code: 'THUE', state: 'done', doneOn: '2026-10-06' })
    const text = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolved', date: '2026-10-09' })).html)
    expect(text).toContain('Căn cứ hồ sơ đăng ký giải thể của HTX Dịch vụ Tân Yên nhận ngày 05/10/2026')
    expect(text).toContain('ý kiến của cơ quan thuế ngày 06/10/2026')
    expect(text).toContain('Luật Hợp tác xã 2023 Điều 99 khoản 3; khoản 4 Điều 51 Nghị định số 295/2026/NĐ-CP')
    expect(text).toContain('Đã giải thể kể từ ngày ……')
    expect(text).toContain(
      'trả con dấu, giấy chứng nhận đăng ký mẫu con dấu cho cơ quan công an theo quy định (khoản 7 Điều 51 Nghị định số 295/2026/NĐ-CP)'
    )
  })

  it('the 2023 procedures offer these three drafts; a case stored before they existed gets them too', async () => {
    const v = await voluntary()
    expect(v.drafts).toEqual(['resolution', 'dissolving', 'dissolved'])
    const c = await compulsory('court')
    expect(c.drafts).toEqual(['resolution', 'dissolving', 'dissolved'])
    const text = textOf((await core.call('dissolution.draft', { caseId: c.id, doc: 'dissolving', date: '2026-08-04' })).html)
    expect(text).toContain(
      'Căn cứ Quyết định số 05/2026/QĐ-TA ngày 03/08/2026 của Tòa án về việc giải thể hợp tác xã, đã có hiệu lực pháp luật;'
    )
    // A case opened with the earlier template (no drafts listed) reads its procedure's current drafts.
    const db = new Database(core.dbPath)
    const row = db.prepare('select template_json from dissolution_cases where id = ?').get(v.id) as { template_json: string }
    const old = JSON.parse(row.template_json) as Record<string, unknown>
    old.drafts = []
    db.prepare('update dissolution_cases set template_json = ? where id = ?').run(JSON.stringify(old), v.id)
    db.close()
    expect((await core.call('dissolution.show', { caseId: v.id })).drafts).toEqual(['resolution', 'dissolving', 'dissolved'])
    await expect(core.call('dissolution.draft', { caseId: v.id, doc: 'revocation' })).rejects.toThrow(
      /không có văn bản «Quyết định thu hồi/
    )
  })
})

describe('where the commune has no specialised office, the UBND xã is the registration office (NĐ 295/2026 Điều 5 khoản 2)', () => {
  it('registrarOn(…, "committee"): the committee’s letterhead and signature from 01/07/2025, the district office before', () => {
    const notes = { district: 'D', commune: 'C', committee: 'K' }
    const r = registrarOn({ name: 'Xã Chi Lăng', level: 'commune' }, '2026-09-01', notes, 'committee')
    expect(r.issuer).toEqual({ parent: 'ỦY BAN NHÂN DÂN', body: 'XÃ CHI LĂNG' })
    expect(r.sign).toEqual({ on: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' })
    expect(r.name).toBe('Ủy ban nhân dân xã Chi Lăng')
    expect(r.warnings).toEqual(['K'])
    expect(registrarOn({ name: 'Huyện Tràng Định', level: 'district' }, '2025-06-30', notes, 'committee').issuer.body).toBe(
      'PHÒNG TÀI CHÍNH - KẾ HOẠCH'
    )
  })

  it('a revocation decision of 2026 signed for the UBND xã; asked for a 2025 paper, the district office still issues it, with a warning', async () => {
    const e = await cooperative()
    const c = await core.call('dissolution.open', {
      entityId: e.id,
      kind: 'revocation',
      law: '2023',
      ground: 'court',
      openedOn: '2026-08-03',
      decisionNo: '07/2026/QĐ-TA'
    })
    const page = await core.call('dissolution.draft', { caseId: c.id, doc: 'revocation', date: '2026-08-05', registrar: 'committee' })
    const text = textOf(page.html)
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ ………………… Số: ……/QĐ-UBND')
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ………………… Căn cứ Luật Hợp tác xã')
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;')
    expect(text).toContain('Căn cứ văn bản số 07/2026/QĐ-TA ngày 03/08/2026 của Tòa án;')
    expect(text).toContain('(khoản 3 Điều 54 Nghị định số 295/2026/NĐ-CP)')
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên, đóng dấu)')
    expect(text).not.toContain('PHÒNG')
    expect(page.warnings!.some((w) => w.includes('tên phòng để trống'))).toBe(false)
    const docx = await core.call('dissolution.draftDocx', { caseId: c.id, doc: 'revocation', date: '2026-08-05', registrar: 'committee' })
    expect(docxText(docx.base64)).toContain('TM. ỦY BAN NHÂN DÂN')
    const early = await core.call('dissolution.draft', { caseId: c.id, doc: 'violation', date: '2025-06-10', registrar: 'committee' })
    expect(textOf(early.html)).toContain('PHÒNG TÀI CHÍNH - KẾ HOẠCH')
    expect(early.warnings!.join(' ')).toContain('không phải Ủy ban nhân dân xã')
  })
})

describe('the CLI door', () => {
  it('dissolution draft --doc dissolving writes the Word file and says on stderr what to fill before signing', async () => {
    const c = await compulsory()
    const out = join(core.dir, 'dang-giai-the.docx')
    await core.close()
    const err: string[] = []
    expect(
      await runCli(
        ['dissolution', 'draft', '--db', core.dbPath, '--case', String(c.id), '--doc', 'dissolving', '--date', '2026-08-04', '--out', out],
        { out: () => {}, err: (l: string) => void err.push(l) }
      )
    ).toBe(0)
    const word = docxText(readFileSync(out).toString('base64'))
    expect(word).toContain('Về việc HTX Dịch vụ Tân Yên đang làm thủ tục giải thể')
    expect(word).toContain('khoản 1 Điều 52 Nghị định số 295/2026/NĐ-CP')
    expect(err.join('\n')).toContain('Cần kiểm tra trước khi ký:')
    expect(err.join('\n')).toContain('Điều 5 khoản 2')
    // --ubnd-xa: the commune's UBND is the registration office.
    const html = join(core.dir, 'dang-giai-the.html')
    const args = ['dissolution', 'draft', '--db', core.dbPath, '--case', String(c.id), '--doc', 'dissolving', '--date', '2026-08-04']
    expect(await runCli([...args, '--ubnd-xa', '--out', html], { out: () => {}, err: () => {} })).toBe(0)
    expect(textOf(readFileSync(html, 'utf8'))).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH')
    core = await officeCore('180') // afterEach disposes a live core
  })
})

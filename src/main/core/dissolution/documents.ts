/**
 * Draft documents the office (or the council it helps) has to write, filled from the case:
 * the decision establishing the dissolution council, the notice of dissolution, and the
 * request to record the dissolution. They are drafts: numbers and anything the case does
 * not hold are left as "……" to fill by hand, never invented.
 * Layout from the shared administrative page (src/main/core/text/document.ts).
 */
import type { CaseView, DraftDoc } from '../../../shared/contract/dissolution'
import { COUNCIL_ROLE_LABELS } from '../../../shared/contract/dissolution'
import type { Entity } from '../../../shared/contract/registry'
import type { AdminUnit } from '../../../shared/contract/office'
import { formatDate, formatNumber } from '../../../shared/text'
import { adminPageDocx } from '../text/docx'
import { officeName } from '../office/body'
import { adminPageHtml, committeeOn, escapeHtml as e, placeName, type AdminPage, type Issuer } from '../text/document'
import type { Template } from './templates'

const BLANK = '……'
const LAWS: Record<string, string> = {
  '2012': 'Luật Hợp tác xã số 23/2012/QH13 ngày 20 tháng 11 năm 2012',
  '2023': 'Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023'
}

export interface DraftInput {
  doc: DraftDoc
  view: CaseView
  template: Template
  entity: Entity
  unit: AdminUnit
  /** The date printed beside the place; null leaves "ngày … tháng … năm …" blank. */
  date: string | null
  /** A commune office's own body (office.body_name). */
  bodyName?: string | null
  /** The office's day: it decides the signing authority and the body when `date` is blank. */
  authorityDate?: string
}

/** The committee that signs this draft, by its date (text/document.ts committeeOn). */
function authority(d: DraftInput) {
  return committeeOn(d.unit, d.date ?? d.authorityDate ?? '9999-12-31')
}

/** What the officer must fix before signing, for the screen; never printed. */
export function draftWarnings(d: DraftInput): string[] {
  const needsCommittee = d.doc === 'revocation' || d.doc === 'violation' || (d.doc === 'council' && d.view.kind === 'compulsory')
  const w = needsCommittee ? authority(d).warning : null
  return w ? [w] : []
}

export const DRAFT_TITLES: Record<DraftDoc, { title: string; file: string }> = {
  council: { title: 'Quyết định thành lập hội đồng giải thể', file: 'quyet-dinh-thanh-lap-hoi-dong-giai-the' },
  notice: { title: 'Thông báo về việc giải thể', file: 'thong-bao-giai-the' },
  request: { title: 'Đề nghị ghi nhận việc giải thể', file: 'de-nghi-ghi-nhan-giai-the' },
  revocation: { title: 'Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã', file: 'quyet-dinh-thu-hoi-giay-chung-nhan' },
  violation: { title: 'Thông báo về hành vi vi phạm', file: 'thong-bao-hanh-vi-vi-pham' }
}

function address(en: Entity): string {
  return [en.street ?? en.address, en.commune, en.districtName].filter(Boolean).join(', ') || BLANK
}

/** The cooperative as every draft identifies it. */
function identity(en: Entity): string {
  const rows: Array<[string, string]> = [
    ['Tên hợp tác xã', en.name],
    ['Mã số hợp tác xã', en.regNo ?? BLANK],
    ['Ngày đăng ký', en.registrationDate ? formatDate(en.registrationDate) : BLANK],
    ['Địa chỉ trụ sở chính', address(en)],
    [
      'Người đại diện theo pháp luật',
      en.representative ? `${en.representative}${en.representativeTitle ? `, ${en.representativeTitle}` : ''}` : BLANK
    ]
  ]
  return rows.map(([k, v]) => `<p class="flat">- ${e(k)}: ${e(v)}</p>`).join('')
}

function groundLabel(view: CaseView, template: Template): string | null {
  if (!view.ground) return null
  const label = template.grounds?.find((g) => g.code === view.ground)?.label ?? view.ground
  return label.replace(/\s*\(chưa đối chiếu văn bản\)$/, '')
}

/** "Quyết định số 12/QĐ-UBND ngày 03/06/2024" from what the case holds, blanks otherwise. */
function openingDecision(view: CaseView): string {
  return `${view.decisionNo ? `văn bản số ${view.decisionNo}` : `văn bản số ${BLANK}`} ngày ${formatDate(view.openedOn)}`
}

function councilTable(view: CaseView, template: Template): string {
  const represents = new Map((template.council?.requires ?? []).map((r) => [r.code, r.label]))
  const members = [...view.council].sort(
    (a, b) => ['chair', 'secretary', 'member'].indexOf(a.role) - ['chair', 'secretary', 'member'].indexOf(b.role)
  )
  const rows = members.length
    ? members
        .map(
          (m, i) =>
            `<tr><td style="text-align:center">${i + 1}</td><td>${e(m.name)}</td><td>${e([m.organisation, m.represents ? (represents.get(m.represents) ?? m.represents) : null].filter(Boolean).join('; ') || BLANK)}</td><td>${e(COUNCIL_ROLE_LABELS[m.role as keyof typeof COUNCIL_ROLE_LABELS] ?? m.role)}</td></tr>`
        )
        .join('')
    : [1, 2, 3].map((i) => `<tr><td style="text-align:center">${i}</td><td>${BLANK}</td><td>${BLANK}</td><td>${BLANK}</td></tr>`).join('')
  return `<table><thead><tr><th>STT</th><th>Họ và tên</th><th>Chức vụ, cơ quan / đại diện cho</th><th>Nhiệm vụ trong hội đồng</th></tr></thead><tbody>${rows}</tbody></table>`
}

/** The registration authority the office is on the draft's date: "Phòng Tài chính - Kế hoạch Huyện Tràng Định", "Phòng Kinh tế Xã Mai Pha". */
function registrar(d: DraftInput): string {
  return officeName(d.unit, d.date ?? d.authorityDate ?? '9999-12-31', d.bodyName ?? null)
}

function chairName(view: CaseView): string | null {
  return view.council.find((m) => m.role === 'chair')?.name ?? null
}

function councilIssuer(en: Entity): Issuer {
  return { parent: en.name.toLocaleUpperCase('vi'), body: 'HỘI ĐỒNG GIẢI THỂ' }
}

function councilDecision(d: DraftInput): AdminPage {
  const { view, template, entity: en, unit } = d
  const place = placeName(unit)
  const ground = groundLabel(view, template)
  const tasks = `<p><b>Điều 2.</b> Hội đồng giải thể có trách nhiệm thông báo việc giải thể tới cơ quan đăng ký và công khai theo quy định; thông báo cho các tổ chức, cá nhân có quan hệ kinh tế về thời hạn thanh toán nợ, thanh lý hợp đồng; xử lý vốn, tài sản, các khoản nợ theo quy định của pháp luật; lập hồ sơ gửi cơ quan đăng ký để ghi nhận việc giải thể. Hội đồng tự giải thể sau khi hoàn thành nhiệm vụ.</p>`
  if (view.kind === 'compulsory') {
    const signer = authority(d)
    const unitUpper = signer.unitName.toLocaleUpperCase('vi')
    const body = [
      `<p class="flat" style="text-align:center"><b>CHỦ TỊCH ỦY BAN NHÂN DÂN ${e(unitUpper)}</b></p>`,
      `<p><i>Căn cứ Luật Tổ chức chính quyền địa phương;</i></p>`,
      `<p><i>Căn cứ ${e(LAWS[view.law])};</i></p>`,
      `<p><i>Căn cứ ${e(template.council?.basis ?? LAWS[view.law])};</i></p>`,
      ground ? `<p><i>Xét ${e(en.name)} thuộc trường hợp giải thể bắt buộc: ${e(ground)};</i></p>` : '',
      `<p><i>Theo đề nghị của Trưởng phòng Tài chính - Kế hoạch.</i></p>`,
      `<p class="flat" style="text-align:center"><b>QUYẾT ĐỊNH:</b></p>`,
      `<p><b>Điều 1.</b> Thành lập Hội đồng giải thể bắt buộc ${e(en.name)} (mã số ${e(en.regNo ?? BLANK)}), gồm các ông (bà) có tên sau:</p>`,
      councilTable(view, template),
      tasks,
      `<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân, Trưởng phòng Tài chính - Kế hoạch, ${e(en.name)} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.</p>`
    ].join('\n')
    return {
      issuer: signer.issuer,
      number: `Số: ${BLANK}/QĐ-UBND`,
      place,
      date: d.date,
      title: 'QUYẾT ĐỊNH',
      subtitle: `Về việc thành lập Hội đồng giải thể bắt buộc ${en.name}`,
      bodyHtml: body,
      recipients: ['Như Điều 3;', 'Cơ quan thuế quản lý;', 'Liên minh Hợp tác xã tỉnh;', 'Lưu: VT, TCKH.'],
      sign: { on: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }
    }
  }
  // Voluntary: the general meeting resolves to dissolve and sets up the council itself.
  const body = [
    `<p class="flat" style="text-align:center"><b>ĐẠI HỘI THÀNH VIÊN ${e(en.name.toLocaleUpperCase('vi'))}</b></p>`,
    `<p><i>Căn cứ ${e(LAWS[view.law])};</i></p>`,
    `<p><i>Căn cứ ${e(template.council?.basis ?? LAWS[view.law])};</i></p>`,
    `<p><i>Căn cứ Điều lệ ${e(en.name)};</i></p>`,
    `<p><i>Căn cứ biên bản họp Đại hội thành viên ngày ${e(formatDate(view.openedOn))}.</i></p>`,
    `<p class="flat" style="text-align:center"><b>QUYẾT NGHỊ:</b></p>`,
    `<p><b>Điều 1.</b> Giải thể tự nguyện ${e(en.name)} (mã số ${e(en.regNo ?? BLANK)}) và thành lập Hội đồng giải thể tự nguyện gồm các ông (bà) có tên sau:</p>`,
    councilTable(view, template),
    tasks,
    `<p><b>Điều 3.</b> Nghị quyết này có hiệu lực kể từ ngày ký. Hội đồng quản trị, Giám đốc, Ban kiểm soát (kiểm soát viên), các thành viên và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Nghị quyết này.</p>`
  ].join('\n')
  return {
    issuer: { parent: null, body: en.name.toLocaleUpperCase('vi') },
    number: `Số: ${BLANK}/NQ-ĐHTV`,
    place,
    date: d.date,
    title: 'NGHỊ QUYẾT',
    subtitle: 'Về việc giải thể tự nguyện và thành lập Hội đồng giải thể',
    bodyHtml: body,
    recipients: [`${registrar(d)} (cơ quan đăng ký);`, 'Các thành viên;', 'Như Điều 3;', 'Lưu: VT.'],
    sign: { on: 'TM. ĐẠI HỘI THÀNH VIÊN', title: 'CHỦ TỌA' }
  }
}

function notice(d: DraftInput): AdminPage {
  const { view, template, entity: en, unit } = d
  const ground = groundLabel(view, template)
  const chair = chairName(view)
  const body = [
    `<p>Thực hiện ${e(openingDecision(view))} về việc ${view.kind === 'compulsory' ? 'giải thể bắt buộc' : 'giải thể tự nguyện'} ${e(en.name)}, Hội đồng giải thể thông báo:</p>`,
    `<p><b>1. Hợp tác xã giải thể</b></p>`,
    identity(en),
    `<p class="flat">- Hình thức giải thể: ${view.kind === 'compulsory' ? 'bắt buộc' : 'tự nguyện'}${ground ? `; lý do: ${e(ground)}` : ''}.</p>`,
    `<p><b>2. Thanh toán nợ, thanh lý hợp đồng</b></p>`,
    `<p>Đề nghị các tổ chức, cá nhân có quan hệ kinh tế, có quyền lợi, nghĩa vụ liên quan đến ${e(en.name)} liên hệ với Hội đồng giải thể để đối chiếu, thanh toán các khoản nợ và thanh lý hợp đồng trước ngày ${BLANK} tháng ${BLANK} năm ${BLANK}. Sau thời hạn trên, Hội đồng giải thể xử lý theo quy định của pháp luật.</p>`,
    `<p><b>3. Liên hệ</b></p>`,
    `<p>Chủ tịch Hội đồng giải thể: ${e(chair ?? BLANK)}; địa chỉ: ${e(address(en))}; điện thoại: ${e(en.phone ?? BLANK)}.</p>`
  ].join('\n')
  return {
    issuer: councilIssuer(en),
    number: `Số: ${BLANK}/TB-HĐGT`,
    place: placeName(unit),
    date: d.date,
    title: 'THÔNG BÁO',
    subtitle: `Về việc giải thể ${en.name}`,
    bodyHtml: body,
    recipients: [`${registrar(d)} (cơ quan đăng ký);`, 'Cơ quan thuế quản lý;', 'Các tổ chức, cá nhân có liên quan;', 'Lưu: HĐGT.'],
    sign: { on: 'TM. HỘI ĐỒNG GIẢI THỂ', title: 'CHỦ TỊCH', name: chair }
  }
}

function request(d: DraftInput): AdminPage {
  const { view, entity: en, unit } = d
  const registrarName = registrar(d)
  const steps = view.steps
    .filter((s) => s.state !== 'todo')
    .map(
      (s) =>
        `<tr><td>${e(s.title)}</td><td>${e(s.state === 'done' ? `Đã thực hiện ngày ${formatDate(s.doneOn)}` : `Không áp dụng: ${s.naReason ?? ''}`)}</td></tr>`
    )
    .join('')
  const debts = view.items.filter((i) => i.type !== 'asset')
  const debtLine =
    debts.length === 0
      ? `<p>${e(en.name)} không có khoản nợ nào được ghi nhận trong hồ sơ.</p>`
      : view.unsettledPayable === 0 && view.unsettledReceivable === 0
        ? `<p>Các khoản nợ (${debts.length} khoản, tổng ${e(formatNumber(debts.reduce((a, i) => a + (i.amount ?? 0), 0)))} đồng) đã được xử lý xong.</p>`
        : `<p>Còn nợ phải trả chưa xử lý: ${e(formatNumber(view.unsettledPayable))} đồng; nợ phải thu chưa xử lý: ${e(formatNumber(view.unsettledReceivable))} đồng.</p>`
  const assets = view.items
    .filter((i) => i.type === 'asset')
    .map(
      (i) =>
        `<p class="flat">- ${e([i.landCertificate ? `GCN quyền sử dụng đất ${i.landCertificate}` : (i.category ?? 'Tài sản'), i.areaM2 ? `${formatNumber(i.areaM2)} m²` : null, i.handling ? `xử lý: ${i.handling}` : 'chưa có phương án xử lý'].filter(Boolean).join(', '))}</p>`
    )
    .join('')
  const papers = [...new Set([...view.steps.flatMap((s) => s.documents), ...view.attachments.map((a) => a.name)])]
  const body = [
    `<p class="flat" style="text-align:center">Kính gửi: ${e(registrarName)}</p>`,
    `<p>Hội đồng giải thể ${e(en.name)} đã hoàn thành thủ tục giải thể theo ${e(openingDecision(view))}, cụ thể như sau:</p>`,
    `<p><b>1. Thông tin hợp tác xã</b></p>`,
    identity(en),
    `<p><b>2. Các bước đã thực hiện</b></p>`,
    steps ? `<table><thead><tr><th>Nội dung</th><th>Kết quả</th></tr></thead><tbody>${steps}</tbody></table>` : `<p>${BLANK}</p>`,
    `<p><b>3. Thanh toán nợ, xử lý tài sản</b></p>`,
    debtLine,
    assets,
    `<p><b>4. Hồ sơ gửi kèm</b></p>`,
    papers.length ? papers.map((p) => `<p class="flat">- ${e(p)};</p>`).join('') : `<p class="flat">- ${BLANK}</p>`,
    `<p>Đề nghị ${e(registrarName)} ghi nhận tình trạng đã giải thể của ${e(en.name)} và thu hồi giấy chứng nhận đăng ký hợp tác xã. Hội đồng giải thể cam kết chịu trách nhiệm về tính trung thực, chính xác của nội dung trên.</p>`
  ].join('\n')
  return {
    issuer: councilIssuer(en),
    number: `Số: ${BLANK}/ĐN-HĐGT`,
    place: placeName(unit),
    date: d.date,
    title: 'ĐỀ NGHỊ',
    subtitle: `Về việc ghi nhận việc giải thể ${en.name}`,
    bodyHtml: body,
    recipients: ['Như trên;', 'Lưu: HĐGT.'],
    sign: { on: 'TM. HỘI ĐỒNG GIẢI THỂ', title: 'CHỦ TỊCH', name: chairName(view) }
  }
}

/** The notice of violation (step TB_VP) as the decision cites it: "Thông báo số 12/TB-UBND ngày 03/09/2026", blanks otherwise. */
function violationNotice(view: CaseView): string {
  const s = view.steps.find((x) => x.code === 'TB_VP')
  const no = s?.documents[0] ?? null
  const on = s?.state === 'done' && s.doneOn ? formatDate(s.doneOn) : null
  if (no && /ngày \d/.test(no)) return no.replace(/[;.]\s*$/, '')
  return `${no ?? `Thông báo số ${BLANK}`} ngày ${on ?? BLANK}`
}

/**
 * Decision revoking the certificate (revocation step QD_TH). Căn cứ: the 2023 law, NĐ 295/2026 and the ground
 * with its article as the procedure's data cites it (resources/checklists/2023-revocation.json, grounds); the
 * cooperative then dissolves, except where the tax office asked for the revocation (status «bị thu hồi do
 * cưỡng chế về quản lý thuế», the procedure's step TT).
 */
function revocationDecision(d: DraftInput): AdminPage {
  const { view, template, entity: en, unit } = d
  const signer = authority(d)
  const ground = groundLabel(view, template)
  const tax = view.ground === 'tax_enforcement'
  const body = [
    `<p class="flat" style="text-align:center"><b>CHỦ TỊCH ỦY BAN NHÂN DÂN ${e(signer.unitName.toLocaleUpperCase('vi'))}</b></p>`,
    `<p><i>Căn cứ Luật Tổ chức chính quyền địa phương;</i></p>`,
    `<p><i>Căn cứ ${e(LAWS['2023'])};</i></p>`,
    `<p><i>Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026 của Chính phủ về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã;</i></p>`,
    view.ground === 'tax_enforcement' || view.ground === 'court' || view.ground === 'authority_request'
      ? `<p><i>Căn cứ văn bản số ${e(view.decisionNo ?? BLANK)} ngày ${e(formatDate(view.openedOn))} ${tax ? 'của cơ quan quản lý thuế' : view.ground === 'court' ? 'của Tòa án' : 'của cơ quan nhà nước có thẩm quyền'};</i></p>`
      : `<p><i>Căn cứ ${e(violationNotice(view))} về hành vi vi phạm của ${e(en.name)};</i></p>`,
    ground ? `<p><i>Xét ${e(en.name)} thuộc trường hợp bị thu hồi Giấy chứng nhận đăng ký hợp tác xã: ${e(ground)};</i></p>` : '',
    `<p><i>Theo đề nghị của ${e(unit.level === 'district' && signer.warning === null ? 'Trưởng phòng Tài chính - Kế hoạch' : `Thủ trưởng cơ quan đăng ký hợp tác xã`)}.</i></p>`,
    `<p class="flat" style="text-align:center"><b>QUYẾT ĐỊNH:</b></p>`,
    `<p><b>Điều 1.</b> Thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${e(en.name)}, mã số hợp tác xã ${e(en.regNo ?? BLANK)}, đăng ký lần đầu ngày ${e(en.registrationDate ? formatDate(en.registrationDate) : BLANK)}, địa chỉ trụ sở chính: ${e(address(en))}.</p>`,
    tax
      ? `<p><b>Điều 2.</b> Tình trạng pháp lý của ${e(en.name)} được chuyển sang «bị thu hồi Giấy chứng nhận đăng ký hợp tác xã do cưỡng chế về quản lý thuế»; ${e(en.name)} thực hiện các nghĩa vụ theo quy định của pháp luật về quản lý thuế.</p>`
      : `<p><b>Điều 2.</b> ${e(en.name)} có trách nhiệm tiến hành thủ tục giải thể theo quy định của ${e(LAWS['2023'])} kể từ ngày nhận được Quyết định này; tình trạng pháp lý của hợp tác xã được chuyển sang «đang làm thủ tục giải thể».</p>`,
    `<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân, Thủ trưởng cơ quan đăng ký hợp tác xã, người đại diện theo pháp luật của ${e(en.name)} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.</p>`
  ].join('\n')
  return {
    issuer: signer.issuer,
    number: `Số: ${BLANK}/QĐ-UBND`,
    place: signer.warning ? BLANK : placeName(unit),
    date: d.date,
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${en.name}`,
    bodyHtml: body,
    recipients: ['Như Điều 3;', 'Cơ quan thuế quản lý;', `${en.name} (trụ sở chính);`, 'Lưu: VT.'],
    sign: { on: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }
  }
}

/**
 * Notice of the violation (revocation step TB_VP): what the cooperative did, by the ground the case cites, and the
 * call to its legal representative to come and explain by a date left to fill (the decree sets no number of days;
 * the notice does). Wording after the codified NĐ 92/2024 Điều 53 khoản 2, kept by NĐ 295/2026 (read 07/12/2026).
 * Same issuer and signature as the decision that follows it.
 */
function violationDecisionNotice(d: DraftInput): AdminPage {
  const { view, template, entity: en, unit } = d
  const signer = authority(d)
  const ground = groundLabel(view, template)
  const body = [
    `<p><i>Căn cứ ${e(LAWS['2023'])};</i></p>`,
    `<p><i>Căn cứ Nghị định số 295/2026/NĐ-CP ngày 23 tháng 7 năm 2026 của Chính phủ về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã;</i></p>`,
    `<p>Cơ quan đăng ký hợp tác xã thông báo:</p>`,
    identity(en),
    `<p>có hành vi vi phạm: ${e(ground ?? BLANK)}.</p>`,
    `<p>Đề nghị người đại diện theo pháp luật của ${e(en.name)}${en.representative ? ` (ông/bà ${e(en.representative)})` : ''} đến cơ quan đăng ký hợp tác xã để giải trình trước ${BLANK} giờ ${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}.</p>`,
    `<p>Kết thúc thời hạn giải trình nêu trên mà người được yêu cầu không đến hoặc nội dung giải trình không được chấp thuận, cơ quan đăng ký hợp tác xã sẽ ra quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${e(en.name)} theo quy định.</p>`
  ].join('\n')
  return {
    issuer: signer.issuer,
    number: `Số: ${BLANK}/TB-UBND`,
    place: signer.warning ? BLANK : placeName(unit),
    date: d.date,
    title: 'THÔNG BÁO',
    subtitle: `Về hành vi vi phạm của ${en.name}`,
    bodyHtml: body,
    recipients: [`${en.name} (trụ sở chính);`, 'Cơ quan thuế quản lý;', 'Lưu: VT.'],
    sign: { on: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }
  }
}

const BUILDERS: Record<DraftDoc, (d: DraftInput) => AdminPage> = {
  council: councilDecision,
  notice,
  request,
  revocation: revocationDecision,
  violation: violationDecisionNotice
}

/** The draft as a whole printable page. */
export function draftHtml(d: DraftInput): string {
  return adminPageHtml(BUILDERS[d.doc](d))
}

/** The same draft, same content, as a Word file to edit and sign (text/docx.ts). */
export function draftDocx(d: DraftInput): Buffer {
  return adminPageDocx(BUILDERS[d.doc](d))
}

/**
 * The drafts of the 2012 law's procedures (checklists 2012-*.json): the decision establishing the dissolution council,
 * the council's notice of dissolution and its request to record the dissolution. The council (or the committee that
 * sets it up) issues them, not the registration office, so none uses the office's letterhead (documents-2023.ts).
 */
import type { CaseView } from '../../../shared/contract/dissolution'
import { COUNCIL_ROLE_LABELS } from '../../../shared/contract/dissolution'
import type { Entity } from '../../../shared/contract/registry'
import { formatDate, formatNumber } from '../../../shared/text'
import { escapeHtml as e, placeName, type AdminPage, type Issuer } from '../text/document'
import type { Template } from './templates'
import { address, authority, BLANK, groundLabel, identity, registrar, type DraftInput } from './documents-shared'

const LAWS: Record<string, string> = {
  '2012': 'Luật Hợp tác xã số 23/2012/QH13 ngày 20 tháng 11 năm 2012',
  '2023': 'Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023'
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

/**
 * The registration office a 2012 paper is addressed to, by the paper's date: "Phòng Tài chính - Kế hoạch Huyện Tràng
 * Định" before 01/07/2025; after it the district office is gone and the file goes to the commune's registration
 * office (text/document.ts registrarOn); a province file keeps its Sở.
 */
function registrar2012(d: DraftInput): string {
  return registrar(d).name
}

function chairName(view: CaseView): string | null {
  return view.council.find((m) => m.role === 'chair')?.name ?? null
}

/** Who proposes the committee's decision: the head of the registration office of the paper's date. */
function proposer(d: DraftInput): string {
  const r = registrar({ ...d, registrar: 'office' })
  return r.level === 'district' ? 'Trưởng phòng Tài chính - Kế hoạch' : `Thủ trưởng ${r.name.replace(/^C/, 'c')}`
}

function councilIssuer(en: Entity): Issuer {
  return { parent: en.name.toLocaleUpperCase('vi'), body: 'HỘI ĐỒNG GIẢI THỂ' }
}

export function councilDecision(d: DraftInput): AdminPage {
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
      `<p><i>Theo đề nghị của ${e(proposer(d))}.</i></p>`,
      `<p class="flat" style="text-align:center"><b>QUYẾT ĐỊNH:</b></p>`,
      `<p><b>Điều 1.</b> Thành lập Hội đồng giải thể bắt buộc ${e(en.name)} (mã số ${e(en.regNo ?? BLANK)}), gồm các ông (bà) có tên sau:</p>`,
      councilTable(view, template),
      tasks,
      `<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân, ${e(proposer(d))}, ${e(en.name)} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.</p>`
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
    recipients: [`${registrar2012(d)} (cơ quan đăng ký);`, 'Các thành viên;', 'Như Điều 3;', 'Lưu: VT.'],
    sign: { on: 'TM. ĐẠI HỘI THÀNH VIÊN', title: 'CHỦ TỌA' }
  }
}

export function notice(d: DraftInput): AdminPage {
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
    recipients: [`${registrar2012(d)} (cơ quan đăng ký);`, 'Cơ quan thuế quản lý;', 'Các tổ chức, cá nhân có liên quan;', 'Lưu: HĐGT.'],
    sign: { on: 'TM. HỘI ĐỒNG GIẢI THỂ', title: 'CHỦ TỊCH', name: chair }
  }
}

export function request(d: DraftInput): AdminPage {
  const { view, entity: en, unit } = d
  const registrarName = registrar2012(d)
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
    `<p>Đề nghị ${e(registrarName.replace(/^Cơ quan/, 'cơ quan'))} ghi nhận tình trạng đã giải thể của ${e(en.name)} và thu hồi giấy chứng nhận đăng ký hợp tác xã. Hội đồng giải thể cam kết chịu trách nhiệm về tính trung thực, chính xác của nội dung trên.</p>`
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

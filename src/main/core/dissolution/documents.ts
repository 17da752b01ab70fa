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
import drafts2023 from '../../../../resources/drafts/2023.json'
import {
  adminPageHtml,
  committeeOn,
  COMMUNE_LEVEL_FROM,
  escapeHtml as e,
  placeName,
  registrarOn,
  type AdminPage,
  type Issuer
} from '../text/document'
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
  /** From 01/07/2025: the commune's specialised office (default) or the UBND xã where there is none (NĐ 295/2026 Điều 5). */
  registrar?: 'office' | 'committee'
}

/** The committee that signs this draft, by its date (text/document.ts committeeOn). */
function authority(d: DraftInput) {
  return committeeOn(d.unit, d.date ?? d.authorityDate ?? '9999-12-31')
}

/** The 2023 drafts' data: decrees by date, the registration office, each draft's căn cứ and form (resources/drafts/2023.json). */
type Decree = (typeof drafts2023.decrees)[number]
const D = drafts2023.drafts
/** The drafts the registration office issues in its own name (resources/drafts/2023.json, issuer «registrar»). */
const REGISTRAR_DRAFTS = (Object.keys(D) as Array<keyof typeof D>).filter((k) => D[k].issuer === 'registrar') as DraftDoc[]

/** The date that decides who signs and which decree is cited: the paper's own, else the office's today. */
function paperDate(d: DraftInput): string {
  return d.date ?? d.authorityDate ?? '9999-12-31'
}

/** The registration decree of the 2023 law in force on the paper's date (NĐ 92/2024 until 22/07/2026, then NĐ 295/2026). */
export function decreeOn(date: string): Decree {
  const ds = [...drafts2023.decrees].sort((a, b) => (a.from < b.from ? -1 : 1))
  return ds.filter((x) => x.from <= date).pop() ?? ds[0]!
}

/** The registration office that issues a 2023 paper of this date (text/document.ts registrarOn). */
function registrar(d: DraftInput) {
  return registrarOn(
    d.unit,
    paperDate(d),
    {
      district: drafts2023.registrar.districtNote,
      commune: drafts2023.registrar.communeNote,
      committee: drafts2023.registrar.committeeNote
    },
    d.registrar,
    d.bodyName
  )
}

/** The office's name inside a sentence: "cơ quan đăng ký kinh doanh cấp xã", a proper name ("Phòng Tài chính - Kế hoạch …") as is. */
function inText(r: ReturnType<typeof registrar>): string {
  return r.name.replace(/^Cơ quan/, 'cơ quan')
}

/** The form the law names for this draft on its date, when it could not be read (said on screen, never printed). */
function formNote(d: DraftInput): string | null {
  const f = (D as Record<string, { form?: string | Record<string, string> }>)[d.doc]?.form
  if (!f) return null
  return typeof f === 'string' ? f : (f[decreeOn(paperDate(d)).code] ?? null)
}

/** What the officer must fix before signing, for the screen; never printed. */
export function draftWarnings(d: DraftInput): string[] {
  const w: string[] = []
  if (REGISTRAR_DRAFTS.includes(d.doc)) {
    w.push(...registrar(d).warnings)
    if (paperDate(d) >= COMMUNE_LEVEL_FROM && decreeOn(paperDate(d)).code === '92') w.push(drafts2023.registrar.interimNote)
    if (d.registrar === 'committee' && paperDate(d) < COMMUNE_LEVEL_FROM)
      w.push(
        'Văn bản ngày trước 01/07/2025: cơ quan đăng ký là Phòng Tài chính - Kế hoạch cấp huyện, không phải Ủy ban nhân dân xã; đã in theo cơ quan cấp huyện.'
      )
    if (paperDate(d) < drafts2023.decrees[0]!.from)
      w.push(
        `Văn bản ngày trước ${formatDate(drafts2023.decrees[0]!.from)}: chưa có nghị định đăng ký hợp tác xã theo Luật 2023; căn cứ in theo ${drafts2023.decrees[0]!.short}, cần kiểm tra.`
      )
  } else if (d.doc === 'council' && d.view.kind === 'compulsory') {
    const a = authority(d).warning
    if (a) w.push(a)
  }
  const f = formNote(d)
  if (f) w.push(f)
  return w
}

export const DRAFT_TITLES: Record<DraftDoc, { title: string; file: string }> = {
  council: { title: 'Quyết định thành lập hội đồng giải thể', file: 'quyet-dinh-thanh-lap-hoi-dong-giai-the' },
  notice: { title: 'Thông báo về việc giải thể', file: 'thong-bao-giai-the' },
  request: { title: 'Đề nghị ghi nhận việc giải thể', file: 'de-nghi-ghi-nhan-giai-the' },
  revocation: { title: 'Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã', file: 'quyet-dinh-thu-hoi-giay-chung-nhan' },
  violation: { title: 'Thông báo về hành vi vi phạm', file: 'thong-bao-hanh-vi-vi-pham' },
  resolution: { title: 'Nghị quyết Đại hội thành viên về việc giải thể', file: 'nghi-quyet-giai-the' },
  dissolving: { title: 'Thông báo tình trạng đang làm thủ tục giải thể', file: 'thong-bao-dang-lam-thu-tuc-giai-the' },
  dissolved: { title: 'Thông báo về việc giải thể của hợp tác xã', file: 'thong-bao-ve-viec-giai-the' }
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
  // The decree's clause is the paper's own (by its date, NĐ 92/2024 or NĐ 295/2026): the label keeps only the law's.
  return label.replace(/\s*\(chưa đối chiếu văn bản\)$/, '').replace(/\s*\(([^()]*)\)$/, (_m, inner: string) => {
    const kept = inner.split(/;\s*/).filter((x) => !/^Nghị định/.test(x))
    return kept.length ? ` (${kept.join('; ')})` : ''
  })
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
    recipients: [`${registrar2012(d)} (cơ quan đăng ký);`, 'Cơ quan thuế quản lý;', 'Các tổ chức, cá nhân có liên quan;', 'Lưu: HĐGT.'],
    sign: { on: 'TM. HỘI ĐỒNG GIẢI THỂ', title: 'CHỦ TỊCH', name: chair }
  }
}

function request(d: DraftInput): AdminPage {
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

/** "…; căn cứ" lines every 2023 registration paper opens with: the law, the decree of the paper's date. */
function basis2023(d: DraftInput): string[] {
  return [`<p><i>Căn cứ ${e(drafts2023.law)};</i></p>`, `<p><i>Căn cứ ${e(decreeOn(paperDate(d)).cite)};</i></p>`]
}

/** The office's own mandate, a line of every decision a head of office signs; its number is the province's, left blank. */
function mandateLine(r: ReturnType<typeof registrar>): string {
  if (r.symbol === 'UBND') return `<p><i>Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;</i></p>`
  return r.level === 'district'
    ? `<p><i>Căn cứ Quyết định số ${BLANK} ngày ${BLANK} của Ủy ban nhân dân huyện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${e(r.name)};</i></p>`
    : `<p><i>Căn cứ Quyết định số ${BLANK} ngày ${BLANK} của Ủy ban nhân dân tỉnh giao nhiệm vụ đăng ký hợp tác xã cho cơ quan đăng ký kinh doanh cấp xã;</i></p>`
}

/** The page parts every paper of the registration office shares: its letterhead, number with its symbol, place, signature. */
function registrarPage(
  d: DraftInput,
  kind: 'TB' | 'QĐ',
  rest: Pick<AdminPage, 'title' | 'subtitle' | 'bodyHtml' | 'recipients'>
): AdminPage {
  const r = registrar(d)
  // The place is the office's own unit only when the office on file is of the level that issues the paper.
  const known = r.level === d.unit.level
  return {
    issuer: r.issuer,
    number: `Số: ${BLANK}/${kind}-${r.symbol}`,
    place: known ? placeName(d.unit) : BLANK,
    date: d.date,
    ...rest,
    sign: r.sign
  }
}

/** The notice of violation (step TB_VP) as the decision cites it: "Thông báo số 12/TB-TCKH ngày 03/09/2026", blanks otherwise. */
function violationNotice(view: CaseView): string {
  const s = view.steps.find((x) => x.code === 'TB_VP')
  const no = s?.documents[0] ?? null
  const on = s?.state === 'done' && s.doneOn ? formatDate(s.doneOn) : null
  if (no && /ngày \d/.test(no)) return no.replace(/[;.]\s*$/, '')
  return `${no ?? `Thông báo số ${BLANK}`} ngày ${on ?? BLANK}`
}

/** Where the decree of the paper's date puts a rule: "khoản 4 Điều 51 Nghị định số 295/2026/NĐ-CP". */
function clause(d: DraftInput, byDecree: Record<string, string>): string {
  const dec = decreeOn(paperDate(d))
  return `${byDecree[dec.code]} ${dec.short}`
}

/**
 * Decision revoking the certificate (revocation step QD_TH), issued and signed by the registration office, not by
 * the people's committee: NĐ 92/2024 Điều 53 khoản 1–4 («cơ quan đăng ký kinh doanh cấp huyện … ra quyết định thu
 * hồi», Mẫu số 02), NĐ 295/2026 Điều 54 khoản 1–4 («cơ quan đăng ký kinh doanh cấp xã»). Căn cứ: the 2023 law, the
 * decree of the decision's date, the notice or the letter it follows, the ground with its article; the cooperative
 * then dissolves, except where the tax office asked for the revocation (Điều 54 khoản 5).
 */
function revocationDecision(d: DraftInput): AdminPage {
  const { view, template, entity: en } = d
  const r = registrar(d)
  const ground = groundLabel(view, template)
  const tax = view.ground === 'tax_enforcement'
  const dec = decreeOn(paperDate(d))
  const body = [
    `<p class="flat" style="text-align:center"><b>${e(r.head)}</b></p>`,
    ...basis2023(d),
    mandateLine(r),
    view.ground === 'tax_enforcement' || view.ground === 'court' || view.ground === 'authority_request'
      ? `<p><i>Căn cứ văn bản số ${e(view.decisionNo ?? BLANK)} ngày ${e(formatDate(view.openedOn))} ${tax ? 'của cơ quan quản lý thuế' : view.ground === 'court' ? 'của Tòa án' : 'của cơ quan nhà nước có thẩm quyền'};</i></p>`
      : `<p><i>Căn cứ ${e(violationNotice(view))} về hành vi vi phạm của ${e(en.name)};</i></p>`,
    ground
      ? `<p><i>Xét ${e(en.name)} thuộc trường hợp bị thu hồi Giấy chứng nhận đăng ký hợp tác xã: ${e(ground)}${view.ground && view.ground in D.revocation.groundClause ? ` (${e(clause(d, D.revocation.groundClause[view.ground as keyof typeof D.revocation.groundClause]))})` : ''}.</i></p>`
      : '',
    `<p class="flat" style="text-align:center"><b>QUYẾT ĐỊNH:</b></p>`,
    `<p><b>Điều 1.</b> Thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${e(en.name)}, mã số hợp tác xã ${e(en.regNo ?? BLANK)}, đăng ký lần đầu ngày ${e(en.registrationDate ? formatDate(en.registrationDate) : BLANK)}, địa chỉ trụ sở chính: ${e(address(en))}.</p>`,
    tax
      ? `<p><b>Điều 2.</b> Tình trạng pháp lý của ${e(en.name)} được chuyển sang «Bị thu hồi do cưỡng chế về quản lý thuế» (khoản 5 Điều ${dec.code === '92' ? '53' : '54'} ${e(dec.short)}); ${e(en.name)} thực hiện các nghĩa vụ theo quy định của pháp luật về quản lý thuế.</p>`
      : `<p><b>Điều 2.</b> ${e(en.name)} có trách nhiệm thực hiện thủ tục giải thể theo quy định tại Điều 99 ${e(drafts2023.law)} và ${dec.code === '92' ? 'Điều 51' : 'Điều 52'} ${e(dec.short)} kể từ ngày nhận được Quyết định này; tình trạng pháp lý của hợp tác xã được chuyển sang «Đang làm thủ tục giải thể».</p>`,
    `<p><b>Điều 3.</b> Quyết định này có hiệu lực kể từ ngày ký. Người đại diện theo pháp luật của ${e(en.name)} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.</p>`
  ].join('\n')
  return registrarPage(d, 'QĐ', {
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${en.name}`,
    bodyHtml: body,
    recipients: [
      'Như Điều 3;',
      `${en.name} (trụ sở chính);`,
      'Cơ quan thuế quản lý;',
      'Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã;',
      'Lưu: VT.'
    ]
  })
}

/**
 * Notice of the violation (revocation step TB_VP): what the cooperative did, by the ground the case cites, and the
 * call to its legal representative to come and explain by a date left to fill (the decree sets no number of days;
 * the notice does). Issued by the registration office (NĐ 92/2024 Điều 53 khoản 2, Mẫu số 01; NĐ 295/2026 Điều 54
 * khoản 2), the same issuer and signature as the decision that follows it.
 */
function violationDecisionNotice(d: DraftInput): AdminPage {
  const { view, template, entity: en } = d
  const r = registrar(d)
  const ground = groundLabel(view, template)
  const body = [
    ...basis2023(d),
    `<p>${e(r.name)} thông báo:</p>`,
    identity(en),
    `<p>có hành vi vi phạm: ${e(ground ?? BLANK)}${view.ground && view.ground in D.revocation.groundClause ? ` (${e(clause(d, D.revocation.groundClause[view.ground as keyof typeof D.revocation.groundClause]))})` : ''}.</p>`,
    `<p>Đề nghị người đại diện theo pháp luật của ${e(en.name)}${en.representative ? ` (ông/bà ${e(en.representative)})` : ''} đến ${e(inText(r))} để giải trình trước ${BLANK} giờ ${BLANK}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}.</p>`,
    `<p>Kết thúc thời hạn giải trình nêu trên mà người được yêu cầu không đến hoặc nội dung giải trình không được chấp thuận, ${e(inText(r))} sẽ ra quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã của ${e(en.name)} theo quy định tại ${e(clause(d, { '92': 'khoản 2 Điều 53', '295': 'khoản 2 Điều 54' }))}.</p>`
  ].join('\n')
  return registrarPage(d, 'TB', {
    title: 'THÔNG BÁO',
    subtitle: `Về hành vi vi phạm của ${en.name}`,
    bodyHtml: body,
    recipients: [`${en.name} (trụ sở chính);`, 'Cơ quan thuế quản lý;', 'Lưu: VT.']
  })
}

/** A step's done date as printed, blanks when not done yet. */
function doneOn(view: CaseView, code: string): string {
  const s = view.steps.find((x) => x.code === code)
  return s?.state === 'done' && s.doneOn ? formatDate(s.doneOn) : BLANK
}

/** What the compulsory case follows: the revocation decision or the court's, with its number and date. */
function compulsoryTrigger(view: CaseView): string {
  const no = view.decisionNo ?? BLANK
  return view.ground === 'court'
    ? `Quyết định số ${no} ngày ${formatDate(view.openedOn)} của Tòa án về việc giải thể hợp tác xã, đã có hiệu lực pháp luật`
    : `Quyết định số ${no} ngày ${formatDate(view.openedOn)} về việc thu hồi Giấy chứng nhận đăng ký hợp tác xã`
}

/**
 * The general meeting's resolution to dissolve (2023 voluntary, step NQ; after a revocation or a court decision the
 * cooperative passes one too, Luật HTX 2023 Điều 99 khoản 2). Its sections are the law's list (Điều 98 khoản 1
 * điểm a–đ): name and head office, reason, handover of the indivisible funds and assets, liquidation of contracts
 * and the debt plan (creditor, address, amount, time, place and way of payment, how creditors' claims are handled),
 * the labour contracts; then who liquidates (khoản 2) and the 07 working days to send and post it (khoản 3).
 */
function resolution(d: DraftInput): AdminPage {
  const { view, template, entity: en } = d
  const compulsory = view.kind === 'compulsory'
  const ground = groundLabel(view, template)
  const payables = view.items.filter((i) => i.type === 'payable')
  const assets = view.items.filter((i) => i.type === 'asset')
  const debtRows = (payables.length ? payables : [null, null])
    .map(
      (i, n) =>
        `<tr><td style="text-align:center">${n + 1}</td><td>${e(i?.party ?? BLANK)}</td><td>${BLANK}</td><td>${i?.amount != null ? e(formatNumber(i.amount)) : BLANK}</td><td>${BLANK}</td><td>${BLANK}</td></tr>`
    )
    .join('')
  const assetLines = assets.length
    ? assets
        .map(
          (i) =>
            `<p class="flat">- ${e([i.landCertificate ? `Quyền sử dụng đất, GCN ${i.landCertificate}` : (i.category ?? 'Tài sản'), i.areaM2 ? `${formatNumber(i.areaM2)} m²` : null, i.handling ? `phương án: ${i.handling}` : `phương án: ${BLANK}`].filter(Boolean).join('; '))};</p>`
        )
        .join('')
    : `<p class="flat">- ${BLANK}</p>`
  const body = [
    `<p class="flat" style="text-align:center"><b>ĐẠI HỘI THÀNH VIÊN ${e(en.name.toLocaleUpperCase('vi'))}</b></p>`,
    `<p><i>Căn cứ ${e(drafts2023.law)};</i></p>`,
    `<p><i>Căn cứ Điều lệ ${e(en.name)};</i></p>`,
    compulsory ? `<p><i>Căn cứ ${e(compulsoryTrigger(view))};</i></p>` : '',
    `<p><i>Căn cứ biên bản họp Đại hội thành viên ngày ${compulsory ? BLANK : e(formatDate(view.openedOn))}; kết quả biểu quyết: ${BLANK}/${BLANK} thành viên tán thành.</i></p>`,
    `<p class="flat" style="text-align:center"><b>QUYẾT NGHỊ:</b></p>`,
    `<p><b>Điều 1.</b> Giải thể ${e(en.name)}, mã số hợp tác xã ${e(en.regNo ?? BLANK)}, địa chỉ trụ sở chính: ${e(address(en))}.</p>`,
    `<p>Lý do giải thể: ${compulsory ? e(ground ? `giải thể bắt buộc — ${ground}` : 'giải thể bắt buộc') : BLANK}.</p>`,
    `<p><b>Điều 2. Thời hạn và thủ tục bàn giao tài sản chung không chia, quỹ chung không chia</b> (xử lý theo Điều 101 Luật Hợp tác xã): hoàn thành trước ngày ${BLANK} tháng ${BLANK} năm ${BLANK}; gồm:</p>`,
    assetLines,
    `<p><b>Điều 3. Thời hạn, thủ tục thanh lý hợp đồng và thanh toán các khoản nợ; phương án giải quyết nợ.</b> Thanh lý các hợp đồng và thanh toán các khoản nợ trước ngày ${BLANK} tháng ${BLANK} năm ${BLANK}, theo phương án sau:</p>`,
    `<table><thead><tr><th>STT</th><th>Chủ nợ</th><th>Địa chỉ</th><th>Số nợ (đồng)</th><th>Thời hạn, địa điểm thanh toán</th><th>Phương thức thanh toán</th></tr></thead><tbody>${debtRows}</tbody></table>`,
    `<p>Cách thức và thời hạn giải quyết khiếu nại của chủ nợ: ${BLANK}.</p>`,
    `<p><b>Điều 4. Phương án xử lý nghĩa vụ phát sinh từ hợp đồng lao động:</b> ${BLANK}.</p>`,
    `<p><b>Điều 5. Tổ chức thực hiện.</b> Hội đồng quản trị (đối với tổ chức quản trị đầy đủ) hoặc Giám đốc (đối với tổ chức quản trị rút gọn) trực tiếp tổ chức thanh lý tài sản theo Nghị quyết này. Trong thời hạn 07 ngày làm việc kể từ ngày thông qua Nghị quyết, người đại diện theo pháp luật gửi Nghị quyết đến cơ quan đăng ký kinh doanh, Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã, cơ quan thuế, người lao động${compulsory ? ' (kèm bản sao quyết định nêu trên)' : ''}; niêm yết công khai tại trụ sở chính, chi nhánh, văn phòng đại diện; gửi đến các chủ nợ, người có quyền, nghĩa vụ và lợi ích liên quan khi còn nghĩa vụ tài chính chưa giải quyết.</p>`,
    `<p>Nghị quyết này có hiệu lực kể từ ngày được Đại hội thành viên thông qua.</p>`
  ].join('\n')
  return {
    issuer: { parent: null, body: en.name.toLocaleUpperCase('vi') },
    number: `Số: ${BLANK}/NQ-ĐHTV`,
    place: placeName(d.unit),
    date: d.date,
    title: 'NGHỊ QUYẾT',
    subtitle: `Về việc giải thể ${en.name}`,
    bodyHtml: body,
    recipients: [
      'Cơ quan đăng ký kinh doanh;',
      'Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã;',
      'Cơ quan thuế quản lý;',
      'Người lao động; các chủ nợ;',
      'Lưu: VT.'
    ],
    sign: { on: 'TM. ĐẠI HỘI THÀNH VIÊN', title: 'CHỦ TỌA', seal: false }
  }
}

/**
 * The registration office's notice that the cooperative is dissolving (voluntary step DT_NQ: Luật HTX 2023 Điều 98
 * khoản 4, NĐ 92/2024 Điều 50 khoản 1 / NĐ 295/2026 Điều 51 khoản 1; compulsory step DT_TT: Luật Điều 99 khoản 1, to
 * the committee that issued the certificate too, NĐ 92/2024 Điều 51 khoản 1 / NĐ 295/2026 Điều 52 khoản 1). The
 * clauses printed are those of the decree of the notice's date.
 */
function dissolvingNotice(d: DraftInput): AdminPage {
  const { view, entity: en } = d
  const r = registrar(d)
  const compulsory = view.kind === 'compulsory'
  const data = D.dissolving
  const kind = compulsory ? 'compulsory' : 'voluntary'
  const basis = data.basis[kind] as Record<string, string>
  const body = [
    ...basis2023(d),
    compulsory
      ? `<p><i>Căn cứ ${e(compulsoryTrigger(view))};</i></p>`
      : `<p><i>Căn cứ Nghị quyết số ${BLANK} ngày ${e(formatDate(view.openedOn))} của Đại hội thành viên ${e(en.name)} về việc giải thể, do người đại diện theo pháp luật gửi đến ngày ${doneOn(view, 'GUI_NQ')};</i></p>`,
    `<p>${e(r.name)} thông báo hợp tác xã sau đây đang làm thủ tục giải thể (${e(basis[decreeOn(paperDate(d)).code]!)}):</p>`,
    identity(en),
    `<p class="flat">- Tình trạng pháp lý: <b>Đang làm thủ tục giải thể</b>${compulsory ? ` (giải thể bắt buộc theo ${e(compulsoryTrigger(view))})` : ' (giải thể tự nguyện)'}; chi nhánh, văn phòng đại diện, địa điểm kinh doanh (nếu có): đang làm thủ tục chấm dứt hoạt động.</p>`,
    `<p>${compulsory ? 'Quyết định nêu trên' : 'Nghị quyết giải thể'} được đăng tải kèm theo Thông báo này trên Cổng thông tin quốc gia về đăng ký doanh nghiệp; thông tin về việc giải thể được gửi cho cơ quan thuế.</p>`,
    compulsory
      ? `<p>Trong thời hạn 10 ngày kể từ ngày nhận được quyết định, ${e(en.name)} phải thông qua nghị quyết giải thể và thực hiện các công việc theo quy định tại các khoản 1, 2, 3, 5 và 6 Điều 98 ${e(drafts2023.law)} (khoản 2 Điều 99 của Luật).</p>`
      : '',
    `<p>Kể từ ngày có ${compulsory ? 'quyết định' : 'nghị quyết giải thể'}, người đại diện theo pháp luật, thành viên Hội đồng quản trị, Giám đốc và thành viên của hợp tác xã không được thực hiện các hành vi bị cấm tại khoản 1 Điều 100 của Luật. Trong thời hạn 05 ngày làm việc kể từ ngày thanh toán hết các khoản nợ và hoàn thành nghĩa vụ thuế, hợp tác xã nộp hồ sơ đăng ký giải thể (${e(clause(d, data.filing))}).</p>`,
    `<p>Sau thời hạn 06 tháng kể từ ngày ${compulsory ? 'thông báo tình trạng đang làm thủ tục giải thể' : 'cơ quan đăng ký kinh doanh nhận được nghị quyết giải thể'} mà không nhận được hồ sơ đăng ký giải thể và ý kiến phản đối bằng văn bản của cơ quan quản lý thuế hoặc tổ chức, cá nhân, bên có liên quan, ${e(inText(r))} chuyển tình trạng pháp lý của hợp tác xã sang tình trạng đã giải thể (${e(clause(d, data.lapse[kind]))}).</p>`
  ].join('\n')
  return registrarPage(d, 'TB', {
    title: 'THÔNG BÁO',
    subtitle: `Về việc ${en.name} đang làm thủ tục giải thể`,
    bodyHtml: body,
    recipients: [
      `${en.name} (trụ sở chính);`,
      'Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã;',
      'Cơ quan thuế quản lý;',
      'Lưu: VT.'
    ]
  })
}

/**
 * The registration office's notice of the dissolution, with the status «Đã giải thể» (steps XOA / XOA_TU). Two ways:
 * the cooperative filed (NĐ 92/2024 Điều 50 khoản 4 / NĐ 295/2026 Điều 51 khoản 4, the tax office's opinion or its
 * silence), or six months passed with nothing filed and no objection (voluntary: Điều 50 khoản 5 / Điều 51 khoản 5;
 * compulsory: Điều 51 khoản 3 / Điều 52 khoản 3; Luật HTX 2023 Điều 98 khoản 7, Điều 99 khoản 3). The way is the
 * case's: filed when its file (step HS) is recorded, else the office's route.
 */
function dissolvedNotice(d: DraftInput): AdminPage {
  const { view, entity: en } = d
  const r = registrar(d)
  const compulsory = view.kind === 'compulsory'
  const kind = compulsory ? 'compulsory' : 'voluntary'
  const b = D.dissolved.basis
  const filed = view.steps.find((x) => x.code === 'HS')?.state === 'done'
  const tax = view.steps.find((x) => x.code === 'THUE')
  const dissolvedOn = view.closedOn ? formatDate(view.closedOn) : doneOn(view, filed ? 'XOA' : 'XOA_TU')
  const body = [
    ...basis2023(d),
    compulsory
      ? `<p><i>Căn cứ ${e(compulsoryTrigger(view))};</i></p>`
      : `<p><i>Căn cứ Nghị quyết số ${BLANK} ngày ${e(formatDate(view.openedOn))} của Đại hội thành viên ${e(en.name)} về việc giải thể;</i></p>`,
    filed
      ? `<p><i>Căn cứ hồ sơ đăng ký giải thể của ${e(en.name)} nhận ngày ${doneOn(view, 'HS')} và ${tax?.state === 'done' ? `ý kiến của cơ quan thuế ngày ${doneOn(view, 'THUE')} xác nhận hợp tác xã đã hoàn thành nghĩa vụ thuế` : 'việc cơ quan thuế không có ý kiến trong thời hạn 02 ngày làm việc'};</i></p>`
      : `<p><i>Xét hết thời hạn 06 tháng kể từ ngày ${compulsory ? `thông báo tình trạng đang làm thủ tục giải thể (${doneOn(view, 'DT_TT')})` : `nhận được nghị quyết giải thể (${doneOn(view, 'GUI_NQ')})`} mà không nhận được hồ sơ đăng ký giải thể của hợp tác xã, hồ sơ đăng ký chấm dứt hoạt động của chi nhánh, văn phòng đại diện, địa điểm kinh doanh và ý kiến phản đối bằng văn bản của cơ quan quản lý thuế hoặc tổ chức, cá nhân, bên có liên quan;</i></p>`,
    `<p>${e(r.name)} thông báo (${e(b.law[kind])}; ${e(clause(d, filed ? b.filed : b.office[kind]))}):</p>`,
    identity(en),
    `<p class="flat">- Đã giải thể kể từ ngày ${dissolvedOn}. Tình trạng pháp lý trong Cơ sở dữ liệu về đăng ký hợp tác xã: <b>Đã giải thể</b>; chi nhánh, văn phòng đại diện, địa điểm kinh doanh (nếu có): đã chấm dứt hoạt động.</p>`,
    `<p>Thông tin về việc giải thể được gửi cho cơ quan thuế và đăng tải trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.</p>`,
    filed
      ? `<p>Hợp tác xã sử dụng con dấu do cơ quan công an cấp có trách nhiệm trả con dấu, giấy chứng nhận đăng ký mẫu con dấu cho cơ quan công an theo quy định (${e(clause(d, b.seal))}).</p>`
      : ''
  ].join('\n')
  return registrarPage(d, 'TB', {
    title: 'THÔNG BÁO',
    subtitle: `Về việc giải thể của ${en.name}`,
    bodyHtml: body,
    recipients: [
      `${en.name} (người đại diện theo pháp luật);`,
      'Ủy ban nhân dân nơi cấp Giấy chứng nhận đăng ký hợp tác xã;',
      'Cơ quan thuế quản lý;',
      'Lưu: VT.'
    ]
  })
}

const BUILDERS: Record<DraftDoc, (d: DraftInput) => AdminPage> = {
  council: councilDecision,
  notice,
  request,
  revocation: revocationDecision,
  violation: violationDecisionNotice,
  resolution,
  dissolving: dissolvingNotice,
  dissolved: dissolvedNotice
}

/** The draft as a whole printable page. */
export function draftHtml(d: DraftInput): string {
  return adminPageHtml(BUILDERS[d.doc](d))
}

/** The same draft, same content, as a Word file to edit and sign (text/docx.ts). */
export function draftDocx(d: DraftInput): Buffer {
  return adminPageDocx(BUILDERS[d.doc](d))
}

/**
 * The drafts of the 2023 law's procedures (resources/drafts/2023.json): the registration office's decision revoking the
 * certificate and its notice of violation, the general meeting's resolution to dissolve, and the office's notices that
 * the cooperative is dissolving and has dissolved. The office's papers share one letterhead and cite the decree of the
 * paper's date, which is what keeps them together and apart from the 2012 council papers.
 */
import type { CaseView } from '../../../shared/contract/dissolution'
import { formatDate, formatNumber } from '../../../shared/text'
import drafts2023 from '../../../../resources/drafts/2023.json'
import { escapeHtml as e, placeName, type AdminPage } from '../text/document'
import { address, BLANK, D, decreeOn, groundLabel, identity, inText, paperDate, registrar, type DraftInput } from './documents-shared'

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
export function revocationDecision(d: DraftInput): AdminPage {
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
export function violationDecisionNotice(d: DraftInput): AdminPage {
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
export function resolution(d: DraftInput): AdminPage {
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
export function dissolvingNotice(d: DraftInput): AdminPage {
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
export function dissolvedNotice(d: DraftInput): AdminPage {
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

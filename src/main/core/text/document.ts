/**
 * Printable administrative pages in the layout of Nghị định 30/2020/NĐ-CP: the issuing
 * body top left (its parent above it), the national motto top right, place and date,
 * a bold capitalised title, the body, then "Nơi nhận" and the signature block.
 * Pure string building: every caller's text goes through escapeHtml here, so a name
 * like "HTX <Đồng Tâm>" prints as itself and never as markup.
 */
import type { AdminUnit } from '../../../shared/contract/office'
import { NEW_MAP_FROM } from '../office/map'
import { officeBody } from '../office/body'

export function escapeHtml(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Who issues the page: `parent` printed plain above `body` (bold, with a rule under it, as the motto has). */
export interface Issuer {
  parent: string | null
  body: string
}

/** "Huyện Tràng Định" → "Tràng Định", "Thành phố Lạng Sơn" → "Lạng Sơn": the place printed before the date. */
export function placeName(unit: Pick<AdminUnit, 'name'>): string {
  return unit.name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Thị trấn|Xã|Phường)\s+/u, '')
}

/**
 * The office itself on the document's date (office/body.ts): «UBND HUYỆN TRÀNG ĐỊNH» over «PHÒNG TÀI CHÍNH -
 * KẾ HOẠCH» up to 30/06/2025; a commune office's «UBND XÃ …» over its own body; a province's Sở Tài chính.
 */
export function officeIssuer(unit: Pick<AdminUnit, 'code' | 'name' | 'level'>, date: string, bodyName: string | null = null): Issuer {
  const b = officeBody(unit, date, bodyName)
  return { parent: b.parent, body: b.body }
}

/** The people's committee of the unit: "ỦY BAN NHÂN DÂN" over "HUYỆN TRÀNG ĐỊNH". */
export function committeeIssuer(unit: Pick<AdminUnit, 'name'>): Issuer {
  return { parent: 'ỦY BAN NHÂN DÂN', body: unit.name.toLocaleUpperCase('vi') }
}

const BLANK = '……'

/**
 * From this date the district level is gone (Luật Tổ chức chính quyền địa phương 2025): papers dated on or
 * after it come from the commune (UBND xã/phường or its office), earlier ones from the district. The date is
 * the admin-unit map's own (resources/admin-units/vn.json, 'after.validFrom'), so a new map moves it too.
 */
export const COMMUNE_LEVEL_FROM = NEW_MAP_FROM

/**
 * The people's committee that signs a paper dated `date`: the unit on file before 01/07/2025; from then on a
 * commune. An office still on file as a district (or the date is unknown to be earlier) gets a blank commune
 * to fill by hand and a warning for the screen, never an invented name.
 */
export function committeeOn(
  unit: Pick<AdminUnit, 'name' | 'level'>,
  date: string
): { issuer: Issuer; unitName: string; warning: string | null } {
  if (date < COMMUNE_LEVEL_FROM || unit.level === 'commune' || unit.level === 'province')
    return { issuer: committeeIssuer(unit), unitName: unit.name, warning: null }
  return {
    issuer: { parent: 'ỦY BAN NHÂN DÂN', body: 'XÃ …………………' },
    unitName: 'xã …………………',
    warning: `Cơ quan trên sổ là ${unit.name} (cấp huyện, đã chấm dứt hoạt động từ 01/07/2025); văn bản ngày từ 01/07/2025 do Ủy ban nhân dân cấp xã ban hành: tên xã để trống, cần ghi tay hoặc chọn cơ quan cấp xã.`
  }
}

/**
 * The business registration office that issues a paper dated `date` in its own name (a notice of violation, a
 * revocation, the notices of dissolution): before 01/07/2025 the district's Phòng Tài chính - Kế hoạch (the
 * «cơ quan đăng ký kinh doanh cấp huyện» of NĐ 92/2024), from then on the commune's (NĐ 295/2026 Điều 5: the
 * specialised office of the UBND xã the province assigns, whose name the register does not hold, or the UBND xã
 * itself where there is none). A head of office signs in the office's name, with its seal (Điều 5 khoản 3).
 * What the register cannot say is left blank with a warning for the screen, never invented.
 */
export function registrarOn(
  unit: Pick<AdminUnit, 'name' | 'level'>,
  date: string,
  notes: { district: string; commune: string; committee?: string },
  /** From 01/07/2025: the commune's specialised office (default) or, where it has none, the UBND xã itself (Điều 5 khoản 2). */
  kind: 'office' | 'committee' = 'office',
  /** A commune office's own body as set up (office.body_name); null: none, the UBND xã is the office; undefined: unknown. */
  bodyName?: string | null
): {
  issuer: Issuer
  sign: Signature
  /** Who decides, as a decision's preamble names them: "TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH HUYỆN TRÀNG ĐỊNH". */
  head: string
  symbol: string
  name: string
  level: 'district' | 'commune' | 'province'
  warnings: string[]
} {
  const upper = unit.name.toLocaleUpperCase('vi')
  if (unit.level === 'province')
    return {
      issuer: { parent: `UBND ${upper}`, body: 'SỞ TÀI CHÍNH' },
      sign: { title: 'GIÁM ĐỐC', seal: true },
      head: `GIÁM ĐỐC SỞ TÀI CHÍNH ${upper}`,
      symbol: 'STC',
      name: `Sở Tài chính ${unit.name.replace(/^Tỉnh/, 'tỉnh')}`,
      level: 'province',
      warnings: []
    }
  if (date < COMMUNE_LEVEL_FROM) {
    const known = unit.level === 'district'
    return {
      issuer: { parent: known ? `UBND ${upper}` : 'UBND HUYỆN …………………', body: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH' },
      sign: { title: 'TRƯỞNG PHÒNG', seal: true },
      head: `TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH ${known ? upper : 'HUYỆN …………………'}`,
      symbol: 'TCKH',
      name: `Phòng Tài chính - Kế hoạch ${known ? unit.name : 'huyện …………………'}`,
      level: 'district',
      warnings: [
        ...(known
          ? []
          : [
              `Văn bản ngày trước 01/07/2025 do cơ quan đăng ký kinh doanh cấp huyện ban hành; cơ quan trên sổ là ${unit.name} (cấp xã): tên huyện để trống, cần ghi tay.`
            ]),
        notes.district
      ]
    }
  }
  const commune = unit.level === 'commune'
  const blankCommune = commune
    ? []
    : [
        `Cơ quan trên sổ là ${unit.name} (cấp huyện, đã chấm dứt hoạt động từ 01/07/2025); văn bản ngày từ 01/07/2025 do cơ quan đăng ký kinh doanh cấp xã ban hành: tên xã để trống, cần ghi tay hoặc chọn cơ quan cấp xã.`
      ]
  // A commune office that set itself up says which body it is: its name is known, nothing to fill by hand.
  if (commune && bodyName && kind === 'office') {
    const body = bodyName.toLocaleUpperCase('vi')
    return {
      issuer: { parent: `UBND ${upper}`, body },
      sign: { title: 'TRƯỞNG PHÒNG', seal: true },
      head: `TRƯỞNG ${body} ${upper}`,
      symbol: BLANK,
      name: `${bodyName} ${unit.name}`,
      level: 'commune',
      warnings: []
    }
  }
  if (kind === 'committee' || (commune && bodyName === null))
    return {
      issuer: { parent: 'ỦY BAN NHÂN DÂN', body: commune ? upper : 'XÃ …………………' },
      sign: { on: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' },
      head: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${commune ? upper : 'XÃ …………………'}`,
      symbol: 'UBND',
      name: `Ủy ban nhân dân ${commune ? unit.name.replace(/^(Xã|Phường|Đặc khu)/u, (m) => m.toLocaleLowerCase('vi')) : 'xã …………………'}`,
      level: 'commune',
      warnings: [...blankCommune, ...(notes.committee ? [notes.committee] : [])]
    }
  return {
    issuer: { parent: commune ? `UBND ${upper}` : 'UBND XÃ …………………', body: 'PHÒNG …………………' },
    sign: { title: 'TRƯỞNG PHÒNG', seal: true },
    head: 'TRƯỞNG PHÒNG …………………',
    symbol: BLANK,
    name: 'Cơ quan đăng ký kinh doanh cấp xã',
    level: 'commune',
    warnings: [...blankCommune, notes.commune]
  }
}

/** "Lạng Sơn, ngày 06 tháng 5 năm 2024"; days under 10 and months 1–2 take a leading zero (NĐ 30/2020, Phụ lục I). Null: blanks to fill by hand. */
export function placeAndDate(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`
  const d = Number(iso.slice(8, 10))
  const m = Number(iso.slice(5, 7))
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${iso.slice(0, 4)}`
}

/** The header and footer blocks alone, for pages with their own body layout (a landscape table). */
export const HEADER_CSS = `.head{display:grid;grid-template-columns:40% 60%;text-align:center;font-size:13pt}
.head .rule{display:inline-block;border-bottom:1px solid #000;padding-bottom:2px}
.head .no{margin-top:6px}.head .date{margin-top:8px;font-style:italic}
.foot{display:grid;grid-template-columns:50% 50%;margin-top:20px;break-inside:avoid}
.recipients{font-size:12pt}.recipients b{font-style:italic;font-size:12pt}.recipients ul{list-style:none;padding:0;margin:0}.recipients li::before{content:"- "}
.sign{text-align:center}.sign .name{margin-top:80px;font-weight:bold}`

export const DOCUMENT_CSS = `body{font-family:"Times New Roman",Times,serif;font-size:14pt;line-height:1.4;margin:2cm 1.5cm 2cm 3cm;color:#000}
${HEADER_CSS}
h1{font-size:14pt;text-align:center;margin:24px 0 0}.subtitle{text-align:center;font-weight:bold;margin:0 0 16px}
p{text-align:justify;margin:6px 0;text-indent:1cm}p.flat{text-indent:0}
table{border-collapse:collapse;width:100%;font-size:13pt}th,td{border:1px solid #000;padding:3px 6px;vertical-align:top}
@media print{body{margin:0}@page{size:A4;margin:2cm 1.5cm 2cm 3cm}}`

export interface HeaderOptions {
  issuer: Issuer
  /** "Số: …/QĐ-UBND"; omitted when the page has no number. */
  number?: string | null
  place: string
  date: string | null
}

/** The two columns at the top of every administrative page. */
export function headerHtml(h: HeaderOptions): string {
  const left = `${h.issuer.parent ? `${escapeHtml(h.issuer.parent)}<br>` : ''}<b class="rule">${escapeHtml(h.issuer.body)}</b>${h.number ? `<div class="no">${escapeHtml(h.number)}</div>` : ''}`
  const right = `<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b class="rule">Độc lập - Tự do - Hạnh phúc</b><div class="date">${escapeHtml(placeAndDate(h.place, h.date))}</div>`
  return `<div class="head"><div>${left}</div><div>${right}</div></div>`
}

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"…; none for a person signing in their own right. */
  on?: string | null
  title: string
  name?: string | null
  /** Whether the block asks for the seal; default: when signing for a body ("TM. …"). */
  seal?: boolean
}

/** "Nơi nhận" on the left, the signature block on the right. */
export function footerHtml(recipients: string[], sign: Signature): string {
  const list = recipients.map((r) => `<li>${escapeHtml(r)}</li>`).join('')
  const who = `${sign.on ? `<b>${escapeHtml(sign.on)}</b><br>` : ''}<b>${escapeHtml(sign.title)}</b><br><i>(Ký, ghi rõ họ tên${(sign.seal ?? !!sign.on) ? ', đóng dấu' : ''})</i><div class="name">${escapeHtml(sign.name ?? '')}</div>`
  return `<div class="foot"><div class="recipients">${recipients.length ? `<b>Nơi nhận:</b><ul>${list}</ul>` : ''}</div><div class="sign">${who}</div></div>`
}

export interface AdminPage extends HeaderOptions {
  title: string
  /** The line under the title: "Về việc …". */
  subtitle?: string | null
  /** Already-escaped HTML of the body (build it with escapeHtml). */
  bodyHtml: string
  recipients: string[]
  sign: Signature
}

/** A whole printable page, self-contained (inline style, no scripts, nothing fetched). */
export function adminPageHtml(p: AdminPage): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title><style>${DOCUMENT_CSS}</style></head><body>
${headerHtml(p)}
<h1>${escapeHtml(p.title)}</h1>${p.subtitle ? `<div class="subtitle">${escapeHtml(p.subtitle)}</div>` : ''}
${p.bodyHtml}
${footerHtml(p.recipients, p.sign)}
</body></html>`
}

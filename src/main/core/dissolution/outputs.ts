/**
 * Outputs: the province's summary table of inactive cooperatives and the state of their
 * handling (.xlsx and a printable page), and a printable one-page case file.
 * The column set follows the issue; the province's official layout was not available to check.
 */
import { XLSX } from '../sheetjs'
import type { Kysely } from 'kysely'
import { ITEM_TYPE_LABELS, type CaseView } from '../../../shared/contract/dissolution'
import { SECTOR_LABELS, STATUS_LABELS, type Sector, type Status } from '../../../shared/domain'
import { formatDate, formatNumber } from '../../../shared/text'
import type { Database } from '../db/schema'
import type { AdminUnit } from '../../../shared/contract/office'
import { officeBody } from '../office/body'
import { escapeHtml as esc, footerHtml, HEADER_CSS, headerHtml, officeIssuer, placeName } from '../text/document'
import { selectEntities } from '../registry/entities'
import { findCandidates } from './candidates'
import { buildCaseView } from './case-view'

export interface SummaryRow {
  no: number
  name: string
  regNo: string
  address: string
  sector: string
  yearFounded: string
  status: string
  statusSince: string
  caseStage: string
  obstacles: string
  proposedHandling: string
}

export const SUMMARY_HEADERS = [
  'STT',
  'Tên HTX',
  'Mã số HTX',
  'Địa chỉ',
  'Lĩnh vực',
  'Năm thành lập',
  'Tình trạng',
  'Từ ngày',
  'Giai đoạn xử lý',
  'Vướng mắc',
  'Đề xuất hướng xử lý'
]

export async function summaryRows(db: Kysely<Database>, asOf: string): Promise<SummaryRow[]> {
  const entities = await selectEntities(db, asOf)
    .where('e.kind', 'in', ['htx', 'lhhtx'])
    .where('e.deleted_at', 'is', null)
    .orderBy('e.name')
    .execute()
  const candidates = new Map((await findCandidates(db, asOf)).map((c) => [c.entityId, c]))
  const cases = await db.selectFrom('dissolution_cases').select(['id', 'entity_id']).orderBy('id', 'desc').execute()
  const latestCase = new Map<number, number>()
  for (const c of cases) if (!latestCase.has(c.entity_id)) latestCase.set(c.entity_id, c.id)
  const rows: SummaryRow[] = []
  for (const e of entities) {
    const status = e.status as Status | null
    const caseId = latestCase.get(e.id)
    if ((status === null || status === 'active') && !caseId && !candidates.has(e.id)) continue
    let stage = 'Chưa mở hồ sơ'
    let obstacles = ''
    let proposal = ''
    if (caseId) {
      const v = await buildCaseView(db, caseId, asOf)
      const next = v.steps.find((s) => s.state === 'todo')
      stage =
        v.state === 'finalised'
          ? `Đã giải thể ${formatDate(v.closedOn)}`
          : v.state === 'cancelled'
            ? `Đã hủy hồ sơ ${formatDate(v.closedOn)}`
            : `Đang giải thể (${v.kind === 'voluntary' ? 'tự nguyện' : 'bắt buộc'}): ${next ? next.title : 'chờ hoàn tất'}`
      obstacles = v.obstacles.map((o) => o.label + (o.note ? ` (${o.note})` : '')).join('; ')
      if (v.state === 'open')
        proposal =
          v.unsettledPayable > 0 ? `Xử lý nợ còn ${formatNumber(v.unsettledPayable)} đồng, hoàn tất giải thể` : 'Hoàn tất các bước còn lại'
    }
    const cand = candidates.get(e.id)
    if (!proposal && cand && status !== 'dissolved') proposal = `Xem xét giải thể bắt buộc: ${cand.reasons.map((r) => r.label).join('; ')}`
    rows.push({
      no: rows.length + 1,
      name: e.name,
      regNo: e.reg_no ?? '',
      address: [e.address, e.commune].filter(Boolean).join(', '),
      sector: e.sector ? (SECTOR_LABELS[e.sector as Sector] ?? e.sector) : '',
      yearFounded: e.registration_date ? e.registration_date.slice(0, 4) : '',
      status: status ? STATUS_LABELS[status] : '',
      statusSince: formatDate(e.status_since),
      caseStage: stage,
      obstacles,
      proposedHandling: proposal
    })
  }
  return rows
}

function asArray(r: SummaryRow): Array<string | number> {
  return [r.no, r.name, r.regNo, r.address, r.sector, r.yearFounded, r.status, r.statusSince, r.caseStage, r.obstacles, r.proposedHandling]
}

export function summaryXlsx(rows: SummaryRow[], title: string): Buffer {
  const wb = XLSX.utils.book_new()
  const ws = XLSX.utils.aoa_to_sheet([[title], [], SUMMARY_HEADERS, ...rows.map(asArray)])
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: SUMMARY_HEADERS.length - 1 } }]
  ws['!cols'] = [5, 35, 14, 35, 22, 10, 20, 12, 40, 35, 40].map((wch) => ({ wch }))
  XLSX.utils.book_append_sheet(wb, ws, 'HTX ngừng hoạt động')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

const PAGE_CSS = `body{font-family:"Times New Roman",serif;font-size:13pt;margin:1.5cm}h1{font-size:15pt;text-align:center}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:3px 5px;vertical-align:top}th{background:#eee}
.late{font-weight:bold}.warn{color:#8a0000}@media print{@page{size:A4 landscape;margin:1cm}body{margin:0}.case{page-break-after:always}}`

/** The office that sends the summary, for its administrative header and signature; none: the bare table. */
export interface Letterhead {
  unit: AdminUnit
  date: string
  /** A commune office's own body (office.body_name). */
  bodyName?: string | null
}

export function summaryHtml(rows: SummaryRow[], title: string, from?: Letterhead): string {
  const head = SUMMARY_HEADERS.map((h) => `<th>${esc(h)}</th>`).join('')
  const body = rows
    .map(
      (r) =>
        `<tr>${asArray(r)
          .map((c) => `<td>${esc(c)}</td>`)
          .join('')}</tr>`
    )
    .join('\n')
  const top = from
    ? headerHtml({ issuer: officeIssuer(from.unit, from.date, from.bodyName), place: placeName(from.unit), date: from.date })
    : ''
  const bottom = from ? footerHtml([], { title: officeBody(from.unit, from.date, from.bodyName).signTitle }) : ''
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${PAGE_CSS}${HEADER_CSS}</style></head><body>${top}<h1>${esc(title)}</h1><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${bottom}</body></html>`
}

export function caseHtml(c: CaseView): string {
  const steps = c.steps
    .map(
      (s) =>
        `<tr><td>${esc(s.code)}</td><td>${esc(s.title)}${s.optional ? ' (nếu có)' : ''}</td><td>${esc(s.actor)}</td><td>${esc(s.legalBasis)}${s.verified ? '' : ' <span class="warn">(chưa đối chiếu văn bản)</span>'}</td><td class="${s.overdue ? 'late' : ''}">${esc(formatDate(s.due))}${s.overdue ? ' — quá hạn' : ''}</td><td>${esc(
          s.state === 'done'
            ? `Đã làm ${formatDate(s.doneOn)}${s.doneBy ? `, ${s.doneBy}` : ''}`
            : s.state === 'na'
              ? `Không áp dụng: ${s.naReason ?? ''}`
              : 'Chưa làm'
        )}</td></tr>`
    )
    .join('')
  const council = c.council
    .map(
      (m) =>
        `<li>${esc(m.name)} — ${esc(m.role === 'chair' ? 'Chủ tịch' : m.role === 'secretary' ? 'Thư ký' : 'Thành viên')}${m.organisation ? `, ${esc(m.organisation)}` : ''}</li>`
    )
    .join('')
  const items = c.items
    .map(
      (i) =>
        `<tr><td>${esc(ITEM_TYPE_LABELS[i.type as keyof typeof ITEM_TYPE_LABELS] ?? i.type)}</td><td>${esc(i.party ?? i.landCertificate ?? '')}</td><td style="text-align:right">${esc(i.amount === null ? '' : formatNumber(i.amount))}</td><td>${esc(i.settled ? `Đã xử lý ${formatDate(i.settledOn)}` : 'Chưa xử lý')}</td><td>${esc([i.areaM2 ? `${formatNumber(i.areaM2)} m²` : '', i.handling ?? '', i.note ?? ''].filter(Boolean).join('; '))}</td></tr>`
    )
    .join('')
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Hồ sơ giải thể ${esc(c.entityName)}</title><style>${PAGE_CSS}</style></head><body><div class="case">
<h1>HỒ SƠ GIẢI THỂ: ${esc(c.entityName)}</h1>
<p>${esc(c.templateTitle)} — mẫu ${esc(c.templateId)} phiên bản ${c.templateVersion}. Mở ngày ${esc(formatDate(c.openedOn))}${c.decisionNo ? `, ${esc(c.decisionNo)}` : ''}.${c.ground ? ` Căn cứ: ${esc(c.ground)}.` : ''}</p>
<table><thead><tr><th>Bước</th><th>Nội dung</th><th>Thực hiện</th><th>Căn cứ</th><th>Hạn</th><th>Trạng thái</th></tr></thead><tbody>${steps}</tbody></table>
<h2>Hội đồng giải thể</h2><ul>${council || '<li>Chưa có</li>'}</ul>${c.councilWarnings.map((w) => `<p class="warn">${esc(w)}</p>`).join('')}
<h2>Nợ và tài sản</h2><table><thead><tr><th>Loại</th><th>Bên</th><th>Số tiền (đồng)</th><th>Tình trạng</th><th>Ghi chú</th></tr></thead><tbody>${items}</tbody></table>
<p>Nợ phải trả chưa xử lý: <b>${esc(formatNumber(c.unsettledPayable))} đồng</b>; nợ phải thu chưa xử lý: ${esc(formatNumber(c.unsettledReceivable))} đồng.</p>
<h2>Vướng mắc</h2><ul>${c.obstacles.map((o) => `<li>${esc(o.label)}${o.note ? `: ${esc(o.note)}` : ''}</li>`).join('') || '<li>Không</li>'}</ul>
</div></body></html>`
}

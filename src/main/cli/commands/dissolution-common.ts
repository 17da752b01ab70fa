/**
 * What the dissolution commands share: reading their options (--case, --entity, dates, sums of money), the state
 * labels and the print of a whole case. Used by the case commands (dissolution-case.ts), the paper commands
 * (dissolution-papers.ts) and the list (dissolution.ts), so it stands apart from each.
 */
import type { CaseView } from '../../../shared/api'
import { COUNCIL_ROLE_LABELS, ITEM_TYPE_LABELS } from '../../../shared/contract/dissolution'
import { parseViNumber } from '../../../shared/numbers'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import type { Core } from '../../core/api'
import type { Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

export function str(values: Values, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}
export function date(values: Values, name: string): string | undefined {
  const v = str(values, name)
  return v === undefined ? undefined : (parseViDate(v) ?? v)
}
export function caseId(values: Values): number {
  const n = Number(str(values, 'case'))
  if (!Number.isInteger(n) || n < 1) throw new UsageError('Cần --case SỐ (số hồ sơ giải thể).')
  return n
}
export function money(values: Values, name: string): number | undefined {
  const v = str(values, name)
  if (v === undefined) return undefined
  const n = parseViNumber(v)
  if (n === null || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} phải là số tiền bằng đồng, ví dụ 15.000.000 (đã gõ «${v}»).`)
  return n
}
export async function entityId(core: Core, values: Values): Promise<number> {
  const word = str(values, 'entity')
  if (!word) throw new UsageError('Cần --entity MÃ_SỐ (hoặc số bản ghi).')
  if (/^\d{1,8}$/.test(word)) return Number(word)
  return (await core.call('entity.byRegNo', { regNo: word })).id
}

export const STATE_LABEL: Record<string, string> = {
  todo: 'Chưa làm',
  done: 'Đã làm',
  na: 'Không áp dụng',
  open: 'Đang xử lý',
  finalised: 'Đã giải thể',
  cancelled: 'Đã hủy'
}

export function printCase(result: unknown, io: CliIo): void {
  const c = result as CaseView
  io.out(`Hồ sơ giải thể số ${c.id}: ${c.entityName}`)
  io.out(
    `${c.templateTitle} (mẫu ${c.templateId} phiên bản ${c.templateVersion}) — mở ngày ${formatDate(c.openedOn)}${c.decisionNo ? `, ${c.decisionNo}` : ''} — ${STATE_LABEL[c.state]}`
  )
  if (c.closedOn)
    io.out(
      `Kết thúc ngày ${formatDate(c.closedOn)}${c.closedDecisionNo ? `, ${c.closedDecisionNo}` : ''}${c.closeReason ? `: ${c.closeReason}` : ''}`
    )
  io.out(
    table(
      ['Bước', 'Nội dung', 'Căn cứ', 'Hạn', 'Trạng thái'],
      c.steps.map((s) => [
        s.code,
        s.title + (s.optional ? ' (nếu có)' : ''),
        s.legalBasis,
        s.due ? formatDate(s.due) + (s.overdue ? ' QUÁ HẠN' : s.dueThisWeek ? ' (tuần này)' : '') : '',
        STATE_LABEL[s.state] + (s.doneOn ? ` ${formatDate(s.doneOn)}` : '') + (s.naReason ? `: ${s.naReason}` : '')
      ])
    )
  )
  // The «Số» column is what settle and remove take (--item, --council, --obstacle).
  if (c.council.length) {
    io.out('Hội đồng giải thể:')
    io.out(
      table(
        ['Số', 'Họ và tên', 'Vai trò', 'Đại diện cho', 'Cơ quan, tổ chức'],
        c.council.map((m) => [m.id, m.name, COUNCIL_ROLE_LABELS[m.role as 'chair'] ?? m.role, m.represents, m.organisation])
      )
    )
  }
  for (const w of c.councilWarnings) io.err(`Cảnh báo: ${w}`)
  if (c.items.length) {
    io.out('Nợ và tài sản:')
    io.out(
      table(
        ['Số', 'Loại', 'Chủ nợ / bên nợ / tài sản', 'Số tiền (đồng)', 'Tình trạng'],
        c.items.map((i) => [
          i.id,
          ITEM_TYPE_LABELS[i.type as keyof typeof ITEM_TYPE_LABELS] ?? i.type,
          [
            i.party,
            i.landCertificate ? `GCN ${i.landCertificate}` : null,
            i.areaM2 ? `${formatNumber(i.areaM2, i.areaM2 % 1 ? 1 : 0)} m²` : null
          ]
            .filter(Boolean)
            .join(', '),
          i.amount === null ? '' : formatNumber(i.amount),
          i.settled ? `Đã xử lý ${formatDate(i.settledOn)}` : 'Chưa xử lý'
        ])
      )
    )
  }
  io.out(
    `Nợ phải trả chưa xử lý: ${formatNumber(c.unsettledPayable)} đồng; nợ phải thu chưa xử lý: ${formatNumber(c.unsettledReceivable)} đồng`
  )
  if (c.obstacles.length) {
    io.out('Vướng mắc:')
    io.out(
      table(
        ['Số', 'Vướng mắc', 'Ghi chú'],
        c.obstacles.map((o) => [o.id, o.label, o.note])
      )
    )
  }
}

export const caseOpt = { case: { type: 'string' as const } }

/** Closing a period (chốt số liệu): what was sent as of a date stays as sent. */
import { z } from 'zod'
import { empty, handler, isoDate, text } from './common'

export interface ClosedPeriod {
  id: number
  asOf: string
  closedAt: string
  closedBy: string
  note: string | null
  reopenedAt: string | null
  reopenedBy: string | null
  reopenReason: string | null
}

export const periodLabels: Record<string, string> = {
  asOf: 'Chốt số liệu đến ngày',
  reason: 'Lý do mở lại'
}

export const periodContract = {
  'period.list': handler<ClosedPeriod[]>('read')(empty),
  'period.close': handler<ClosedPeriod>('write')(z.object({ asOf: isoDate, note: text(500).optional() }).strict()),
  'period.reopen': handler<ClosedPeriod>('admin')(
    z.object({ asOf: isoDate, reason: text(500).min(5, 'Cần nêu lý do mở lại kỳ đã chốt') }).strict()
  )
}

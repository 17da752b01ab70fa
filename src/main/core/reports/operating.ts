/**
 * «Đang hoạt động / ngừng hoạt động» in the reports, from a record's legal status and its
 * management label on the report's date: the mapping is data (resources/reports/operating-status.json).
 */
import mapping from '../../../../resources/reports/operating-status.json'
import type { Status } from '../../../shared/domain'

export type Operating = 'active' | 'stopped' | 'gone'

const LEGAL = mapping.legal as Record<string, Operating>
const LABELS = mapping.labels as Record<string, 'stopped' | null>

export function operating(status: Status | null, label: string | null): Operating | null {
  if (status === null) return null
  const legal = LEGAL[status] ?? null
  if (legal === 'active' && label && LABELS[label] === 'stopped') return 'stopped'
  return legal
}

/**
 * The four filters a district officer reaches for first: kind, status, sector,
 * commune; and whether deleted records show. The grid applies them as its
 * external filter, on top of the search and the column filters.
 */
import type { GridRow } from '../../../shared/api'
import { ENTITY_KINDS, KIND_SHORT, SECTORS, SECTOR_LABELS, STATUSES, STATUS_LABELS } from '../../../shared/domain'

export interface Quick {
  kind: string
  status: string
  sector: string
  commune: string
  showDeleted: boolean
}
export const NO_QUICK: Quick = { kind: '', status: '', sector: '', commune: '', showDeleted: false }

export function quickActive(q: Quick): boolean {
  return q.kind !== '' || q.status !== '' || q.sector !== '' || q.commune !== ''
}

export function passesQuick(q: Quick, row: GridRow): boolean {
  if (!q.showDeleted && row.deletedAt) return false
  if (q.kind && row.kind !== q.kind) return false
  if (q.status && row.status !== q.status) return false
  if (q.sector && row.sector !== q.sector) return false
  if (q.commune && (row.commune ?? '') !== q.commune) return false
  return true
}

export function QuickFilters({ value, communes, onChange }: { value: Quick; communes: string[]; onChange(q: Quick): void }) {
  const set = (patch: Partial<Quick>) => onChange({ ...value, ...patch })
  return (
    <div className="quick-filters" role="group" aria-label="Lọc nhanh">
      <select aria-label="Lọc theo loại hình" data-testid="quick-kind" value={value.kind} onChange={(e) => set({ kind: e.target.value })}>
        <option value="">Mọi loại hình</option>
        {ENTITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_SHORT[k]}
          </option>
        ))}
      </select>
      <select
        aria-label="Lọc theo tình trạng"
        data-testid="quick-status"
        value={value.status}
        onChange={(e) => set({ status: e.target.value })}
      >
        <option value="">Mọi tình trạng</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Lọc theo lĩnh vực"
        data-testid="quick-sector"
        value={value.sector}
        onChange={(e) => set({ sector: e.target.value })}
      >
        <option value="">Mọi lĩnh vực</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {SECTOR_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Lọc theo xã, phường"
        data-testid="quick-commune"
        value={value.commune}
        onChange={(e) => set({ commune: e.target.value })}
      >
        <option value="">Mọi xã, phường</option>
        {communes.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label className="quick-deleted">
        <input
          type="checkbox"
          data-testid="quick-deleted"
          checked={value.showDeleted}
          onChange={(e) => set({ showDeleted: e.target.checked })}
        />
        Hiện cả bản ghi đã xóa
      </label>
    </div>
  )
}

/**
 * The detail panel of one record: its fields, status timeline (with "add an
 * event"), yearly figures, OCOP products and change history from the audit log.
 * Self-contained: give it an entity id; it reads and writes only through api.ts.
 */
import { useCallback, useEffect, useState } from 'react'
import { CLASSIFICATION_LABELS, type AuditEntry, type Entity, type StatusEvent, type YearlyFigures } from '../../../shared/api'
import { KIND_SHORT, STATUS_LABELS, STATUSES, type Status } from '../../../shared/domain'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { call, messageOf } from '../api'

const ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  soft_delete: 'Xóa (có thể khôi phục)',
  restore: 'Khôi phục',
  undo: 'Hoàn tác',
  status_add: 'Ghi tình trạng',
  figures_create: 'Nhập số liệu năm',
  figures_update: 'Sửa số liệu năm',
  bulk_create: 'Thêm hàng loạt'
}

export function DetailPanel({ id, onClose }: { id: number; onClose?: () => void }) {
  const [entity, setEntity] = useState<Entity | null>(null)
  const [events, setEvents] = useState<StatusEvent[]>([])
  const [figures, setFigures] = useState<YearlyFigures[]>([])
  const [history, setHistory] = useState<AuditEntry[]>([])
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>('suspended')
  const [date, setDate] = useState('')
  const [decision, setDecision] = useState('')

  const load = useCallback(async () => {
    try {
      const [e, ev, f, h] = await Promise.all([
        call('entity.get', { id }),
        call('status.list', { entityId: id }),
        call('figures.list', { entityId: id }),
        call('audit.list', { table: 'entities', rowId: id, limit: 50 })
      ])
      setEntity(e)
      setEvents(ev)
      setFigures(f)
      setHistory(h)
      setError(null)
    } catch (err) {
      setError(messageOf(err))
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  async function addEvent(ev: React.FormEvent) {
    ev.preventDefault()
    try {
      const iso = date.trim() === '' ? null : (parseViDate(date) ?? date)
      await call('status.add', { entityId: id, status, effectiveDate: iso, ...(decision.trim() ? { decisionNo: decision } : {}) })
      setDate('')
      setDecision('')
      await load()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  if (!entity) return <aside className="detail-panel">{error ?? 'Đang tải…'}</aside>
  const rows: Array<[string, string]> = [
    ['Loại hình', KIND_SHORT[entity.kind]],
    ['Mã số HTX', entity.regNo ?? ''],
    ['Tên viết tắt', entity.shortName ?? ''],
    ['Trụ sở', [entity.street, entity.address, entity.commune, entity.districtName].filter(Boolean).join(', ')],
    ['Người đại diện', [entity.representative, entity.representativeTitle].filter(Boolean).join(', ')],
    ['Điện thoại', entity.phone ?? ''],
    ['Thư điện tử', entity.email ?? ''],
    ['Ngày đăng ký', formatDate(entity.registrationDate)],
    ['Vốn điều lệ (đồng)', formatNumber(entity.charterCapital)],
    ['Ngành nghề (VSIC)', (entity.vsic ?? []).map((v) => `${v.code} – ${v.label}`).join('; ')],
    ['Ghi chú', entity.notes ?? '']
  ]
  return (
    <aside className="detail-panel" aria-label={`Chi tiết ${entity.name}`}>
      <header>
        <h2>{entity.name}</h2>
        {onClose && (
          <button type="button" onClick={onClose} aria-label="Đóng">
            ×
          </button>
        )}
      </header>
      {error && <p role="alert">{error}</p>}
      {entity.deletedAt && <p role="status">Đã xóa: {entity.deletedReason}</p>}
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>

      <h3>Diễn biến tình trạng</h3>
      <ol className="status-timeline">
        {events.map((e) => (
          <li key={e.id}>
            {e.sinceRegistration ? 'Từ khi đăng ký' : formatDate(e.effectiveDate)}: {STATUS_LABELS[e.status]}
            {e.decisionNo ? ` (QĐ ${e.decisionNo})` : ''}
          </li>
        ))}
      </ol>
      <form onSubmit={addEvent} aria-label="Thêm diễn biến tình trạng">
        <select value={status} onChange={(e) => setStatus(e.target.value as Status)} aria-label="Tình trạng">
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="dd/mm/yyyy" aria-label="Ngày hiệu lực" />
        <input value={decision} onChange={(e) => setDecision(e.target.value)} placeholder="Số quyết định" aria-label="Số quyết định" />
        <button type="submit">Thêm</button>
      </form>

      <h3>Số liệu năm</h3>
      <table>
        <thead>
          <tr>
            <th>Năm</th>
            <th>Thành viên</th>
            <th>Mới</th>
            <th>Doanh thu</th>
            <th>Thuế đã nộp</th>
            <th>Xếp loại</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id}>
              <td>{f.year}</td>
              <td>{formatNumber(f.members)}</td>
              <td>{formatNumber(f.newMembers)}</td>
              <td>{formatNumber(f.revenue)}</td>
              <td>{formatNumber(f.taxesPaid)}</td>
              <td>{f.classification ? CLASSIFICATION_LABELS[f.classification] : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Sản phẩm OCOP</h3>
      <ul>
        {(entity.ocop ?? []).map((o) => (
          <li key={`${o.name}-${o.year}`}>
            {o.name}: {o.stars} sao ({o.year})
          </li>
        ))}
      </ul>

      <h3>Lịch sử thay đổi</h3>
      <ul className="change-history">
        {history.map((h) => (
          <li key={h.id}>
            {formatDate(h.at.slice(0, 10))} – {h.user}: {ACTION_LABELS[h.action] ?? h.action}
          </li>
        ))}
      </ul>
    </aside>
  )
}

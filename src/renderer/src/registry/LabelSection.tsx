/**
 * «Nhãn quản lý»: what the office says about a record (chờ giải thể, yếu kém, chỉ tồn tại trên sổ
 * sách…), dated, shown and edited apart from its legal status. Reads and writes through api.ts.
 */
import { useCallback, useEffect, useState } from 'react'
import type { LabelEvent } from '../../../shared/api'
import { MANAGEMENT_LABEL_TEXT, MANAGEMENT_LABELS, type ManagementLabel } from '../../../shared/domain'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { parseDateCell } from '../grid/columns'

export function LabelSection({
  entityId,
  readOnly,
  disabled,
  onChanged
}: {
  entityId: number
  readOnly: boolean
  disabled: boolean
  onChanged(): void
}) {
  const [events, setEvents] = useState<LabelEvent[]>([])
  const [label, setLabel] = useState<ManagementLabel | ''>('awaiting_dissolution')
  const [date, setDate] = useState('')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setEvents(await call('label.list', { entityId }))
    } catch (err) {
      setError(messageOf(err))
    }
  }, [entityId])
  useEffect(() => {
    void load()
  }, [load])

  function add(ev: React.FormEvent) {
    ev.preventDefault()
    setError(null)
    const iso = parseDateCell(date)
    if (date.trim() && !iso) {
      setError('Ngày của nhãn gõ dd/mm/yyyy, ví dụ 15/03/2025.')
      return
    }
    void (async () => {
      try {
        await call('label.add', {
          entityId,
          label: label === '' ? null : label,
          effectiveDate: iso,
          ...(note.trim() ? { note } : {})
        })
        setDate('')
        setNote('')
        await load()
        onChanged()
      } catch (err) {
        setError(messageOf(err))
      }
    })()
  }

  return (
    <section data-testid="label-section">
      <h3>Nhãn quản lý (không phải tình trạng pháp lý)</h3>
      {events.length === 0 ? (
        <p className="muted">Chưa có nhãn quản lý.</p>
      ) : (
        <ol className="status-timeline" data-testid="label-timeline">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{e.effectiveDate ? formatDate(e.effectiveDate) : 'Từ khi đăng ký'}</strong>:{' '}
              {e.label ? MANAGEMENT_LABEL_TEXT[e.label] : 'bỏ nhãn'}
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="detail-error" data-testid="label-error">
          {error}
        </p>
      )}
      {!readOnly && (
        <form className="status-form" onSubmit={add} aria-label="Thêm nhãn quản lý">
          <select
            value={label}
            onChange={(e) => setLabel(e.target.value as ManagementLabel | '')}
            aria-label="Nhãn quản lý mới"
            data-testid="label-select"
          >
            {MANAGEMENT_LABELS.map((l) => (
              <option key={l} value={l}>
                {MANAGEMENT_LABEL_TEXT[l]}
              </option>
            ))}
            <option value="">(bỏ nhãn)</option>
          </select>
          <input
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder="dd/mm/yyyy"
            aria-label="Ngày của nhãn"
            data-testid="label-date"
          />
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Ghi chú"
            aria-label="Ghi chú nhãn"
            data-testid="label-note"
          />
          <button type="submit" data-testid="label-add" disabled={disabled}>
            Ghi nhãn
          </button>
        </form>
      )}
    </section>
  )
}

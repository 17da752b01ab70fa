/**
 * "Add an event" under a record's status timeline: the new legal status, its date, the decision, and
 * whether the event is a conversion (to an enterprise, from an enterprise or a THT: migration 024). The
 * core checks a conversion against its rule (resources/registry/conversions.json) and says why it refuses.
 */
import { useState } from 'react'
import type { Entity } from '../../../shared/api'
import { CONVERSION_LABELS, CONVERSIONS, STATUSES, statusLabel, type Conversion, type Status } from '../../../shared/domain'
import { call } from '../api'
import { parseDateCell } from '../grid/columns'

export function StatusEventForm({
  entity,
  run,
  onInput
}: {
  entity: Entity
  /** Runs the write, shows its error or reloads the record. */
  run(work: () => Promise<unknown>): Promise<void>
  /** The person changed what an error was about: a message must not outlive its cause. */
  onInput(): void
}) {
  const [status, setStatus] = useState<Status>('suspended')
  const [date, setDate] = useState('')
  const [decision, setDecision] = useState('')
  const [conversion, setConversion] = useState<Conversion | ''>('')

  function addEvent(ev: React.FormEvent) {
    ev.preventDefault()
    const iso = parseDateCell(date)
    void run(async () => {
      await call('status.add', {
        entityId: entity.id,
        status,
        effectiveDate: iso,
        ...(decision.trim() ? { decisionNo: decision } : {}),
        ...(conversion ? { conversion } : {})
      })
      setDate('')
      setDecision('')
      setConversion('')
    })
  }

  return (
    <form className="status-form" onSubmit={addEvent} aria-label="Thêm diễn biến tình trạng">
      <select
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as Status)
          onInput()
        }}
        aria-label="Tình trạng mới"
        data-testid="event-status"
      >
        {STATUSES.filter((s) => entity.kind !== 'tht' || s !== 'bankruptcy').map((s) => (
          <option key={s} value={s}>
            {statusLabel(s, entity.kind)}
          </option>
        ))}
      </select>
      <input
        value={date}
        onChange={(e) => {
          setDate(e.target.value)
          onInput()
        }}
        placeholder="dd/mm/yyyy"
        aria-label="Ngày hiệu lực"
        data-testid="event-date"
      />
      <input
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        placeholder="Số quyết định"
        aria-label="Số quyết định"
        data-testid="event-decision"
      />
      {entity.kind !== 'tht' && (
        <select
          value={conversion}
          onChange={(e) => {
            setConversion(e.target.value as Conversion | '')
            onInput()
          }}
          aria-label="Chuyển đổi"
          data-testid="event-conversion"
        >
          <option value="">Không phải chuyển đổi</option>
          {CONVERSIONS.map((c) => (
            <option key={c} value={c}>
              {CONVERSION_LABELS[c]}
            </option>
          ))}
        </select>
      )}
      <button type="submit" data-testid="event-add" disabled={!!entity.deletedAt}>
        Thêm
      </button>
    </form>
  )
}

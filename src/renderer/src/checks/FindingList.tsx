/**
 * Findings of the data checks, one per line: the severity, the message (naming the
 * record and fields), the rule's source, and «Đã kiểm tra…» with a note. Used by the
 * «Kiểm tra số liệu» screen and beside the record in the detail panel. What the rules
 * say and when a finding is quiet is the core's answer; this only shows it.
 */
import { useState } from 'react'
import { CHECK_SEVERITY_LABELS, type Finding } from '../../../shared/api'
import { vnDateTime } from '../../../shared/clock'
import { call, messageOf } from '../api'
import './checks.css'

export function FindingList({
  findings,
  readOnly,
  onOpen,
  onAcknowledged,
  testId = 'findings'
}: {
  findings: Finding[]
  /** No «Đã kiểm tra…» (a viewer, a province file). */
  readOnly: boolean
  /** Shows the record's name as a link that opens it. */
  onOpen?: (f: Finding) => void
  onAcknowledged(f: Finding): void
  testId?: string
}) {
  const [noting, setNoting] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function acknowledge(f: Finding) {
    try {
      const saved = await call('checks.acknowledge', { finding: f.id, note })
      setNoting(null)
      setNote('')
      setError(null)
      onAcknowledged(saved)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <ul className="findings" data-testid={testId}>
      {findings.map((f) => (
        <li key={f.id} className={`finding sev-${f.severity} ${f.state}`} data-testid="finding" data-rule={f.rule}>
          <span className={`severity ${f.severity}`}>{CHECK_SEVERITY_LABELS[f.severity]}</span>
          <div className="finding-body">
            {onOpen && f.entityId !== null && (
              <button type="button" className="link record" data-testid="finding-open" onClick={() => onOpen(f)}>
                {f.entityName}
              </button>
            )}
            {f.districtName && <span className="district">{f.districtName}</span>}
            <p className="message">{f.message}</p>
            <p className="meta">
              {f.title}
              {f.fieldLabels.length > 0 && ` — trường: ${f.fieldLabels.join(', ')}`}
              {f.source && ` — căn cứ: ${f.source}`}
            </p>
            {f.acknowledged && (
              <p className="acked" data-testid="finding-acked">
                Đã kiểm tra: {f.acknowledged.note} ({f.acknowledged.by}, {vnDateTime(f.acknowledged.at)})
              </p>
            )}
            {!readOnly && f.state === 'open' && noting !== f.id && (
              <button
                type="button"
                data-testid="finding-ack"
                onClick={() => {
                  setNoting(f.id)
                  setNote('')
                  setError(null)
                }}
              >
                Đã kiểm tra…
              </button>
            )}
            {noting === f.id && (
              <form
                className="ack-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  void acknowledge(f)
                }}
              >
                <input
                  aria-label="Ghi chú kiểm tra"
                  data-testid="finding-note"
                  placeholder="Đã kiểm tra gì, với ai (ví dụ: đã gọi điện, số đúng)"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  autoFocus
                />
                <button type="submit" className="primary" data-testid="finding-ack-save">
                  Lưu
                </button>
                <button type="button" onClick={() => setNoting(null)}>
                  Bỏ
                </button>
                {error && (
                  <span role="alert" className="ack-error">
                    {error}
                  </span>
                )}
              </form>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}

/** Finalise (the registration authority's date and decision) or cancel (with a reason): the two ways a case ends. */
import { useState } from 'react'
import type { CaseView } from '../../../shared/api'
import { call } from '../api'
import { DateField, fromIso, Section, TextField, todayIso, toIso, useCanChange, type Run } from './ui'
import { CASE_STATE_LABELS } from './CaseList'

export function Close({ view, run, onClosed }: { view: CaseView; run: Run; onClosed(): void }) {
  const [authorityDate, setAuthorityDate] = useState(fromIso(todayIso()))
  const [decisionNo, setDecisionNo] = useState('')
  const [reason, setReason] = useState('')
  const [cancelDate, setCancelDate] = useState(fromIso(todayIso()))
  const canChange = useCanChange(view)

  if (view.state !== 'open') {
    return (
      <Section title="Kết thúc hồ sơ" testId="closed">
        <div className="banner banner-success" data-testid="case-closed">
          {CASE_STATE_LABELS[view.state]} ngày {fromIso(view.closedOn)}
          {view.closedDecisionNo ? ` — ${view.closedDecisionNo}` : ''}
          {view.closeReason ? `: ${view.closeReason}` : ''}
        </div>
      </Section>
    )
  }
  // Still open but this window only reads: nothing to end here.
  if (!canChange) return null

  async function finalise() {
    if (!window.confirm(`Hoàn tất hồ sơ «${view.entityName}»? Bản ghi trong sổ sẽ chuyển sang «${view.outcome}».`)) return
    if (
      await run(
        () => call('dissolution.finalise', { caseId: view.id, authorityDate: toIso(authorityDate) ?? '', decisionNo }),
        `Đã hoàn tất hồ sơ «${view.entityName}».`
      )
    )
      onClosed()
  }
  async function cancel() {
    if (!window.confirm(`Hủy hồ sơ giải thể «${view.entityName}»? Tình trạng trước khi mở hồ sơ sẽ được trả lại.`)) return
    if (await run(() => call('dissolution.cancel', { caseId: view.id, reason, date: toIso(cancelDate) ?? '' }), 'Đã hủy hồ sơ.')) onClosed()
  }

  return (
    <Section title="Kết thúc hồ sơ" testId="close">
      <div className="diss-close">
        <div className="diss-add" data-testid="finalise-form">
          <DateField
            label="Ngày hoàn tất (ngày văn bản của cơ quan đăng ký)"
            value={authorityDate}
            onChange={setAuthorityDate}
            testId="finalise-date"
            required
          />
          <TextField label="Số văn bản của cơ quan đăng ký" value={decisionNo} onChange={setDecisionNo} testId="finalise-decision" />
          <button className="primary" onClick={() => void finalise()} data-testid="finalise">
            Hoàn tất hồ sơ
          </button>
          {view.finaliseBlocks.length > 0 && (
            <ul className="hint" data-testid="finalise-blocking">
              {view.finaliseBlocks.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="diss-add" data-testid="cancel-form">
          <TextField
            label="Lý do hủy hồ sơ"
            value={reason}
            onChange={setReason}
            testId="cancel-reason"
            placeholder="ví dụ HTX hoạt động trở lại"
          />
          <DateField label="Ngày hủy" value={cancelDate} onChange={setCancelDate} testId="cancel-date" />
          <button onClick={() => void cancel()} data-testid="cancel-case">
            Hủy hồ sơ
          </button>
        </div>
      </div>
    </Section>
  )
}

/**
 * What law and procedure the case follows, and why: the law of its date or another one with the
 * reason given, the event its date is, the ways it can finish (the cooperative files, or the office
 * records it after the law's period) and where it ends. What is unchecked is said once, above the steps.
 */
import { useState } from 'react'
import { LAW_VERSIONS, type CaseView } from '../../../shared/api'
import { call } from '../api'
import { Section, TextField, useCanChange, type Run } from './ui'

export function Procedure({ view, run }: { view: CaseView; run: Run }) {
  const canChange = useCanChange(view)
  const [changing, setChanging] = useState(false)
  const other = LAW_VERSIONS.find((l) => l !== view.law)!
  const [reason, setReason] = useState('')

  async function changeLaw() {
    if (await run(() => call('dissolution.setLaw', { caseId: view.id, law: other, reason }), `Hồ sơ chuyển sang Luật HTX ${other}.`)) {
      setChanging(false)
      setReason('')
    }
  }

  return (
    <Section title="Luật và quy trình" testId="procedure">
      <p data-testid="case-law-line">
        Luật áp dụng: <b>Luật HTX {view.law}</b>
        {view.law === view.lawOfDate ? ' — luật của ngày căn cứ.' : ` — khác luật của ngày căn cứ (Luật HTX ${view.lawOfDate}).`}
        {view.lawReason && <span data-testid="case-law-reason-shown"> Lý do: {view.lawReason}</span>}
        {canChange && !changing && (
          <>
            {' '}
            <button onClick={() => setChanging(true)} data-testid="case-law-change">
              Đổi sang Luật HTX {other}…
            </button>
          </>
        )}
      </p>
      {changing && (
        <div className="diss-add" data-testid="case-law-form">
          <TextField label={`Lý do áp dụng Luật HTX ${other}`} value={reason} onChange={setReason} testId="case-law-change-reason" wide />
          <button className="primary" onClick={() => void changeLaw()} data-testid="case-law-change-save">
            Đổi luật
          </button>
          <button onClick={() => setChanging(false)}>Thôi</button>
          <p className="hint">Các bước cùng nội dung giữ nguyên việc đã làm; việc đổi được ghi vào nhật ký cùng lý do.</p>
        </div>
      )}
      <p className="hint">Ngày căn cứ: {view.trigger.charAt(0).toLowerCase() + view.trigger.slice(1)}.</p>
      {view.routes.length > 0 && (
        <ul className="diss-routes" data-testid="routes">
          {view.routes.map((r) => (
            <li key={r.code} data-testid={`route-${r.code}`}>
              {r.complete ? '✓ ' : ''}
              {r.label}
              {r.requiresSettlement ? ' (sau khi thanh toán hết nợ)' : ''} <span className="hint">— {r.basis}</span>
            </li>
          ))}
        </ul>
      )}
      <p data-testid="case-outcome">
        Khi hoàn tất: bản ghi chuyển sang «{view.outcome}».{view.next ? ` ${view.next}` : ''}
      </p>
      {view.sources.length > 0 && (
        <details>
          <summary>Văn bản làm căn cứ</summary>
          <ul>
            {view.sources.map((s) => (
              <li key={s.title}>
                {s.title} <span className="hint">— {s.checked}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  )
}

/** The small form that opens a case: kind, ground, law version, opening date, decision number. */
import { useState, type FormEvent } from 'react'
import { DISSOLUTION_KINDS, LAW_VERSIONS, type Candidate, type TemplateInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { DateField, fromIso, TextField, todayIso, toIso } from './ui'

/** A candidate's reason and the template ground it points to. */
const GROUND_OF_REASON: Record<string, string> = {
  stopped_12m: 'no_activity_12m',
  no_agm_18m: 'no_agm_18m',
  certificate_revoked: 'certificate_revoked'
}
const KIND_LABELS: Record<(typeof DISSOLUTION_KINDS)[number], string> = {
  compulsory: 'Bắt buộc',
  voluntary: 'Tự nguyện',
  revocation: 'Thu hồi giấy chứng nhận',
  tht_termination: 'Chấm dứt hoạt động tổ hợp tác'
}

export function OpenCaseForm({
  candidate,
  templates,
  onClose,
  onOpened
}: {
  candidate: Candidate
  templates: TemplateInfo[]
  onClose(): void
  onOpened(caseId: number): void
}) {
  const [kind, setKind] = useState<(typeof DISSOLUTION_KINDS)[number]>('compulsory')
  const [law, setLaw] = useState<(typeof LAW_VERSIONS)[number]>('2023')
  const [ground, setGround] = useState(candidate.reasons.map((r) => GROUND_OF_REASON[r.code]).find(Boolean) ?? '')
  const [openedOn, setOpenedOn] = useState(fromIso(todayIso()))
  const [decisionNo, setDecisionNo] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const template = templates.find((t) => t.law === law && t.kind === kind)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const view = await call('dissolution.open', {
        entityId: candidate.entityId,
        kind,
        law,
        ground: kind === 'compulsory' && ground ? ground : null,
        openedOn: toIso(openedOn) ?? '',
        decisionNo: decisionNo || null
      })
      onOpened(view.id)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} data-testid="open-case-form" noValidate>
        <h2>Mở hồ sơ giải thể: {candidate.name}</h2>
        {error && (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-grid">
          <label className="field">
            <span>Hình thức giải thể</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="case-kind">
              {DISSOLUTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Luật áp dụng</span>
            <select value={law} onChange={(e) => setLaw(e.target.value as typeof law)} data-testid="case-law">
              {LAW_VERSIONS.map((l) => (
                <option key={l} value={l}>
                  {l === '2023' ? 'Luật HTX 2023 (hồ sơ mới)' : 'Luật HTX 2012 (hồ sơ mở trước 01/07/2024)'}
                </option>
              ))}
            </select>
          </label>
          {kind === 'compulsory' && (
            <label className="field wide">
              <span>Căn cứ giải thể</span>
              <select value={ground} onChange={(e) => setGround(e.target.value)} data-testid="case-ground">
                <option value="">— chưa chọn —</option>
                {(template?.grounds ?? []).map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <DateField label="Ngày mở hồ sơ" value={openedOn} onChange={setOpenedOn} testId="case-opened" required />
          <TextField
            label="Số quyết định / nghị quyết"
            value={decisionNo}
            onChange={setDecisionNo}
            testId="case-decision"
            placeholder="ví dụ 125/QĐ-UBND"
          />
        </div>
        {template && (
          <p className="hint">
            Quy trình: {template.title} (phiên bản {template.version}).
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Thôi
          </button>
          <button className="primary" type="submit" disabled={busy} data-testid="case-open-submit">
            Mở hồ sơ
          </button>
        </div>
      </form>
    </div>
  )
}

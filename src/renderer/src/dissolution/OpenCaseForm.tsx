/**
 * The small form that opens a case: procedure, ground, the date the law counts from, decision
 * number. The law is that of the date (Luật HTX 2023 from 01/07/2024); another law needs a reason,
 * asked for only when the officer picks it (issue 15: «changeable only with a reason»).
 */
import { useState, type FormEvent } from 'react'
import { KIND_LABELS, LAW_VERSIONS, lawOn, type Candidate, type TemplateInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { DateField, fromIso, TextField, todayIso, toIso } from './ui'

type Law = (typeof LAW_VERSIONS)[number]
type Kind = TemplateInfo['kind']

/**
 * A candidate's first reason, as the procedure and ground it leads to under each law. Under 2023 the
 * grounds of Điều 103 khoản 1 (ngừng hoạt động, thành viên tối thiểu, đại hội 18 tháng, …) lead to
 * revoking the certificate, then dissolution; under 2012 they were grounds of compulsory dissolution (Điều 54).
 */
const START: Record<Law, Record<string, { kind: Kind; ground: string }>> = {
  '2023': {
    stopped_without_notice: { kind: 'revocation', ground: 'violation_103' },
    suspension_beyond_notice: { kind: 'revocation', ground: 'no_report_after_suspension' },
    suspension_over_total: { kind: 'revocation', ground: 'no_report_after_suspension' },
    members_below_minimum: { kind: 'revocation', ground: 'violation_103' },
    no_agm_18m: { kind: 'revocation', ground: 'violation_103' },
    no_info_update: { kind: 'revocation', ground: 'violation_103' },
    not_at_address: { kind: 'revocation', ground: 'violation_103' },
    court_decision: { kind: 'compulsory', ground: 'court' }
  },
  '2012': {
    stopped_without_notice: { kind: 'compulsory', ground: 'no_activity_12m' },
    suspension_beyond_notice: { kind: 'compulsory', ground: 'no_activity_12m' },
    suspension_over_total: { kind: 'compulsory', ground: 'no_activity_12m' },
    members_below_minimum: { kind: 'compulsory', ground: 'members_below_min_12m' },
    no_agm_18m: { kind: 'compulsory', ground: 'no_agm_18m' },
    court_decision: { kind: 'compulsory', ground: 'court' }
  }
}

function startFor(candidate: Candidate, law: Law): { kind: Kind; ground: string } {
  for (const r of candidate.reasons) if (START[law][r.code]) return START[law][r.code]!
  return { kind: law === '2023' ? 'revocation' : 'compulsory', ground: '' }
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
  const [openedOn, setOpenedOn] = useState(fromIso(todayIso()))
  const dateLaw: Law = lawOn(toIso(openedOn) ?? todayIso())
  // null: the law of the date, whatever date is typed; a law picked by hand stays picked.
  const [lawChoice, setLawChoice] = useState<Law | null>(null)
  const law = lawChoice ?? dateLaw
  const start = startFor(candidate, law)
  const [kindChoice, setKindChoice] = useState<Kind | null>(null)
  const [groundChoice, setGroundChoice] = useState<string | null>(null)
  const [lawReason, setLawReason] = useState('')
  const [decisionNo, setDecisionNo] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // A candidate is an HTX or LHHTX: the procedures for those, under the case's law.
  const offered = templates.filter((t) => t.law === law && t.entityKinds.includes('htx'))
  const kind = offered.some((t) => t.kind === kindChoice) ? kindChoice! : start.kind
  const template = offered.find((t) => t.kind === kind)
  const grounds = template?.grounds ?? []
  const ground =
    groundChoice !== null && grounds.some((g) => g.code === groundChoice) ? groundChoice : start.kind === kind ? start.ground : ''
  const otherLaw = law !== dateLaw

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const view = await call('dissolution.open', {
        entityId: candidate.entityId,
        kind,
        law,
        lawReason: otherLaw ? lawReason.trim() || null : null,
        ground: grounds.length > 0 && ground ? ground : null,
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
        <h2>Mở hồ sơ: {candidate.name}</h2>
        {error && (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        )}
        <div className="form-grid">
          <DateField label="Ngày căn cứ (ngày phát sinh sự kiện)" value={openedOn} onChange={setOpenedOn} testId="case-opened" required />
          <label className="field">
            <span>Luật áp dụng</span>
            <select
              value={law}
              onChange={(e) => setLawChoice(e.target.value === dateLaw ? null : (e.target.value as Law))}
              data-testid="case-law"
            >
              {LAW_VERSIONS.map((l) => (
                <option key={l} value={l}>
                  {l === dateLaw ? `Luật HTX ${l} (luật của ngày căn cứ)` : `Luật HTX ${l} (cần nêu lý do)`}
                </option>
              ))}
            </select>
          </label>
          {otherLaw && (
            <TextField
              label={`Lý do áp dụng Luật HTX ${law} cho ngày căn cứ thuộc Luật HTX ${dateLaw}`}
              value={lawReason}
              onChange={setLawReason}
              testId="case-law-reason"
              wide
              placeholder="ví dụ: vụ việc phát sinh và đã xử lý từ trước 01/07/2024"
            />
          )}
          <label className="field">
            <span>Thủ tục</span>
            <select value={kind} onChange={(e) => setKindChoice(e.target.value as Kind)} data-testid="case-kind">
              {offered.map((t) => (
                <option key={t.kind} value={t.kind}>
                  {KIND_LABELS[t.kind]}
                </option>
              ))}
            </select>
          </label>
          {grounds.length > 0 && (
            <label className="field wide">
              <span>Căn cứ</span>
              <select value={ground} onChange={(e) => setGroundChoice(e.target.value)} data-testid="case-ground">
                <option value="">— chưa chọn —</option>
                {grounds.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <TextField
            label="Số quyết định / nghị quyết / văn bản"
            value={decisionNo}
            onChange={setDecisionNo}
            testId="case-decision"
            placeholder="ví dụ 125/QĐ-UBND"
          />
        </div>
        {template && (
          <p className="hint" data-testid="case-template-hint">
            Quy trình: {template.title} (phiên bản {template.version}). Ngày căn cứ: {template.trigger.charAt(0).toLowerCase()}
            {template.trigger.slice(1)}.
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

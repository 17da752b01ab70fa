/** One case: its header, the printable pages and drafts, then steps, council, debts and assets, obstacles, files, and how it ends. */
import { useEffect, useState } from 'react'
import { type CaseView as View, type DraftDoc, type PrintablePage, type TemplateInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { downloadBase64, MIME } from '../files'
import { Banner } from '../components/Banner'
import { Attachments } from './Attachments'
import { CASE_STATE_LABELS } from './CaseList'
import { Close } from './Close'
import { Council } from './Council'
import { Items } from './Items'
import { Obstacles } from './Obstacles'
import { Procedure } from './Procedure'
import { Steps } from './Steps'
import { fromIso, useRun } from './ui'

const DRAFT_LABELS: Record<DraftDoc, string> = {
  council: 'QĐ thành lập hội đồng giải thể',
  notice: 'Thông báo giải thể',
  request: 'Đề nghị ghi nhận giải thể',
  revocation: 'Quyết định thu hồi GCN',
  violation: 'Thông báo hành vi vi phạm',
  resolution: 'Nghị quyết giải thể',
  dissolving: 'Thông báo đang làm thủ tục giải thể',
  dissolved: 'Thông báo đã giải thể'
}

/** The drafts the registration office issues in its own name: from 01/07/2025 a commune office or, where there is none, the UBND xã. */
const OFFICE_DRAFTS: DraftDoc[] = ['violation', 'revocation', 'dissolving', 'dissolved']

export function CaseView({
  caseId,
  templates,
  onBack,
  onPrint,
  onChanged
}: {
  caseId: number
  templates: TemplateInfo[]
  onBack(): void
  onPrint(p: PrintablePage): void
  onChanged(): void
}) {
  const [view, setView] = useState<View | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const { run, error, notice, clear } = useRun((v) => {
    setView(v)
    onChanged()
  })
  const [pageError, setPageError] = useState<string | null>(null)
  /** What the last draft asks the officer to fill by hand (a blank commune authority), never on the paper itself. */
  const [draftWarnings, setDraftWarnings] = useState<string[]>([])
  /** The commune has no specialised office: its UBND is the registration office and signs (NĐ 295/2026 Điều 5 khoản 2). */
  const [committee, setCommittee] = useState(false)
  const registrar = committee ? ({ registrar: 'committee' } as const) : {}

  useEffect(() => {
    call('dissolution.show', { caseId }).then(setView, (err) => setLoadError(messageOf(err)))
  }, [caseId])

  async function show(page: () => Promise<PrintablePage>) {
    setPageError(null)
    try {
      const p = await page()
      setDraftWarnings(p.warnings ?? [])
      onPrint(p)
    } catch (err) {
      setPageError(messageOf(err))
    }
  }

  /** The draft as a Word file to edit and sign, downloaded. */
  async function word(doc: DraftDoc) {
    setPageError(null)
    try {
      const f = await call('dissolution.draftDocx', { caseId: view!.id, doc, ...registrar })
      downloadBase64(f.name, f.base64, MIME.docx)
    } catch (err) {
      setPageError(messageOf(err))
    }
  }

  if (loadError) return <div className="banner banner-error">{loadError}</div>
  if (!view) return <p className="muted">Đang mở hồ sơ…</p>
  const template = templates.find((t) => t.id === view.templateId)
  const message = error ?? pageError
  return (
    <div className="diss-scroll" data-testid="case-view">
      <div className="diss-case-head">
        <button onClick={onBack} data-testid="case-back">
          ← Danh sách
        </button>
        <div>
          <h2 data-testid="case-title">
            Hồ sơ số {view.id}: {view.entityName}
          </h2>
          <div className="hint">
            Quy trình «{view.templateTitle}» (phiên bản {view.templateVersion}). Ngày căn cứ {fromIso(view.openedOn)}
            {view.decisionNo ? `, ${view.decisionNo}` : ''}
            {view.groundLabel ? `. Căn cứ: ${view.groundLabel}` : ''}. <b>{CASE_STATE_LABELS[view.state]}</b>
          </div>
        </div>
      </div>
      <div className="diss-toolbar">
        <button onClick={() => void show(() => call('dissolution.casePage', { caseId: view.id }))} data-testid="print-case">
          In hồ sơ
        </button>
        <span className="muted">Dự thảo:</span>
        {view.drafts.length === 0 && <span className="muted">thủ tục này chưa có dự thảo</span>}
        {view.drafts.map((doc) => (
          <span key={doc} className="diss-draft">
            <button
              onClick={() => void show(() => call('dissolution.draft', { caseId: view.id, doc, ...registrar }))}
              data-testid={`draft-${doc}`}
            >
              {DRAFT_LABELS[doc]}
            </button>
            <button
              onClick={() => void word(doc)}
              data-testid={`draft-docx-${doc}`}
              aria-label={`${DRAFT_LABELS[doc]} (tệp Word .docx)`}
              title="Tải về tệp Word (.docx) để sửa"
            >
              .docx
            </button>
          </span>
        ))}
        {view.drafts.some((doc) => OFFICE_DRAFTS.includes(doc)) && (
          <label
            className="muted"
            title="Nghị định 295/2026/NĐ-CP Điều 5 khoản 2: nơi xã không thành lập phòng chuyên môn, Ủy ban nhân dân xã là cơ quan đăng ký"
          >
            <input type="checkbox" checked={committee} onChange={(ev) => setCommittee(ev.target.checked)} data-testid="draft-committee" />{' '}
            Cơ quan đăng ký là UBND xã
          </label>
        )}
      </div>
      {draftWarnings.map((w) => (
        <div key={w} className="banner banner-warning" data-testid="draft-warning">
          {w}
        </div>
      ))}
      <Banner
        notice={message ? { kind: 'error', text: message } : null}
        onClose={() => (clear(), setPageError(null))}
        testId="case-error"
      />
      <Banner notice={notice && !message ? { kind: 'success', text: notice } : null} onClose={clear} testId="case-notice" />
      <Procedure view={view} run={run} />
      <Steps view={view} run={run} />
      <Council view={view} template={template} run={run} />
      <Items view={view} run={run} />
      <Obstacles view={view} run={run} />
      <Attachments view={view} run={run} onError={setPageError} />
      <Close view={view} run={run} onClosed={onChanged} />
    </div>
  )
}

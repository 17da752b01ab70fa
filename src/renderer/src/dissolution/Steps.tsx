/**
 * The case's checklist: each step with its state, done date, who, notes, documents and
 * due date (overdue and due-this-week highlighted); "Cập nhật" opens the step's editor.
 */
import { useState, type FormEvent } from 'react'
import type { CaseView, StepView } from '../../../shared/api'
import { call } from '../api'
import { DateField, fromIso, Section, TextField, todayIso, toIso, useCanChange, type Run } from './ui'

/** The checklists end an unchecked legal basis with this; the screen says it once, above the steps. */
const UNCHECKED_TAIL = /\s*(—\s*)?(điều, khoản:\s*)?chưa đối chiếu văn bản\s*$/

/** A step is named by its place in the list, never by its code («bước NQ» → «bước 1»). */
export function stepNames(view: CaseView): (text: string) => string {
  const place = new Map(view.steps.map((s, i) => [s.code, i + 1]))
  return (text) => text.replace(/bước ([A-Z][A-Z0-9_]*)/g, (all, code: string) => (place.has(code) ? `bước ${place.get(code)}` : all))
}

function stateText(s: StepView): string {
  if (s.state === 'done') return `Đã làm ${fromIso(s.doneOn)}${s.doneBy ? ` — ${s.doneBy}` : ''}`
  if (s.state === 'na') return `Không áp dụng: ${s.naReason ?? ''}`
  return 'Chưa làm'
}

function Due({ s, named }: { s: StepView; named(text: string): string }) {
  // The law's period for the cooperative must run out first (the office records the end itself).
  const earliest = s.earliest && s.state === 'todo' && (
    <div className="hint" data-testid={`step-earliest-${s.code}`}>
      sớm nhất {fromIso(s.earliest)}
    </div>
  )
  const rule = (s.deadlineRule || earliest) && (
    <>
      {s.deadlineRule && <div className="hint">{named(s.deadlineRule)}</div>}
      {earliest}
    </>
  )
  if (!s.due) return <span className="muted">{s.deadlineRule && s.state === 'todo' ? <>chưa tính được{rule}</> : ''}</span>
  const cls = s.overdue ? 'diss-overdue' : s.dueThisWeek ? 'diss-due-week' : ''
  return (
    <>
      <span className={cls} data-testid={`step-due-${s.code}`}>
        {fromIso(s.due)}
        {s.overdue ? ' — quá hạn' : s.dueThisWeek ? ' — trong tuần' : ''}
      </span>
      {rule}
    </>
  )
}

function StepEditor({ view, step, run, onDone }: { view: CaseView; step: StepView; run: Run; onDone(): void }) {
  const [state, setState] = useState<StepView['state']>(step.state === 'todo' ? 'done' : step.state)
  const [doneOn, setDoneOn] = useState(fromIso(step.doneOn ?? todayIso()))
  const [doneBy, setDoneBy] = useState(step.doneBy ?? '')
  const [naReason, setNaReason] = useState(step.naReason ?? '')
  const [notes, setNotes] = useState(step.notes ?? '')
  const [documents, setDocuments] = useState(step.documents.join('\n'))

  async function save(e: FormEvent) {
    e.preventDefault()
    const ok = await run(
      () =>
        call('dissolution.step', {
          caseId: view.id,
          code: step.code,
          state,
          doneOn: state === 'done' ? toIso(doneOn) : null,
          doneBy: doneBy || null,
          naReason: state === 'na' ? naReason || null : null,
          notes: notes || null,
          documents: documents
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean)
        }),
      `Đã lưu bước «${step.title}».`
    )
    if (ok) onDone()
  }

  return (
    <form className="diss-editor" onSubmit={save} data-testid={`step-editor-${step.code}`} noValidate>
      <label className="field">
        <span>Trạng thái</span>
        <select value={state} onChange={(e) => setState(e.target.value as StepView['state'])} data-testid="step-state">
          <option value="done">Đã làm</option>
          <option value="na">Không áp dụng</option>
          <option value="todo">Chưa làm</option>
        </select>
      </label>
      {state === 'done' && <DateField label="Ngày thực hiện" value={doneOn} onChange={setDoneOn} testId="step-date" required />}
      {state === 'na' && <TextField label="Lý do không áp dụng" value={naReason} onChange={setNaReason} testId="step-na" wide />}
      <TextField label="Người thực hiện" value={doneBy} onChange={setDoneBy} testId="step-by" />
      <label className="field wide">
        <span>Tài liệu (mỗi dòng một văn bản: số, ngày, trích yếu)</span>
        <textarea
          rows={2}
          value={documents}
          onChange={(e) => setDocuments(e.target.value)}
          placeholder={step.documentsExpected.join('\n')}
          data-testid="step-docs"
        />
      </label>
      <label className="field wide">
        <span>Ghi chú</span>
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="step-notes" />
      </label>
      <div className="actions wide">
        <button type="button" onClick={onDone}>
          Thôi
        </button>
        <button className="primary" type="submit" data-testid="step-save">
          Lưu bước
        </button>
      </div>
    </form>
  )
}

export function Steps({ view, run }: { view: CaseView; run: Run }) {
  const [editing, setEditing] = useState<string | null>(null)
  const open = useCanChange(view)
  const named = stepNames(view)
  const unchecked = view.steps.filter((s) => !s.verified).length
  return (
    <Section title="Các bước" testId="steps">
      {(unchecked > 0 || view.unverified.note) && (
        <p className="diss-unchecked" data-testid="steps-unchecked">
          {unchecked > 0 &&
            `${unchecked === view.steps.length ? 'Mọi bước' : `${unchecked} bước đánh dấu *`} của quy trình này chưa đối chiếu văn bản: điều, khoản làm căn cứ chưa được ghi, hãy kiểm tra với văn bản gốc trước khi dùng. `}
          {view.unverified.note}
        </p>
      )}
      <table className="diss-table">
        <thead>
          <tr>
            <th>Bước</th>
            <th>Nội dung, căn cứ</th>
            <th>Thực hiện</th>
            <th>Hạn</th>
            <th>Trạng thái</th>
            <th>Tài liệu, ghi chú</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.steps.map((s, i) => (
            <StepRows
              key={s.code}
              s={s}
              place={i + 1}
              marked={!s.verified && unchecked < view.steps.length}
              named={named}
              view={view}
              run={run}
              open={open}
              editing={editing === s.code}
              onEdit={(v) => setEditing(v ? s.code : null)}
            />
          ))}
        </tbody>
      </table>
    </Section>
  )
}

function StepRows({
  s,
  place,
  marked,
  named,
  view,
  run,
  open,
  editing,
  onEdit
}: {
  s: StepView
  place: number
  marked: boolean
  named(text: string): string
  view: CaseView
  run: Run
  open: boolean
  editing: boolean
  onEdit(v: boolean): void
}) {
  const rowClass = s.state !== 'todo' ? 'diss-step-closed' : s.overdue ? 'diss-row-overdue' : s.dueThisWeek ? 'diss-row-week' : ''
  return (
    <>
      <tr className={rowClass} data-testid={`step-${s.code}`}>
        <td className="num">
          {place}
          {marked && <span title="Chưa đối chiếu văn bản"> *</span>}
        </td>
        <td>
          {s.title}
          {s.optional && <span className="muted"> (nếu có{s.condition ? `: ${named(s.condition)}` : ''})</span>}
          {s.route && (
            <span className="muted" data-testid={`step-route-${s.code}`}>
              {' '}
              (cách kết thúc: {view.routes.find((r) => r.code === s.route)?.label ?? s.route})
            </span>
          )}
          <div className="hint">{s.legalBasis.replace(UNCHECKED_TAIL, '')}</div>
        </td>
        <td>{s.actor}</td>
        <td>
          <Due s={s} named={named} />
        </td>
        <td data-testid={`step-state-${s.code}`}>{stateText(s)}</td>
        <td>
          {s.documents.map((d) => (
            <div key={d}>{d}</div>
          ))}
          {s.notes && <div className="muted">{s.notes}</div>}
        </td>
        <td>
          {open && !editing && (
            <button onClick={() => onEdit(true)} data-testid={`step-edit-${s.code}`}>
              Cập nhật
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7}>
            <StepEditor view={view} step={s} run={run} onDone={() => onEdit(false)} />
          </td>
        </tr>
      )}
    </>
  )
}

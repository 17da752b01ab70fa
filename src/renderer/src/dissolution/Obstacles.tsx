/** Why the case is stuck, as coded tags (the reasons provinces report) with notes; a tag typed wrong taken off. */
import { useState, type FormEvent } from 'react'
import { OBSTACLE_CODES, OBSTACLE_LABELS, type CaseView } from '../../../shared/api'
import { call } from '../api'
import { RemoveButton, Section, TextField, useCanChange, type Run } from './ui'

export function Obstacles({ view, run }: { view: CaseView; run: Run }) {
  const [code, setCode] = useState<(typeof OBSTACLE_CODES)[number]>('council_not_formed')
  const [note, setNote] = useState('')
  const open = useCanChange(view)
  async function add(e: FormEvent) {
    e.preventDefault()
    if (
      await run(
        () => call('dissolution.obstacle', { caseId: view.id, code, note: note || null }),
        `Đã ghi vướng mắc «${OBSTACLE_LABELS[code]}».`
      )
    )
      setNote('')
  }
  return (
    <Section title="Vướng mắc" testId="obstacles">
      <div className="diss-tags">
        {view.obstacles.length === 0 && <span className="muted">Chưa ghi vướng mắc nào.</span>}
        {view.obstacles.map((o) => (
          <span key={o.id} className="diss-tag-removable">
            <span className="diss-tag" title={o.note ?? undefined} data-testid={`obstacle-${o.code}`}>
              {o.label}
              {o.note ? `: ${o.note}` : ''}
            </span>
            {open && (
              <RemoveButton
                what={`vướng mắc «${o.label}»${o.note ? ` (${o.note})` : ''}`}
                testId={`obstacle-remove-${o.id}`}
                onConfirm={() =>
                  run(() => call('dissolution.removeObstacle', { caseId: view.id, obstacleId: o.id }), `Đã xóa vướng mắc «${o.label}».`)
                }
              />
            )}
          </span>
        ))}
      </div>
      {open && (
        <form className="diss-add" onSubmit={add} noValidate>
          <label className="field">
            <span>Vướng mắc</span>
            <select value={code} onChange={(e) => setCode(e.target.value as typeof code)} data-testid="obstacle-code">
              {OBSTACLE_CODES.map((c) => (
                <option key={c} value={c}>
                  {OBSTACLE_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <TextField label="Ghi chú" value={note} onChange={setNote} testId="obstacle-note" />
          <button type="submit" data-testid="obstacle-add">
            Thêm
          </button>
        </form>
      )}
    </Section>
  )
}

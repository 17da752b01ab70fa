/** Small pieces the dissolution screens share: today's date, date fields, whether the case may change, one way to run a write, and a «Xóa» that asks first. */
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { CaseView } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { vnToday } from '../../../shared/clock'
import { messageOf } from '../api'
import { parseDateCell } from '../grid/columns'
import { useReadOnly } from '../readOnly'

/** Today in Vietnam (the office's clock), as the core's ISO date. */
export const todayIso = () => vnToday()

/** What the user typed (dd/mm/yyyy) for the core; anything unreadable goes as typed so the core's message names it. */
export const toIso = (text: string): string | null => parseDateCell(text)
export const fromIso = (iso: string | null | undefined): string => formatDate(iso)

export function DateField({
  label,
  value,
  onChange,
  testId,
  required
}: {
  label: string
  value: string
  onChange(v: string): void
  testId?: string
  required?: boolean
}) {
  return (
    <label className="field">
      <span>
        {label}
        {required && <em className="required"> *</em>}
      </span>
      <input value={value} onChange={(e) => onChange(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" data-testid={testId} />
    </label>
  )
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  wide,
  placeholder
}: {
  label: string
  value: string
  onChange(v: string): void
  testId?: string
  wide?: boolean
  placeholder?: string
}) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} placeholder={placeholder} />
    </label>
  )
}

/** Whether this window may change the case: it is still open, and the window may write (readOnly.ts) — otherwise its controls are not offered. */
export function useCanChange(view: CaseView): boolean {
  return useReadOnly() === null && view.state === 'open'
}

/** Runs one write against the open case: the new view on success, the core's Vietnamese message on failure. */
export type Run = (work: () => Promise<CaseView>, done?: string) => Promise<boolean>

export function useRun(setView: (v: CaseView) => void): { run: Run; error: string | null; notice: string | null; clear(): void } {
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const run: Run = async (work, done) => {
    setError(null)
    setNotice(null)
    try {
      setView(await work())
      if (done) setNotice(done)
      return true
    } catch (err) {
      setError(messageOf(err))
      return false
    }
  }
  return { run, error, notice, clear: () => (setError(null), setNotice(null)) }
}

export function Section({ title, children, testId, extra }: { title: string; children: ReactNode; testId?: string; extra?: ReactNode }) {
  return (
    <section className="diss-section" data-testid={testId}>
      <div className="diss-section-head">
        <h2>{title}</h2>
        {extra}
      </div>
      {children}
    </section>
  )
}

/**
 * A small «Xóa» for one row of an open case (a council member, a debt or asset, an obstacle typed wrong).
 * It asks in place, as restoring a backup does in Settings, so nothing goes on a single click; «Thôi» (or Esc)
 * takes the question back and returns the focus to «Xóa».
 */
export function RemoveButton({ what, testId, onConfirm }: { what: string; testId: string; onConfirm(): Promise<unknown> }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const backToButton = useRef(false)
  useEffect(() => {
    if (!asking && backToButton.current) {
      backToButton.current = false
      button.current?.focus()
    }
  }, [asking])
  const cancel = () => {
    backToButton.current = true
    setAsking(false)
  }
  if (!asking)
    return (
      <button
        ref={button}
        type="button"
        className="diss-remove"
        aria-label={`Xóa ${what}`}
        title={`Xóa ${what}`}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        Xóa
      </button>
    )
  return (
    <span className="diss-confirm" role="group" aria-label={`Xóa ${what}?`} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <span>Xóa {what}?</span>
      <button
        type="button"
        className="diss-remove-yes"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          try {
            await onConfirm()
          } finally {
            setBusy(false)
            setAsking(false)
          }
        }}
        data-testid={`${testId}-confirm`}
      >
        Xóa
      </button>
      <button type="button" autoFocus onClick={cancel} data-testid={`${testId}-cancel`}>
        Thôi
      </button>
    </span>
  )
}

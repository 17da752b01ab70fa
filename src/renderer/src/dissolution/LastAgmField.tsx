/**
 * "Đại hội thành viên thường niên gần nhất": one date per HTX, the base of the 18-month
 * ground for compulsory dissolution. Given no value, it reads the record's own (the
 * register's detail panel); the candidates list passes the one it already has.
 */
import { useEffect, useState } from 'react'
import { call, messageOf } from '../api'
import { useReadOnly } from '../readOnly'
import { fromIso, toIso } from './ui'

export function LastAgmField({
  entityId,
  value,
  onSaved,
  disabled
}: {
  entityId: number
  value?: string | null
  onSaved?(): void
  disabled?: boolean
}) {
  const [stored, setStored] = useState<string | null>(value ?? null)
  const [text, setText] = useState(fromIso(value))
  const [error, setError] = useState<string | null>(null)
  // Shown, not editable, where this window only reads (readOnly.ts).
  const locked = useReadOnly() !== null || disabled

  useEffect(() => {
    if (value !== undefined) return
    let live = true
    call('dissolution.lastAgm', { entityId }).then(
      // What the user typed while the stored date was on its way is kept, not overwritten.
      (r) => live && (setStored(r.lastAgmDate), setText((typed) => typed || fromIso(r.lastAgmDate))),
      (err) => live && setError(messageOf(err))
    )
    return () => {
      live = false
    }
  }, [entityId, value])

  const changed = text.trim() !== fromIso(stored)
  async function save() {
    setError(null)
    try {
      const date = toIso(text)
      await call('dissolution.setLastAgm', { entityId, lastAgmDate: date })
      setStored(date)
      setText(fromIso(date))
      onSaved?.()
    } catch (err) {
      setError(messageOf(err))
    }
  }
  return (
    <span className="diss-agm">
      <input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && changed && void save()}
        placeholder="dd/mm/yyyy"
        aria-label="Ngày đại hội thành viên thường niên gần nhất"
        aria-invalid={error ? true : undefined}
        disabled={locked}
        data-testid={`agm-${entityId}`}
      />
      {changed && (
        <button onClick={() => void save()} data-testid={`agm-save-${entityId}`}>
          Lưu
        </button>
      )}
      {error && <small className="error">{error}</small>}
    </span>
  )
}

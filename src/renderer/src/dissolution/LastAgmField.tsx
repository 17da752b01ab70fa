/** "Đại hội thành viên thường niên gần nhất": one date per HTX, the base of the 18-month ground. */
import { useState } from 'react'
import { call, messageOf } from '../api'
import { fromIso, toIso } from './ui'

export function LastAgmField({ entityId, value, onSaved }: { entityId: number; value: string | null; onSaved(): void }) {
  const [text, setText] = useState(fromIso(value))
  const [error, setError] = useState<string | null>(null)
  const changed = text.trim() !== fromIso(value)
  async function save() {
    setError(null)
    try {
      await call('dissolution.setLastAgm', { entityId, lastAgmDate: toIso(text) })
      onSaved()
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

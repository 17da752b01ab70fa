/**
 * Whether this window may change the register, and if not, why — said once at
 * the top of the register instead of letting a person type into cells the core
 * will refuse. The core says it for this session (office.info's readOnly, from
 * src/main/core/access.ts); this only passes the sentence to the screens.
 */
import { createContext, useContext } from 'react'

/** null: writes allowed; otherwise the sentence that explains why the register is for reading only. */
export const ReadOnlyContext = createContext<string | null>(null)

export function useReadOnly(): string | null {
  return useContext(ReadOnlyContext)
}

/** The sentence, once at the top of a screen, when this window only reads; nothing otherwise. */
export function ReadOnlyNote() {
  const reason = useReadOnly()
  if (!reason) return null
  return (
    <p className="read-only-note" role="status" data-testid="read-only">
      {reason}
    </p>
  )
}

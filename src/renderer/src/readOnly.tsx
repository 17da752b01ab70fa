/**
 * Whether this window may change the register, and if not, why — said once at
 * the top of the register instead of letting a person type into cells the core
 * will refuse. The core's gate (src/main/core/access.ts) stays the rule; this
 * only shapes the screen to it.
 */
import { createContext, useContext } from 'react'
import type { OfficeInfo, ProfileSession } from '../../shared/api'

/** null: writes allowed; otherwise the sentence that explains why the register is for reading only. */
export const ReadOnlyContext = createContext<string | null>(null)

export function useReadOnly(): string | null {
  return useContext(ReadOnlyContext)
}

export function readOnlyReason(office: OfficeInfo, session: ProfileSession | null): string | null {
  if (office.readOnly) return office.readOnly
  if (office.mode === 'province') return 'Sổ của tỉnh được lập từ gói các huyện gửi lên: chỉ xem, mọi sửa đổi làm ở huyện.'
  if (session && session.profiles.length > 0) {
    if (session.role === 'viewer') return `Hồ sơ «${session.selected}» chỉ được xem: không sửa được sổ.`
    if (session.role === null) return 'Chưa chọn hồ sơ người dùng: chỉ xem. Bấm «Đổi» để chọn hồ sơ.'
  }
  return null
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

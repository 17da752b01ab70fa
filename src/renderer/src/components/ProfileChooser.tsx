import { useState } from 'react'
import { ROLE_LABELS, type ProfileSession } from '../../../shared/api'
import { call, messageOf } from '../api'

/** Sent on window when the profiles or the file change, so the shell re-reads who is signed in. */
export const SESSION_CHANGED = 'so-htx:session-changed'

/**
 * Who is using the app: shown at start when the file has profiles and none is
 * signed in, and from "Đổi" beside the user's name. Asks the password only for
 * a profile that has one. "Chỉ xem" skips choosing: the session stays signed
 * out and the core lets it read only.
 */
export function ProfileChooser({
  session,
  onDone,
  onCancel
}: {
  session: ProfileSession
  onDone(s: ProfileSession): void
  onCancel?(): void
}) {
  const [name, setName] = useState(session.selected ?? session.profiles[0]?.name ?? '')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chosen = session.profiles.find((p) => p.name === name)

  async function signIn(e: React.FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onDone(await call('profile.select', chosen?.hasPassword ? { name, password } : { name }))
    } catch (err) {
      setError(messageOf(err))
      setPassword('')
      setBusy(false)
    }
  }

  return (
    <div className="first-run">
      <form className="card" onSubmit={signIn} data-testid="profile-chooser">
        <h1>Ai đang dùng Sổ HTX?</h1>
        <label className="field">
          <span>Hồ sơ người dùng</span>
          <select
            data-testid="profile-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setPassword('')
              setError(null)
            }}
          >
            {session.profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} — {ROLE_LABELS[p.role]}
              </option>
            ))}
          </select>
        </label>
        {chosen?.hasPassword && (
          <label className="field">
            <span>Mật khẩu</span>
            <input
              type="password"
              data-testid="profile-password"
              autoFocus
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Để sau
            </button>
          )}
          <button
            type="submit"
            className="primary"
            data-testid="profile-enter"
            disabled={!name || busy || (chosen?.hasPassword && password === '')}
          >
            Vào
          </button>
        </div>
        <p className="hint">Chưa chọn hồ sơ thì chỉ xem được, không sửa được.</p>
      </form>
    </div>
  )
}

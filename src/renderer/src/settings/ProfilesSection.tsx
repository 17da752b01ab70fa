import { useCallback, useEffect, useState } from 'react'
import { ROLE_LABELS, ROLES, type ProfileSession, type Role } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { SESSION_CHANGED } from '../components/ProfileChooser'

/**
 * Cài đặt → Hồ sơ người dùng. Everyone sees who exists and may change their own
 * password; a quản trị adds people, changes roles and sets anyone's password.
 * The core decides (access.ts): this screen only hides what would be refused.
 */
export function ProfilesSection() {
  const [session, setSession] = useState<ProfileSession | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('officer')
  const [password, setPassword] = useState('')
  const [current, setCurrent] = useState('')
  const [own, setOwn] = useState('')
  const [resetting, setResetting] = useState<string | null>(null)
  const [resetValue, setResetValue] = useState('')

  const load = useCallback(() => {
    call('profile.list', {}).then(setSession, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  useEffect(load, [load])

  async function run(work: () => Promise<unknown>, done: string) {
    try {
      await work()
      setNotice({ kind: 'success', text: done })
      load()
      window.dispatchEvent(new Event(SESSION_CHANGED))
      return true
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
      return false
    }
  }

  if (!session) return null
  const admin = session.role === 'admin'
  const first = session.profiles.length === 0

  async function add(e: React.FormEvent) {
    e.preventDefault()
    const ok = await run(
      () => call('profile.create', { name, role, ...(password ? { password } : {}) }),
      first
        ? `Đã tạo hồ sơ quản trị «${name.trim()}»; từ nay chỉ các hồ sơ trong danh sách được sửa sổ.`
        : `Đã thêm hồ sơ «${name.trim()}».`
    )
    if (ok) {
      setName('')
      setPassword('')
    }
  }

  async function changeOwn(e: React.FormEvent) {
    e.preventDefault()
    const me = session!.selected!
    const ok = await run(
      () => call('profile.setPassword', { name: me, password: own === '' ? null : own, ...(current ? { currentPassword: current } : {}) }),
      own === '' ? 'Đã bỏ mật khẩu của bạn.' : 'Đã đổi mật khẩu của bạn.'
    )
    if (ok) {
      setOwn('')
      setCurrent('')
    }
  }

  // Electron has no window.prompt: the new password is typed in the row itself.
  async function resetPassword(e: React.FormEvent) {
    e.preventDefault()
    const who = resetting!
    const ok = await run(
      () => call('profile.setPassword', { name: who, password: resetValue === '' ? null : resetValue }),
      resetValue === '' ? `Đã bỏ mật khẩu của «${who}».` : `Đã đặt lại mật khẩu của «${who}».`
    )
    if (ok) {
      setResetting(null)
      setResetValue('')
    }
  }

  const me = session.profiles.find((p) => p.name === session.selected)
  return (
    <section className="settings-section" data-testid="profiles-section">
      <h2>Hồ sơ người dùng</h2>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      {first ? (
        <p className="hint">
          Tệp chưa có hồ sơ nào nên ai mở máy cũng sửa được. Tạo hồ sơ đầu tiên (là người quản trị) để phân quyền: quản trị, cán bộ, chỉ
          xem.
        </p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Hồ sơ</th>
              <th>Vai trò</th>
              <th>Mật khẩu</th>
              <th>Tạo ngày</th>
              {admin && <th />}
            </tr>
          </thead>
          <tbody>
            {session.profiles.map((p) => (
              <tr key={p.name} data-testid={`profile-row-${p.name}`}>
                <td>
                  {p.name}
                  {p.name === session.selected ? ' (bạn)' : ''}
                </td>
                <td>
                  {admin ? (
                    <select
                      aria-label={`Vai trò của ${p.name}`}
                      value={p.role}
                      onChange={(e) =>
                        run(
                          () => call('profile.setRole', { name: p.name, role: e.target.value as Role }),
                          `«${p.name}» giờ là ${ROLE_LABELS[e.target.value as Role].toLowerCase()}.`
                        )
                      }
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABELS[p.role]
                  )}
                </td>
                <td>{p.hasPassword ? 'có' : 'không'}</td>
                <td>{formatDate(p.createdAt)}</td>
                {admin && (
                  <td>
                    {p.name !== session.selected && resetting !== p.name && (
                      <button className="link" onClick={() => setResetting(p.name)}>
                        Đặt lại mật khẩu
                      </button>
                    )}
                    {resetting === p.name && (
                      <form className="inline-form" onSubmit={resetPassword}>
                        <input
                          type="password"
                          autoComplete="new-password"
                          aria-label={`Mật khẩu mới của ${p.name}`}
                          placeholder="trống = bỏ mật khẩu"
                          value={resetValue}
                          onChange={(e) => setResetValue(e.target.value)}
                        />
                        <button type="submit">Lưu</button>
                        <button type="button" onClick={() => setResetting(null)}>
                          Thôi
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <form className="inline-form" onSubmit={add} data-testid="profile-add">
          <label className="field">
            <span>Tên hồ sơ</span>
            <input data-testid="profile-add-name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          {!first && (
            <label className="field">
              <span>Vai trò</span>
              <select data-testid="profile-add-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>Mật khẩu (không bắt buộc)</span>
            <input
              type="password"
              autoComplete="new-password"
              data-testid="profile-add-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" data-testid="profile-add-submit" disabled={name.trim().length < 2}>
            {first ? 'Tạo hồ sơ quản trị' : 'Thêm hồ sơ'}
          </button>
        </form>
      )}
      {me && (
        <form className="inline-form" onSubmit={changeOwn}>
          {me.hasPassword && (
            <label className="field">
              <span>Mật khẩu hiện tại</span>
              <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
            </label>
          )}
          <label className="field">
            <span>Mật khẩu mới của bạn (để trống: bỏ mật khẩu)</span>
            <input type="password" autoComplete="new-password" value={own} onChange={(e) => setOwn(e.target.value)} />
          </label>
          <button type="submit">Đổi mật khẩu</button>
        </form>
      )}
    </section>
  )
}

import { useEffect, useState } from 'react'
import type { MapUnit, OfficeBodies, OfficeInfo } from '../../../shared/api'
import { LEVEL_WORD, officeRoleOf, whereWhen } from '../../../shared/contract/office'
import { call, messageOf } from '../api'

/** A commune of the old map is not an office: its register was kept by its district. */
function notAnOffice(u: MapUnit): string | null {
  return u.level === 'commune' && u.period === 'before'
    ? `Xã cũ: sổ do ${u.district?.name ?? 'huyện'} giữ — chọn huyện ấy, hoặc xã mới.`
    : null
}

/** The first start on a new file: which office this is, found by typing its name without diacritics. */
export function FirstRun({ onDone }: { onDone(info: OfficeInfo): void }) {
  const [text, setText] = useState('')
  const [found, setFound] = useState<MapUnit[]>([])
  const [chosen, setChosen] = useState<MapUnit | null>(null)
  const [bodies, setBodies] = useState<OfficeBodies | null>(null)
  const [bodyName, setBodyName] = useState<string>('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('office.bodies', {}).then(setBodies, () => setBodies(null))
  }, [])

  useEffect(() => {
    const typed = text.trim()
    if (!typed) {
      setFound([])
      return
    }
    // The latest keystroke wins: an answer to an older text is dropped.
    let current = true
    const t = setTimeout(() => {
      call('units.find', { text: typed, limit: 30 }).then(
        (units) => current && setFound(units),
        (err) => current && setError(messageOf(err))
      )
    }, 120)
    return () => {
      current = false
      clearTimeout(t)
    }
  }, [text])

  function choose(u: MapUnit) {
    setChosen(u)
    setError(null)
    if (u.level === 'commune' && bodies) setBodyName(/^Xã /.test(u.name) ? bodies.names[0]! : (bodies.names[1] ?? bodies.names[0]!))
  }

  async function start() {
    if (!chosen) return
    setBusy(true)
    setError(null)
    try {
      onDone(await call('office.setup', { unitCode: chosen.key, ...(chosen.level === 'commune' ? { bodyName: bodyName || null } : {}) }))
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <div className="first-run">
      <div className="card wide">
        <h1>Chào mừng đến với Sổ HTX</h1>
        <p>
          Trước khi bắt đầu, hãy chọn cơ quan này là đơn vị nào: một xã, phường, đặc khu (cơ quan đăng ký cấp xã từ 01/07/2025), một tỉnh
          (Sở Tài chính), hay một huyện cũ có sổ cần giữ và bàn giao. Lựa chọn ghi vào tệp dữ liệu và in trên các báo cáo.
        </p>
        <label className="field">
          <span>Tìm đơn vị theo tên hoặc mã (gõ không dấu cũng được)</span>
          <input
            data-testid="unit-search"
            autoFocus
            value={text}
            placeholder="ví dụ: dong kinh, than uyen, 20"
            onChange={(e) => {
              setText(e.target.value)
              setChosen(null)
            }}
          />
        </label>
        {found.length > 0 && (
          <ul className="unit-results" data-testid="unit-results" role="listbox">
            {found.map((u) => {
              const why = notAnOffice(u)
              return (
                <li key={u.key}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={chosen?.key === u.key}
                    className={chosen?.key === u.key ? 'selected' : ''}
                    data-testid={`unit-${u.key}`}
                    disabled={why !== null}
                    title={why ?? undefined}
                    onClick={() => choose(u)}
                  >
                    <b>{u.name}</b>{' '}
                    <span className="muted">
                      ({LEVEL_WORD[u.level]}, mã {u.code})
                    </span>
                    <br />
                    <small className="muted">{why ?? whereWhen(u)}</small>
                  </button>
                </li>
              )
            })}
          </ul>
        )}
        {text.trim() && found.length === 0 && <p className="hint">Không thấy đơn vị nào khớp «{text.trim()}».</p>}
        {chosen && (
          <div className="chosen" data-testid="unit-chosen">
            <p>
              <b>{chosen.name}</b> — {whereWhen(chosen)}
            </p>
            <p className="hint" data-testid="unit-role">
              {officeRoleOf(chosen.level, chosen.period)}
            </p>
            {chosen.level === 'commune' && bodies && (
              <label className="field">
                <span>Tên cơ quan in dưới «UBND {chosen.name.toLocaleUpperCase('vi')}»</span>
                <select data-testid="body-select" value={bodyName} onChange={(e) => setBodyName(e.target.value)}>
                  {bodies.names.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                  <option value="">Không có phòng riêng (UBND xã là cơ quan đăng ký)</option>
                </select>
                <small className="muted">{bodies.source}</small>
              </label>
            )}
          </div>
        )}
        {error && (
          <p className="error" data-testid="first-run-error">
            {error}
          </p>
        )}
        <button className="primary" data-testid="start" disabled={!chosen || busy} onClick={start}>
          Bắt đầu sử dụng
        </button>
      </div>
    </div>
  )
}

/**
 * "Trùng giữa các huyện" (province): each cooperative found in two districts'
 * snapshots, the district whose record the province's numbers count now, and the
 * province's choice of the managing district ("Chọn huyện quản lý") with a note.
 * The rule itself (newest package until decided) lives in the core.
 */
import { useState } from 'react'
import { FIELD_LABELS, type Conflict } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import type { Notice } from '../components/Banner'
import { localTime } from './time'

interface Props {
  conflicts: Conflict[]
  /** District code → name. */
  names: Map<string, string>
  onNotice(notice: Notice): void
  /** Reload the list (and whatever shows counts) after a decision. */
  onResolved(): void
}

export function Conflicts({ conflicts, names, onNotice, onResolved }: Props) {
  return (
    <div className="settings-section">
      <h2>Trùng giữa các huyện</h2>
      {conflicts.length === 0 ? (
        <p className="hint">Không có HTX nào xuất hiện ở hai huyện.</p>
      ) : (
        <>
          <p className="hint">
            Cùng mã số HTX (hoặc THT cùng tên, cùng xã) có trong số liệu của hai huyện — thường do chuyển trụ sở. Số liệu không tự gộp và
            không tính hai lần: mỗi HTX chỉ được tính ở một huyện — huyện quản lý do tỉnh chọn, hoặc khi chưa chọn, huyện có gói gửi gần
            nhất. Quyết định được giữ khi các huyện gửi lại gói.
          </p>
          <table className="list" data-testid="conflicts">
            <thead>
              <tr>
                <th>Mã số / khóa</th>
                <th>Tên</th>
                <th>Các huyện</th>
                <th>Hai bản khác nhau ở</th>
                <th>Tình trạng</th>
                <th>Chọn huyện quản lý</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <ConflictRow
                  key={`${c.key}|${c.countedUnit}|${c.decision?.at ?? ''}`}
                  conflict={c}
                  names={names}
                  onNotice={onNotice}
                  onResolved={onResolved}
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}

/** A compared field's value as a person reads it: dates dd/mm/yyyy, money 1.234.567, blank said. */
function shown(field: string, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '(trống)'
  if (field === 'registrationDate') return formatDate(String(v))
  if (typeof v === 'number') return formatNumber(v)
  return String(v)
}

/** What differs between the districts' copies, field by field, each value with its district. */
function Differences({ conflict: c, name }: { conflict: Conflict; name(u: string): string }) {
  if (!c.copies || !c.differs) return null
  if (c.differs.length === 0) return <span className="muted">Giống nhau ở tên, địa chỉ, người đại diện, ngày đăng ký, vốn</span>
  return (
    <ul className="conflict-diff" data-testid="conflict-diff">
      {c.differs.map((f) => (
        <li key={f}>
          <b>{FIELD_LABELS[f] ?? f}</b>:{' '}
          {c.copies!.map((copy, i) => (
            <span key={`${copy.unit}-${i}`}>
              {i > 0 && ' ≠ '}
              {shown(f, copy.fields[f])} <span className="muted">({name(copy.unit)})</span>
            </span>
          ))}
        </li>
      ))}
    </ul>
  )
}

function ConflictRow({ conflict: c, names, onNotice, onResolved }: { conflict: Conflict } & Omit<Props, 'conflicts'>) {
  const [owner, setOwner] = useState(c.countedUnit)
  const [note, setNote] = useState(c.decision?.note ?? '')
  const [busy, setBusy] = useState(false)
  const name = (u: string) => names.get(u) ?? u
  const what = c.key.startsWith('reg:') ? `HTX mã số ${c.key.slice(4)}` : `THT «${c.names[0] ?? ''}»`
  const unchanged = c.resolved && owner === c.countedUnit && note.trim() === (c.decision?.note ?? '')

  async function save() {
    setBusy(true)
    try {
      const r = await call('handoff.resolveConflict', { conflictKey: c.key, ownerUnit: owner, note: note.trim() || null })
      onNotice({
        kind: 'success',
        text: `Đã ghi: ${what} do ${name(r.countedUnit)} quản lý và chỉ được tính ở huyện này trong báo cáo của tỉnh.`
      })
      onResolved()
    } catch (err) {
      onNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <tr data-testid={`conflict-${c.key}`}>
      <td>{c.key.startsWith('reg:') ? c.key.slice(4) : 'THT (cùng tên, cùng xã)'}</td>
      <td>{c.names.join('; ')}</td>
      <td>{c.units.map(name).join(', ')}</td>
      <td>
        <Differences conflict={c} name={name} />
      </td>
      <td data-testid="conflict-state">
        {c.resolved ? (
          <>
            Đã quyết định: tính ở {name(c.countedUnit)}
            <span className="hint">
              {' '}
              ({c.decision!.by}, {localTime(c.decision!.at)}
              {c.decision!.note ? ` — ${c.decision!.note}` : ''})
            </span>
          </>
        ) : (
          <>
            Đang tính ở {name(c.countedUnit)}
            <span className="hint">
              {' '}
              (huyện gửi gói gần nhất; chưa quyết định
              {c.decision ? `; quyết định trước chọn ${name(c.decision.owner)}, huyện này không còn trùng` : ''})
            </span>
          </>
        )}
      </td>
      <td>
        <div className="inline-form">
          <select
            data-testid="conflict-owner"
            aria-label="Huyện quản lý"
            value={owner}
            disabled={busy}
            onChange={(e) => setOwner(e.target.value)}
          >
            {c.units.map((u) => (
              <option key={u} value={u}>
                {name(u)}
              </option>
            ))}
          </select>
          <input
            data-testid="conflict-note"
            aria-label="Ghi chú"
            placeholder="Ghi chú (ví dụ: số văn bản, ngày chuyển trụ sở)"
            maxLength={1000}
            value={note}
            disabled={busy}
            onChange={(e) => setNote(e.target.value)}
          />
          <button className="primary" data-testid="conflict-save" disabled={busy || unchanged} onClick={() => void save()}>
            {c.resolved ? 'Đổi huyện quản lý' : 'Chọn huyện quản lý'}
          </button>
        </div>
      </td>
    </tr>
  )
}

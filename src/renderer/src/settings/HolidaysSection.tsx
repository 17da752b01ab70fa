/**
 * Cài đặt → Ngày nghỉ lễ: the announced changes on top of the built-in calendar
 * (resources/holidays): an extra day off, a listed holiday that is not one this year,
 * a weekend day worked in a swap. Deadlines of dissolution steps count working days
 * with these at once (dissolution.calendar / dissolution.setCalendar).
 */
import { useEffect, useState } from 'react'
import type { CalendarOverrides } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import '../dissolution/dissolution.css'
import { parseDateCell } from '../grid/columns'

const LISTS: Array<{ key: keyof CalendarOverrides; title: string; hint: string }> = [
  { key: 'add', title: 'Ngày nghỉ thêm', hint: 'Ngày nghỉ bù, nghỉ hoán đổi được thông báo' },
  { key: 'remove', title: 'Bỏ ngày nghỉ', hint: 'Ngày trong lịch có sẵn nhưng năm nay không nghỉ' },
  { key: 'workingWeekends', title: 'Thứ Bảy, Chủ nhật đi làm', hint: 'Ngày làm bù cho ngày nghỉ hoán đổi' }
]

export function HolidaysSection() {
  const [saved, setSaved] = useState<CalendarOverrides | null>(null)
  const [draft, setDraft] = useState<CalendarOverrides | null>(null)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<Notice | null>(null)

  useEffect(() => {
    call('dissolution.calendar', {}).then(
      (c) => (setSaved(c), setDraft(c)),
      (err) => setNotice({ kind: 'error', text: messageOf(err) })
    )
  }, [])

  function add(key: keyof CalendarOverrides) {
    const text = typed[key] ?? ''
    const iso = parseDateCell(text)
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      setNotice({ kind: 'error', text: `«${text}» không phải là ngày: gõ ngày/tháng/năm, ví dụ 02/05/2025.` })
      return
    }
    setNotice(null)
    setDraft((d) => d && { ...d, [key]: [...new Set([...d[key], iso])].sort() })
    setTyped((t) => ({ ...t, [key]: '' }))
  }

  async function save() {
    if (!draft) return
    try {
      const c = await call('dissolution.setCalendar', draft)
      setSaved(c)
      setDraft(c)
      setNotice({ kind: 'success', text: 'Đã lưu ngày nghỉ lễ; hạn của các bước giải thể được tính lại theo lịch mới.' })
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  const changed = JSON.stringify(saved) !== JSON.stringify(draft)
  return (
    <section className="settings-section" data-testid="holidays">
      <h2>Ngày nghỉ lễ (tính hạn các bước giải thể)</h2>
      <p className="hint">
        Lịch có sẵn gồm Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh và ngày nghỉ bù từ 2012 đến 2030. Ghi ở đây
        những thay đổi được công bố hằng năm.
      </p>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      {draft && (
        <div className="diss-holidays">
          {LISTS.map((l) => (
            <div key={l.key} data-testid={`holidays-${l.key}`}>
              <strong>{l.title}</strong>
              <div className="hint">{l.hint}</div>
              <ul>
                {draft[l.key].length === 0 && <li className="muted">Không có</li>}
                {draft[l.key].map((d) => (
                  <li key={d}>
                    {formatDate(d)}
                    <button
                      className="banner-close"
                      aria-label={`Bỏ ${formatDate(d)}`}
                      onClick={() => setDraft({ ...draft, [l.key]: draft[l.key].filter((x) => x !== d) })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <span className="diss-agm">
                <input
                  value={typed[l.key] ?? ''}
                  onChange={(e) => setTyped({ ...typed, [l.key]: e.target.value })}
                  onKeyDown={(e) => e.key === 'Enter' && add(l.key)}
                  placeholder="dd/mm/yyyy"
                  aria-label={l.title}
                  data-testid={`holiday-input-${l.key}`}
                />
                <button onClick={() => add(l.key)} data-testid={`holiday-add-${l.key}`}>
                  Thêm
                </button>
              </span>
            </div>
          ))}
        </div>
      )}
      <div className="actions">
        <button className="primary" disabled={!changed} onClick={() => void save()} data-testid="holidays-save">
          Lưu ngày nghỉ lễ
        </button>
      </div>
    </section>
  )
}

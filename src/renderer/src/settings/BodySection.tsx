/**
 * Cài đặt → Tên cơ quan (a commune office): the body printed under «UBND XÃ …» on its letterheads,
 * reports and drafts — one of the names offered (resources/admin-units/office-bodies.json, with its
 * source) or none, the UBND xã itself being the registration office (NĐ 295/2026/NĐ-CP, Điều 5).
 */
import { useEffect, useState } from 'react'
import type { OfficeBodies, OfficeInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { SESSION_CHANGED } from '../components/ProfileChooser'

export function BodySection({ office }: { office: OfficeInfo }) {
  const [bodies, setBodies] = useState<OfficeBodies | null>(null)
  const [value, setValue] = useState(office.bodyName ?? '')
  const [notice, setNotice] = useState<Notice | null>(null)

  useEffect(() => {
    call('office.bodies', {}).then(setBodies, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])

  async function save() {
    setNotice(null)
    try {
      const info = await call('office.setBody', { bodyName: value || null })
      setNotice({ kind: 'success', text: `Đã lưu. Văn bản từ nay ghi: ${info.officeName}.` })
      // The status bar and every screen read the office again.
      window.dispatchEvent(new Event(SESSION_CHANGED))
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  const names = bodies?.names ?? []
  const offered = office.bodyName && !names.includes(office.bodyName) ? [office.bodyName, ...names] : names
  return (
    <section className="settings-section" data-testid="body-section">
      <h2>Tên cơ quan trên văn bản</h2>
      <label className="field">
        <span>In dưới «UBND {office.unit?.name.toLocaleUpperCase('vi')}»</span>
        <select data-testid="body-setting" value={value} onChange={(e) => setValue(e.target.value)}>
          {offered.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          <option value="">Không có phòng riêng (UBND xã là cơ quan đăng ký)</option>
        </select>
      </label>
      {bodies && <p className="hint">{bodies.source}</p>}
      <button data-testid="body-save" disabled={value === (office.bodyName ?? '')} onClick={save}>
        Lưu tên cơ quan
      </button>
      {notice && <Banner notice={notice} onClose={() => setNotice(null)} />}
    </section>
  )
}

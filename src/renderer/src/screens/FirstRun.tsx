import { useEffect, useState } from 'react'
import type { AdminUnit, OfficeInfo } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'

/** The first start on a new file: which province or district this office is. */
export function FirstRun({ onDone }: { onDone(info: OfficeInfo): void }) {
  const [units, setUnits] = useState<AdminUnit[]>([])
  const [unitCode, setUnitCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call('units.list', {}).then(
      (all) => setUnits(all.filter((u) => u.level !== 'commune')),
      (err) => setError(messageOf(err))
    )
  }, [])

  async function start() {
    setBusy(true)
    setError(null)
    try {
      onDone(await call('office.setup', { unitCode }))
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <div className="first-run">
      <div className="card">
        <h1>Chào mừng đến với Sổ HTX</h1>
        <p>Trước khi bắt đầu, hãy chọn đơn vị hành chính của cơ quan. Lựa chọn này ghi vào tệp dữ liệu và in trên các báo cáo.</p>
        <label className="field">
          <span>Đơn vị hành chính</span>
          <select data-testid="unit-select" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            <option value="">— Chọn tỉnh hoặc huyện —</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.code} — {u.name}
                {u.validTo ? ` (cấp huyện, hoạt động đến ${formatDate(u.validTo)})` : ''}
              </option>
            ))}
          </select>
        </label>
        {units.some((u) => u.validTo) && (
          <p className="hint" data-testid="unit-valid-to-note">
            «Hoạt động đến 30/06/2025»: cấp huyện chấm dứt hoạt động từ 01/07/2025 (Nghị quyết 76/2025/UBTVQH15). Phòng của huyện cũ vẫn
            chọn đúng huyện mình để giữ sổ và số liệu trước ngày đó; mã huyện cũ vẫn dùng để tra cứu và báo cáo lịch sử.
          </p>
        )}
        {error && <p className="error">{error}</p>}
        <button className="primary" data-testid="start" disabled={!unitCode || busy} onClick={start}>
          Bắt đầu sử dụng
        </button>
      </div>
    </div>
  )
}

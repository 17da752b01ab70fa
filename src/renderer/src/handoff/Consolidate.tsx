/**
 * "Tổng hợp các huyện" (province): check the packages brought on USB sticks,
 * consolidate them (each replaces its district's snapshot), see which district
 * sent what and when, the cooperatives claimed by two districts (and which district
 * counts each: Conflicts.tsx), and export the province's own package.
 */
import { useCallback, useEffect, useState } from 'react'
import { closedChangeText, gsoCode, type Conflict, type DistrictSnapshot, type PackageReport } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { downloadBase64, readAsBase64, type Picked } from '../files'
import { Conflicts } from './Conflicts'
import { localTime, todayVi } from './time'
import { FilePicker } from '../components/FilePicker'

const SIGNATURE: Record<PackageReport['signature'], string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  unsigned: 'Không có chữ ký',
  'unknown-key': 'Khóa chưa tin cậy'
}

export function Consolidate({ onChanged }: { onChanged?: () => void }) {
  const [picked, setPicked] = useState<Picked[]>([])
  const [reports, setReports] = useState<PackageReport[]>([])
  const [trustNew, setTrustNew] = useState(false)
  const [overWrongDate, setOverWrongDate] = useState(false)
  const [districts, setDistricts] = useState<DistrictSnapshot[]>([])
  const [conflicts, setConflicts] = useState<Conflict[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  // A new key empties the file input once its packages are consolidated.
  const [inputKey, setInputKey] = useState(0)

  const load = useCallback(() => {
    call('handoff.districts', {}).then(setDistricts, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
    call('handoff.conflicts', {}).then(setConflicts, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  useEffect(load, [load])

  async function choose(files: FileList | null) {
    if (!files || files.length === 0) return
    setBusy(true)
    setNotice(null)
    try {
      const chosen = await Promise.all([...files].map(readAsBase64))
      setPicked(chosen)
      setReports(await Promise.all(chosen.map((f) => call('handoff.verify', { file: f }))))
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function consolidate() {
    setBusy(true)
    try {
      const r = await call('handoff.consolidate', {
        files: picked,
        ...(trustNew ? { trustNewKeys: true } : {}),
        ...(overWrongDate ? { replaceWrongDate: true } : {})
      })
      const parts = [`Đã tổng hợp ${r.accepted.length} gói`]
      if (r.skipped.length) parts.push(`bỏ qua ${r.skipped.length} (${r.skipped.map((s) => `${s.file}: ${s.reason}`).join('; ')})`)
      if (r.rejected.length) parts.push(`từ chối ${r.rejected.length} (${r.rejected.map((s) => `${s.file}: ${s.reason}`).join('; ')})`)
      setNotice({ kind: r.rejected.length ? 'warning' : 'success', text: parts.join(', ') + '.' })
      setPicked([])
      setReports([])
      setTrustNew(false)
      setInputKey((k) => k + 1)
      load()
      onChanged?.()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function exportProvince() {
    setBusy(true)
    try {
      const p = await call('handoff.export', {})
      downloadBase64(p.name, p.base64)
      setNotice({
        kind: 'success',
        text: `Đã xuất gói của tỉnh ${p.name}: ${formatNumber(p.counts.entities)} bản ghi của các huyện, đến ngày ${formatDate(p.asOf)}.`
      })
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  const unknownKey = reports.some((r) => r.code === 'UNKNOWN_KEY')
  // «Older» than the package in place: the core accepts it over that one only when that one is dated in the future.
  const older = reports.some((r) => r.code === 'OLDER')
  const usable = reports.some((r) => r.ok || r.code === 'UNKNOWN_KEY' || (overWrongDate && r.code === 'OLDER'))
  const names = new Map(districts.map((d) => [d.code, d.name]))

  return (
    <section className="page">
      <h1>Tổng hợp các huyện</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="settings-section">
        <h2>Nhận gói dữ liệu của huyện</h2>
        <div className="inline-form">
          <label className="field">
            <span>Chọn một hay nhiều gói .xlsx</span>
            <FilePicker key={inputKey} accept=".xlsx" multiple testId="package-files" disabled={busy} onFiles={(files) => choose(files)} />
          </label>
        </div>
        {reports.length > 0 && (
          <table className="list" data-testid="package-reports">
            <thead>
              <tr>
                <th>Tệp</th>
                <th>Đơn vị</th>
                <th>Xuất lúc</th>
                <th>Số liệu đến</th>
                <th>Số bản ghi</th>
                <th>Chữ ký</th>
                <th>Kiểm tra</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.file} className={r.ok ? '' : 'error'}>
                  <td>{r.file}</td>
                  <td>{r.unit ? `${r.unit} — ${r.unitName ?? ''}` : ''}</td>
                  <td>{localTime(r.exportedAt)}</td>
                  <td>{formatDate(r.asOf)}</td>
                  <td>{r.counts.entities !== undefined ? formatNumber(r.counts.entities) : ''}</td>
                  <td>
                    {SIGNATURE[r.signature]}
                    {r.keyFingerprint ? ` (${r.keyFingerprint})` : ''}
                  </td>
                  <td>
                    {r.ok ? (r.alreadyConsolidated ? 'Đạt — đã tổng hợp gói này rồi' : 'Đạt') : r.problems.map((p) => p.message).join(' ')}
                    {(r.closedChanges?.length ?? 0) > 0 && (
                      <details open data-testid={`closed-changes-${r.file}`}>
                        <summary>Số liệu đã chốt bị sửa từ gói trước: {formatNumber(r.closedChanges!.length)}</summary>
                        <ul>
                          {r.closedChanges!.map((c, i) => (
                            <li key={i}>{closedChangeText(c, localTime, formatDate)}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {unknownKey && (
          <label className="inline-form">
            <input type="checkbox" data-testid="trust-new-keys" checked={trustNew} onChange={(e) => setTrustNew(e.target.checked)} />
            <span>Tôi đã gọi điện đối chiếu dấu vân tay với huyện: tin cậy khóa mới (khóa sẽ được ghi nhận cho huyện đó).</span>
          </label>
        )}
        {older && (
          <label className="inline-form">
            <input
              type="checkbox"
              data-testid="replace-wrong-date"
              checked={overWrongDate}
              onChange={(e) => setOverWrongDate(e.target.checked)}
            />
            <span>
              Gói đã tổng hợp của huyện ghi ngày ở tương lai (đồng hồ máy huyện sai) và tôi đã xác nhận gói này mới hơn: nhận thay gói sai
              ngày (được ghi nhật ký).
            </span>
          </label>
        )}
        {reports.length > 0 && (
          <div className="inline-form">
            <button className="primary" data-testid="consolidate" disabled={busy || !usable} onClick={consolidate}>
              Tổng hợp
            </button>
            <span className="hint">
              Mỗi gói hợp lệ thay toàn bộ số liệu cũ của huyện đó; gói cũ hơn hoặc trùng được bỏ qua. Một bản sao lưu được ghi trước.
            </span>
          </div>
        )}
      </div>

      <div className="settings-section">
        <h2>Các đơn vị gửi số liệu</h2>
        <p className="hint">Theo bản đồ hành chính: các đơn vị phải gửi tính đến hôm nay, rồi các huyện cũ mà tỉnh giữ số liệu lịch sử.</p>
        <table className="list" data-testid="districts">
          <thead>
            <tr>
              <th>Mã</th>
              <th>Đơn vị</th>
              <th>Gói xuất lúc</th>
              <th>Số liệu đến</th>
              <th>Tổng hợp lúc</th>
              <th>Số bản ghi</th>
              <th>Khóa tin cậy</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.code} data-testid={`district-${d.code}`}>
                <td>{gsoCode(d.code)}</td>
                <td>{d.name}</td>
                <td>{d.exportedAt ? localTime(d.exportedAt) : 'chưa gửi'}</td>
                <td>{formatDate(d.asOf)}</td>
                <td>{localTime(d.consolidatedAt)}</td>
                <td>{formatNumber(d.entities)}</td>
                <td>{d.trustedKey ?? 'chưa có'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Conflicts
        conflicts={conflicts}
        names={names}
        onNotice={setNotice}
        onResolved={() => {
          load()
          onChanged?.()
        }}
      />

      <div className="settings-section">
        <h2>Gói của tỉnh</h2>
        <p className="hint">Cùng định dạng, đơn vị là tỉnh, gồm số liệu đã tổng hợp của các huyện (tính đến hôm nay, {todayVi()}).</p>
        <div className="inline-form">
          <button data-testid="province-export" disabled={busy} onClick={exportProvince}>
            Xuất gói của tỉnh
          </button>
        </div>
      </div>
    </section>
  )
}

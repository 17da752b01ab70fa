/**
 * "Gửi tỉnh": one signed .xlsx with everything the office holds, as of a date,
 * to carry to the province; the province's reply (status of the last sending, its
 * remarks to answer); the key's fingerprint to read over the phone; what was sent before.
 */
import { useCallback, useEffect, useState } from 'react'
import type { KeyInfo, PackageExport } from '../../../shared/api'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { downloadBase64 } from '../files'
import { ProvinceReply } from './ProvinceReply'
import { SavePublicKey } from './SavePublicKey'
import { localTime, todayVi } from './time'

export function SendToProvince() {
  const [asOf, setAsOf] = useState(todayVi())
  const [key, setKey] = useState<KeyInfo | null>(null)
  const [history, setHistory] = useState<PackageExport[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    call('handoff.key', {}).then(setKey, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
    call('handoff.exportHistory', {}).then(setHistory, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  useEffect(load, [load])

  async function exportPackage() {
    const iso = parseViDate(asOf)
    if (!iso) return setNotice({ kind: 'error', text: `Ngày «${asOf}» không hợp lệ: gõ ngày/tháng/năm, ví dụ 30/06/2024.` })
    setBusy(true)
    try {
      const p = await call('handoff.export', { asOf: iso })
      downloadBase64(p.name, p.base64)
      setNotice({
        kind: 'success',
        text: `Đã xuất ${p.name}: ${formatNumber(p.counts.entities)} bản ghi, số liệu đến ${formatDate(p.asOf)}. Chép tệp này sang USB gửi tỉnh; không mở và lưu lại bằng Excel trước khi gửi.`
      })
      load()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <h1>Gửi tỉnh</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="settings-section">
        <h2>Gói dữ liệu gửi tỉnh</h2>
        <p className="hint">
          Một tệp Excel: các trang để đọc (tổng hợp, danh sách, số liệu năm, hồ sơ giải thể), các trang dữ liệu đầy đủ cho máy và phần kê
          khai có chữ ký của phòng. Tỉnh kiểm tra chữ ký: tệp bị sửa sau khi xuất sẽ bị từ chối.
        </p>
        <div className="inline-form">
          <label className="field">
            <span>Số liệu tính đến ngày</span>
            <input data-testid="package-as-of" size={12} value={asOf} onChange={(e) => setAsOf(e.target.value)} placeholder="dd/mm/yyyy" />
          </label>
          <button className="primary" data-testid="package-export" disabled={busy} onClick={exportPackage}>
            {busy ? 'Đang xuất…' : 'Xuất gói gửi tỉnh'}
          </button>
        </div>
      </div>
      <ProvinceReply refresh={history.length} />
      <div className="settings-section">
        <h2>Khóa ký của phòng</h2>
        <p>
          Dấu vân tay:{' '}
          <strong className="fingerprint" data-testid="own-fingerprint">
            {key?.fingerprint ?? '…'}
          </strong>
        </p>
        <p className="hint">
          Lần đầu gửi, hãy gửi kèm tệp khóa công khai và đọc dấu vân tay này qua điện thoại cho cán bộ của tỉnh để đối chiếu.
        </p>
        <div className="inline-form">
          <SavePublicKey testId="key-save" onError={(text) => setNotice({ kind: 'error', text })} />
        </div>
      </div>
      <div className="settings-section">
        <h2>Các lần đã xuất</h2>
        {history.length === 0 ? (
          <p className="hint">Chưa xuất gói nào.</p>
        ) : (
          <table className="list" data-testid="export-history">
            <thead>
              <tr>
                <th>Thời điểm</th>
                <th>Tệp</th>
                <th>Số liệu đến</th>
                <th>Số bản ghi</th>
                <th>Người xuất</th>
                <th>Mã băm</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{localTime(h.at)}</td>
                  <td>{h.fileName}</td>
                  <td>{formatDate(h.asOf)}</td>
                  <td>{formatNumber(h.counts.entities ?? 0)}</td>
                  <td>{h.user}</td>
                  <td title={h.contentHash}>
                    <code>{h.contentHash.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

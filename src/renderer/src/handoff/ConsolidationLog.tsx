/** "Nhật ký tổng hợp" (province): every package the province was given, with its hash, time and outcome. */
import { useEffect, useState } from 'react'
import type { ConsolidationEntry } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { localTime } from './time'

const OUTCOMES: Record<ConsolidationEntry['outcome'], string> = { accepted: 'Đã tổng hợp', skipped: 'Bỏ qua', rejected: 'Từ chối' }

export function ConsolidationLog() {
  const [rows, setRows] = useState<ConsolidationEntry[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    call('handoff.consolidationLog', {}).then(setRows, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  return (
    <section className="page">
      <h1>Nhật ký tổng hợp</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      {rows && rows.length === 0 && <p className="hint">Chưa tổng hợp gói nào.</p>}
      {rows && rows.length > 0 && (
        <div className="settings-section">
          <table className="list" data-testid="consolidation-log">
            <thead>
              <tr>
                <th>Lúc</th>
                <th>Người làm</th>
                <th>Tệp</th>
                <th>Đơn vị</th>
                <th>Gói xuất lúc</th>
                <th>Số liệu đến</th>
                <th>Kết quả</th>
                <th>Mã băm</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{localTime(r.at)}</td>
                  <td>{r.user}</td>
                  <td>{r.file}</td>
                  <td>{r.unit ?? ''}</td>
                  <td>{localTime(r.exportedAt)}</td>
                  <td>{formatDate(r.asOf)}</td>
                  <td title={r.reason ?? ''}>
                    {OUTCOMES[r.outcome]}
                    {r.code ? ` (${r.code})` : ''}
                    {r.reason ? ` — ${r.reason}` : ''}
                  </td>
                  <td title={r.contentHash ?? ''}>
                    <code>{r.contentHash?.slice(0, 12) ?? ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

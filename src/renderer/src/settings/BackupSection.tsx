import { vnDateTime } from '../../../shared/clock'
import { useCallback, useEffect, useState } from 'react'
import type { BackupInfo } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { SESSION_CHANGED } from '../components/ProfileChooser'

const REASONS: Record<string, string> = {
  manual: 'Sao lưu tay',
  daily: 'Hằng ngày',
  monthly: 'Hằng tháng',
  migration: 'Trước khi nâng cấp cấu trúc',
  import: 'Trước khi nhập tệp',
  consolidation: 'Trước khi tổng hợp gói',
  finalisation: 'Trước khi hoàn tất giải thể',
  restore: 'Trước khi khôi phục'
}

/** When a backup was taken, on the office's clock: dd/mm/yyyy hh:mm. */
const when = vnDateTime

/**
 * Cài đặt → Sao lưu: a copy now (into backups/ beside the file, or into a folder
 * typed here, e.g. a USB stick), the copies of a folder, and putting one back.
 * The core verifies the copy, backs up the current file first and reopens on
 * the restored one (backup.restore); this screen asks once before doing it.
 */
export function BackupSection() {
  const [folder, setFolder] = useState('')
  const [shown, setShown] = useState<string | null>(null)
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState<string | null>(null)

  const load = useCallback((where: string | null) => {
    call('backup.list', where ? { folder: where } : {}).then(
      (rows) => {
        setBackups(rows)
        setShown(where)
      },
      (err) => setNotice({ kind: 'error', text: messageOf(err) })
    )
  }, [])
  useEffect(() => load(null), [load])

  const target = folder.trim() || null

  async function backupNow() {
    setBusy(true)
    try {
      const r = await call('backup.create', target ? { folder: target } : {})
      setNotice({ kind: 'success', text: `Đã sao lưu và kiểm tra: ${r.file} (${formatNumber(r.size)} byte).` })
      load(target)
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function restore(file: string) {
    setBusy(true)
    setConfirming(null)
    try {
      const info = await call('backup.restore', { file })
      setNotice({
        kind: 'success',
        text: `Đã khôi phục ${file}. Sổ hiện có ${formatNumber(info.counts.entities)} bản ghi; dữ liệu trước khi khôi phục được giữ trong một bản sao lưu.`
      })
      load(shown)
      window.dispatchEvent(new Event(SESSION_CHANGED))
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="settings-section" data-testid="backup-section">
      <h2>Sao lưu</h2>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="inline-form">
        <label className="field">
          <span>Thư mục (để trống: thư mục backups cạnh tệp dữ liệu; ví dụ ổ USB E:\SaoLuu)</span>
          <input data-testid="backup-folder" size={48} value={folder} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button className="primary" data-testid="backup-now" disabled={busy} onClick={backupNow}>
          Sao lưu ngay
        </button>
        <button data-testid="backup-show" disabled={busy} onClick={() => load(target)}>
          Xem các bản trong thư mục này
        </button>
      </div>
      <p className="hint">
        Đang xem: {shown ?? 'thư mục backups cạnh tệp dữ liệu'} —{' '}
        {backups ? `${formatNumber(backups.length)} bản của đơn vị này, mới nhất trước` : '…'} (Bản sao lưu của đơn vị khác trong cùng thư
        mục không hiện và không khôi phục vào sổ này được.)
      </p>
      {backups && backups.length > 0 && (
        <table className="list" data-testid="backup-list">
          <thead>
            <tr>
              <th>Thời điểm</th>
              <th>Lý do</th>
              <th>Đơn vị</th>
              <th>Dung lượng</th>
              <th>SHA-256</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file} title={b.file}>
                <td>{when(b.at)}</td>
                <td>{REASONS[b.reason] ?? b.reason}</td>
                <td>{b.unitCode ? `${b.unitName ?? ''} (${b.unitCode})` : 'chưa chọn đơn vị'}</td>
                <td>{formatNumber(Math.ceil(b.size / 1024))} KB</td>
                <td>
                  <code>{b.sha256.slice(0, 12)}</code>
                </td>
                <td>
                  {confirming === b.file ? (
                    <span className="inline-form">
                      <span>Thay dữ liệu hiện tại bằng bản này? (Dữ liệu hiện tại được sao lưu trước.)</span>
                      <button className="primary" data-testid="restore-confirm" disabled={busy} onClick={() => restore(b.file)}>
                        Khôi phục
                      </button>
                      <button onClick={() => setConfirming(null)}>Thôi</button>
                    </span>
                  ) : (
                    <button data-testid="restore" disabled={busy} onClick={() => setConfirming(b.file)}>
                      Khôi phục…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

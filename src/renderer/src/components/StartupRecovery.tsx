import { vnDateTime } from '../../../shared/clock'
import { useState } from 'react'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'

export interface StartupProblem {
  message: string
  path: string
  backup: { file: string; at: string; reason: string; size: number; sha256: string }
}

/** When the copy was taken, on the office's clock: dd/mm/yyyy lúc hh:mm. */
function when(iso: string): string {
  return vnDateTime(iso).replace(' ', ' lúc ')
}

/**
 * Shown instead of the app when the office's file did not open at start-up
 * (src/main/startup.ts): what is wrong, and the newest good backup to use
 * instead. The damaged file is kept, renamed, not deleted.
 */
export function StartupRecovery({ problem, onRecovered }: { problem: StartupProblem; onRecovered(): void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function recover() {
    setBusy(true)
    setError(null)
    try {
      await call('backup.recoverAtStart', {})
      onRecovered()
    } catch (err) {
      setError(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <div className="first-run">
      <div className="card" data-testid="startup-recovery">
        <h1>Tệp dữ liệu không mở được</h1>
        <p role="alert">{problem.message}</p>
        <p>
          Bản sao lưu tốt gần nhất ghi ngày {when(problem.backup.at)} ({formatNumber(Math.ceil(problem.backup.size / 1024))} KB), đã kiểm
          tra toàn vẹn. Những thay đổi sau thời điểm đó sẽ không có trong bản này.
        </p>
        <p className="hint">
          Tệp hỏng không bị xóa: nó được đổi tên và giữ lại cạnh tệp dữ liệu ({problem.path}) để người quản trị xem lại.
        </p>
        {error && <p className="error">{error}</p>}
        <button className="primary" data-testid="startup-recover" disabled={busy} onClick={recover}>
          Dùng bản sao lưu này
        </button>
      </div>
    </div>
  )
}

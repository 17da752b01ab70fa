/** Every dissolution case, open first; a row opens the case. */
import { useEffect, useState } from 'react'
import type { CaseSummary } from '../../../shared/api'
import { compareVi, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { fromIso } from './ui'

export const CASE_STATE_LABELS: Record<string, string> = { open: 'Đang xử lý', finalised: 'Đã giải thể', cancelled: 'Đã hủy' }
const ORDER = ['open', 'finalised', 'cancelled']

export function CaseList({ onOpen }: { onOpen(caseId: number): void }) {
  const [list, setList] = useState<CaseSummary[] | null>(null)
  const [state, setState] = useState<'' | 'open' | 'finalised' | 'cancelled'>('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('dissolution.list', state ? { state } : {}).then(
      (rows) => setList([...rows].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || compareVi(a.entityName, b.entityName))),
      (err) => setError(messageOf(err))
    )
  }, [state])

  return (
    <div className="diss-scroll" data-testid="case-list">
      <label className="diss-inline">
        Trạng thái{' '}
        <select value={state} onChange={(e) => setState(e.target.value as typeof state)} data-testid="case-filter">
          <option value="">Tất cả</option>
          {ORDER.map((s) => (
            <option key={s} value={s}>
              {CASE_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {list && list.length === 0 && <p className="muted">Chưa có hồ sơ giải thể nào. Mở hồ sơ từ mục «Cần xử lý».</p>}
      {list && list.length > 0 && (
        <table className="diss-table diss-clickable">
          <thead>
            <tr>
              <th>Số</th>
              <th>HTX</th>
              <th>Hình thức</th>
              <th>Luật</th>
              <th>Mở ngày</th>
              <th>Bước đã xong</th>
              <th>Quá hạn</th>
              <th className="num">Nợ chưa xử lý (đồng)</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr
                key={c.id}
                onClick={() => onOpen(c.id)}
                data-testid={`case-row-${c.id}`}
                tabIndex={0}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(c.id)}
              >
                <td>{c.id}</td>
                <td>{c.entityName}</td>
                <td>{c.kind === 'voluntary' ? 'Tự nguyện' : 'Bắt buộc'}</td>
                <td>{c.law}</td>
                <td>{fromIso(c.openedOn)}</td>
                <td>
                  {c.stepsDone}/{c.stepsTotal}
                </td>
                <td className={c.overdue ? 'diss-overdue' : ''}>{c.overdue || ''}</td>
                <td className="num">{formatNumber(c.unsettledPayable)}</td>
                <td>{CASE_STATE_LABELS[c.state] ?? c.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/**
 * "Cần xử lý": HTX and LHHTX that meet a ground for compulsory dissolution or look
 * abandoned, each reason with the date it became one; one click opens a case.
 */
import { useCallback, useEffect, useState } from 'react'
import type { Candidate, TemplateInfo } from '../../../shared/api'
import { STATUS_LABELS, type Status } from '../../../shared/domain'
import { call, messageOf } from '../api'
import { useReadOnly } from '../readOnly'
import { LastAgmField } from './LastAgmField'
import { OpenCaseForm } from './OpenCaseForm'
import { fromIso } from './ui'

export function Candidates({ templates, onOpened }: { templates: TemplateInfo[]; onOpened(caseId: number): void }) {
  const [list, setList] = useState<Candidate[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [opening, setOpening] = useState<Candidate | null>(null)
  // Where this window only reads, the list is shown without «Mở hồ sơ» (and the date of the last AGM cannot be typed).
  const writable = useReadOnly() === null

  const load = useCallback(() => {
    call('dissolution.candidates', {}).then(setList, (err) => setError(messageOf(err)))
  }, [])
  useEffect(load, [load])

  return (
    <div className="diss-scroll" data-testid="candidates">
      <p className="hint">
        HTX, LHHTX thuộc một trường hợp giải thể bắt buộc hoặc có dấu hiệu không còn hoạt động: ngừng hoặc tạm ngừng từ 12 tháng, không đại hội thành viên
        thường niên 18 tháng, bị thu hồi giấy chứng nhận, hai năm không có số liệu.{writable && ' Sửa ngày đại hội gần nhất ngay trong bảng.'}
      </p>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {list && list.length === 0 && <p className="muted">Không có HTX nào cần xử lý.</p>}
      {list && list.length > 0 && (
        <table className="diss-table">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Mã số</th>
              <th>Tình trạng</th>
              <th>Lý do</th>
              <th>Từ ngày</th>
              <th>ĐHTV thường niên gần nhất</th>
              {writable && <th />}
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.entityId} data-testid={`candidate-${c.entityId}`}>
                <td>{c.name}</td>
                <td>{c.regNo}</td>
                <td>{c.status ? STATUS_LABELS[c.status as Status] : ''}</td>
                <td>
                  {c.reasons.map((r) => (
                    <div key={r.code}>{r.label}</div>
                  ))}
                </td>
                <td>
                  {c.reasons.map((r) => (
                    <div key={r.code}>{r.since ? fromIso(r.since) : '—'}</div>
                  ))}
                </td>
                <td>
                  <LastAgmField entityId={c.entityId} value={c.lastAgmDate} onSaved={load} />
                </td>
                {writable && (
                  <td>
                    <button className="primary" onClick={() => setOpening(c)} data-testid={`open-case-${c.entityId}`}>
                      Mở hồ sơ
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {opening && (
        <OpenCaseForm
          candidate={opening}
          templates={templates}
          onClose={() => setOpening(null)}
          onOpened={(id) => {
            setOpening(null)
            onOpened(id)
          }}
        />
      )}
    </div>
  )
}

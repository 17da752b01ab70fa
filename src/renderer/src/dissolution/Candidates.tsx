/**
 * "Cần xử lý": HTX and LHHTX that meet a ground for compulsory dissolution or look
 * abandoned, each reason with the date it became one; one click opens a case.
 */
import { useCallback, useEffect, useState } from 'react'
import type { AgmMissing, Candidate, Obligation, TemplateInfo } from '../../../shared/api'
import { MANAGEMENT_LABEL_TEXT, STATUS_LABELS, type ManagementLabel, type Status } from '../../../shared/domain'
import { call, messageOf } from '../api'
import { useReadOnly } from '../readOnly'
import { LastAgmField } from './LastAgmField'
import { OpenCaseForm } from './OpenCaseForm'
import { fromIso } from './ui'

/** What the start date of each reason is: the suspension, the last meeting, the first year with no figures. */
const START_LABELS: Record<string, string> = {
  suspension_beyond_notice: 'tạm ngừng từ',
  suspension_over_total: 'tạm ngừng liên tiếp từ',
  stopped_without_notice: 'ngừng từ',
  members_below_minimum: 'thiếu từ',
  no_info_update: 'cập nhật gần nhất',
  court_decision: 'quyết định ngày',
  not_at_address: 'từ',
  no_agm_18m: 'ĐHTV gần nhất',
  no_figures_2y: 'không số liệu từ'
}
/** The ground is met this long after the start: the date is the end of that time, not the start. */
const SINCE_LABELS: Record<string, string> = {
  suspension_beyond_notice: 'hết hạn thông báo',
  suspension_over_total: 'đủ 24 tháng từ',
  stopped_without_notice: 'đủ 12 tháng từ',
  members_below_minimum: 'đủ 12 tháng từ',
  no_info_update: 'đủ 12 tháng từ',
  court_decision: 'từ',
  not_at_address: 'từ',
  no_agm_18m: 'đủ 18 tháng từ',
  no_figures_2y: 'đủ 2 năm từ'
}

/** «đủ 12 tháng từ 01/03/2024»: the words may wrap, the date never does. */
function LabelledDate({ label, iso }: { label: string; iso: string }) {
  return (
    <>
      <span className="muted">{label}</span> <span className="nowrap">{fromIso(iso)}</span>
    </>
  )
}

export function Candidates({ templates, onOpened }: { templates: TemplateInfo[]; onOpened(caseId: number): void }) {
  const [list, setList] = useState<Candidate[] | null>(null)
  const [missing, setMissing] = useState<AgmMissing[]>([])
  const [overdue, setOverdue] = useState<Obligation[]>([])
  const [error, setError] = useState<string | null>(null)
  const [opening, setOpening] = useState<Candidate | null>(null)
  // A record already on the list above takes its meeting date there; the others are listed apart.
  const others = missing.filter((m) => !list?.some((c) => c.entityId === m.entityId))
  // Where this window only reads, the list is shown without «Mở hồ sơ» (and the date of the last AGM cannot be typed).
  const writable = useReadOnly() === null

  const load = useCallback(() => {
    call('dissolution.candidates', {}).then(setList, (err) => setError(messageOf(err)))
    call('dissolution.missingAgm', {}).then(setMissing, (err) => setError(messageOf(err)))
    call('registry.obligations', {}).then(setOverdue, (err) => setError(messageOf(err)))
  }, [])
  useEffect(load, [load])

  return (
    <div className="diss-scroll" data-testid="candidates">
      <p className="hint">
        HTX, LHHTX thuộc một trường hợp giải thể bắt buộc hoặc có dấu hiệu không còn hoạt động: ngừng hoặc tạm ngừng từ 12 tháng, không đại
        hội thành viên thường niên 18 tháng (khi sổ biết ngày đại hội gần nhất), bị thu hồi giấy chứng nhận, hai năm không có số liệu.
        {writable && ' Sửa ngày đại hội gần nhất ngay trong bảng.'}
      </p>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {list && list.length === 0 && <p className="muted">Không có HTX nào cần xử lý.</p>}
      {list && list.length > 0 && (
        <table className="diss-table candidates-table">
          <thead>
            <tr>
              <th>Tên</th>
              <th>Mã số</th>
              <th>Tình trạng</th>
              <th>Căn cứ (điều, khoản)</th>
              <th>Bắt đầu</th>
              <th>Đủ căn cứ từ</th>
              <th>ĐHTV thường niên gần nhất</th>
              {writable && <th />}
            </tr>
          </thead>
          {/* One line per reason, the record's own cells spanning them: each date sits beside its reason. */}
          {list.map((c) => (
            <tbody key={c.entityId} data-testid={`candidate-${c.entityId}`}>
              {c.reasons.map((r, i) => (
                <tr key={r.code} data-testid={`reason-${c.entityId}-${r.code}`}>
                  {i === 0 && (
                    <>
                      <td rowSpan={c.reasons.length} className="name">
                        {c.name}
                      </td>
                      <td rowSpan={c.reasons.length}>{c.regNo}</td>
                      <td rowSpan={c.reasons.length}>
                        {c.status ? STATUS_LABELS[c.status as Status] : ''}
                        {c.label ? <small className="muted"> (nhãn: {MANAGEMENT_LABEL_TEXT[c.label as ManagementLabel]})</small> : null}
                      </td>
                    </>
                  )}
                  <td className="reason">
                    {r.label}
                    {r.article && (
                      <small className="muted reason-article" data-testid="reason-article">
                        <br />
                        {r.article}
                      </small>
                    )}
                  </td>
                  <td className="date" data-testid="reason-start">
                    {r.start ? <LabelledDate label={START_LABELS[r.code] ?? 'từ'} iso={r.start} /> : '—'}
                  </td>
                  <td className="date" data-testid="reason-since">
                    {r.since ? <LabelledDate label={SINCE_LABELS[r.code] ?? 'từ'} iso={r.since} /> : '—'}
                  </td>
                  {i === 0 && (
                    <>
                      <td rowSpan={c.reasons.length}>
                        <LastAgmField entityId={c.entityId} value={c.lastAgmDate} onSaved={load} />
                      </td>
                      {writable && (
                        <td rowSpan={c.reasons.length}>
                          <button className="primary" onClick={() => setOpening(c)} data-testid={`open-case-${c.entityId}`}>
                            Mở hồ sơ
                          </button>
                        </td>
                      )}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      {others.length > 0 && (
        <details className="agm-missing" data-testid="agm-missing">
          <summary>
            Chưa có ngày đại hội thành viên thường niên: {others.length} HTX, LHHTX khác — chưa xét được căn cứ 18 tháng, không phải vi
            phạm; hãy ghi ngày đại hội gần nhất.
          </summary>
          <table className="diss-table">
            <thead>
              <tr>
                <th>Tên</th>
                <th>Mã số</th>
                <th>Tình trạng</th>
                <th>Ngày đăng ký</th>
                <th>ĐHTV thường niên gần nhất</th>
              </tr>
            </thead>
            <tbody>
              {others.map((m) => (
                <tr key={m.entityId} data-testid={`agm-missing-${m.entityId}`}>
                  <td className="name">{m.name}</td>
                  <td>{m.regNo}</td>
                  <td>{m.status ? STATUS_LABELS[m.status as Status] : ''}</td>
                  <td className="date">{m.registrationDate ? fromIso(m.registrationDate) : '—'}</td>
                  <td>
                    <LastAgmField entityId={m.entityId} value={null} onSaved={load} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {overdue.length > 0 && (
        <details className="agm-missing" data-testid="obligations-overdue" open>
          <summary>
            Quá hạn nghĩa vụ chuyển tiếp của Luật HTX 2023 (Điều 115, hạn {fromIso(overdue[0]!.deadline)}): {overdue.length} bản ghi
          </summary>
          <table className="diss-table">
            <thead>
              <tr>
                <th>Tên</th>
                <th>Mã số</th>
                <th>Nghĩa vụ</th>
                <th>Đã làm ngày</th>
                <th>Căn cứ</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((o) => (
                <tr key={`${o.code}-${o.entityId}`} data-testid={`obligation-${o.entityId}`}>
                  <td className="name">{o.name}</td>
                  <td>{o.regNo}</td>
                  <td>{o.label}</td>
                  <td className="date">{o.doneOn ? fromIso(o.doneOn) : 'chưa ghi'}</td>
                  <td className="muted">{o.article}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
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

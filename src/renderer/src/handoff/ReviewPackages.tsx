/**
 * "Xem xét gói" (province): for each district's package in place, accept or return it
 * with a note and remarks on a record (found by name or number among that district's
 * records) or on an indicator of the report, then save the signed reply file to carry back.
 */
import { useCallback, useEffect, useState } from 'react'
import {
  DECISION_LABELS,
  type Entity,
  type ProvinceReview,
  type ReviewDecision,
  type ReviewRemark,
  type TargetRow
} from '../../../shared/api'
import { vnToday } from '../../../shared/clock'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { downloadBase64 } from '../files'
import { localTime } from './time'

function RemarkTable({ remarks, testId }: { remarks: ReviewRemark[]; testId: string }) {
  return (
    <table className="list" data-testid={testId}>
      <thead>
        <tr>
          <th>Về</th>
          <th>Góp ý</th>
          <th>Trả lời của huyện</th>
        </tr>
      </thead>
      <tbody>
        {remarks.map((r) => (
          <tr key={r.id}>
            <td>
              {r.kind === 'indicator'
                ? `Chỉ tiêu «${r.indicatorLabel ?? r.indicator}»`
                : `${r.name ?? ''}${r.regNo ? ` (${r.regNo})` : ''}`}
            </td>
            <td>{r.text}</td>
            <td>{r.answer ? `${r.answer.note} (${r.answer.by}, ${localTime(r.answer.at)})` : 'Chưa trả lời'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ReviewEditor({
  review,
  previous,
  onSaved,
  onNotice
}: {
  review: ProvinceReview
  /** The district's package before this one, with the remarks it got and the answers this package brought. */
  previous: ProvinceReview | null
  onSaved(): void
  onNotice(n: Notice): void
}) {
  const [note, setNote] = useState(review.note ?? '')
  const [kind, setKind] = useState<'record' | 'indicator'>('record')
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Entity[]>([])
  const [entityId, setEntityId] = useState<number | null>(null)
  const [indicators, setIndicators] = useState<TargetRow[]>([])
  const [indicator, setIndicator] = useState('')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => setNote(review.note ?? ''), [review.packageId, review.note])
  useEffect(() => {
    call('report.targets', { year: Number(vnToday().slice(0, 4)), scope: null }).then(setIndicators, () => setIndicators([]))
  }, [])
  useEffect(() => {
    if (kind !== 'record') return
    let live = true
    call('entity.list', { ...(query.trim() ? { q: query.trim() } : {}), limit: 200 }).then(
      (r) => live && setFound(r.rows.filter((e) => e.districtCode === review.unit)),
      () => live && setFound([])
    )
    return () => void (live = false)
  }, [kind, query, review.unit])

  async function save(decision?: ReviewDecision, withRemark = false) {
    setBusy(true)
    try {
      const remark =
        withRemark && kind === 'record' && entityId !== null
          ? [{ entityId, text }]
          : withRemark && kind === 'indicator' && indicator
            ? [{ indicator, text }]
            : undefined
      await call('review.set', {
        packageId: review.packageId,
        ...(decision ? { decision } : {}),
        ...(withRemark ? {} : { note: note.trim() === '' ? null : note }),
        ...(remark ? { remarks: remark } : {})
      })
      if (withRemark) setText('')
      onNotice({
        kind: 'success',
        text: withRemark ? 'Đã ghi góp ý.' : `Đã ghi kết luận: ${decision ? DECISION_LABELS[decision] : 'ý kiến'}.`
      })
      onSaved()
    } catch (err) {
      onNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function exportReply() {
    setBusy(true)
    try {
      const r = await call('review.export', { packageId: review.packageId })
      downloadBase64(r.name, r.base64, 'application/json')
      onNotice({
        kind: 'success',
        text: `Đã xuất phản hồi ${r.name}: ${DECISION_LABELS[r.decision]}, ${formatNumber(r.remarks)} góp ý. Chép tệp sang USB gửi lại huyện.`
      })
      onSaved()
    } catch (err) {
      onNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  const canRemark = text.trim() !== '' && (kind === 'record' ? entityId !== null : indicator !== '')
  return (
    <div className="settings-section" data-testid="review-editor">
      <h2>
        Gói của {review.unitName}, số liệu đến {formatDate(review.asOf)}
      </h2>
      <label className="field">
        <span>Ý kiến chung của tỉnh</span>
        <textarea data-testid="review-note" rows={2} cols={70} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="inline-form">
        <button className="primary" data-testid="review-accept" disabled={busy} onClick={() => save('accepted')}>
          Chấp nhận
        </button>
        <button data-testid="review-return" disabled={busy} onClick={() => save('returned')}>
          Trả lại để sửa
        </button>
        <button data-testid="review-export" disabled={busy || !review.decision} onClick={exportReply}>
          Xuất tệp phản hồi
        </button>
      </div>
      <h3>Thêm góp ý</h3>
      <div className="inline-form">
        <label className="field">
          <span>Về</span>
          <select data-testid="remark-kind" value={kind} onChange={(e) => setKind(e.target.value as 'record' | 'indicator')}>
            <option value="record">Một bản ghi</option>
            <option value="indicator">Một chỉ tiêu</option>
          </select>
        </label>
        {kind === 'record' ? (
          <>
            <label className="field">
              <span>Tìm tên, mã số</span>
              <input data-testid="remark-search" size={20} value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <label className="field">
              <span>Bản ghi</span>
              <select
                data-testid="remark-entity"
                value={entityId ?? ''}
                onChange={(e) => setEntityId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">— chọn —</option>
                {found.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                    {e.regNo ? ` (${e.regNo})` : ''}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label className="field">
            <span>Chỉ tiêu</span>
            <select data-testid="remark-indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
              <option value="">— chọn —</option>
              {indicators.map((i) => (
                <option key={i.indicator} value={i.indicator}>
                  {i.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Góp ý</span>
          <input data-testid="remark-text" size={40} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button data-testid="remark-add" disabled={busy || !canRemark} onClick={() => save(undefined, true)}>
          Ghi góp ý
        </button>
      </div>
      {review.remarks.length > 0 && <RemarkTable remarks={review.remarks} testId="review-remarks" />}
      {previous && previous.remarks.length > 0 && (
        <>
          <h3>
            Góp ý về gói trước (xuất lúc {localTime(previous.exportedAt)},{' '}
            {previous.decision ? DECISION_LABELS[previous.decision] : 'chưa xem xét'})
          </h3>
          <RemarkTable remarks={previous.remarks} testId="previous-remarks" />
        </>
      )}
    </div>
  )
}

export function ReviewPackages() {
  const [all, setAll] = useState<ProvinceReview[] | null>(null)
  const reviews = all?.filter((p) => p.current) ?? null
  const [selected, setSelected] = useState<number | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const load = useCallback(() => {
    call('review.list', {}).then(
      (r) => setAll(r.province),
      (err) => setNotice({ kind: 'error', text: messageOf(err) })
    )
  }, [])
  useEffect(load, [load])
  const review = reviews?.find((r) => r.packageId === selected) ?? null
  // Newest first: the first older package of the same district.
  const previous = review ? (all?.find((r) => r.unit === review.unit && !r.current) ?? null) : null
  return (
    <section className="page">
      <h1>Xem xét gói của các huyện</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      {reviews && reviews.length === 0 && <p className="hint">Chưa tổng hợp gói nào.</p>}
      {reviews && reviews.length > 0 && (
        <div className="settings-section">
          <table className="list" data-testid="review-packages">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Gói xuất lúc</th>
                <th>Số liệu đến</th>
                <th>Kết luận</th>
                <th>Góp ý</th>
                <th>Đã gửi phản hồi</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.packageId} data-testid={`review-${r.unit}`} className={r.packageId === selected ? 'selected' : undefined}>
                  <td>
                    {r.unit} — {r.unitName}
                  </td>
                  <td>{localTime(r.exportedAt)}</td>
                  <td>{formatDate(r.asOf)}</td>
                  <td>{r.decision ? DECISION_LABELS[r.decision] : 'Chưa xem xét'}</td>
                  <td>{formatNumber(r.remarks.length)}</td>
                  <td>{localTime(r.repliedAt)}</td>
                  <td>
                    <button data-testid={`review-open-${r.unit}`} onClick={() => setSelected(r.packageId)}>
                      Xem xét
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {review && <ReviewEditor key={review.packageId} review={review} previous={previous} onSaved={load} onNotice={setNotice} />}
    </section>
  )
}

/**
 * "Phản hồi của tỉnh" (district, under «Gửi tỉnh»): the status of the last sending
 * (chờ / đã chấp nhận / bị trả lại), importing the province's signed reply (the first
 * time, its key's fingerprint to compare by phone before trusting), and the remarks beside
 * the records they name, each closed with an answer note.
 */
import { useCallback, useEffect, useState } from 'react'
import { DECISION_LABELS, type DistrictSending, type ReviewRemark } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { FilePicker } from '../components/FilePicker'
import { readAsBase64, type Picked } from '../files'
import { localTime } from './time'

function subject(r: ReviewRemark): string {
  if (r.kind === 'indicator') return `Chỉ tiêu «${r.indicatorLabel ?? r.indicator}»`
  return `${r.name ?? '?'}${r.regNo ? ` (${r.regNo})` : ''}${r.entityId === null ? ' — không còn trong sổ' : ''}`
}

export function Remark({
  remark,
  about,
  onAnswered
}: {
  remark: ReviewRemark
  /** What the first cell says; the remark's record or indicator unless told. */
  about?: string
  onAnswered(text: string, ok: boolean): void
}) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  async function answer() {
    setBusy(true)
    try {
      await call('review.answer', { remarkId: remark.id, note })
      setNote('')
      onAnswered(`Đã trả lời góp ý về ${subject(remark)}.`, true)
    } catch (err) {
      onAnswered(messageOf(err), false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <tr data-testid={`remark-${remark.id}`} className={remark.answer ? 'answered' : undefined}>
      <td>{about ?? subject(remark)}</td>
      <td>{remark.text}</td>
      <td>
        {remark.answer ? (
          <span data-testid={`remark-answer-${remark.id}`}>
            Đã trả lời ({remark.answer.by}, {localTime(remark.answer.at)}): {remark.answer.note}
          </span>
        ) : (
          <span className="inline-form">
            <input
              data-testid={`remark-note-${remark.id}`}
              size={32}
              value={note}
              placeholder="Đã sửa / giải trình…"
              aria-label={`Trả lời góp ý về ${subject(remark)}`}
              onChange={(e) => setNote(e.target.value)}
            />
            <button data-testid={`remark-close-${remark.id}`} disabled={busy || note.trim() === ''} onClick={answer}>
              Trả lời và đóng
            </button>
          </span>
        )}
      </td>
    </tr>
  )
}

/**
 * In the registry's detail panel: the province's remarks on this record (district: from the
 * replies it imported, with their answers; province: its own remarks on the package in place).
 */
export function RecordRemarks({ entityId, readOnly, version }: { entityId: number; readOnly: boolean; version: number }) {
  const [rows, setRows] = useState<Array<{ remark: ReviewRemark; about: string; district: boolean }>>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const load = useCallback(() => {
    call('review.list', {}).then(
      (r) =>
        setRows(
          r.side === 'district'
            ? r.district.flatMap((s) =>
                s.remarks
                  .filter((m) => m.entityId === entityId)
                  .map((remark) => ({
                    remark,
                    about: `gói xuất lúc ${localTime(s.exportedAt)} — ${DECISION_LABELS[s.status]}`,
                    district: true
                  }))
              )
            : r.province
                .filter((p) => p.current)
                .flatMap((p) =>
                  p.remarks
                    .filter((m) => m.entityId === entityId)
                    .map((remark) => ({ remark, about: `gói của ${p.unitName}${p.repliedAt ? ', đã gửi phản hồi' : ''}`, district: false }))
                )
        ),
      (err) => setNotice({ kind: 'error', text: messageOf(err) })
    )
  }, [entityId])
  useEffect(load, [load, version])
  if (rows.length === 0 && !notice) return null
  return (
    <>
      <h3>Góp ý của tỉnh</h3>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <table className="list" data-testid="detail-remarks">
        <thead>
          <tr>
            <th>Gói</th>
            <th>Góp ý</th>
            <th>Trả lời</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ remark, about, district }) =>
            district && !readOnly ? (
              <Remark
                key={remark.id}
                remark={remark}
                about={about}
                onAnswered={(text, ok) => {
                  setNotice(ok ? null : { kind: 'error', text })
                  if (ok) load()
                }}
              />
            ) : (
              <tr key={remark.id}>
                <td>{about}</td>
                <td>{remark.text}</td>
                <td>{remark.answer ? `${remark.answer.note} (${remark.answer.by})` : district ? 'Chưa trả lời' : ''}</td>
              </tr>
            )
          )}
        </tbody>
      </table>
    </>
  )
}

export function ProvinceReply({ refresh }: { refresh: number }) {
  const [sendings, setSendings] = useState<DistrictSending[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [untrusted, setUntrusted] = useState<{ file: Picked; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    call('review.list', {}).then(
      (r) => setSendings(r.district),
      (err) => setNotice({ kind: 'error', text: messageOf(err) })
    )
  }, [])
  useEffect(load, [load, refresh])

  async function importReply(file: Picked, trustNewKey: boolean) {
    setBusy(true)
    try {
      const r = await call('review.import', { file, ...(trustNewKey ? { trustNewKey: true } : {}) })
      setUntrusted(null)
      setNotice({
        kind: 'success',
        text: r.alreadyImported
          ? 'Phản hồi này đã được nhập trước đây: không có gì thay đổi.'
          : `Đã nhập phản hồi của ${r.provinceName}: ${DECISION_LABELS[r.status]}.${r.trustedNewKey ? ` Đã tin cậy khóa của tỉnh (${r.keyFingerprint}).` : ''}`
      })
      load()
    } catch (err) {
      if (err instanceof AppError && err.details?.code === 'UNKNOWN_KEY') setUntrusted({ file, message: err.message })
      else setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function choose(files: FileList | null) {
    const f = files?.[0]
    if (!f) return
    setUntrusted(null)
    await importReply(await readAsBase64(f), false)
  }

  const last = sendings?.[0]
  // The remarks to show: those of the newest sending the province replied to.
  const replied = sendings?.find((s) => s.status !== 'pending')
  return (
    <div className="settings-section">
      <h2>Phản hồi của tỉnh</h2>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      {sendings && !last && <p className="hint">Chưa gửi gói nào cho tỉnh.</p>}
      {last && (
        <p data-testid="sending-status" className={`sending-status sending-${last.status}`}>
          Lần gửi gần nhất ({last.file}, xuất lúc {localTime(last.exportedAt)}, số liệu đến {formatDate(last.asOf)}):{' '}
          <strong>{DECISION_LABELS[last.status]}</strong>
          {last.status !== 'pending' && last.reviewedBy ? ` — ${last.reviewedBy}, ${localTime(last.reviewedAt)}` : ''}
        </p>
      )}
      <p className="hint">
        Tỉnh xem xét gói rồi gửi lại một tệp phản hồi (.json) có chữ ký của Sở. Nhập tệp đó ở đây: phần mềm kiểm tra chữ ký, đúng phòng và
        đúng gói đã gửi.
      </p>
      <div className="inline-form">
        <label className="field">
          <span>Tệp phản hồi của tỉnh</span>
          <FilePicker accept=".json" testId="reply-file" disabled={busy} onFiles={choose} clearAfter />
        </label>
      </div>
      {untrusted && (
        <div className="banner-warning reply-untrusted" data-testid="reply-untrusted">
          <p>{untrusted.message}</p>
          <button className="primary" data-testid="reply-trust" disabled={busy} onClick={() => importReply(untrusted.file, true)}>
            Đã đối chiếu: tin cậy khóa của tỉnh và nhập
          </button>{' '}
          <button onClick={() => setUntrusted(null)}>Bỏ qua</button>
        </div>
      )}
      {replied && (
        <>
          {replied !== last && (
            <p className="hint">
              Góp ý về gói {replied.file} (xuất lúc {localTime(replied.exportedAt)}): {DECISION_LABELS[replied.status]}.
            </p>
          )}
          {replied.note && (
            <p data-testid="reply-note">
              Ý kiến của tỉnh: <em>{replied.note}</em>
            </p>
          )}
          {replied.remarks.length === 0 ? (
            <p className="hint">Tỉnh không có góp ý nào.</p>
          ) : (
            <table className="list" data-testid="reply-remarks">
              <thead>
                <tr>
                  <th>Về</th>
                  <th>Góp ý của tỉnh</th>
                  <th>Trả lời</th>
                </tr>
              </thead>
              <tbody>
                {replied.remarks.map((r) => (
                  <Remark
                    key={r.id}
                    remark={r}
                    onAnswered={(text, ok) => {
                      setNotice({ kind: ok ? 'success' : 'error', text })
                      if (ok) load()
                    }}
                  />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}

/**
 * «Đối chiếu với CSDL quốc gia»: a list exported from the national cooperative
 * registration database beside the register. The core reads and compares; this shows
 * what differs and lets a person take the national value, one by one or all at once.
 */
import { useState } from 'react'
import { RECONCILE_FIELD_LABELS, type ReconcileDifference, type ReconcileField, type ReconcileResult } from '../../../shared/api'
import { KIND_SHORT, STATUS_LABELS, type Status } from '../../../shared/domain'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { FilePicker } from '../components/FilePicker'
import { readAsBase64, type Picked } from '../files'
import { ReadOnlyNote, useReadOnly } from '../readOnly'

const keyOf = (d: Pick<ReconcileDifference, 'entityId' | 'field'>) => `${d.entityId}:${d.field}`
const shown = (field: ReconcileField, v: string | null) =>
  v === null ? <span className="muted">(trống)</span> : field === 'status' ? (STATUS_LABELS[v as Status] ?? v) : v

export function Reconcile({ onChanged }: { onChanged?: () => void }) {
  const readOnly = useReadOnly()
  const [file, setFile] = useState<Picked | null>(null)
  const [result, setResult] = useState<ReconcileResult | null>(null)
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)

  async function compare(f: Picked) {
    setBusy(true)
    setNotice(null)
    try {
      setResult(await call('reconcile.compare', { file: f }))
      setPicked(new Set())
    } catch (err) {
      setResult(null)
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function adopt(all: boolean) {
    if (!file || !result) return
    setBusy(true)
    try {
      const picks = result.differences.filter((d) => picked.has(keyOf(d))).map((d) => ({ entityId: d.entityId, field: d.field }))
      const out = await call('reconcile.adopt', all ? { file, all: true } : { file, picks })
      setResult(out.result)
      setPicked(new Set())
      setNotice({ kind: 'success', text: `Đã nhận ${formatNumber(out.adopted)} giá trị theo CSDL quốc gia vào sổ (có ghi nhật ký).` })
      onChanged?.()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  const toggle = (d: ReconcileDifference) =>
    setPicked((p) => {
      const next = new Set(p)
      if (!next.delete(keyOf(d))) next.add(keyOf(d))
      return next
    })

  return (
    <section className="page" data-testid="reconcile">
      <h1>Đối chiếu với CSDL quốc gia</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <ReadOnlyNote />
      <div className="settings-section">
        <p className="hint">
          Chọn danh sách xuất từ Hệ thống thông tin quốc gia về đăng ký hợp tác xã (Excel hay CSV, như khi nhập). Cơ sở dữ liệu quốc gia giữ
          hồ sơ pháp lý (Nghị định 295/2026/NĐ-CP, Điều 3 khoản 4): ở đây thấy sổ của phòng khác nó ở đâu. Chưa ghi gì vào sổ cho tới khi
          bấm «Nhận».
        </p>
        <div className="inline-form">
          <FilePicker
            accept=".xlsx,.xls,.csv,.ods"
            testId="reconcile-file"
            disabled={busy}
            onFiles={async (files) => {
              const f = files?.[0]
              if (!f) return
              const p = await readAsBase64(f)
              setFile(p)
              await compare(p)
            }}
          />
          {busy && <span className="muted">Đang đối chiếu…</span>}
        </div>
      </div>
      {result && (
        <>
          <p data-testid="reconcile-summary">
            Tệp «{result.file}»: khớp <b>{formatNumber(result.matched)}</b> bản ghi
            {result.matchedByName ? ` (${formatNumber(result.matchedByName)} theo tên, vì một bên chưa có mã số)` : ''}; chỉ có trong CSDL
            quốc gia: <b>{formatNumber(result.onlyNational.length)}</b>; chỉ có trong sổ: <b>{formatNumber(result.onlyRegister.length)}</b>;{' '}
            <b>{formatNumber(result.differences.length)}</b> chỗ khác nhau.
          </p>
          {result.unreadable.length > 0 && (
            <div className="settings-section" data-testid="reconcile-unreadable">
              <h2>Dòng không đọc được</h2>
              <ul>
                {result.unreadable.map((u) => (
                  <li key={`${u.place.sheet}:${u.place.row}:${u.message}`}>
                    Trang «{u.place.sheet}», dòng {u.place.row}: {u.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="settings-section">
            <h2>Khác nhau</h2>
            {result.differences.length === 0 ? (
              <p className="hint">Không có chỗ nào khác nhau giữa sổ và danh sách ở các trường được so.</p>
            ) : (
              <>
                <table className="list" data-testid="reconcile-differences">
                  <thead>
                    <tr>
                      {!readOnly && <th aria-label="Chọn" />}
                      <th>Tên trong sổ</th>
                      <th>Trường</th>
                      <th>Trong sổ</th>
                      <th>CSDL quốc gia</th>
                      <th>Dòng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.differences.map((d) => (
                      <tr key={keyOf(d)} data-testid={`diff-${keyOf(d)}`}>
                        {!readOnly && (
                          <td>
                            <input
                              type="checkbox"
                              checked={picked.has(keyOf(d))}
                              onChange={() => toggle(d)}
                              aria-label={`Nhận ${RECONCILE_FIELD_LABELS[d.field]} của «${d.name}» theo CSDL quốc gia`}
                              data-testid={`pick-${keyOf(d)}`}
                            />
                          </td>
                        )}
                        <td>{d.name}</td>
                        <td>{RECONCILE_FIELD_LABELS[d.field]}</td>
                        <td>{shown(d.field, d.ours)}</td>
                        <td>
                          <b>{shown(d.field, d.national)}</b>
                        </td>
                        <td>{d.place.row}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {!readOnly && (
                  <div className="inline-form">
                    <button
                      className="primary"
                      disabled={busy || picked.size === 0}
                      onClick={() => void adopt(false)}
                      data-testid="reconcile-adopt"
                    >
                      Nhận {formatNumber(picked.size)} giá trị đã chọn
                    </button>
                    <button disabled={busy} onClick={() => void adopt(true)} data-testid="reconcile-adopt-all">
                      Nhận tất cả ({formatNumber(result.differences.length)})
                    </button>
                  </div>
                )}
              </>
            )}
          </div>
          <div className="settings-section">
            <h2>Chỉ có trong CSDL quốc gia</h2>
            {result.onlyNational.length === 0 ? (
              <p className="hint">Không có.</p>
            ) : (
              <>
                <p className="hint">Chưa có trong sổ: nếu đúng là của địa bàn, nhập danh sách này ở thẻ «Nhập từ Excel».</p>
                <table className="list" data-testid="reconcile-only-national">
                  <thead>
                    <tr>
                      <th>Loại</th>
                      <th>Mã số</th>
                      <th>Tên</th>
                      <th>Tình trạng</th>
                      <th>Dòng</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.onlyNational.map((o) => (
                      <tr key={`${o.place.sheet}:${o.place.row}`}>
                        <td>{KIND_SHORT[o.kind]}</td>
                        <td>{o.regNo}</td>
                        <td>{o.name}</td>
                        <td>{o.status ? STATUS_LABELS[o.status] : ''}</td>
                        <td>{o.place.row}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
          <div className="settings-section">
            <h2>Chỉ có trong sổ</h2>
            {result.onlyRegister.length === 0 ? (
              <p className="hint">Không có.</p>
            ) : (
              <table className="list" data-testid="reconcile-only-register">
                <thead>
                  <tr>
                    <th>Loại</th>
                    <th>Mã số</th>
                    <th>Tên</th>
                    <th>Tình trạng trong sổ</th>
                  </tr>
                </thead>
                <tbody>
                  {result.onlyRegister.map((o) => (
                    <tr key={o.entityId}>
                      <td>{KIND_SHORT[o.kind]}</td>
                      <td>{o.regNo}</td>
                      <td>{o.name}</td>
                      <td>{STATUS_LABELS[o.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  )
}

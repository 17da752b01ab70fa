/**
 * Handover of a former district's register to its new communes (issue 14, point 3), under «Trao đổi dữ liệu».
 * A former district sees the plan — which new commune takes how many records, which records wait for a
 * choice and why — picks a commune for each of those, and exports one signed package per commune.
 * A commune office takes in the package a former district sent it.
 */
import { useCallback, useEffect, useState } from 'react'
import type { HandoverPlan } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { FilePicker } from '../components/FilePicker'
import { downloadBase64, readAsBase64 } from '../files'

export function HandoverPlanScreen({ onChanged }: { onChanged?: () => void }) {
  const [plan, setPlan] = useState<HandoverPlan | null>(null)
  const [choice, setChoice] = useState<Record<number, string>>({})
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    call('handover.plan', {}).then(setPlan, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  useEffect(load, [load])

  async function assign(id: number) {
    const commune = choice[id]
    if (!commune) return setNotice({ kind: 'error', text: 'Hãy chọn xã nhận trước khi ghi.' })
    setBusy(true)
    try {
      const r = await call('handover.resolve', { recordId: id, commune })
      setNotice({ kind: 'success', text: `Đã ghi: ${r.name} giao cho ${r.to!.name}.` })
      load()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  async function exportFor(code: string) {
    setBusy(true)
    try {
      const p = await call('handover.export', { commune: code })
      downloadBase64(p.name, p.base64)
      setNotice({
        kind: 'success',
        text: `Đã xuất ${p.name}: ${formatNumber(p.records)} bản ghi cho ${p.commune.name}, ngày bàn giao ${formatDate(p.handedOverOn)}. Từ ngày này các bản ghi ấy được tính ở xã, không tính ở huyện nữa.`
      })
      load()
      onChanged?.()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <h1>Bàn giao cho các xã mới</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <p className="hint">
        Từ 01/07/2025 cấp huyện không còn; sổ của {plan?.district.name ?? 'huyện'} được giao cho các xã mới theo danh sách xã cũ hợp thành
        từng xã mới. Bản ghi ở xã cũ bị chia cho nhiều xã, hoặc không rõ xã, chờ cán bộ chọn xã nhận. Mỗi xã nhận một gói có chữ ký, đủ lịch
        sử.
      </p>
      <div className="settings-section">
        <h2>Xã nhận bàn giao</h2>
        {plan && plan.communes.length === 0 ? (
          <p className="hint">Chưa có bản ghi nào được giao cho xã mới.</p>
        ) : (
          <table className="list" data-testid="handover-communes">
            <thead>
              <tr>
                <th>Mã xã</th>
                <th>Xã mới</th>
                <th>Số bản ghi</th>
                <th>Đã bàn giao</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {plan?.communes.map((c) => (
                <tr key={c.key} data-testid={`handover-commune-${c.code}`}>
                  <td>{c.code}</td>
                  <td>{c.name}</td>
                  <td>{formatNumber(c.records)}</td>
                  <td>{formatNumber(c.handedOver)}</td>
                  <td>
                    <button disabled={busy} data-testid={`handover-export-${c.code}`} onClick={() => exportFor(c.code)}>
                      Xuất gói bàn giao
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="settings-section">
        <h2>Bản ghi cần chọn xã nhận</h2>
        {plan && plan.unassigned.length === 0 ? (
          <p className="hint" data-testid="handover-none-unassigned">
            Mọi bản ghi đã có xã nhận.
          </p>
        ) : (
          <table className="list" data-testid="handover-unassigned">
            <thead>
              <tr>
                <th>Số</th>
                <th>Tên</th>
                <th>Xã (trong sổ)</th>
                <th>Lý do</th>
                <th>Xã nhận</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {plan?.unassigned.map((u) => (
                <tr key={u.id} data-testid={`handover-record-${u.id}`}>
                  <td>{u.id}</td>
                  <td>{u.name}</td>
                  <td>{u.commune ?? ''}</td>
                  <td>{u.reason}</td>
                  <td>
                    <select
                      aria-label={`Xã nhận ${u.name}`}
                      data-testid={`handover-choice-${u.id}`}
                      value={choice[u.id] ?? ''}
                      onChange={(e) => setChoice({ ...choice, [u.id]: e.target.value })}
                    >
                      <option value="">— chọn xã —</option>
                      {u.candidates.map((c) => (
                        <option key={c.key} value={c.code}>
                          {c.name} ({c.code})
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button disabled={busy} data-testid={`handover-assign-${u.id}`} onClick={() => assign(u.id)}>
                      Ghi
                    </button>
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

export function HandoverImportScreen({ onChanged }: { onChanged?: () => void }) {
  const [trustNew, setTrustNew] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)

  async function take(files: FileList | null) {
    const f = files?.[0]
    if (!f) return
    setBusy(true)
    setNotice(null)
    try {
      const file = await readAsBase64(f)
      const r = await call('handover.import', { file, ...(trustNew ? { trustNewKeys: true } : {}) })
      setNotice({ kind: r.imported ? 'success' : 'warning', text: r.message })
      if (r.imported) onChanged?.()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page">
      <h1>Nhận bàn giao từ huyện cũ</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <p className="hint">
        Gói bàn giao do huyện cũ xuất cho xã này: các HTX, LHHTX, THT cùng toàn bộ lịch sử (tình trạng, số liệu năm, hồ sơ giải thể, nhật
        ký). Gói của xã khác, tỉnh khác hoặc bị sửa sau khi xuất sẽ bị từ chối; nhập hai lần không tạo bản ghi trùng.
      </p>
      <div className="inline-form">
        <label className="field checkbox">
          <input type="checkbox" data-testid="handover-trust" checked={trustNew} onChange={(e) => setTrustNew(e.target.checked)} />
          <span>Tin cậy khóa mới của huyện (đã gọi điện đối chiếu dấu vân tay)</span>
        </label>
        <FilePicker accept=".xlsx" disabled={busy} testId="handover-file" label="Chọn gói bàn giao…" onFiles={take} clearAfter />
      </div>
    </section>
  )
}

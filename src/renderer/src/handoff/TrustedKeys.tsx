/**
 * "Khóa các huyện" (province): import a district's public key file, compare its
 * fingerprint with the one the district reads over the phone, then trust it.
 */
import { useCallback, useEffect, useState } from 'react'
import type { TrustedKey } from '../../../shared/api'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { localTime } from './time'
import { FilePicker } from '../components/FilePicker'

export function TrustedKeys() {
  const [keys, setKeys] = useState<TrustedKey[]>([])
  const [text, setText] = useState<string | null>(null)
  const [preview, setPreview] = useState<TrustedKey | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)

  const load = useCallback(() => {
    call('handoff.trustedKeys', {}).then(setKeys, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])
  useEffect(load, [load])

  async function choose(files: FileList | null) {
    const file = files?.[0]
    if (!file) return
    try {
      const content = await file.text()
      setText(content)
      setPreview(await call('handoff.trustKey', { key: { text: content }, preview: true }))
      setNotice(null)
    } catch (err) {
      setText(null)
      setPreview(null)
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  async function trust() {
    if (!text || !preview) return
    try {
      const k = await call('handoff.trustKey', { key: { text }, ...(preview.pinned ? { replace: true } : {}) })
      setNotice({ kind: 'success', text: `Đã tin cậy khóa của ${k.unitName}: ${k.fingerprint}.` })
      setText(null)
      setPreview(null)
      load()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  return (
    <section className="page">
      <h1>Khóa các huyện</h1>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="settings-section">
        <h2>Nhập tệp khóa công khai của huyện</h2>
        <FilePicker accept=".pub,.txt" testId="key-file" onFiles={(files) => choose(files)} />
        {preview && (
          <div data-testid="key-preview">
            <p>
              Khóa của{' '}
              <strong>
                {preview.unit} — {preview.unitName}
              </strong>
              , dấu vân tay <strong className="fingerprint">{preview.fingerprint}</strong>.
            </p>
            {preview.pinned && (
              <p className="error">Huyện này đã có khóa khác được tin cậy ({preview.pinned}). Tin cậy khóa này sẽ thay khóa cũ.</p>
            )}
            <p className="hint">Gọi điện cho huyện và nghe họ đọc dấu vân tay (Cài đặt → Khóa ký): chỉ tin cậy khi khớp từng ký tự.</p>
            <div className="inline-form">
              <button className="primary" data-testid="key-trust" onClick={trust}>
                {preview.pinned ? 'Thay bằng khóa này' : 'Dấu vân tay khớp — tin cậy khóa này'}
              </button>
              <button onClick={() => setPreview(null)}>Thôi</button>
            </div>
          </div>
        )}
      </div>
      <div className="settings-section">
        <h2>Các khóa đang tin cậy</h2>
        {keys.length === 0 ? (
          <p className="hint">Chưa có khóa nào.</p>
        ) : (
          <table className="list" data-testid="trusted-keys">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Huyện</th>
                <th>Dấu vân tay</th>
                <th>Nguồn</th>
                <th>Từ lúc</th>
                <th>Người ghi nhận</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.unit}>
                  <td>{k.unit}</td>
                  <td>{k.unitName}</td>
                  <td className="fingerprint">{k.fingerprint}</td>
                  <td>{k.source === 'file' ? 'Tệp khóa' : 'Từ gói (đã xác nhận)'}</td>
                  <td>{localTime(k.addedAt)}</td>
                  <td>{k.addedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}

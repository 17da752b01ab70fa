/**
 * Cài đặt → Khóa ký: the office's signing key fingerprint (read aloud over the
 * phone to the province) and its public key file. The private key stays in its
 * file beside the data file and is never shown or exported.
 */
import { useEffect, useState } from 'react'
import type { KeyInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { SavePublicKey } from '../handoff/SavePublicKey'

export function KeysSection() {
  const [key, setKey] = useState<KeyInfo | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  useEffect(() => {
    call('handoff.key', {}).then(setKey, (err) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])

  return (
    <section className="settings-section" data-testid="keys-section">
      <h2>Khóa ký gói dữ liệu</h2>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <p>
        Dấu vân tay khóa của {key?.unitName ?? '…'}:{' '}
        <strong className="fingerprint" data-testid="settings-fingerprint">
          {key?.fingerprint ?? '…'}
        </strong>
      </p>
      <p className="hint">
        Đọc dãy này qua điện thoại để nơi nhận gói đối chiếu với tệp khóa công khai. Khóa bí mật nằm trong tệp cạnh tệp dữ liệu và không bao
        giờ được xuất ra.
      </p>
      <div className="inline-form">
        <SavePublicKey testId="settings-key-save" onError={(text) => setNotice({ kind: 'error', text })} />
      </div>
    </section>
  )
}

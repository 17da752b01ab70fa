import { call, messageOf } from '../api'
import { downloadText, MIME } from '../files'

/** "Lưu tệp khóa công khai": the office's public key file, to hand to the province. */
export function SavePublicKey({ testId, onError }: { testId: string; onError(message: string): void }) {
  async function save() {
    try {
      const k = await call('handoff.publicKey', {})
      downloadText(k.name, k.text, MIME.pub)
    } catch (err) {
      onError(messageOf(err))
    }
  }
  return (
    <button data-testid={testId} onClick={save}>
      Lưu tệp khóa công khai (.pub)
    </button>
  )
}

/**
 * Scanned files of the case: sent to the core as bytes and kept beside the data file by
 * their SHA-256 (never inside the database); listed with name, size and hash.
 */
import { useState } from 'react'
import { IMPORT_MAX_BYTES, type CaseView } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { downloadBase64, readAsBase64 } from '../files'
import { Section, useCanChange, type Run } from './ui'
import { FilePicker } from '../components/FilePicker'

const MB = IMPORT_MAX_BYTES / 1024 / 1024

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} byte`
    : bytes < 1024 * 1024
      ? `${formatNumber(bytes / 1024, 1)} KB`
      : `${formatNumber(bytes / 1024 / 1024, 1)} MB`
}

export function Attachments({ view, run, onError }: { view: CaseView; run: Run; onError(message: string): void }) {
  const [stepCode, setStepCode] = useState('')
  const open = useCanChange(view)

  async function attach(files: FileList | null) {
    for (const file of [...(files ?? [])]) {
      await run(async () => {
        // Checked here too so a big scan is refused before it is read and sent.
        if (file.size > IMPORT_MAX_BYTES)
          throw new AppError('VALIDATION', `Tệp «${file.name}» lớn hơn ${MB} MB; hãy quét lại với độ phân giải thấp hơn.`)
        const picked = await readAsBase64(file)
        return call('dissolution.attach', { caseId: view.id, stepCode: stepCode || null, file: picked })
      }, `Đã đính kèm «${file.name}».`)
    }
  }

  async function download(id: number) {
    try {
      const f = await call('dissolution.attachment', { caseId: view.id, attachmentId: id })
      downloadBase64(f.name, f.base64, 'application/octet-stream')
    } catch (err) {
      onError(messageOf(err))
    }
  }

  const titleOf = (code: string | null) => (code ? (view.steps.find((s) => s.code === code)?.title ?? code) : '')
  return (
    <Section title="Tệp đính kèm" testId="attachments">
      {view.attachments.length > 0 && (
        <table className="diss-table">
          <thead>
            <tr>
              <th>Tên tệp</th>
              <th className="num">Dung lượng</th>
              <th>Thuộc bước</th>
              <th>SHA-256</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.attachments.map((a) => (
              <tr key={a.id} data-testid={`attachment-${a.id}`}>
                <td>{a.name}</td>
                <td className="num">{size(a.size)}</td>
                <td>{titleOf(a.stepCode)}</td>
                <td>
                  <code title={a.sha256}>{a.sha256.slice(0, 16)}…</code>
                </td>
                <td>
                  <button className="link" onClick={() => void download(a.id)}>
                    Tải về
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <div className="diss-add">
          <label className="field">
            <span>Thuộc bước</span>
            <select value={stepCode} onChange={(e) => setStepCode(e.target.value)} data-testid="attach-step">
              <option value="">— cả hồ sơ —</option>
              {view.steps.map((s) => (
                <option key={s.code} value={s.code}>
                  {view.steps.indexOf(s) + 1}. {s.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Chọn tệp (tối đa {MB} MB mỗi tệp)</span>
            <FilePicker multiple onFiles={(files) => attach(files)} testId="attach-file" clearAfter />
          </label>
        </div>
      )}
    </Section>
  )
}

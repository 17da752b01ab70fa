/**
 * A printable page the core rendered (report, case file, province summary, draft
 * documents), shown in a sandboxed frame: no scripts run in it (no allow-scripts, and
 * the app's CSP is inherited by srcdoc), its styles cannot touch the app's, and "In"
 * prints only it with its own A4 layout. allow-same-origin lets the app call print()
 * on the frame; allow-modals lets that print dialog open.
 */
import { useRef } from 'react'
import type { PrintablePage } from '../../../shared/api'
import { downloadText, MIME } from '../files'

export function PrintView({ page, onClose, testIdPrefix = '' }: { page: PrintablePage; onClose(): void; testIdPrefix?: string }) {
  const frame = useRef<HTMLIFrameElement>(null)
  const id = (s: string) => `${testIdPrefix}${s}`
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="print-view" role="dialog" aria-label={page.title} data-testid={id('print-view')}>
        <div className="print-view-bar">
          <strong>{page.title}</strong>
          <button className="primary" onClick={() => frame.current?.contentWindow?.print()} data-testid={id('print-now')}>
            In
          </button>
          <button onClick={() => downloadText(page.name, page.html, MIME.html)} data-testid={id('print-save')}>
            Tải .html
          </button>
          <button onClick={onClose} data-testid={id('print-close')} autoFocus>
            Đóng
          </button>
        </div>
        <iframe
          ref={frame}
          title={page.title}
          sandbox="allow-same-origin allow-modals"
          srcDoc={page.html}
          data-testid={id('print-frame')}
        />
      </div>
    </div>
  )
}

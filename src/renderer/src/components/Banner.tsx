export interface Notice {
  kind: 'error' | 'warning' | 'success'
  text: string
  /** One thing the user can do about it, e.g. "Vẫn lưu" after a duplicate question. */
  action?: { label: string; run(): void }
}

/** A message that stays until closed or replaced: errors must be read, not flashed. */
export function Banner({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  if (!notice) return null
  return (
    <div className={`banner banner-${notice.kind}`} role={notice.kind === 'success' ? 'status' : 'alert'} data-testid="banner">
      <span>{notice.text}</span>
      <span className="banner-buttons">
        {notice.action && (
          <button
            className="primary"
            data-testid="banner-action"
            onClick={() => {
              onClose()
              notice.action!.run()
            }}
          >
            {notice.action.label}
          </button>
        )}
        <button className="banner-close" onClick={onClose} aria-label="Đóng thông báo">
          ×
        </button>
      </span>
    </div>
  )
}

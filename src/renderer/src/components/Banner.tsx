export interface Notice {
  kind: 'error' | 'success'
  text: string
}

/** A message that stays until closed or replaced: errors must be read, not flashed. */
export function Banner({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  if (!notice) return null
  return (
    <div className={`banner banner-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
      <span>{notice.text}</span>
      <button className="banner-close" onClick={onClose} aria-label="Đóng thông báo">
        ×
      </button>
    </div>
  )
}

import { createPortal } from 'react-dom'

export interface Notice {
  kind: 'error' | 'warning' | 'success'
  text: string
  /** One thing the user can do about it, e.g. "Vẫn lưu" after a duplicate question. */
  action?: { label: string; run(): void }
}

/**
 * Where a message shows. "float" (the default) lays it over the bottom of the window in
 * one shared layer, so a save never pushes a form, a list or a grid down by a banner's
 * height and two messages stack instead of covering each other; "slot" keeps it in the
 * registry's notice slot over the hint line under the grid.
 */
export type BannerPlace = 'float' | 'slot'

function noticeLayer(): HTMLElement {
  let layer = document.getElementById('notice-layer')
  if (!layer) {
    layer = document.createElement('div')
    layer.id = 'notice-layer'
    layer.className = 'notice-layer'
    document.body.appendChild(layer)
  }
  return layer
}

/** A message that stays until closed or replaced: errors must be read, not flashed. */
export function Banner({
  notice,
  onClose,
  place = 'float',
  testId
}: {
  notice: Notice | null
  onClose(): void
  place?: BannerPlace
  /** Names the message's text for tests that read it exactly (the close button's × left out). */
  testId?: string
}) {
  if (!notice) return null
  const banner = (
    <div className={`banner banner-${notice.kind}`} role={notice.kind === 'success' ? 'status' : 'alert'} data-testid="banner">
      <span data-testid={testId}>{notice.text}</span>
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
  return place === 'slot' ? banner : createPortal(banner, noticeLayer())
}

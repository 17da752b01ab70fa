/**
 * "Cột": every column of a grid with a box to show or hide it and arrows to
 * move it, since AG Grid Community has no column tool panel. Dragging a header
 * moves a column too; both end up in the same saved column state.
 */
import type { Column, GridApi } from 'ag-grid-community'
import { useCallback, useEffect, useState } from 'react'

export function ColumnChooser({ api }: { api: GridApi | null }) {
  const [open, setOpen] = useState(false)
  const [columns, setColumns] = useState<Column[]>([])

  // The grid's own column order, refreshed on every change made here or by dragging.
  const refresh = useCallback(() => {
    if (api && !api.isDestroyed()) setColumns([...(api.getAllGridColumns() ?? [])].filter((c) => c.getColDef().headerName))
  }, [api])

  useEffect(() => {
    if (!api || !open) return
    refresh()
    const events = ['columnVisible', 'columnMoved', 'displayedColumnsChanged'] as const
    for (const e of events) api.addEventListener(e, refresh)
    return () => {
      if (api.isDestroyed()) return
      for (const e of events) api.removeEventListener(e, refresh)
    }
  }, [api, open, refresh])

  const move = (column: Column, by: number) => {
    const all = api!.getAllGridColumns()
    const to = all.indexOf(column) + by
    if (to >= 0 && to < all.length) api!.moveColumns([column], to)
    refresh()
  }

  return (
    <div className="column-chooser">
      <button type="button" data-testid="columns-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Cột ▾
      </button>
      {open && (
        <div className="column-list" role="dialog" aria-label="Chọn cột hiển thị" data-testid="column-list">
          <p className="muted">Đánh dấu cột muốn xem; mũi tên để đổi thứ tự. Lựa chọn được nhớ theo hồ sơ người dùng.</p>
          <ul>
            {columns.map((c) => (
              <li key={c.getColId()}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`column-${c.getColId()}`}
                    checked={c.isVisible()}
                    onChange={(e) => {
                      api!.setColumnsVisible([c], e.target.checked)
                      // Now, not when the grid's event comes (a moment later): a checked box must not flick back meanwhile.
                      refresh()
                    }}
                  />
                  {c.getColDef().headerName}
                </label>
                <span>
                  <button type="button" aria-label={`Đưa cột ${c.getColDef().headerName} lên trước`} onClick={() => move(c, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Đưa cột ${c.getColDef().headerName} ra sau`} onClick={() => move(c, 1)}>
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <div className="column-list-actions">
            <button type="button" onClick={() => api!.resetColumnState()}>
              Mặc định
            </button>
            <button type="button" className="primary" onClick={() => setOpen(false)}>
              Xong
            </button>
          </div>
        </div>
      )}
    </div>
  )
}

import type { CellValueChangedEvent } from 'ag-grid-community'
import { themeQuartz } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Entity, EntityFields } from '../../../shared/api'
import { FIELD_LABELS } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { EntityForm } from '../components/EntityForm'
import { AG_GRID_VI } from '../grid/locale'
import { registryColumns } from '../grid/columns'

const theme = themeQuartz.withParams({
  accentColor: '#1f6f43',
  fontFamily: ['Segoe UI', 'Roboto', 'Arial', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef3f0',
  rowHeight: 32,
  headerHeight: 36,
  cellHorizontalPadding: 10,
  wrapperBorderRadius: 4
})

/**
 * Each column filters from a box under its header (the header itself keeps its
 * width for the Vietnamese title, wrapped onto two lines when long).
 */
const DEFAULT_COL = {
  sortable: true,
  resizable: true,
  filter: true,
  floatingFilter: true,
  suppressHeaderFilterButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true
}

/** What the status bar says about the list: how many rows a search shows, and whether one is on. */
export interface ListCount {
  shown: number
  searching: boolean
}

export function Registry({ onCount, onChanged }: { onCount(c: ListCount): void; onChanged(): void }) {
  const [rows, setRows] = useState<Entity[]>([])
  const [query, setQuery] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)
  const [adding, setAdding] = useState(false)
  // Only the answer to the latest search may fill the grid; a slow earlier one is dropped.
  const latestLoad = useRef(0)
  // The version of each row this screen last saw, and each row's pending save:
  // two quick edits of one row go one after the other, the second with the first's new version.
  const versions = useRef(new Map<number, number>())
  const saving = useRef(new Map<number, Promise<void>>())

  const load = useCallback(
    async (q: string) => {
      const ticket = ++latestLoad.current
      try {
        const searching = q.trim() !== ''
        const result = await call('entity.list', searching ? { q } : {})
        if (ticket !== latestLoad.current) return
        for (const r of result.rows) versions.current.set(r.id, r.rowVersion)
        setRows(result.rows)
        onCount({ shown: result.total, searching })
        onChanged()
      } catch (err) {
        if (ticket === latestLoad.current) setNotice({ kind: 'error', text: messageOf(err) })
      }
    },
    [onCount, onChanged]
  )

  // Search as the user types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => void load(query), 200)
    return () => clearTimeout(timer)
  }, [query, load])

  // A success message goes by itself; an error stays until read and closed.
  useEffect(() => {
    if (notice?.kind !== 'success') return
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), 8000)
    return () => clearTimeout(timer)
  }, [notice])

  const replaceRow = useCallback((entity: Entity) => {
    versions.current.set(entity.id, entity.rowVersion)
    setRows((all) => all.map((r) => (r.id === entity.id ? entity : r)))
  }, [])

  async function save(row: Entity, field: keyof EntityFields, value: unknown, confirmDuplicate = false) {
    try {
      const rowVersion = versions.current.get(row.id) ?? row.rowVersion
      const changes = { [field]: value } as Partial<EntityFields>
      const saved = await call('entity.update', { id: row.id, rowVersion, changes, ...(confirmDuplicate ? { confirmDuplicate } : {}) })
      replaceRow(saved)
      const done = `Đã lưu ${FIELD_LABELS[field] ?? field} của «${saved.name}».`
      setNotice(saved.warnings?.length ? { kind: 'warning', text: `${done} ${saved.warnings.join(' ')}` } : { kind: 'success', text: done })
      onChanged()
    } catch (err) {
      // Show the record as the register holds it, never the refused edit.
      await call('entity.get', { id: row.id }).then(replaceRow, () => load(query))
      if (err instanceof AppError && err.code === 'DUPLICATE') {
        // Not refused: the core asks. Saying yes sends the same edit again, confirmed.
        setNotice({ kind: 'warning', text: err.message, action: { label: 'Vẫn lưu', run: () => queueSave(row, field, value, true) } })
      } else {
        setNotice({ kind: 'error', text: messageOf(err) })
      }
    }
  }

  function queueSave(row: Entity, field: keyof EntityFields, value: unknown, confirmDuplicate = false) {
    const before = saving.current.get(row.id) ?? Promise.resolve()
    const next = before.then(() => save(row, field, value, confirmDuplicate))
    saving.current.set(row.id, next)
    void next.finally(() => {
      if (saving.current.get(row.id) === next) saving.current.delete(row.id)
    })
  }

  function onCellValueChanged(event: CellValueChangedEvent<Entity>) {
    const field = event.colDef.field as keyof EntityFields
    const row = event.data
    if (!row || event.oldValue === event.newValue) return
    queueSave(row, field, event.newValue)
  }

  return (
    <section className="page registry">
      <header className="page-header">
        <h1>Sổ đăng ký</h1>
        <input
          className="search"
          type="search"
          data-testid="search"
          aria-label="Tìm trong sổ đăng ký"
          placeholder="Tìm theo tên, mã số, người đại diện, địa chỉ — gõ không dấu cũng được"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button className="primary" data-testid="add-entity" onClick={() => setAdding(true)}>
          + Thêm HTX
        </button>
      </header>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="grid" data-testid="registry-grid">
        <AgGridReact<Entity>
          theme={theme}
          rowData={rows}
          columnDefs={registryColumns}
          defaultColDef={DEFAULT_COL}
          getRowId={(p) => String(p.data.id)}
          localeText={AG_GRID_VI}
          onCellValueChanged={onCellValueChanged}
          tooltipShowDelay={600}
          suppressColumnVirtualisation
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
        />
      </div>
      <p className="hint">Bấm đúp vào một ô để sửa; Enter để lưu, Esc để bỏ. Ngày gõ dạng dd/mm/yyyy, vốn gõ 1.500.000.000.</p>
      {adding && (
        <EntityForm
          onCancel={() => setAdding(false)}
          onSaved={(entity) => {
            setAdding(false)
            const done = `Đã thêm «${entity.name}» vào sổ.`
            setNotice(entity.warnings?.length ? { kind: 'warning', text: `${done} ${entity.warnings.join(' ')}` } : { kind: 'success', text: done })
            void load(query)
          }}
        />
      )}
    </section>
  )
}

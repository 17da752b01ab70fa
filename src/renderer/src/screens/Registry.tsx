import type { CellValueChangedEvent } from 'ag-grid-community'
import { themeQuartz } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useState } from 'react'
import type { Entity, EntityFields } from '../../../shared/api'
import { FIELD_LABELS } from '../../../shared/api'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { EntityForm } from '../components/EntityForm'
import { AG_GRID_VI } from '../grid/locale'
import { registryColumns } from '../grid/columns'

const theme = themeQuartz.withParams({
  accentColor: '#1f6f43',
  fontFamily: ['Segoe UI', 'Roboto', 'Arial', 'sans-serif'],
  fontSize: 14,
  headerFontWeight: 600,
  rowHeight: 34,
  headerHeight: 38
})

export function Registry({ onCount, onChanged }: { onCount(n: number): void; onChanged(): void }) {
  const [rows, setRows] = useState<Entity[]>([])
  const [query, setQuery] = useState('')
  const [notice, setNotice] = useState<Notice | null>(null)
  const [adding, setAdding] = useState(false)

  const load = useCallback(
    async (q: string) => {
      try {
        const result = await call('entity.list', q.trim() ? { q } : {})
        setRows(result.rows)
        onCount(result.total)
      } catch (err) {
        setNotice({ kind: 'error', text: messageOf(err) })
      }
    },
    [onCount]
  )

  // Search as the user types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => void load(query), 200)
    return () => clearTimeout(timer)
  }, [query, load])

  const replaceRow = (entity: Entity) => setRows((all) => all.map((r) => (r.id === entity.id ? entity : r)))

  async function onCellValueChanged(event: CellValueChangedEvent<Entity>) {
    const field = event.colDef.field as keyof EntityFields
    const row = event.data
    if (!row || event.oldValue === event.newValue) return
    try {
      const changes = { [field]: event.newValue } as Partial<EntityFields>
      const saved = await call('entity.update', { id: row.id, rowVersion: row.rowVersion, changes })
      replaceRow(saved)
      setNotice({ kind: 'success', text: `Đã lưu ${FIELD_LABELS[field] ?? field} của «${saved.name}».` })
      onChanged()
    } catch (err) {
      // Show the record as the register holds it, never the refused edit.
      call('entity.get', { id: row.id }).then(replaceRow, () => void load(query))
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  return (
    <section className="page registry">
      <header className="page-header">
        <h1>Sổ đăng ký</h1>
        <input
          className="search"
          type="search"
          data-testid="search"
          placeholder="Tìm theo tên, mã số, người đại diện, địa chỉ — gõ không dấu cũng được"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button className="primary" data-testid="add-entity" onClick={() => setAdding(true)}>
          Thêm HTX
        </button>
      </header>
      <Banner notice={notice} onClose={() => setNotice(null)} />
      <div className="grid" data-testid="registry-grid">
        <AgGridReact<Entity>
          theme={theme}
          rowData={rows}
          columnDefs={registryColumns}
          defaultColDef={{ sortable: true, resizable: true, filter: true }}
          getRowId={(p) => String(p.data.id)}
          localeText={AG_GRID_VI}
          onCellValueChanged={onCellValueChanged}
          suppressColumnVirtualisation
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
        />
      </div>
      {adding && (
        <EntityForm
          onCancel={() => setAdding(false)}
          onSaved={(entity) => {
            setAdding(false)
            setNotice({ kind: 'success', text: `Đã thêm «${entity.name}» vào sổ.` })
            void load(query)
            onChanged()
          }}
        />
      )}
    </section>
  )
}

import { createGrid } from 'ag-grid-community'
import type {
  CellEditingStoppedEvent,
  CellFocusedEvent,
  CellValueChangedEvent,
  ColumnEventType,
  GridApi,
  GridReadyEvent,
  IRowNode
} from 'ag-grid-community'
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EntityFields, GridRow } from '../../../shared/api'
import { FIELD_LABELS } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { compareVi } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { EntityForm } from '../components/EntityForm'
import { ColumnChooser } from '../grid/ColumnChooser'
import { columnSaver, restoreColumns, savedByPerson } from '../grid/columnPrefs'
import { isNewRow, NEW_ROW_ID, registryColumns as COLUMNS } from '../grid/columns'
import { AG_GRID_VI } from '../grid/locale'
import { DEFAULT_COL, gridTheme } from '../grid/theme'
import { ReadOnlyNote, useReadOnly } from '../readOnly'
import { ACTION_LABELS, DetailPanel } from '../registry/DetailPanel'
import { pasteInput } from '../registry/paste'
import { NO_QUICK, passesQuick, quickActive, QuickFilters, type Quick } from '../registry/QuickFilters'
import { earlyFirstRowsIfHere, loadAllRows, loadFirstRows, loadRows } from '../registry/rows'
import '../registry/registry.css'

// The Số liệu năm tab (and AG Grid's React wrapper it uses) loads when first opened.
const YearlyFigures = lazy(() => import('./YearlyFigures').then((m) => ({ default: m.YearlyFigures })))

/** What the status bar says about the list: how many rows the filters show, and whether one is on. */
export interface ListCount {
  shown: number
  searching: boolean
}

const COLUMNS_PREF = 'registry.columns'

type Tab = 'register' | 'figures'

/** The empty row under the register, typed into like Excel's next free line: kind HTX until changed. */
const emptyNewRow = (): GridRow => ({ id: NEW_ROW_ID, kind: 'htx', name: '', rowVersion: 0 }) as unknown as GridRow

/** What was typed into the new row, as entity.create takes it: blank cells left out. */
function typedFields(row: GridRow): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) if (k !== 'id' && k !== 'rowVersion' && v !== null && v !== undefined && v !== '') out[k] = v
  return out
}

/** «HTX An Bình», or «HTX An Bình», «HTX Bình Minh» và 3 HTX khác: who a message is about. */
function named(names: string[]): string {
  if (names.length === 0) return ''
  const shown = names
    .slice(0, 2)
    .map((n) => `«${n}»`)
    .join(', ')
  return names.length > 2 ? `${shown} và ${names.length - 2} bản ghi khác` : shown
}

/** After the page's next paint (the grid draws its rows in animation frames). */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))

export function Registry({
  onCount,
  onChanged,
  open
}: {
  onCount(c: ListCount): void
  onChanged(): void
  /** A record to show in the detail panel (a finding's link on «Kiểm tra số liệu»). */
  open?: { id: number; n: number } | null
}) {
  const [tab, setTab] = useState<Tab>('register')
  const [figuresOpened, setFiguresOpened] = useState(false)
  // The first rows main.tsx asked for, when they came before this screen: the grid starts with them.
  const [rows, setRows] = useState<GridRow[] | null>(earlyFirstRowsIfHere)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Set<number> | null>(null)
  const [quick, setQuick] = useState<Quick>(NO_QUICK)
  const [notice, setNotice] = useState<Notice | null>(null)
  // A viewer's profile or a province's register: cells do not open, paste and "+ Thêm" are not offered.
  const readOnly = useReadOnly()
  const readOnlyRef = useRef(readOnly)
  readOnlyRef.current = readOnly
  const [adding, setAdding] = useState(false)
  const [detailId, setDetailId] = useState<number | null>(null)
  const [detailVersion, setDetailVersion] = useState(0)
  useEffect(() => {
    if (!open) return
    setTab('register')
    setDetailId(open.id)
  }, [open])
  const [api, setApi] = useState<GridApi<GridRow> | null>(null)
  const apiRef = useRef<GridApi<GridRow> | null>(null)
  const gridRef = useRef<GridApi<GridRow> | null>(null)
  const [complete, setComplete] = useState(false)
  // Only the answer to the latest search may filter the grid; a slow earlier one is dropped.
  const latestSearch = useRef(0)
  // The version of each row this screen last saw, and each row's pending save:
  // two quick edits of one row go one after the other, the second with the first's new version.
  const versions = useRef(new Map<number, number>())
  const saving = useRef(new Map<number, Promise<void>>())
  // The external filter reads these through refs: AG Grid keeps the first callbacks it was given.
  const filterState = useRef({ found, quick })
  filterState.current = { found, quick }
  const prefsReady = useRef(false)
  // The new row being typed: saved through entity.create when it is left with a name.
  const newRow = useRef<GridRow>(emptyNewRow())
  const creating = useRef(false)
  const enterInNewRow = useRef(false)
  const saveColumns = useMemo(() => columnSaver(COLUMNS_PREF, (err) => setNotice({ kind: 'error', text: messageOf(err) })), [])

  // The first screenfuls come in a quick call (or came before this screen) and are painted while the whole register loads.
  const rowsRef = useRef(rows)
  rowsRef.current = rows
  const firstLoad = useRef(true)
  const loadError = useRef<Notice | null>(null)
  const load = useCallback(async () => {
    try {
      if (firstLoad.current) {
        firstLoad.current = false
        if (rowsRef.current === null) {
          const first = await loadFirstRows()
          setRows((r) => r ?? first)
        }
        // The whole register is asked for once they are on screen: the core's long read would slow their painting.
        await painted()
      }
      setComplete(false)
      const all = await loadAllRows()
      // New rows would cut short an edit under way: they wait until it ends.
      const grid = apiRef.current
      while (grid && !grid.isDestroyed() && grid.getEditingCells().length > 0) await new Promise((r) => setTimeout(r, 300))
      setRows(all)
      setComplete(true)
      // A register that could not be read a moment ago now has been: that error is gone with its cause.
      setNotice((n) => (n === loadError.current ? null : n))
      onChanged()
    } catch (err) {
      loadError.current = { kind: 'error', text: messageOf(err) }
      setNotice(loadError.current)
    }
  }, [onChanged])

  useEffect(() => {
    void load()
  }, [load])

  // Search as the user types, once they pause: the core answers with the ids that match.
  useEffect(() => {
    const ticket = ++latestSearch.current
    if (query.trim() === '') {
      setFound(null)
      return
    }
    const timer = setTimeout(() => {
      call('entity.search', { q: query }).then(
        (r) => ticket === latestSearch.current && setFound(new Set(r.ids)),
        (err) => ticket === latestSearch.current && setNotice({ kind: 'error', text: messageOf(err) })
      )
    }, 200)
    return () => clearTimeout(timer)
  }, [query])

  useEffect(() => {
    api?.onFilterChanged()
  }, [api, found, quick])

  // A success message goes by itself; an error stays until read and closed.
  useEffect(() => {
    if (notice?.kind !== 'success') return
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), 8000)
    return () => clearTimeout(timer)
  }, [notice])

  const communes = useMemo(() => {
    const set = new Set<string>()
    for (const r of rows ?? []) if (r.commune && !r.deletedAt) set.add(r.commune)
    return [...set].sort(compareVi)
  }, [rows])

  // Told to the status bar only when it changes: each telling re-renders the whole app.
  const lastCount = useRef('')
  const countRows = useCallback(() => {
    if (!api || api.isDestroyed()) return
    const count = {
      shown: api.getDisplayedRowCount(),
      searching: found !== null || quickActive(quick) || quick.showDeleted || api.isColumnFilterPresent()
    }
    if (JSON.stringify(count) === lastCount.current) return
    lastCount.current = JSON.stringify(count)
    onCount(count)
  }, [api, found, quick, onCount])
  useEffect(countRows, [countRows])

  /** Puts fresh copies of records into the grid (gone ones out), e.g. after a save, paste, undo or status event. */
  const refreshRows = useCallback(
    async (ids: number[]) => {
      if (!api) return
      const fresh = await loadRows(ids)
      for (const r of fresh) versions.current.set(r.id, r.rowVersion)
      const gone = ids
        .filter((id) => !fresh.some((r) => r.id === id))
        .map((id) => api.getRowNode(String(id))?.data)
        .filter((d): d is GridRow => !!d)
      api.applyTransaction({ update: fresh.filter((r) => api.getRowNode(String(r.id))), remove: gone })
      setDetailVersion((v) => v + 1)
    },
    [api]
  )

  async function save(row: GridRow, field: keyof EntityFields, value: unknown, confirmDuplicate = false) {
    try {
      // The newer of what this screen saved last and what it last loaded.
      const rowVersion = Math.max(versions.current.get(row.id) ?? 0, row.rowVersion)
      const changes = { [field]: value } as Partial<EntityFields>
      const saved = await call('entity.update', { id: row.id, rowVersion, changes, ...(confirmDuplicate ? { confirmDuplicate } : {}) })
      versions.current.set(saved.id, saved.rowVersion)
      await refreshRows([saved.id])
      const done = `Đã lưu ${FIELD_LABELS[field] ?? field} của «${saved.name}».`
      setNotice(saved.warnings?.length ? { kind: 'warning', text: `${done} ${saved.warnings.join(' ')}` } : { kind: 'success', text: done })
      onChanged()
    } catch (err) {
      // Show the record as the register holds it, never the refused edit.
      await refreshRows([row.id]).catch(() => load())
      if (err instanceof AppError && err.code === 'DUPLICATE') {
        // Not refused: the core asks. Saying yes sends the same edit again, confirmed.
        setNotice({ kind: 'warning', text: err.message, action: { label: 'Vẫn lưu', run: () => queueSave(row, field, value, true) } })
      } else {
        setNotice({ kind: 'error', text: messageOf(err) })
      }
    }
  }

  function queueSave(row: GridRow, field: keyof EntityFields, value: unknown, confirmDuplicate = false) {
    const before = saving.current.get(row.id) ?? Promise.resolve()
    const next = before.then(() => save(row, field, value, confirmDuplicate))
    saving.current.set(row.id, next)
    void next.finally(() => {
      if (saving.current.get(row.id) === next) saving.current.delete(row.id)
    })
  }

  function onCellValueChanged(event: CellValueChangedEvent<GridRow>) {
    const field = event.colDef.field as keyof EntityFields
    const row = event.data
    if (!row || event.oldValue === event.newValue) return
    // The new row keeps what is typed until it is left (onCellFocused) or Enter ends it.
    if (isNewRow(row)) return
    queueSave(row, field, event.newValue)
  }

  /** The new row, left with a name: one entity.create; the row empties for the next one. */
  async function createFromNewRow(stayInRow: boolean, confirmDuplicate = false) {
    const grid = apiRef.current
    const fields = typedFields(newRow.current)
    if (!grid || creating.current || typeof fields.name !== 'string' || fields.name.trim() === '') return
    creating.current = true
    try {
      const entity = await call('entity.create', {
        ...(fields as unknown as EntityFields),
        ...(confirmDuplicate ? { confirmDuplicate } : {})
      })
      newRow.current = emptyNewRow()
      grid.setGridOption('pinnedBottomRowData', [newRow.current])
      const [added] = await loadRows([entity.id])
      if (added) {
        versions.current.set(added.id, added.rowVersion)
        grid.applyTransaction({ add: [added] })
      }
      const done = `Đã thêm «${entity.name}» vào sổ.`
      setNotice(
        entity.warnings?.length ? { kind: 'warning', text: `${done} ${entity.warnings.join(' ')}` } : { kind: 'success', text: done }
      )
      onChanged()
      if (stayInRow) grid.setFocusedCell(0, 'name', 'bottom')
    } catch (err) {
      if (err instanceof AppError && err.code === 'DUPLICATE') {
        setNotice({ kind: 'warning', text: err.message, action: { label: 'Vẫn thêm', run: () => void createFromNewRow(stayInRow, true) } })
      } else {
        setNotice({ kind: 'error', text: `Chưa thêm được dòng mới: ${messageOf(err)}` })
      }
    } finally {
      creating.current = false
    }
  }

  function onCellEditingStopped(e: CellEditingStoppedEvent<GridRow>) {
    if (!e.rowPinned || !enterInNewRow.current) return
    enterInNewRow.current = false
    void createFromNewRow(true)
  }

  /** Ctrl+Z outside a cell editor: the core undoes this profile's last change from the audit log. */
  async function undo() {
    try {
      const done = await call('entity.undo', {})
      if (done.entityIds.length) await refreshRows(done.entityIds)
      onChanged()
      const what = done.action === 'paste' ? `Dán ${done.entityIds.length} dòng` : (ACTION_LABELS[done.action] ?? done.action)
      setNotice({ kind: 'success', text: `Đã hoàn tác: ${what}${done.names.length ? ` ${named(done.names)}` : ''}.` })
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  /** A block copied from Excel, placed at the focused cell: all of it saved in one transaction, or none. */
  async function paste(text: string) {
    if (!api) return
    const focused = api.getFocusedCell()
    if (!focused || focused.rowIndex === null) {
      setNotice({ kind: 'error', text: 'Hãy chọn ô bắt đầu trong bảng trước khi dán.' })
      return
    }
    if (focused.rowPinned) {
      setNotice({ kind: 'error', text: 'Dòng mới cuối bảng chỉ gõ được từng ô; hãy dán vào các dòng đã có trong sổ.' })
      return
    }
    const rowIds: number[] = []
    api.forEachNodeAfterFilterAndSort((node: IRowNode<GridRow>) => {
      if (node.data) rowIds.push(node.data.id)
    })
    const fields = api
      .getAllDisplayedColumns()
      .map((c) => c.getColDef().field)
      .filter((f): f is keyof GridRow => !!f)
    const start = { rowIndex: focused.rowIndex, field: focused.column.getColDef().field ?? '' }
    try {
      const input = pasteInput(text, rowIds, fields, start)
      const result = await call('entity.paste', input)
      await refreshRows(input.rowIds)
      onChanged()
      setNotice({ kind: 'success', text: `Đã dán ${result.updated} dòng × ${input.fields.length} cột.` })
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof AppError ? err.message : err instanceof Error ? err.message : messageOf(err) })
    }
  }

  /** Keys and paste inside a cell editor or a filter box are the text box's own (its own undo, its own paste). */
  const inTextBox = (target: EventTarget | null) =>
    target instanceof HTMLElement && !!target.closest('.ag-cell-inline-editing, .ag-floating-filter, .ag-filter, input, textarea, select')

  function onGridKeyDown(e: React.KeyboardEvent) {
    // Enter ending an edit in the new row saves it, as Enter on Excel's last line goes on to the next.
    if (
      e.key === 'Enter' &&
      e.target instanceof HTMLElement &&
      e.target.closest('.ag-cell-inline-editing') &&
      apiRef.current?.getFocusedCell()?.rowPinned === 'bottom'
    ) {
      enterInNewRow.current = true
    }
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !inTextBox(e.target)) {
      e.preventDefault()
      e.stopPropagation()
      if (readOnly) setNotice({ kind: 'error', text: `Không hoàn tác được. ${readOnly}` })
      else void undo()
    }
  }

  function onGridPaste(e: React.ClipboardEvent) {
    if (inTextBox(e.target)) return
    e.preventDefault()
    if (readOnly) {
      setNotice({ kind: 'error', text: `Không dán được. ${readOnly}` })
      return
    }
    void paste(e.clipboardData.getData('text/plain'))
  }

  async function onGridReady(event: GridReadyEvent<GridRow>) {
    setApi(event.api)
    apiRef.current = event.api
    try {
      await restoreColumns(event.api, COLUMNS_PREF)
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
    prefsReady.current = true
  }
  // Only what a person did is saved: the grid unpinning columns for a narrow window is not their choice.
  const columnsChanged = (source: ColumnEventType | undefined) => {
    if (prefsReady.current && api && savedByPerson(source)) saveColumns(api)
  }

  // While the panel is open it follows the focused row, so arrows walk through records.
  function onCellFocused(e: CellFocusedEvent<GridRow>) {
    if (!e.rowPinned && typedFields(newRow.current).name) void createFromNewRow(false)
    if (e.rowPinned) return
    if (detailId === null || e.rowIndex === null || !api) return
    const id = api.getDisplayedRowAtIndex(e.rowIndex)?.data?.id
    if (id && id !== detailId) setDetailId(id)
  }

  const context = useMemo(() => ({ openDetail: (id: number) => setDetailId(id), canWrite: () => readOnlyRef.current === null }), [])
  // Signed in as a viewer in the middle of an edit: the edit ends unsaved, and there is no new row to type into.
  useEffect(() => {
    if (readOnly) gridRef.current?.stopEditing(true)
    gridRef.current?.setGridOption('pinnedBottomRowData', readOnly ? [] : [newRow.current])
  }, [readOnly])
  // Grid options that never change: new functions on each render would make AG Grid refilter and stop an edit.
  const gridOptions = useMemo(
    () => ({
      getRowId: (p: { data: GridRow; rowPinned?: string | null }) => (p.rowPinned ? 'new' : String(p.data.id)),
      // Kind, name and › stay pinned at any width; the layout (registry.css) keeps room for the rest.
      processUnpinnedColumns: () => [],
      isExternalFilterPresent: () => true,
      doesExternalFilterPass: (node: IRowNode<GridRow>) => {
        const { found: ids, quick: q } = filterState.current
        return !!node.data && passesQuick(q, node.data) && (ids === null || ids.has(node.data.id))
      },
      rowClassRules: {
        'row-deleted': (p: { data?: GridRow }) => !!p.data?.deletedAt,
        'row-new': (p: { data?: GridRow }) => !!p.data && isNewRow(p.data)
      }
    }),
    []
  )
  const handlers = useRef({ countRows, columnsChanged, onCellFocused, onCellValueChanged, onCellEditingStopped, onGridReady })
  handlers.current = { countRows, columnsChanged, onCellFocused, onCellValueChanged, onCellEditingStopped, onGridReady }
  const events = useMemo(
    () => ({
      onModelUpdated: () => handlers.current.countRows(),
      onDisplayedColumnsChanged: (e: { source?: ColumnEventType }) => handlers.current.columnsChanged(e.source),
      onColumnResized: (e: { finished: boolean; source?: ColumnEventType }) => e.finished && handlers.current.columnsChanged(e.source),
      onSortChanged: (e: { source?: string }) => handlers.current.columnsChanged(e.source as ColumnEventType),
      onCellEditingStopped: (e: CellEditingStoppedEvent<GridRow>) => handlers.current.onCellEditingStopped(e),
      onCellFocused: (e: CellFocusedEvent<GridRow>) => handlers.current.onCellFocused(e),
      onCellValueChanged: (e: CellValueChangedEvent<GridRow>) => handlers.current.onCellValueChanged(e)
    }),
    []
  )

  // AG Grid itself, not its React wrapper: the wrapper renders every cell as a React component, which
  // doubled the time to the first painted rows. Its options never change; rows and the loading note do.
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const grid = createGrid<GridRow>(host.current!, {
      theme: gridTheme,
      columnDefs: COLUMNS,
      defaultColDef: DEFAULT_COL,
      ...gridOptions,
      ...events,
      localeText: AG_GRID_VI,
      context,
      rowData: rowsRef.current,
      pinnedBottomRowData: readOnlyRef.current ? [] : [newRow.current],
      loading: rowsRef.current === null,
      onGridReady: (e: GridReadyEvent<GridRow>) => void handlers.current.onGridReady(e),
      tooltipShowDelay: 600,
      suppressColumnVirtualisation: true,
      // Rows drawn in the scroll event itself, not in a frame the grid asks for after it: a screenful
      // scrolled lands painted one frame sooner (bench grid: × 3,0 → × 2,5–2,9 of a frame). Its cells are
      // plain text and one small button, drawn in 8–12 ms here, so nothing is left to spread over frames.
      suppressAnimationFrame: true,
      stopEditingWhenCellsLoseFocus: true,
      enterNavigatesVertically: true,
      enterNavigatesVerticallyAfterEdit: true
    })
    gridRef.current = grid
    return () => {
      gridRef.current = null
      grid.destroy()
    }
  }, [gridOptions, events, context])
  useEffect(() => {
    const grid = gridRef.current
    if (!grid || grid.isDestroyed()) return
    if (rows !== null && grid.getGridOption('rowData') !== rows) grid.setGridOption('rowData', rows)
    grid.setGridOption('loading', rows === null)
  }, [rows])

  return (
    <section className="page registry">
      <header className="page-header">
        <h1>Sổ đăng ký</h1>
        <div className="tabs" role="tablist" aria-label="Phần của sổ">
          {(
            [
              ['register', 'Sổ đăng ký'],
              ['figures', 'Số liệu năm']
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'tab active' : 'tab'}
              data-testid={`tab-${id}`}
              onClick={() => {
                setTab(id)
                if (id === 'figures') setFiguresOpened(true)
              }}
            >
              {label}
            </button>
          ))}
        </div>
        {tab === 'register' && (
          <>
            <input
              className="search"
              type="search"
              data-testid="search"
              aria-label="Tìm trong sổ đăng ký"
              placeholder="Tìm theo tên, mã số, người đại diện, địa chỉ — gõ không dấu cũng được"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            {!readOnly && (
              <button className="primary" data-testid="add-entity" onClick={() => setAdding(true)}>
                + Thêm HTX
              </button>
            )}
          </>
        )}
      </header>
      <div className="registry-tab" hidden={tab !== 'register'}>
        <div className="registry-toolbar">
          <QuickFilters value={quick} communes={communes} onChange={setQuick} />
          <ColumnChooser api={api} />
        </div>
        <ReadOnlyNote />
        <div className="registry-body">
          <div className="grid" data-testid="registry-grid" onKeyDownCapture={onGridKeyDown} onPaste={onGridPaste}>
            <div ref={host} className="grid-host" />
          </div>
          {detailId !== null && (
            <DetailPanel
              id={detailId}
              version={detailVersion}
              onClose={() => setDetailId(null)}
              onChanged={(id, gone) => {
                onChanged()
                void (gone ? refreshRows([id]).then(() => setDetailId(null)) : refreshRows([id]))
              }}
            />
          )}
        </div>
        {/* Messages float over the hint line: the grid never moves when one comes or goes. */}
        <div className="notice-slot">
          <p className="hint">
            {!complete && rows !== null && <strong data-testid="loading-all">Đang tải toàn bộ sổ… </strong>}
            {readOnly
              ? 'Chỉ xem: tìm, lọc, sắp xếp và bấm › để xem chi tiết.'
              : 'Gõ để sửa ô (hoặc F2), Enter/Tab để lưu và đi tiếp, Esc để bỏ; Ctrl+Z hoàn tác bước vừa rồi (cả một lần dán); Ctrl+V dán một khối từ Excel; dòng trống cuối bảng để gõ HTX mới. Ngày gõ dd/mm/yyyy, vốn gõ 1.500.000.000. Bấm › để xem chi tiết.'}
          </p>
          <Banner notice={notice} onClose={() => setNotice(null)} place="slot" />
        </div>
      </div>
      {figuresOpened && (
        <div className="registry-tab" hidden={tab !== 'figures'}>
          <Suspense fallback={<div className="loading">Đang mở…</div>}>
            <YearlyFigures />
          </Suspense>
        </div>
      )}
      {adding && (
        <EntityForm
          onCancel={() => setAdding(false)}
          onSaved={(entity) => {
            setAdding(false)
            const done = `Đã thêm «${entity.name}» vào sổ.`
            setNotice(
              entity.warnings?.length ? { kind: 'warning', text: `${done} ${entity.warnings.join(' ')}` } : { kind: 'success', text: done }
            )
            void load()
          }}
        />
      )}
    </section>
  )
}

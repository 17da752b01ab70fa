/**
 * A small, keyboard-first editor for one list field of a record (OCOP
 * products, VSIC business lines, member cooperatives): shows the list, and on
 * "Sửa" turns it into rows of inputs — add a row, edit, remove, "Lưu" / "Hủy".
 * One save is one call (the screen's `onSave`); the core judges the values and
 * its Vietnamese messages are shown beside the cell, the row or the list they
 * name. Nothing is refused here: cells go to the core as typed (numbers when
 * they read as numbers), only rows left blank (as added) are left out.
 *
 * Keys while editing: Enter saves, Esc cancels, Ctrl+Enter adds a row,
 * Ctrl+Shift+Delete removes the row being typed in.
 */
import { useLayoutEffect, useRef, useState } from 'react'
import { fieldErrors, messageOf } from '../api'
import { typedNumber } from '../../../shared/numbers'

export interface ListColumn {
  key: string
  label: string
  /** 'int' cells are sent as integers when they read as one (dots and spaces ignored), as typed otherwise. */
  type?: 'text' | 'int'
  placeholder?: string
  /** Relative width (flex-grow) of the cell. */
  grow?: number
}

type Cells = Record<string, string>

export interface ListEditorProps<T> {
  /** The record's field, as the core names it (errors come back as `changes.<field>.<row>.<key>`). */
  field: string
  title: string
  /** data-testid prefix: `${testId}`, `${testId}-edit`, `${testId}-save`… */
  testId: string
  items: readonly T[] | null | undefined
  columns: readonly ListColumn[]
  /** One item as the person reads it, in the list shown when not editing. */
  show: (item: T) => string
  toCells: (item: T) => Cells
  /** An item from its row: 'int' cells already read as numbers where they could be. */
  fromCells: (values: Record<string, unknown>) => T
  /** A new row's cells (e.g. this year for an OCOP product). */
  blank?: () => Cells
  empty: string
  /** Saves the whole list (null when emptied); throws the core's error. */
  onSave: (items: T[] | null) => Promise<void>
  /** The list is shown without its "Sửa" (a viewer's profile, a province's register). */
  readOnly?: boolean
}

interface Row {
  key: number
  cells: Cells
}

/** "1.234" or "4" → a number (shared/numbers.ts); anything else stays the text typed, for the core to name. */
const parseInt_ = typedNumber

export function ListEditor<T>(props: ListEditorProps<T>) {
  const { field, title, testId, items, columns, show, toCells, fromCells, blank, empty, onSave, readOnly = false } = props
  const [rows, setRows] = useState<Row[] | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [general, setGeneral] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const nextKey = useRef(1)
  const root = useRef<HTMLElement>(null)
  /** Where the focus goes after the next render: a cell "row:col", or a button's test id. */
  const focusNext = useRef<string | null>(null)
  const list = items ?? []

  // Before paint, so the focus has moved by the time the new rows or the "Sửa" button are seen.
  useLayoutEffect(() => {
    const target = focusNext.current
    if (!target || !root.current) return
    focusNext.current = null
    root.current.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus()
  })

  const newRow = (cells: Cells): Row => ({ key: nextKey.current++, cells })
  const blankCells = (): Cells => ({ ...Object.fromEntries(columns.map((c) => [c.key, ''])), ...(blank?.() ?? {}) })

  function start() {
    setRows(list.length ? list.map((item) => newRow(toCells(item))) : [newRow(blankCells())])
    setErrors({})
    setGeneral(null)
    focusNext.current = '0:0'
  }

  function cancel() {
    setRows(null)
    setErrors({})
    setGeneral(null)
    focusNext.current = 'edit'
  }

  function addRow() {
    if (!rows) return
    focusNext.current = `${rows.length}:0`
    setRows([...rows, newRow(blankCells())])
    setErrors({})
  }

  function removeRow(index: number) {
    if (!rows) return
    const left = rows.filter((_, i) => i !== index)
    focusNext.current = left.length === 0 ? 'add' : `${Math.min(index, left.length - 1)}:0`
    setRows(left)
    // Row numbers in the core's messages no longer match: clear them rather than point at the wrong row.
    setErrors({})
  }

  function setCell(index: number, key: string, value: string) {
    setRows((rs) => rs && rs.map((r, i) => (i === index ? { ...r, cells: { ...r.cells, [key]: value } } : r)))
  }

  async function save() {
    if (!rows || busy) return
    // Rows left blank (or as added, e.g. only this year's number) are rows the person added and did not use.
    const fresh = blankCells()
    const kept = rows.filter((r) => columns.some((c) => !['', (fresh[c.key] ?? '').trim()].includes((r.cells[c.key] ?? '').trim())))
    const values = kept.map((r) =>
      fromCells(
        Object.fromEntries(columns.map((c) => [c.key, c.type === 'int' ? parseInt_(r.cells[c.key] ?? '') : (r.cells[c.key] ?? '')]))
      )
    )
    const next = values.length ? values : null
    if (JSON.stringify(next) === JSON.stringify(items?.length ? items : null)) {
      cancel()
      return
    }
    setBusy(true)
    try {
      await onSave(next)
      setRows(null)
      setErrors({})
      setGeneral(null)
      focusNext.current = 'edit'
    } catch (err) {
      // The core's row numbers count the rows sent: show them on the rows as the person sees them.
      setRows(kept.length ? kept : rows)
      const { cells, rest } = splitErrors(field, fieldErrors(err), columns)
      setErrors(cells)
      // A message about the whole list, another field or no field at all is said in full, as the core put it.
      setGeneral(Object.keys(rest).length || !Object.keys(cells).length ? messageOf(err) : null)
    } finally {
      setBusy(false)
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      cancel()
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      addRow()
    } else if (e.key === 'Delete' && e.ctrlKey && e.shiftKey) {
      const at = (e.target as HTMLElement).closest<HTMLElement>('[data-row]')?.dataset.row
      if (at !== undefined) {
        e.preventDefault()
        removeRow(Number(at))
      }
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault()
      void save()
    }
  }

  const headingId = `${testId}-title`
  return (
    <section className="list-editor" ref={root} aria-labelledby={headingId} data-testid={testId}>
      <div className="list-editor-head">
        <h3 id={headingId}>{title}</h3>
        {!rows && !readOnly && (
          <button type="button" onClick={start} data-focus="edit" data-testid={`${testId}-edit`} aria-label={`Sửa ${title.toLowerCase()}`}>
            Sửa
          </button>
        )}
      </div>
      {!rows ? (
        list.length === 0 ? (
          <p className="muted" data-testid={`${testId}-items`}>
            {empty}
          </p>
        ) : (
          <ul data-testid={`${testId}-items`}>
            {list.map((item, i) => (
              <li key={i}>{show(item)}</li>
            ))}
          </ul>
        )
      ) : (
        <div className="list-editor-form" role="group" aria-label={`Sửa ${title.toLowerCase()}`} onKeyDown={onKeyDown}>
          <div className="list-editor-row list-editor-labels" aria-hidden="true">
            {columns.map((c) => (
              <span key={c.key} style={{ flexGrow: c.grow ?? 1 }} title={c.label}>
                {c.label}
              </span>
            ))}
            <span className="list-editor-spacer" />
          </div>
          {rows.map((row, i) => {
            const rowErrors = columns
              .map((c, j) => ({ c, error: errors[`${i}.${c.key}`] ?? (j === 0 ? errors[`${i}`] : undefined) }))
              .filter((x): x is { c: ListColumn; error: string } => x.error !== undefined)
            return (
              <div key={row.key} className="list-editor-item" data-row={i} data-testid={`${testId}-row`}>
                <div className="list-editor-row">
                  {columns.map((c, j) => (
                    <input
                      key={c.key}
                      className="list-editor-cell"
                      style={{ flexGrow: c.grow ?? 1 }}
                      value={row.cells[c.key] ?? ''}
                      onChange={(e) => setCell(i, c.key, e.target.value)}
                      placeholder={c.placeholder}
                      inputMode={c.type === 'int' ? 'numeric' : undefined}
                      aria-label={`${c.label}, dòng ${i + 1}`}
                      aria-invalid={rowErrors.some((x) => x.c === c)}
                      aria-describedby={rowErrors.some((x) => x.c === c) ? `${testId}-error-${i}` : undefined}
                      data-focus={`${i}:${j}`}
                      data-testid={`${testId}-${c.key}-${i}`}
                    />
                  ))}
                  <button
                    type="button"
                    className="list-editor-remove"
                    onClick={() => removeRow(i)}
                    aria-label={`Xóa dòng ${i + 1}`}
                    title="Xóa dòng (Ctrl+Shift+Delete)"
                    data-testid={`${testId}-remove-${i}`}
                  >
                    ×
                  </button>
                </div>
                {rowErrors.length > 0 && (
                  <small className="error list-editor-cell-error" id={`${testId}-error-${i}`}>
                    {rowErrors.map(({ c, error }) => (
                      <span key={c.key}>
                        {columns.length > 1 && `${c.label}: `}
                        <span data-testid={`${testId}-error-${i}`}>{error}</span>
                      </span>
                    ))}
                  </small>
                )}
              </div>
            )
          })}
          {general && (
            <p role="alert" className="error list-editor-error" data-testid={`${testId}-error`}>
              {general}
            </p>
          )}
          <div className="list-editor-actions">
            <button type="button" onClick={addRow} data-focus="add" data-testid={`${testId}-add`} title="Thêm dòng (Ctrl+Enter)">
              + Thêm dòng
            </button>
            <span className="list-editor-grow" />
            <button
              type="button"
              className="primary"
              onClick={() => void save()}
              disabled={busy}
              data-testid={`${testId}-save`}
              title="Lưu (Enter)"
            >
              Lưu
            </button>
            <button type="button" onClick={cancel} data-testid={`${testId}-cancel`} title="Hủy (Esc)">
              Hủy
            </button>
          </div>
          <p className="hint list-editor-hint">Enter: lưu · Esc: hủy · Ctrl+Enter: thêm dòng · Ctrl+Shift+Delete: xóa dòng</p>
        </div>
      )}
    </section>
  )
}

/**
 * The core's messages by where they point: `changes.<field>.<row>.<key>` → "row.key",
 * `changes.<field>.<row>` → "row"; anything else (the whole list, another field) stays apart.
 */
function splitErrors(field: string, fields: Record<string, string>, columns: readonly ListColumn[]) {
  const cells: Record<string, string> = {}
  const rest: Record<string, string> = {}
  const prefix = `changes.${field}.`
  for (const [key, message] of Object.entries(fields)) {
    const tail = key.startsWith(prefix) ? key.slice(prefix.length).split('.') : null
    if (tail && /^\d+$/.test(tail[0]!) && (tail.length === 1 || (tail.length === 2 && columns.some((c) => c.key === tail[1])))) {
      cells[tail.join('.')] = message
    } else {
      rest[key] = message
    }
  }
  return { cells, rest }
}

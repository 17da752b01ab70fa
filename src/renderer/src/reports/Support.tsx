/**
 * «Hỗ trợ»: the support register of a year in a grid — typed cell by cell (then «Lưu»),
 * pasted as a block from Excel (the block fills the columns from the chosen cell
 * rightwards, as in the register; the core reads it and refuses the whole block
 * naming the cell), or imported from a list. Phụ lục 3 and 4 are built from it.
 */
import type { CellValueChangedEvent, ColDef, GridApi, GridReadyEvent, ValueFormatterParams, ValueParserParams } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react'
import type { SupportField, SupportInput, SupportProgramme, SupportRow } from '../../../shared/api'
import { SUPPORT_FIELDS, SUPPORT_STAGE_LABELS } from '../../../shared/api'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { FilePicker } from '../components/FilePicker'
import { readAsBase64 } from '../files'
import { AG_GRID_VI } from '../grid/locale'
import { gridTheme } from '../grid/theme'
import { useReadOnly } from '../readOnly'
import { parseClipboard } from '../registry/paste'
import { parseViNumber } from './Targets'

/** A grid row: a stored row, or a new one not saved yet (negative key). */
type Draft = Omit<SupportRow, 'id' | 'unitCode' | 'programmeLabel' | 'entityId' | 'entityName' | 'total' | 'updatedAt'> & {
  key: number
  id: number | null
  entityName: string | null
  total: number | null
}

const fromRow = (r: SupportRow): Draft => ({ ...r, key: r.id })

function toInput(d: Draft): SupportInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    year: d.year,
    stage: d.stage,
    programme: d.programme,
    entity: d.entityRegNo,
    beneficiary: d.beneficiary,
    coops: d.coops,
    people: d.people,
    nstwDtpt: d.nstwDtpt,
    nstwSn: d.nstwSn,
    nsdpDtpt: d.nsdpDtpt,
    nsdpSn: d.nsdpSn,
    decisionNo: d.decisionNo,
    decisionDate: d.decisionDate,
    note: d.note
  }
}

/** Grid column → the field a pasted block fills. */
const FIELD_OF: Record<string, SupportField> = {
  year: 'year',
  stage: 'stage',
  programme: 'programme',
  entityRegNo: 'entity',
  beneficiary: 'beneficiary',
  coops: 'coops',
  people: 'people',
  nstwDtpt: 'nstwDtpt',
  nstwSn: 'nstwSn',
  nsdpDtpt: 'nsdpDtpt',
  nsdpSn: 'nsdpSn',
  decisionNo: 'decisionNo',
  decisionDate: 'decisionDate',
  note: 'note'
}

export function Support({ year, scope }: { year: number; scope: string | null }) {
  const readOnly = useReadOnly()
  const [programmes, setProgrammes] = useState<SupportProgramme[]>([])
  const [rows, setRows] = useState<Draft[]>([])
  const [changed, setChanged] = useState<Set<number>>(new Set())
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const api = useRef<GridApi<Draft> | null>(null)
  const nextKey = useRef(-1)

  const load = useCallback(() => {
    call('support.list', { year, scope }).then(
      (r) => (setRows(r.map(fromRow)), setChanged(new Set())),
      (err) => setMessage({ error: true, text: messageOf(err) })
    )
  }, [year, scope])
  useEffect(() => {
    call('support.programmes', {}).then(setProgrammes, () => setProgrammes([]))
  }, [])
  useEffect(load, [load])

  const columns = useMemo<Array<ColDef<Draft>>>(() => {
    const editable = !readOnly
    const num = (d: number) => (p: ValueFormatterParams<Draft, number | null>) =>
      p.value === null || p.value === undefined ? '' : formatNumber(p.value, Number.isInteger(p.value) ? 0 : d)
    const parse = (p: ValueParserParams<Draft>) => {
      const v = parseViNumber(String(p.newValue ?? ''))
      return v === undefined ? p.oldValue : v
    }
    const labelOf = new Map(programmes.map((p) => [p.code, p.label]))
    const n = (field: keyof Draft, headerName: string, width = 120): ColDef<Draft> => ({
      field,
      headerName,
      width,
      type: 'rightAligned',
      editable,
      valueFormatter: num(3),
      valueParser: parse
    })
    return [
      { field: 'year', headerName: 'Năm', width: 80, editable, valueParser: parse },
      {
        field: 'stage',
        headerName: 'KH / TH',
        width: 130,
        editable,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['plan', 'done'] },
        valueFormatter: (p) => (p.value ? SUPPORT_STAGE_LABELS[p.value as 'plan'] : '')
      },
      {
        field: 'programme',
        headerName: 'Nội dung hỗ trợ',
        width: 300,
        editable,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: programmes.map((p) => p.code) },
        valueFormatter: (p) => labelOf.get(p.value as string) ?? (p.value as string) ?? ''
      },
      { field: 'entityRegNo', headerName: 'Mã số HTX', width: 120, editable },
      {
        field: 'beneficiary',
        headerName: 'Đơn vị, người được hỗ trợ',
        width: 200,
        editable,
        valueGetter: (p) => p.data?.beneficiary ?? p.data?.entityName ?? null
      },
      n('coops', 'Số HTX', 90),
      n('people', 'Số người', 90),
      n('nstwDtpt', 'NSTW ĐTPT'),
      n('nstwSn', 'NSTW SN'),
      n('nsdpDtpt', 'NSĐP ĐTPT'),
      n('nsdpSn', 'NSĐP SN'),
      { field: 'total', headerName: 'Tổng (triệu đồng)', width: 130, type: 'rightAligned', valueFormatter: num(3) },
      { field: 'decisionNo', headerName: 'Số quyết định', width: 140, editable },
      {
        field: 'decisionDate',
        headerName: 'Ngày quyết định',
        width: 130,
        editable,
        valueFormatter: (p) => (p.value ? formatDate(p.value as string) : ''),
        valueParser: (p) => (String(p.newValue ?? '').trim() === '' ? null : (parseViDate(String(p.newValue)) ?? p.oldValue))
      },
      { field: 'note', headerName: 'Ghi chú', width: 200, editable }
    ]
  }, [programmes, readOnly])

  function onChange(e: CellValueChangedEvent<Draft>) {
    if (!e.data) return
    const key = e.data.key
    setChanged((s) => new Set(s).add(key))
    setMessage(null)
  }

  function addRow() {
    const d: Draft = {
      key: nextKey.current--,
      id: null,
      year,
      stage: 'done',
      programme: programmes[0]?.code ?? '',
      entityRegNo: null,
      entityName: null,
      beneficiary: null,
      coops: null,
      people: null,
      nstwDtpt: null,
      nstwSn: null,
      nsdpDtpt: null,
      nsdpSn: null,
      total: null,
      decisionNo: null,
      decisionDate: null,
      note: null
    }
    setRows((r) => [...r, d])
    setChanged((s) => new Set(s).add(d.key))
  }

  async function save() {
    const drafts = rows.filter((r) => changed.has(r.key))
    try {
      const r = await call('support.save', { rows: drafts.map(toInput) })
      setMessage({ error: false, text: `Đã lưu ${formatNumber(r.saved.length)} dòng hỗ trợ.` })
      load()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  async function remove() {
    // The row of the chosen cell (no selection module: the grid keeps to the modules the app registers).
    const at = api.current?.getFocusedCell()?.rowIndex
    const draft = at === undefined || at === null ? undefined : api.current?.getDisplayedRowAtIndex(at)?.data
    if (!draft) return setMessage({ error: true, text: 'Hãy chọn một ô của dòng cần xóa.' })
    if (draft.id === null) {
      setRows((r) => r.filter((x) => x.key !== draft.key))
      setChanged((c) => new Set([...c].filter((k) => k !== draft.key)))
      return
    }
    const ids = [draft.id]
    try {
      const r = await call('support.delete', { ids })
      setMessage({ error: false, text: `Đã xóa ${formatNumber(r.deleted)} dòng hỗ trợ.` })
      load()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  async function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (readOnly) return
    // Inside a cell editor the text box takes its own paste.
    if ((e.target as HTMLElement).closest('input, textarea, select')) return
    e.preventDefault()
    const block = parseClipboard(e.clipboardData.getData('text/plain'))
    if (block.length === 0) return
    const focused = api.current?.getFocusedCell()?.column.getColId()
    const start = Math.max(0, focused && FIELD_OF[focused] ? SUPPORT_FIELDS.indexOf(FIELD_OF[focused]!) : 0)
    const width = Math.max(...block.map((r) => r.length))
    const fields = SUPPORT_FIELDS.slice(start, start + width)
    try {
      const r = await call('support.paste', { columns: [...fields], rows: block.map((cells) => cells.slice(0, fields.length)) })
      setMessage({ error: false, text: `Đã dán ${formatNumber(r.saved)} dòng hỗ trợ.` })
      load()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  async function importFile(files: FileList | null) {
    const file = files?.[0]
    if (!file) return
    try {
      const r = await call('support.import', { file: await readAsBase64(file) })
      setMessage({ error: false, text: `Đã nhập ${formatNumber(r.saved)} dòng hỗ trợ từ ${r.file} (trang «${r.sheet}»).` })
      load()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  return (
    <div className="rep-targets">
      <div className="rep-bar">
        <span className="hint">
          Hỗ trợ năm {year}, tiền tính bằng triệu đồng. Dán khối từ Excel vào ô đã chọn (các cột theo thứ tự trên lưới), hoặc nhập danh sách
          có dòng tiêu đề.
        </span>
        {!readOnly && (
          <>
            <button onClick={addRow} data-testid="support-add">
              + Thêm dòng
            </button>
            <button onClick={remove} data-testid="support-delete">
              Xóa dòng đang chọn
            </button>
            <FilePicker accept=".xlsx,.xls,.csv,.ods" testId="support-import" label="Nhập danh sách…" onFiles={importFile} clearAfter />
            <button className="primary" disabled={changed.size === 0} onClick={save} data-testid="support-save">
              Lưu ({changed.size})
            </button>
          </>
        )}
      </div>
      {message && (
        <p className={message.error ? 'error' : 'hint'} data-testid="support-message">
          {message.text}
        </p>
      )}
      <div className="grid" data-testid="support-grid" onPaste={onPaste}>
        <AgGridReact<Draft>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.key)}
          onGridReady={(e: GridReadyEvent<Draft>) => (api.current = e.api)}
          onCellValueChanged={onChange}
          localeText={AG_GRID_VI}
          stopEditingWhenCellsLoseFocus
          // Fifteen columns: all of them in the page, so a cell far right can be reached and read like the others.
          suppressColumnVirtualisation
        />
      </div>
    </div>
  )
}

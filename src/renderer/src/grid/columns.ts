/**
 * The registry grid's columns: how each field is shown (dd/mm/yyyy, 1.234.567,
 * Vietnamese labels) and edited. Saving is the screen's job, through the API.
 */
import type { ColDef, ICellRendererComp, ICellRendererParams, ValueFormatterParams, ValueParserParams } from 'ag-grid-community'
import type { GridRow } from '../../../shared/api'
import { ENTITY_KINDS, KIND_SHORT, SECTORS, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { typedNumber } from '../../../shared/numbers'
import { compareVi, fold, formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { CommuneEditor } from './CommuneEditor'

/** What a grid's `context` tells its cells about writing: asked at each edit, so a change of profile needs no new grid. */
export interface EditContext {
  canWrite(): boolean
}

/** A cell opens for editing only when this window may write (readOnly.ts); the core refuses otherwise anyway. */
export const canEdit = (p: { context?: Partial<EditContext> }) => p.context?.canWrite?.() ?? true

/** The empty row under the register where a new record is typed (Registry.tsx pins it at the bottom). */
export const NEW_ROW_ID = -1
export const isNewRow = (row: { id: number }) => row.id === NEW_ROW_ID

/** Column filters match as the search box does: "bac son" finds "Xã Bắc Sơn". */
const FOLDED = { textFormatter: (text: string) => fold(text) }

/** A cleared cell means "no value"; text is trimmed. */
const blankToNull = (p: ValueParserParams<GridRow>) => {
  const s = String(p.newValue ?? '').trim()
  return s === '' ? null : s
}

/** Vietnamese alphabetical order for text columns; long values show whole on hover. */
const viText = {
  comparator: (a: string | null, b: string | null) => compareVi(a, b),
  filter: 'agTextColumnFilter',
  filterParams: FOLDED,
  valueParser: blankToNull,
  tooltipValueGetter: (p: { value?: unknown }) => (typeof p.value === 'string' && p.value.length > 18 ? p.value : undefined)
}

/** "1.500.000.000", "-50.000.000", "1234567,89" → a number (shared/numbers.ts); anything else stays text for the core to name. */
export const parseMoney = typedNumber

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/

/** Whether text looks like a date typed day first (or ISO); whether it is on the calendar is the core's call. */
export function looksLikeDate(text: string): boolean {
  const s = text.trim()
  return DAY_FIRST.test(s) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(s)
}

/**
 * A typed date, day first → yyyy-mm-dd. A well-formed day that is not on the
 * calendar (31/02/2024) is still sent in ISO shape, and other text as typed,
 * so the core's message names the actual problem.
 */
export function parseDateCell(text: unknown): string | null {
  const s = String(text ?? '').trim()
  if (s === '') return null
  const parsed = parseViDate(s)
  if (parsed) return parsed
  const m = DAY_FIRST.exec(s)
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s
}

/** A date column typed and shown as dd/mm/yyyy, filtered by what it shows. */
function dateColumn(field: 'registrationDate' | 'contractDate', headerName: string, hide = false, width = 112): ColDef<GridRow> {
  return {
    field,
    headerName,
    width,
    hide,
    editable: canEdit,
    valueFormatter: (p) => formatDate(p.value as string | null),
    valueParser: (p: ValueParserParams<GridRow>) => parseDateCell(p.newValue),
    filter: 'agTextColumnFilter',
    filterParams: FOLDED,
    filterValueGetter: (p) => formatDate(p.data?.[field])
  }
}

/**
 * The narrow first column: opens the record's detail panel. Plain DOM, not a
 * React component: the grid makes one per painted row on every scroll.
 */
class DetailButton implements ICellRendererComp<GridRow> {
  private readonly button = document.createElement('button')

  init(p: ICellRendererParams<GridRow>): void {
    const row = p.data
    this.button.type = 'button'
    this.button.className = 'detail-open'
    this.button.tabIndex = -1
    this.button.textContent = '›'
    this.button.dataset.testid = 'open-detail'
    this.button.hidden = !row || isNewRow(row)
    if (!row || isNewRow(row)) return
    this.button.setAttribute('aria-label', `Xem chi tiết ${row.name}`)
    this.button.addEventListener('click', () => p.context.openDetail(row.id))
  }

  getGui(): HTMLElement {
    return this.button
  }

  /** A changed row gets a new button (its name is in the label). */
  refresh(): boolean {
    return false
  }
}

/**
 * The › that opens the detail panel, then kind and name stay pinned on the
 * left; the rest scroll, most used first, so a 1366-pixel screen shows up to the
 * charter capital whole, without scrolling: a right-aligned number cut at the
 * grid's edge would read a thousand times too small (800.000.000 as «800.000»). Every other field of the record is a
 * column too, hidden until chosen ("Cột").
 */
export const registryColumns: ColDef<GridRow>[] = [
  {
    colId: 'detail',
    headerName: '',
    width: 40,
    pinned: 'left',
    lockPosition: 'left',
    suppressMovable: true,
    sortable: false,
    filter: false,
    resizable: false,
    cellRenderer: DetailButton,
    cellClass: 'detail-cell'
  },
  {
    field: 'kind',
    headerName: 'Loại hình',
    width: 88,
    pinned: 'left',
    editable: canEdit,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...ENTITY_KINDS] },
    valueFormatter: (p: ValueFormatterParams<GridRow>) => (p.value ? KIND_SHORT[p.value as GridRow['kind']] : ''),
    filter: 'agTextColumnFilter',
    filterParams: FOLDED,
    filterValueGetter: (p) => (p.data ? KIND_SHORT[p.data.kind] : '')
  },
  {
    field: 'name',
    headerName: 'Tên',
    width: 236,
    pinned: 'left',
    editable: canEdit,
    ...viText,
    // The new row says what it is for until a name is typed.
    valueFormatter: (p: ValueFormatterParams<GridRow>) =>
      p.data && isNewRow(p.data) && !p.value ? 'Gõ tên để thêm mới…' : ((p.value as string) ?? ''),
    cellClassRules: { 'new-row-prompt': (p) => !!p.data && isNewRow(p.data) && !p.value },
    // The name stays text even when cleared, so the core's own message ("ít nhất 3 ký tự") is what the user reads.
    valueParser: (p) => String(p.newValue ?? '').trim()
  },
  { field: 'regNo', headerName: 'Mã số HTX', width: 108, editable: canEdit, ...viText },
  {
    field: 'status',
    headerName: 'Tình trạng',
    width: 140,
    valueFormatter: (p) => (p.value ? STATUS_LABELS[p.value as NonNullable<GridRow['status']>] : ''),
    filter: 'agTextColumnFilter',
    filterParams: FOLDED,
    filterValueGetter: (p) => (p.data?.status ? STATUS_LABELS[p.data.status] : '')
  },
  { field: 'representative', headerName: 'Người đại diện', width: 148, editable: canEdit, ...viText },
  {
    field: 'phone',
    headerName: 'Điện thoại',
    width: 112,
    editable: canEdit,
    filter: 'agTextColumnFilter',
    filterParams: FOLDED,
    valueParser: blankToNull
  },
  dateColumn('registrationDate', 'Ngày đăng ký', false, 104),
  {
    field: 'charterCapital',
    headerName: 'Vốn điều lệ (đồng)',
    width: 140,
    editable: canEdit,
    type: 'rightAligned',
    valueFormatter: (p) => formatNumber(p.value as number | null),
    valueParser: (p: ValueParserParams<GridRow>) => parseMoney(p.newValue) as number,
    filter: 'agNumberColumnFilter'
  },
  { field: 'commune', headerName: 'Xã, phường', width: 160, editable: canEdit, ...viText, cellEditor: CommuneEditor },
  {
    field: 'sector',
    headerName: 'Lĩnh vực',
    width: 220,
    editable: canEdit,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [null, ...SECTORS] },
    valueFormatter: (p) => (p.value ? SECTOR_LABELS[p.value as NonNullable<GridRow['sector']>] : ''),
    filter: 'agTextColumnFilter',
    filterParams: FOLDED,
    filterValueGetter: (p) => (p.data?.sector ? SECTOR_LABELS[p.data.sector] : '')
  },
  { field: 'address', headerName: 'Địa chỉ trụ sở', width: 220, editable: canEdit, ...viText },
  { field: 'shortName', headerName: 'Tên viết tắt', width: 140, hide: true, editable: canEdit, ...viText },
  { field: 'street', headerName: 'Số nhà, đường/thôn', width: 180, hide: true, editable: canEdit, ...viText },
  { field: 'districtName', headerName: 'Quận, huyện (trụ sở)', width: 160, hide: true, editable: canEdit, ...viText },
  { field: 'districtCode', headerName: 'Mã huyện', width: 96, hide: true, editable: canEdit, ...viText },
  { field: 'representativeTitle', headerName: 'Chức danh người đại diện', width: 170, hide: true, editable: canEdit, ...viText },
  { field: 'email', headerName: 'Thư điện tử', width: 180, hide: true, editable: canEdit, ...viText },
  dateColumn('contractDate', 'Ngày hợp đồng hợp tác (THT)', true),
  {
    field: 'membersCount',
    headerName: 'Số thành viên',
    width: 110,
    hide: true,
    editable: canEdit,
    type: 'rightAligned',
    valueFormatter: (p) => formatNumber(p.value as number | null),
    valueParser: (p: ValueParserParams<GridRow>) => parseMoney(p.newValue) as number,
    filter: 'agNumberColumnFilter'
  },
  { field: 'businessLines', headerName: 'Ngành nghề kinh doanh', width: 240, hide: true, editable: canEdit, ...viText },
  { field: 'notes', headerName: 'Ghi chú', width: 240, hide: true, editable: canEdit, ...viText }
]

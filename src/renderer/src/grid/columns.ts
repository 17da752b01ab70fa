/**
 * The registry grid's columns: how each field is shown (dd/mm/yyyy, 1.234.567,
 * Vietnamese labels) and edited. Saving is the screen's job, through the API.
 */
import type { ColDef, ValueFormatterParams, ValueParserParams } from 'ag-grid-community'
import type { Entity } from '../../../shared/api'
import { ENTITY_KINDS, KIND_SHORT, SECTORS, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { compareVi, formatDate, formatNumber, parseViDate } from '../../../shared/text'

/** Vietnamese alphabetical order for text columns. */
const viText = { comparator: (a: string | null, b: string | null) => compareVi(a, b), filter: 'agTextColumnFilter' }

/** "1.500.000.000", "1 500 000 000" or "1500000000" → 1500000000; anything else stays text for the core to name. */
export function parseMoney(text: unknown): number | string | null {
  const s = String(text ?? '').trim()
  if (s === '') return null
  const digits = s.replace(/[.\s]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : s
}

/** A typed date, day first; unparseable text is kept so the core's message names it. */
export function parseDateCell(text: unknown): string | null {
  const s = String(text ?? '').trim()
  if (s === '') return null
  return parseViDate(s) ?? s
}

export const registryColumns: ColDef<Entity>[] = [
  {
    field: 'kind',
    headerName: 'Loại hình',
    width: 118,
    editable: true,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [...ENTITY_KINDS] },
    valueFormatter: (p: ValueFormatterParams<Entity>) => (p.value ? KIND_SHORT[p.value as Entity['kind']] : ''),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p) => (p.data ? KIND_SHORT[p.data.kind] : '')
  },
  { field: 'regNo', headerName: 'Mã số HTX', width: 125, editable: true, ...viText },
  { field: 'name', headerName: 'Tên', flex: 2, minWidth: 260, editable: true, ...viText },
  {
    field: 'status',
    headerName: 'Tình trạng',
    width: 175,
    valueFormatter: (p) => (p.value ? STATUS_LABELS[p.value as NonNullable<Entity['status']>] : ''),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p) => (p.data?.status ? STATUS_LABELS[p.data.status] : '')
  },
  { field: 'commune', headerName: 'Xã, phường', width: 175, editable: true, ...viText },
  { field: 'address', headerName: 'Địa chỉ', flex: 1, minWidth: 160, editable: true, ...viText },
  { field: 'representative', headerName: 'Người đại diện', width: 160, editable: true, ...viText },
  { field: 'phone', headerName: 'Điện thoại', width: 130, editable: true, filter: 'agTextColumnFilter' },
  {
    field: 'registrationDate',
    headerName: 'Ngày đăng ký',
    width: 125,
    editable: true,
    valueFormatter: (p) => formatDate(p.value as string | null),
    valueParser: (p: ValueParserParams<Entity>) => parseDateCell(p.newValue),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p) => formatDate(p.data?.registrationDate)
  },
  {
    field: 'charterCapital',
    headerName: 'Vốn điều lệ (đồng)',
    width: 160,
    editable: true,
    type: 'rightAligned',
    valueFormatter: (p) => formatNumber(p.value as number | null),
    valueParser: (p: ValueParserParams<Entity>) => parseMoney(p.newValue) as number,
    filter: 'agNumberColumnFilter'
  },
  {
    field: 'sector',
    headerName: 'Lĩnh vực',
    width: 190,
    editable: true,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: [null, ...SECTORS] },
    valueFormatter: (p) => (p.value ? SECTOR_LABELS[p.value as NonNullable<Entity['sector']>] : ''),
    filter: 'agTextColumnFilter',
    filterValueGetter: (p) => (p.data?.sector ? SECTOR_LABELS[p.data.sector] : '')
  }
]

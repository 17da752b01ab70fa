/**
 * "Số liệu năm": one row per record of the register and one column per yearly
 * figure, for the year chosen above; each edited cell is saved through
 * figures.set, and "Chép từ năm trước" carries last year's member counts into
 * records that have nothing for this year yet (figures.copyForward). Beside the
 * rating, the circular it follows (the default for the record's sector shown until
 * one is chosen), and the size class and audit duty the year's figures give
 * (classification.sizes: computed, never typed in).
 */
import { vnYear } from '../../../shared/clock'
import type { CellValueChangedEvent, ColDef, ValueParserParams } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, FIELD_LABELS, type SizeList, type SizeRow, type YearlyFields } from '../../../shared/api'
import { KIND_SHORT, type EntityKind } from '../../../shared/domain'
import { compareVi, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Banner, type Notice } from '../components/Banner'
import { canEdit, parseMoney, type EditContext } from '../grid/columns'
import { AG_GRID_VI } from '../grid/locale'
import { DEFAULT_COL, gridTheme } from '../grid/theme'
import { useReadOnly } from '../readOnly'
import { loadAllRows } from '../registry/rows'

interface FigureRow extends Partial<YearlyFields> {
  entityId: number
  name: string
  kind: EntityKind
  commune: string | null
  /** From classification.sizes (HTX and LHHTX only). */
  sizeLabel?: string
  sizeReason?: string | null
  auditRequired?: boolean | null
  auditBasis?: string | null
  defaultCircular?: string | null
}

function sizeFields(r: SizeRow | undefined): Partial<FigureRow> {
  if (!r) return { sizeLabel: undefined, sizeReason: null, auditRequired: undefined, auditBasis: null, defaultCircular: null }
  return {
    sizeLabel: r.sizeLabel,
    sizeReason: r.sizeReason,
    auditRequired: r.auditRequired,
    auditBasis: r.auditBasis,
    defaultCircular: r.defaultCircular
  }
}

const AUDIT_TEXT = (v: boolean | null | undefined) => (v === true ? 'Phải kiểm toán' : v === false ? 'Không' : v === null ? 'Chưa rõ' : '')

type FigureField =
  | 'members'
  | 'newMembers'
  | 'workers'
  | 'managers'
  | 'managersElementary'
  | 'managersCollege'
  | 'revenue'
  | 'profit'
  | 'avgIncome'
  | 'taxesPaid'
  | 'memberRevenue'
  | 'totalCapital'

const numberColumn = (field: FigureField, width: number): ColDef<FigureRow> => ({
  field,
  headerName: FIELD_LABELS[field] ?? field,
  width,
  editable: canEdit,
  type: 'rightAligned',
  valueFormatter: (p) => formatNumber(p.value as number | null),
  // Text that is not a number goes to the core as typed, so its message names the field.
  valueParser: (p: ValueParserParams<FigureRow>) => parseMoney(p.newValue) as number,
  filter: 'agNumberColumnFilter'
})

function columns(circulars: string[]): ColDef<FigureRow>[] {
  return [
    {
      field: 'name',
      headerName: 'Tên',
      width: 260,
      pinned: 'left',
      comparator: (a: string, b: string) => compareVi(a, b),
      filter: 'agTextColumnFilter'
    },
    { field: 'kind', headerName: 'Loại hình', width: 84, pinned: 'left', valueFormatter: (p) => KIND_SHORT[p.value as EntityKind] ?? '' },
    {
      field: 'commune',
      headerName: 'Xã, phường',
      width: 140,
      comparator: (a: string, b: string) => compareVi(a, b),
      filter: 'agTextColumnFilter'
    },
    numberColumn('members', 104),
    numberColumn('newMembers', 104),
    numberColumn('workers', 110),
    numberColumn('managers', 104),
    numberColumn('managersElementary', 124),
    numberColumn('managersCollege', 124),
    numberColumn('revenue', 140),
    numberColumn('memberRevenue', 170),
    numberColumn('profit', 130),
    numberColumn('avgIncome', 150),
    numberColumn('taxesPaid', 130),
    numberColumn('totalCapital', 150),
    {
      field: 'classification',
      headerName: 'Xếp loại',
      width: 110,
      editable: canEdit,
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [null, ...CLASSIFICATIONS] },
      valueFormatter: (p) => (p.value ? CLASSIFICATION_LABELS[p.value as (typeof CLASSIFICATIONS)[number]] : '')
    },
    {
      field: 'classificationCircular',
      headerName: FIELD_LABELS.classificationCircular ?? 'Theo thông tư',
      width: 230,
      // A THT is not rated: no circular to choose.
      editable: (p) => p.data?.kind !== 'tht' && canEdit(p),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: circulars },
      // The default for the record's sector stands until one is chosen (shown in grey).
      valueGetter: (p) => p.data?.classificationCircular ?? p.data?.defaultCircular ?? null,
      cellClassRules: { muted: (p) => !p.data?.classificationCircular && !!p.data?.defaultCircular },
      tooltipValueGetter: (p) =>
        !p.data?.classificationCircular && p.data?.defaultCircular ? 'Mặc định theo lĩnh vực; chọn để ghi thông tư khác cho năm này' : null
    },
    {
      colId: 'size',
      headerName: 'Quy mô (Điều 16)',
      width: 140,
      valueGetter: (p) => p.data?.sizeLabel ?? '',
      tooltipValueGetter: (p) => p.data?.sizeReason ?? null
    },
    {
      colId: 'audit',
      headerName: 'Kiểm toán độc lập',
      width: 150,
      valueGetter: (p) => AUDIT_TEXT(p.data?.auditRequired),
      tooltipValueGetter: (p) => p.data?.auditBasis ?? p.data?.sizeReason ?? null
    }
  ]
}

const THIS_YEAR = vnYear()
const YEARS = Array.from({ length: THIS_YEAR + 1 - 2012 + 1 }, (_, i) => THIS_YEAR + 1 - i)

export function YearlyFigures() {
  // Figures are reported for the year just ended.
  const [year, setYear] = useState(THIS_YEAR - 1)
  const [rows, setRows] = useState<FigureRow[] | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [sizeNote, setSizeNote] = useState<SizeList | null>(null)
  const [circulars, setCirculars] = useState<string[]>([])
  const columnDefs = useMemo(() => columns(circulars), [circulars])
  const readOnly = useReadOnly()
  const readOnlyRef = useRef(readOnly)
  readOnlyRef.current = readOnly
  const editContext = useMemo<EditContext>(() => ({ canWrite: () => readOnlyRef.current === null }), [])

  const load = useCallback(async () => {
    try {
      const [entities, figures, list] = await Promise.all([
        loadAllRows(),
        call('figures.list', { year }),
        call('classification.sizes', { year })
      ])
      const byEntity = new Map(figures.map((f) => [f.entityId, f]))
      const sizes = new Map(list.rows.map((r) => [r.entityId, r]))
      setSizeNote(list)
      setRows(
        entities
          .filter((e) => !e.deletedAt)
          .map((e) => ({
            ...byEntity.get(e.id),
            ...sizeFields(sizes.get(e.id)),
            entityId: e.id,
            name: e.name,
            kind: e.kind,
            commune: e.commune
          }))
      )
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }, [year])

  useEffect(() => {
    setRows(null)
    void load()
  }, [load])

  useEffect(() => {
    call('classification.rules', {})
      .then((r) => setCirculars(r.circulars.map((c) => c.number)))
      .catch((err: unknown) => setNotice({ kind: 'error', text: messageOf(err) }))
  }, [])

  async function onCellValueChanged(event: CellValueChangedEvent<FigureRow>) {
    const field = event.colDef.field as keyof YearlyFields
    const row = event.data
    if (!row || event.oldValue === event.newValue) return
    try {
      const saved = await call('figures.set', { entityId: row.entityId, year, figures: { [field]: event.newValue ?? null } })
      // The size class follows the figures: asked again for this record.
      const size = row.kind === 'tht' ? undefined : (await call('classification.sizes', { year, entityId: row.entityId })).rows[0]
      event.node.setData({ ...row, ...saved, ...sizeFields(size), entityId: row.entityId })
      setNotice({ kind: 'success', text: `Đã lưu ${FIELD_LABELS[field] ?? field} năm ${year} của «${row.name}».` })
    } catch (err) {
      event.node.setData({ ...row, [field]: event.oldValue })
      setNotice({ kind: 'error', text: `«${row.name}»: ${messageOf(err)}` })
    }
  }

  async function copyForward() {
    try {
      const { copied } = await call('figures.copyForward', { fromYear: year - 1, toYear: year })
      setNotice({
        kind: copied ? 'success' : 'warning',
        text: copied
          ? `Đã chép số thành viên, lao động, cán bộ năm ${year - 1} sang năm ${year} cho ${formatNumber(copied)} bản ghi (doanh thu, lợi nhuận không chép).`
          : `Không có gì để chép: năm ${year - 1} chưa có số liệu, hoặc mọi bản ghi đã có số liệu năm ${year}.`
      })
      await load()
    } catch (err) {
      setNotice({ kind: 'error', text: messageOf(err) })
    }
  }

  return (
    <div className="yearly-figures">
      <div className="registry-toolbar">
        <label>
          Năm{' '}
          <select data-testid="figures-year" aria-label="Năm của số liệu" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {readOnly ? (
          <span className="muted" data-testid="figures-read-only">
            {readOnly}
          </span>
        ) : (
          <>
            <button type="button" data-testid="copy-forward" onClick={() => void copyForward()}>
              Chép từ năm trước ({year - 1})
            </button>
          </>
        )}
      </div>
      <div className="grid" data-testid="figures-grid">
        <AgGridReact<FigureRow>
          theme={gridTheme}
          rowData={rows}
          loading={rows === null}
          columnDefs={columnDefs}
          tooltipShowDelay={300}
          // Some twenty columns: all drawn, so the rating, its circular and the size class beside it are there when scrolled to.
          suppressColumnVirtualisation
          defaultColDef={DEFAULT_COL}
          getRowId={(p) => String(p.data.entityId)}
          localeText={AG_GRID_VI}
          context={editContext}
          onCellValueChanged={(e) => void onCellValueChanged(e)}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
        />
      </div>
      {/* Over the hint line, as in the register: a save does not push the grid down. */}
      <div className="notice-slot">
        <p className="hint">
          Gõ số như 1.500.000, lỗ gõ có dấu trừ: -50.000.000; mỗi ô lưu ngay khi Enter. Thành viên, lao động là số nguyên không âm.
        </p>
        {sizeNote && (
          <p className="hint" data-testid="size-note">
            Quy mô (Luật HTX 2023 Điều 16) tính từ số thành viên, doanh thu và tổng nguồn vốn của năm; kiểm toán độc lập theo Điều 106 khoản
            1 (HTX quy mô lớn, LHHTX từ 10 thành viên).
            {!sizeNote.thresholdsVerified && ' Ngưỡng quy mô chưa đối chiếu văn bản (Nghị định 113/2024/NĐ-CP, theo bản diễn giải).'}
          </p>
        )}
        <Banner notice={notice} onClose={() => setNotice(null)} place="slot" />
      </div>
    </div>
  )
}

/**
 * "Kế hoạch": the year's plan and the year-end estimate per indicator, typed in a
 * small grid beside last year's actual; saved in one go (one transaction, audited).
 */
import type { CellValueChangedEvent, ColDef, ValueFormatterParams, ValueParserParams } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useEffect, useMemo, useState } from 'react'
import type { TargetRow } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { AG_GRID_VI } from '../grid/locale'
import { gridTheme } from '../grid/theme'

/** "1.234", "75,5" or "1234.5" → a number; blank → null; anything else is kept out (undefined). */
export function parseViNumber(text: string): number | null | undefined {
  const s = text.trim().replace(/\s/g, '')
  if (s === '') return null
  const vi = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s
  const n = Number(vi)
  return Number.isFinite(n) ? n : undefined
}

export function Targets({ year, scope, onSaved }: { year: number; scope: string | null; onSaved(): void }) {
  const [rows, setRows] = useState<TargetRow[]>([])
  const [changed, setChanged] = useState<Map<string, TargetRow>>(new Map())
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  useEffect(() => {
    call('report.targets', { year, scope }).then(
      (r) => (setRows(r), setChanged(new Map())),
      (err) => setMessage({ error: true, text: messageOf(err) })
    )
  }, [year, scope])

  const columns = useMemo<Array<ColDef<TargetRow>>>(() => {
    const fmt = (p: ValueFormatterParams<TargetRow, number | null>) =>
      p.value === null || p.value === undefined ? '' : formatNumber(p.value, p.data?.decimals ?? 0)
    const parse = (p: ValueParserParams<TargetRow>) => {
      const v = parseViNumber(String(p.newValue ?? ''))
      return v === undefined ? p.oldValue : v
    }
    return [
      { field: 'label', headerName: 'Chỉ tiêu', flex: 3, minWidth: 260 },
      { field: 'unit', headerName: 'Đơn vị tính', width: 150 },
      { field: 'previousActual', headerName: `Thực hiện năm ${year - 1}`, width: 150, type: 'rightAligned', valueFormatter: fmt },
      {
        // A figure of the area the register cannot count (e.g. all OCOP products of the area): typed for the year.
        field: 'actual',
        headerName: `Số liệu địa bàn năm ${year}`,
        headerTooltip: 'Chỉ nhập cho chỉ tiêu số liệu của địa bàn; các chỉ tiêu khác tính từ sổ',
        width: 170,
        type: 'rightAligned',
        editable: (p) => !!p.data?.input,
        valueFormatter: fmt,
        valueParser: parse,
        cellClassRules: { 'rep-editable': (p) => !!p.data?.input }
      },
      {
        field: 'plan',
        headerName: `Kế hoạch năm ${year}`,
        width: 150,
        type: 'rightAligned',
        editable: true,
        valueFormatter: fmt,
        valueParser: parse,
        cellClass: 'rep-editable'
      },
      {
        field: 'estimate',
        headerName: 'Ước thực hiện cả năm',
        width: 170,
        type: 'rightAligned',
        editable: true,
        valueFormatter: fmt,
        valueParser: parse,
        cellClass: 'rep-editable'
      },
      {
        field: 'nextPlan',
        headerName: `Kế hoạch năm ${year + 1}`,
        width: 150,
        type: 'rightAligned',
        editable: true,
        valueFormatter: fmt,
        valueParser: parse,
        cellClass: 'rep-editable'
      }
    ]
  }, [year])

  function onChange(e: CellValueChangedEvent<TargetRow>) {
    if (!e.data) return
    setChanged((m) => new Map(m).set(e.data!.indicator, { ...e.data! }))
    setMessage(null)
  }

  async function save() {
    const values = [...changed.values()].map((r) => ({
      indicator: r.indicator,
      plan: r.plan,
      estimate: r.estimate,
      nextPlan: r.nextPlan,
      ...(r.input ? { actual: r.actual } : {})
    }))
    try {
      const r = await call('report.setTargets', { year, scope, values })
      setChanged(new Map())
      setMessage({ error: false, text: `Đã lưu ${formatNumber(r.changed)} chỉ tiêu của năm ${year}.` })
      onSaved()
    } catch (err) {
      setMessage({ error: true, text: messageOf(err) })
    }
  }

  return (
    <div className="rep-targets">
      <div className="rep-bar">
        <span className="hint">
          Gõ kế hoạch và ước thực hiện (ví dụ 1.234 hoặc 75,5); để trống nếu chưa có. Ước thực hiện để trống thì báo cáo lấy số thực hiện
          đến ngày báo cáo.
        </span>
        <button className="primary" disabled={changed.size === 0} onClick={save} data-testid="targets-save">
          Lưu kế hoạch ({changed.size})
        </button>
      </div>
      {message && (
        <p className={message.error ? 'error' : 'hint'} data-testid="targets-message">
          {message.text}
        </p>
      )}
      <div className="grid" data-testid="targets-grid">
        <AgGridReact<TargetRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => p.data.indicator}
          onCellValueChanged={onChange}
          localeText={AG_GRID_VI}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
        />
      </div>
    </div>
  )
}

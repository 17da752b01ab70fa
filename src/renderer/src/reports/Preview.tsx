/** The report as a grid: the same table the workbook and the printed page are drawn from. */
import type { ColDef, ColGroupDef, ValueFormatterParams } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useMemo } from 'react'
import type { ReportRow, ReportTable } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'
import { AG_GRID_VI } from '../grid/locale'
import { gridTheme } from '../grid/theme'

type Row = { __row: ReportRow } & Record<string, string | number | null | ReportRow>

export function Preview({ table }: { table: ReportTable }) {
  const { columns, rows } = useMemo(() => {
    const leaf = (i: number): ColDef<Row> => {
      const c = table.columns[i]!
      return {
        field: `c${i}`,
        headerName: c.label,
        width: Math.max(60, Math.min(420, c.width * 8)),
        type: c.type === 'number' ? 'rightAligned' : undefined,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        sortable: false,
        valueFormatter:
          c.type === 'number'
            ? (p: ValueFormatterParams<Row>) =>
                typeof p.value === 'number' ? formatNumber(p.value, c.decimals ?? p.data?.__row.decimals ?? 0) : ''
            : undefined
      }
    }
    const defs: Array<ColDef<Row> | ColGroupDef<Row>> = []
    for (let i = 0; i < table.columns.length; i++) {
      const group = table.columns[i]!.group
      if (!group) {
        defs.push(leaf(i))
        continue
      }
      const children: Array<ColDef<Row>> = []
      while (i < table.columns.length && table.columns[i]!.group === group) children.push(leaf(i++))
      i--
      defs.push({ headerName: group, children, marryChildren: true, headerClass: 'rep-group' })
    }
    const data = table.rows.map((r) => Object.fromEntries([['__row', r], ...r.cells.map((v, i) => [`c${i}`, v])]) as Row)
    return { columns: defs, rows: data }
  }, [table])
  return (
    <div className="grid" data-testid="report-preview">
      <AgGridReact<Row>
        key={table.layoutId}
        theme={gridTheme}
        rowData={rows}
        columnDefs={columns}
        localeText={AG_GRID_VI}
        getRowClass={(p) => (p.data?.__row.style ? `rep-row-${p.data.__row.style}` : undefined)}
      />
    </div>
  )
}

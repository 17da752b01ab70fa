/**
 * "Báo cáo": choose a report and the date it is as of (and, in a province file, the
 * whole province or one district), then see it in a grid, save it as Excel or CSV,
 * or open the printable page. "Tổng quan" charts the register; "Kế hoạch" holds the
 * year's targets and estimates that the annex tables compare against.
 */
import { vnToday } from '../../../shared/clock'
import { useCallback, useEffect, useState } from 'react'
import type { OfficeInfo, ReportLayoutInfo, ReportTable } from '../../../shared/api'
import { formatDate, parseViDate } from '../../../shared/text'
import { call, messageOf } from '../api'
import { PrintView } from '../components/PrintView'
import { downloadBase64, MIME } from '../files'
import { Overview } from '../reports/Overview'
import { Preview } from '../reports/Preview'
import { Support } from '../reports/Support'
import { Targets } from '../reports/Targets'
import '../reports/reports.css'

type Tab = 'overview' | 'report' | 'targets' | 'support'

/** Today in Vietnam (the office's clock). */
const today = () => vnToday()

/**
 * What the person chose on this screen, kept while the window is open: going to
 * the register and back must not put the report date back to today.
 */
const kept: {
  tab?: Tab
  layout?: string
  dateText?: string
  asOf?: string
  scope?: string | null
  reportNo?: string
  newBoundaries?: boolean
} = {}
function useKept<K extends keyof typeof kept>(key: K, initial: Exclude<(typeof kept)[K], undefined>) {
  const [value, setValue] = useState<Exclude<(typeof kept)[K], undefined>>(() =>
    kept[key] === undefined ? initial : (kept[key] as typeof initial)
  )
  useEffect(() => {
    kept[key] = value
  }, [key, value])
  return [value, setValue] as const
}

export function Reports({ office }: { office: OfficeInfo }) {
  const [tab, setTab] = useKept('tab', 'overview')
  const [layouts, setLayouts] = useState<ReportLayoutInfo[]>([])
  const [layout, setLayout] = useKept('layout', 'phu-luc-1')
  const [dateText, setDateText] = useKept('dateText', formatDate(today()))
  const [asOf, setAsOf] = useKept('asOf', today())
  const [scope, setScope] = useKept('scope', null)
  const [districts, setDistricts] = useState<Array<{ code: string; name: string }>>([])
  const [reportNo, setReportNo] = useKept('reportNo', '')
  const [newBoundaries, setNewBoundaries] = useKept('newBoundaries', false)
  const [table, setTable] = useState<ReportTable | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [page, setPage] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    call('report.list', {}).then(setLayouts, (err) => setError(messageOf(err)))
  }, [office])

  // A province's units change with the date: former districts up to 30/06/2025, its communes after.
  useEffect(() => {
    if (office.mode !== 'province' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return
    let live = true
    call('report.units', { asOf }).then(
      (units) => live && setDistricts(units),
      () => live && setDistricts([])
    )
    return () => {
      live = false
    }
  }, [office, asOf])

  // «Theo địa giới mới» applies to the «theo đơn vị» layouts only (the core refuses it elsewhere).
  const byUnits = layouts.find((l) => l.id === layout)?.type === 'units'
  const input = useCallback(
    () => ({ layout, asOf, scope, reportNo: reportNo.trim() || null, boundaries: byUnits && newBoundaries ? ('new' as const) : null }),
    [layout, asOf, scope, reportNo, byUnits, newBoundaries]
  )

  useEffect(() => {
    if (tab !== 'report') return
    let live = true
    call('report.build', input()).then(
      (t) => live && (setTable(t), setError(null)),
      (err) => live && (setTable(null), setError(messageOf(err)))
    )
    return () => {
      live = false
    }
  }, [tab, input, version])

  function applyDate(text: string) {
    setDateText(text)
    const iso = parseViDate(text)
    if (iso) {
      setAsOf(iso)
      setError(null)
    } else setError(`Ngày «${text}» không hợp lệ: gõ ngày/tháng/năm, ví dụ 30/06/2023.`)
  }

  async function exportAs(format: 'xlsx' | 'csv') {
    try {
      const r = await call('report.export', { ...input(), format })
      downloadBase64(r.name, r.base64, format === 'xlsx' ? MIME.xlsx : MIME.csv)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  async function openPrint() {
    try {
      const r = await call('report.export', { ...input(), format: 'html' })
      setPage(new TextDecoder().decode(Uint8Array.from(atob(r.base64!), (c) => c.charCodeAt(0))))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Báo cáo</h1>
      </div>
      <div className="rep-bar">
        <label className="field">
          <span>Tính đến ngày</span>
          <input
            value={dateText}
            onChange={(e) => setDateText(e.target.value)}
            onBlur={(e) => applyDate(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && applyDate((e.target as HTMLInputElement).value)}
            placeholder="dd/mm/yyyy"
            size={12}
            data-testid="report-date"
          />
        </label>
        {office.mode === 'province' && (
          <label className="field">
            <span>Phạm vi</span>
            <select value={scope ?? ''} onChange={(e) => setScope(e.target.value || null)} data-testid="report-scope">
              <option value="">Toàn tỉnh</option>
              {districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {tab === 'report' && (
          <>
            <label className="field">
              <span>Mẫu báo cáo</span>
              <select value={layout} onChange={(e) => setLayout(e.target.value)} data-testid="report-layout">
                {layouts.map((l) => (
                  <option key={l.id} value={l.id}>
                    {[l.annex, l.title].filter(Boolean).join(': ')}
                  </option>
                ))}
              </select>
            </label>
            {byUnits && (
              <label className="field">
                <span>Địa giới</span>
                <select
                  value={newBoundaries ? 'new' : 'date'}
                  onChange={(e) => setNewBoundaries(e.target.value === 'new')}
                  title="Theo địa giới mới: các xã cũ quy về xã mới theo danh sách sắp xếp, để so sánh các năm trước và sau 01/07/2025"
                  data-testid="report-boundaries"
                >
                  <option value="date">Theo đơn vị tại ngày báo cáo</option>
                  <option value="new">Theo địa giới mới (xã mới)</option>
                </select>
              </label>
            )}
            <label className="field">
              <span>Kèm theo báo cáo số</span>
              <input
                value={reportNo}
                onChange={(e) => setReportNo(e.target.value)}
                placeholder="ví dụ 15/BC-TCKH"
                size={16}
                data-testid="report-no"
              />
            </label>
            <button onClick={() => exportAs('xlsx')} data-testid="report-xlsx">
              Xuất Excel
            </button>
            <button onClick={() => exportAs('csv')} data-testid="report-csv">
              Xuất CSV
            </button>
            <button className="primary" onClick={openPrint} data-testid="report-print">
              Bản in
            </button>
          </>
        )}
      </div>
      <div className="rep-tabs" role="tablist">
        {(
          [
            ['overview', 'Tổng quan'],
            ['report', 'Xem báo cáo'],
            ['targets', 'Kế hoạch năm'],
            ['support', 'Hỗ trợ']
          ] as Array<[Tab, string]>
        ).map(([id, label]) => (
          <button
            key={id}
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
            data-testid={`report-tab-${id}`}
          >
            {label}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" data-testid="report-error">
          {error}
        </p>
      )}
      <div className="rep-body">
        {tab === 'overview' && <Overview asOf={asOf} scope={scope} />}
        {tab === 'report' && table && (
          <>
            <p className="hint" data-testid="report-caption">
              {[table.annex, table.title].filter(Boolean).join(': ')} — {table.scopeName}, tính đến ngày {formatDate(table.asOf)}
            </p>
            <Preview table={table} />
          </>
        )}
        {tab === 'support' && <Support year={Number(asOf.slice(0, 4))} scope={scope} />}
        {tab === 'targets' && <Targets year={Number(asOf.slice(0, 4))} scope={scope} onSaved={() => setVersion((v) => v + 1)} />}
      </div>
      {page && (
        <PrintView
          page={{ html: page, title: table ? table.title : 'Báo cáo', name: `${layout}-${asOf}.html` }}
          onClose={() => setPage(null)}
          testIdPrefix="report-"
        />
      )}
    </div>
  )
}

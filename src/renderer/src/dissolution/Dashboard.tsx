/**
 * "Tổng quan": open cases by stage, overdue steps, unsettled debts, obstacles by type,
 * cases opened/closed per quarter, and the province's summary table (page and .xlsx).
 */
import { useEffect, useState } from 'react'
import type { DissolutionDashboard, PrintablePage } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Chart } from '../components/Chart'
import { downloadBase64 } from '../files'
import { fromIso, Section } from './ui'

function quarterLabel(q: string): string {
  return `Quý ${q.slice(6)}/${q.slice(0, 4)}`
}

export function Dashboard({ onOpen, onPrint }: { onOpen(caseId: number): void; onPrint(p: PrintablePage): void }) {
  const [d, setD] = useState<DissolutionDashboard | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('dissolution.dashboard', {}).then(setD, (err) => setError(messageOf(err)))
  }, [])

  async function summaryPage() {
    try {
      onPrint(await call('dissolution.summaryPage', {}))
    } catch (err) {
      setError(messageOf(err))
    }
  }
  async function summaryXlsx() {
    try {
      const f = await call('dissolution.summaryXlsx', {})
      downloadBase64(f.name, f.base64)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <div className="diss-scroll" data-testid="dashboard">
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      <div className="diss-toolbar">
        <span>Bảng tổng hợp HTX ngừng hoạt động và tình hình xử lý (gửi tỉnh):</span>
        <button onClick={() => void summaryPage()} data-testid="summary-page">
          Xem, in
        </button>
        <button onClick={() => void summaryXlsx()} data-testid="summary-xlsx">
          Tải .xlsx
        </button>
      </div>
      {d && (
        <>
          <div className="diss-figures">
            <div data-testid="fig-open">
              <b>{formatNumber(d.openCases)}</b>
              <span>hồ sơ đang xử lý</span>
            </div>
            <div data-testid="fig-overdue" className={d.overdueSteps.length ? 'diss-overdue' : ''}>
              <b>{formatNumber(d.overdueSteps.length)}</b>
              <span>bước quá hạn</span>
            </div>
            <div data-testid="fig-payable">
              <b>{formatNumber(d.unsettledPayable)}</b>
              <span>đồng nợ phải trả chưa xử lý</span>
            </div>
            <div>
              <b>{formatNumber(d.unsettledReceivable)}</b>
              <span>đồng nợ phải thu chưa xử lý</span>
            </div>
          </div>
          <div className="diss-two">
            <Chart
              kind="bar"
              title="Hồ sơ giải thể mở và kết thúc theo quý"
              labels={d.perQuarter.map((q) => quarterLabel(q.quarter))}
              series={[
                { label: 'Mở', values: d.perQuarter.map((q) => q.opened) },
                { label: 'Đã giải thể', values: d.perQuarter.map((q) => q.finalised) },
                { label: 'Đã hủy', values: d.perQuarter.map((q) => q.cancelled) }
              ]}
              fileName="ho-so-giai-the-theo-quy"
              integer
              testId="chart-quarters"
            />
            <Section title="Hồ sơ đang xử lý theo giai đoạn (bước tiếp theo)">
              {d.byStage.length === 0 ? (
                <p className="muted">Không có hồ sơ đang xử lý.</p>
              ) : (
                <table className="diss-table" data-testid="by-stage">
                  <tbody>
                    {d.byStage.map((s) => (
                      <tr key={s.stage}>
                        <td>{s.stage}</td>
                        <td className="num">{formatNumber(s.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </div>
          <div className="diss-two">
            <Section title="Bước quá hạn">
              {d.overdueSteps.length === 0 ? (
                <p className="muted">Không có bước nào quá hạn.</p>
              ) : (
                <table className="diss-table diss-clickable" data-testid="overdue">
                  <tbody>
                    {d.overdueSteps.map((s) => (
                      <tr key={`${s.caseId}-${s.code}`} onClick={() => onOpen(s.caseId)}>
                        <td>{s.entityName}</td>
                        <td>{s.title}</td>
                        <td className="diss-overdue">{fromIso(s.due)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title="Vướng mắc theo loại (hồ sơ đang xử lý)">
              {d.obstacles.length === 0 ? (
                <p className="muted">Chưa ghi vướng mắc nào.</p>
              ) : (
                <table className="diss-table" data-testid="obstacle-counts">
                  <tbody>
                    {d.obstacles.map((o) => (
                      <tr key={o.code}>
                        <td>{o.label}</td>
                        <td className="num">{formatNumber(o.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
          </div>
        </>
      )}
    </div>
  )
}

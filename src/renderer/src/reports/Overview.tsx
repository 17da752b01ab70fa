/**
 * "Tổng quan": HTX by status and by sector as of the date, registrations against
 * dissolutions per year, members and workers per year — each chart saved as PNG by
 * the shared Chart component.
 */
import { useEffect, useState } from 'react'
import type { DashboardData } from '../../../shared/api'
import { STATUS_LABELS } from '../../../shared/domain'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { Chart } from '../components/Chart'

export function Overview({ asOf, scope }: { asOf: string; scope: string | null }) {
  const [data, setData] = useState<DashboardData | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    call('report.dashboard', { asOf, scope }).then(
      (d) => live && (setData(d), setError(null)),
      (err) => live && setError(messageOf(err))
    )
    return () => {
      live = false
    }
  }, [asOf, scope])
  if (error) return <p className="error">{error}</p>
  if (!data) return <p className="muted">Đang tính…</p>
  const statuses = Object.keys(data.byStatus) as Array<keyof DashboardData['byStatus']>
  const years = data.years.map(String)
  return (
    <div className="rep-overview" data-testid="report-overview">
      <p className="hint">
        Tính đến ngày {formatDate(data.asOf)}: <strong data-testid="overview-total">{formatNumber(data.total)}</strong> hợp tác xã (đang
        hoạt động {formatNumber(data.operating.active)}, ngừng hoạt động {formatNumber(data.operating.stopped)}).
      </p>
      <div className="rep-charts">
        <Chart
          kind="doughnut"
          title="HTX theo tình trạng pháp lý"
          labels={statuses.map((s) => STATUS_LABELS[s])}
          series={[{ label: 'Số HTX', values: statuses.map((s) => data.byStatus[s]) }]}
          fileName={`htx-theo-tinh-trang-${asOf}`}
          testId="chart-status"
        />
        <Chart
          kind="bar"
          stacked
          title="HTX theo lĩnh vực"
          labels={data.sectors.map((s) => s.label)}
          series={[
            { label: 'Đang hoạt động', values: data.sectors.map((s) => s.active) },
            { label: 'Ngừng hoạt động', values: data.sectors.map((s) => s.stopped) }
          ]}
          fileName={`htx-theo-linh-vuc-${asOf}`}
          testId="chart-sector"
        />
        <Chart
          kind="bar"
          title="Thành lập mới và giải thể theo năm"
          labels={years}
          series={[
            { label: 'Thành lập mới', values: data.founded },
            { label: 'Giải thể', values: data.dissolved }
          ]}
          fileName={`thanh-lap-giai-the-${asOf}`}
          testId="chart-years"
        />
        <Chart
          kind="line"
          title="Thành viên và lao động (số liệu năm)"
          labels={years}
          series={[
            { label: 'Thành viên', values: data.members },
            { label: 'Lao động', values: data.workers }
          ]}
          fileName={`thanh-vien-lao-dong-${asOf}`}
          testId="chart-people"
        />
      </div>
    </div>
  )
}

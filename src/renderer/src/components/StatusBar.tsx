import type { OfficeInfo } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'

export function StatusBar({ office, rowCount }: { office: OfficeInfo; rowCount: number | null }) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span title="Tệp dữ liệu">{office.dbPath}</span>
      <span>Cấu trúc dữ liệu: phiên bản {office.schemaVersion}</span>
      <span>{office.officeName}</span>
      <span data-testid="row-count">{rowCount === null ? '' : `${formatNumber(rowCount)} bản ghi`}</span>
    </footer>
  )
}

import type { OfficeInfo } from '../../../shared/api'
import { formatNumber } from '../../../shared/text'
import type { ListCount } from '../screens/Registry'

/** The file, its schema, the office, and how many records the register holds (and how many a search shows). */
export function StatusBar({ office, total, listCount }: { office: OfficeInfo; total: number; listCount: ListCount | null }) {
  const count =
    listCount?.searching === true
      ? `Đang hiện ${formatNumber(listCount.shown)} / ${formatNumber(total)} bản ghi`
      : `${formatNumber(total)} bản ghi`
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-path" title={office.dbPath}>
        Tệp dữ liệu: {office.dbPath}
      </span>
      <span>Cấu trúc dữ liệu: phiên bản {office.schemaVersion}</span>
      <span>{office.officeName}</span>
      <span data-testid="row-count">{count}</span>
    </footer>
  )
}

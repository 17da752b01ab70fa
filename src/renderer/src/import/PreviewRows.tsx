/**
 * The preview's table of rows: each row's outcome (new, update, unchanged, duplicate, skipped, error), the values it
 * will write with the file's own text under them, where its commune goes, its status and label, and its notes (issues,
 * values read by meaning, changes of an update, findings). The biggest self-contained piece of the import screen,
 * with the cells only it draws.
 */
import { FIELD_LABELS, IMPORT_FIELD_LABELS, type ImportField, type ImportRow, type ImportSheet, type RowState } from '../../../shared/api'
import { MANAGEMENT_LABEL_TEXT, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { interpretedLine, interpretedValues, type InterpretedValue } from '../../../shared/interpreted'
import { formatDate, formatNumber } from '../../../shared/text'

export const STATE_LABELS: Record<RowState, string> = {
  new: 'Mới',
  update: 'Cập nhật',
  unchanged: 'Không đổi',
  duplicate: 'Trùng trong tệp',
  skipped: 'Bỏ qua',
  error: 'Lỗi'
}
/** Rows drawn per table: a 100,000-row register previews in full in the core, the page lists the first ones. */
export const ROWS_SHOWN = 1000

const REASONS: Record<string, string> = {
  blank: 'dòng trống',
  section: 'dòng nhóm theo xã',
  totals: 'dòng tổng cộng',
  title: 'dòng tiêu đề',
  'column-numbers': 'dòng đánh số cột'
}

/** A field of an import change as a person reads it: «Số thành viên (2022)», not `members:2022`. */
export function fieldName(key: string): string {
  const [field, year] = key.split(':')
  const label = IMPORT_FIELD_LABELS[field as ImportField] ?? FIELD_LABELS[field!] ?? field!
  return year ? `${label} (${year})` : label
}

/** A value of an import change: numbers 1.234.567, dates dd/mm/yyyy, statuses in words, blank said. */
function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)'
  if (typeof v === 'number') return formatNumber(v)
  if (field === 'status') return STATUS_LABELS[v as keyof typeof STATUS_LABELS] ?? String(v)
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v)
  return String(v)
}

/** A sheet's rows as the preview shows them: those of the states ticked, the first ROWS_SHOWN. */
export function PreviewRows({ s, shown, regNoWarnings }: { s: ImportSheet; shown: Set<RowState>; regNoWarnings: Record<string, string> }) {
  return (
    <table className="import-rows" style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={`rows-${s.sheet}-${s.table}`}>
      <thead>
        <tr>
          <th>Dòng</th>
          <th>Kết quả</th>
          <th>Loại</th>
          <th>Tên</th>
          <th>Mã số</th>
          <th>Xã</th>
          <th>Ngày đăng ký</th>
          <th className="num">Vốn điều lệ (đồng)</th>
          <th className="num">Thành viên</th>
          <th>Lĩnh vực</th>
          <th>Tình trạng</th>
          <th>Ghi chú</th>
        </tr>
      </thead>
      <tbody>
        {s.rows
          .filter((r) => shown.has(r.state))
          .slice(0, ROWS_SHOWN)
          .map((r) => {
            // Each value read by meaning, shown under it with the file's own text (issue 20 point 7).
            const read = new Map(interpretedValues(r).map((v) => [v.field, v]))
            return (
              <tr key={r.row} data-state={r.state} data-row={r.row}>
                <td>{r.row}</td>
                <td className={r.state === 'error' ? 'error' : ''}>
                  {STATE_LABELS[r.state]}
                  {r.reason ? ` (${REASONS[r.reason] ?? r.reason})` : ''}
                </td>
                <td>
                  {r.record?.kind?.toUpperCase() ?? ''}
                  <Original v={read.get('kind')} />
                </td>
                <td>{r.record?.name ?? ''}</td>
                <td
                  className={r.record?.regNo && regNoWarnings[r.record.regNo] ? 'import-warn' : ''}
                  title={r.record?.regNo ? regNoWarnings[r.record.regNo] : undefined}
                >
                  {r.record?.regNo ?? ''}
                  {r.record?.regNo && regNoWarnings[r.record.regNo] && <span data-testid="regno-warning"> ⚠ sai số kiểm tra</span>}
                  <Original v={read.get('regNo')} />
                </td>
                <td>
                  {r.record?.commune ?? ''}
                  <Original v={read.get('commune')} />
                  <Place row={r} />
                </td>
                <td>
                  {r.record?.registrationDate ? formatDate(r.record.registrationDate) : ''}
                  <Original v={read.get('registrationDate')} />
                </td>
                <td className="num">
                  {formatNumber(r.record?.charterCapital ?? null)}
                  <Original v={read.get('charterCapital')} />
                </td>
                <td className="num">
                  {formatNumber(r.record?.figures.members ?? null)}
                  <Original v={read.get('members')} />
                </td>
                <td>
                  {r.record?.sector ? SECTOR_LABELS[r.record.sector] : ''}
                  <Original v={read.get('sector')} />
                </td>
                <td>
                  <StatusCell row={r} original={read.get('status')} />
                </td>
                <td>
                  <Notes row={r} read={[...read.values()].filter((v) => !IN_COLUMNS.has(v.field))} />
                </td>
              </tr>
            )
          })}
      </tbody>
    </table>
  )
}

/** The fields the preview table has a column for: the others read by meaning are said in the notes. */
const IN_COLUMNS = new Set<ImportField>(['kind', 'regNo', 'commune', 'registrationDate', 'charterCapital', 'members', 'sector', 'status'])

/**
 * Under a value read by meaning: «← "1,2 tỷ"», the file's own text when it differs from what will be
 * written, else where it came from (a group row, a merged cell); how it was read on hover.
 */
function Original({ v }: { v: InterpretedValue | undefined }) {
  if (!v) return null
  const differs = v.original !== '' && v.original !== v.value
  return (
    <div className="muted import-original" title={v.how || undefined} data-testid={`original-${v.field}`}>
      {differs ? `← «${v.original}»` : v.how}
      {differs && v.how && /dòng nhóm|ô gộp|địa chỉ/.test(v.how) ? ` (${v.how})` : ''}
    </div>
  )
}

/** Where the record goes on the office's list of communes, before anything is written (issue 14 point 2). */
function Place({ row }: { row: ImportRow }) {
  if (row.place === undefined || !row.record) return null
  if (row.place === null)
    return (
      <div className="import-warn" data-testid="place-none">
        ⚠ không có trong danh sách xã của địa bàn: ghi như trong tệp, chọn lại sau
      </div>
    )
  // The name as written is the official one: nothing to add.
  if (row.place.name === row.record.commune) return null
  return (
    <div className="muted" data-testid="place" title={`Mã ${row.place.code}`}>
      → {row.place.name} (mã {row.place.code})
    </div>
  )
}

/** The status that will be written, its management label, and the file's own words when they differ. */
function StatusCell({ row, original }: { row: ImportRow; original: InterpretedValue | undefined }) {
  const rec = row.record
  if (!rec?.status) return null
  const label = rec.label
  return (
    <>
      {STATUS_LABELS[rec.status]}
      {label && <div className="muted">nhãn: {MANAGEMENT_LABEL_TEXT[label]}</div>}
      <Original v={original} />
    </>
  )
}

/** A row's issues, the values read by meaning that have no column here, and for an update each change by the field's Vietnamese name. */
function Notes({ row, read }: { row: ImportRow; read: InterpretedValue[] }) {
  return (
    <>
      {read.length > 0 && (
        <div className="muted" data-testid="row-interpreted">
          Đọc theo nghĩa: {read.map(interpretedLine).join('; ')}
        </div>
      )}
      {row.issues.map((i) => i.message).join(' ')}
      {row.changes && row.changes.length > 0 && (
        <span data-testid="row-changes">
          {row.changes
            .map(
              (c) => `${fieldName(c.field)}: ${valueText(c.field.split(':')[0]!, c.before)} → ${valueText(c.field.split(':')[0]!, c.after)}`
            )
            .join('; ')}
        </span>
      )}
      {row.findings && row.findings.length > 0 && (
        <span className="import-warn" data-testid="row-findings">
          {' '}
          Kiểm tra số liệu: {row.findings.map((f) => f.message).join(' ')}
        </span>
      )}
    </>
  )
}

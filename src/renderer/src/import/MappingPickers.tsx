/**
 * The two pickers of an import sheet's preview: values not understood (a status, sector or kind in the file's own
 * words) mapped to a code, and the file's columns mapped to the register's fields. Self-contained tables the screen
 * shows for each sheet; the mappings they make are kept by the screen and sent with the next preview.
 */
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportField,
  type ImportSheet,
  type UnknownValue,
  type ValueMapping
} from '../../../shared/api'
import { ENTITY_KINDS, KIND_SHORT, SECTORS, SECTOR_LABELS, STATUSES, STATUS_LABELS } from '../../../shared/domain'
import { formatNumber } from '../../../shared/text'

/** The codes a value not understood can be mapped to, in words. */
const VALUE_CHOICES: Record<UnknownValue['field'], Array<[string, string]>> = {
  status: STATUSES.map((c) => [c, STATUS_LABELS[c]]),
  sector: SECTORS.map((c) => [c, SECTOR_LABELS[c]]),
  kind: ENTITY_KINDS.map((c) => [c, KIND_SHORT[c]])
}
const VALUE_FIELD_LABELS: Record<UnknownValue['field'], string> = { status: 'Tình trạng', sector: 'Lĩnh vực', kind: 'Loại hình' }

/** A sheet's values not understood, each with the code it is mapped to. */
export function UnknownValuesPicker({
  s,
  valueMappings,
  mapValue
}: {
  s: ImportSheet
  valueMappings: ValueMapping[]
  mapValue: (shape: string, field: UnknownValue['field'], value: string, code: string) => void
}) {
  return (
    <details open data-testid={`unknown-values-${s.sheet}-${s.table}`}>
      <summary>Giá trị chưa rõ nghĩa ({s.unknownValues.length})</summary>
      <table className="facts">
        <tbody>
          {s.unknownValues.map((v) => (
            <tr key={`${v.field}/${v.value}`}>
              <th>
                {VALUE_FIELD_LABELS[v.field]}: «{v.value}»
              </th>
              <td className="muted">
                {formatNumber(v.count)} ô (dòng {v.rows.slice(0, 8).join(', ')}
                {v.rows.length > 8 ? '…' : ''})
              </td>
              <td>
                <select
                  value={valueMappings.find((m) => m.shape === s.shape && m.field === v.field && m.value === v.value)?.code ?? ''}
                  onChange={(e) => mapValue(s.shape, v.field, v.value, e.target.value)}
                  data-testid={`map-value-${s.sheet}-${v.field}-${v.value}`}
                >
                  <option value="">(chưa ghép)</option>
                  {VALUE_CHOICES[v.field].map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** A sheet's columns, each with the field it is read as, and why (or that it needs confirming). */
export function ColumnsPicker({
  s,
  mapColumn
}: {
  s: ImportSheet
  mapColumn: (shape: string, column: number, field: ImportField | null) => void
}) {
  return (
    <details open={s.unknownColumns.length > 0 || s.columns.some((c) => c.confirm)} data-testid={`columns-${s.sheet}-${s.table}`}>
      <summary>Ghép cột ({s.unknownColumns.length} cột chưa rõ nghĩa)</summary>
      <table className="facts">
        <tbody>
          {s.columns.map((c) => (
            <tr key={c.index}>
              <th>
                {c.letter}: {c.header}
              </th>
              <td>
                <select
                  value={c.field ?? ''}
                  onChange={(e) => mapColumn(s.shape, c.index, (e.target.value || null) as ImportField | null)}
                  data-testid={`map-${s.sheet}-${c.letter}`}
                >
                  <option value="">(bỏ qua cột này)</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
              <td className={c.confirm ? 'import-warn' : 'muted'} data-testid={`evidence-${s.sheet}-${c.letter}`}>
                {c.confirm ? 'Cần xác nhận: ' : ''}
                {c.evidence ?? (c.field ? '' : 'chưa rõ nghĩa')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/**
 * The detail panel of one record: its fields, status timeline (with "add an
 * event"), yearly figures, OCOP products, change history from the audit log,
 * and deleting (with a reason) or restoring it.
 * Self-contained: give it an entity id; it reads and writes only through api.ts
 * and tells the screen which record changed.
 */
import { interpretedLine, type InterpretedValue } from '../../../shared/interpreted'
import { vnYear } from '../../../shared/clock'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  CLASSIFICATION_LABELS,
  FIELD_LABELS,
  type AuditEntry,
  type Entity,
  type Finding,
  type SizeRow,
  type StatusEvent,
  type YearlyFigures
} from '../../../shared/api'
import { CONVERSION_LABELS, KIND_SHORT, MANAGEMENT_LABEL_TEXT, STATUS_LABELS, statusLabel, type Status } from '../../../shared/domain'
import { formatDate, formatNumber } from '../../../shared/text'
import { AppError } from '../../../shared/errors'
import { call, messageOf } from '../api'
import { StatusEventForm } from './StatusEventForm'
import { LastAgmField } from '../dissolution/LastAgmField'
import { useReadOnly } from '../readOnly'
import { CommunePicker } from './CommunePicker'
import { LabelSection } from './LabelSection'
import { ListEditor, type ListColumn } from './ListEditor'
import { FindingList } from '../checks/FindingList'
import { RecordRemarks } from '../handoff/ProvinceReply'

export const ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  soft_delete: 'Xóa (có thể khôi phục)',
  hard_delete: 'Xóa hẳn',
  restore: 'Khôi phục',
  undo: 'Hoàn tác',
  status_add: 'Ghi tình trạng',
  label_add: 'Ghi nhãn quản lý',
  figures_create: 'Nhập số liệu năm',
  figures_update: 'Sửa số liệu năm',
  bulk_create: 'Thêm hàng loạt'
}

type Ocop = NonNullable<Entity['ocop']>[number]
type Vsic = NonNullable<Entity['vsic']>[number]
const showOcop = (o: Ocop) => `${o.name}: ${o.stars} sao (năm ${o.year})`
const showVsic = (v: Vsic) => `${v.code} – ${v.label}`
const OCOP_COLUMNS: ListColumn[] = [
  { key: 'name', label: 'Tên sản phẩm', grow: 4 },
  { key: 'stars', label: 'Số sao', type: 'int', placeholder: '3–5', grow: 1.1 },
  { key: 'year', label: 'Năm công nhận', type: 'int', grow: 1.6 }
]
const VSIC_COLUMNS: ListColumn[] = [
  { key: 'code', label: 'Mã VSIC', placeholder: 'vd. 0118', grow: 1 },
  { key: 'label', label: 'Tên ngành', grow: 4 }
]
const MEMBER_COLUMNS: ListColumn[] = [{ key: 'name', label: 'Tên HTX thành viên' }]
/** The list fields in the change history, as the panel shows them. */
const LIST_SHOWN: Record<string, (item: never) => string> = {
  ocop: showOcop,
  vsic: showVsic,
  memberCoops: (name: string) => name
}

/** One audit value as a person reads it: dates dd/mm/yyyy, numbers 1.234.567, codes by their labels. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)'
  if (field === 'status') return STATUS_LABELS[value as Status] ?? String(value)
  if (Array.isArray(value) && LIST_SHOWN[field])
    return value.length ? value.map((v) => LIST_SHOWN[field]!(v as never)).join('; ') : '(trống)'
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * A write by an import that read values by meaning keeps, in its audit row, where each came from:
 * « — nhập từ tệp.xlsx › DS › dòng 2: Vốn điều lệ: 1.200.000.000 ← «1,2 tỷ» (…)».
 */
function importOriginText(h: AuditEntry): string {
  const o = (h.after as { importOrigin?: { where?: string; values?: InterpretedValue[] } } | null)?.importOrigin
  if (!o?.values?.length) return ''
  return ` — nhập từ ${o.where ?? 'tệp'}, đọc theo nghĩa: ${o.values.map(interpretedLine).join('; ')}`
}

/** "Sửa Điện thoại: (trống) → 0205 3870 123" for an edit; the action's name otherwise. */
function describe(h: AuditEntry): string {
  const action = ACTION_LABELS[h.action] ?? h.action
  const fromFile = importOriginText(h)
  if (h.action === 'update' && h.after && typeof h.after === 'object') {
    const before = (h.before ?? {}) as Record<string, unknown>
    const parts = Object.entries(h.after as Record<string, unknown>)
      .filter(([field]) => field !== 'importOrigin')
      .map(([field, v]) => `${FIELD_LABELS[field] ?? field}: ${shown(field, before[field])} → ${shown(field, v)}`)
    return `${action} ${parts.join('; ')}${fromFile}`
  }
  if (fromFile) return `${action}${fromFile}`
  if (h.action === 'soft_delete' && h.after && typeof h.after === 'object')
    return `${action}, lý do: ${(h.after as { reason?: string }).reason ?? ''}`
  return action
}

export function DetailPanel({
  id,
  version = 0,
  onClose,
  onChanged
}: {
  id: number
  /** Bumped by the screen when the record changed elsewhere (an edit in the grid, an undo). */
  version?: number
  onClose?: () => void
  /** The record changed here; `gone` when it was deleted for good. */
  onChanged?: (id: number, gone: boolean) => void
}) {
  const [entity, setEntity] = useState<Entity | null>(null)
  const readOnly = useReadOnly() !== null
  const [events, setEvents] = useState<StatusEvent[]>([])
  const [figures, setFigures] = useState<YearlyFigures[]>([])
  // The size class each year's figures give (HTX, LHHTX), by year; and whether its thresholds are unconfirmed.
  const [sizes, setSizes] = useState<{ byYear: Map<number, SizeRow>; unverified: boolean }>({ byYear: new Map(), unverified: false })
  const [history, setHistory] = useState<AuditEntry[]>([])
  const [findings, setFindings] = useState<Finding[]>([])
  const [error, setError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  // Arrow keys in the grid move the panel quickly: only the latest record's answers are shown.
  const latest = useRef(0)

  const load = useCallback(async () => {
    const ticket = ++latest.current
    try {
      const [e, ev, f, h, c] = await Promise.all([
        call('entity.get', { id }),
        call('status.list', { entityId: id }),
        call('figures.list', { entityId: id }),
        call('audit.list', { table: 'entities', rowId: id, limit: 50 }),
        call('checks.run', { entityId: id, includeAcknowledged: true })
      ])
      const sized = e.kind === 'tht' ? [] : await Promise.all(f.map((x) => call('classification.sizes', { year: x.year, entityId: id })))
      if (ticket !== latest.current) return
      setEntity(e)
      setEvents(ev)
      setFigures(f)
      setSizes({
        byYear: new Map(sized.flatMap((l) => l.rows.map((r) => [r.year, r] as const))),
        unverified: sized.some((l) => !l.thresholdsVerified)
      })
      setHistory(h)
      setFindings(c.findings)
      setError(null)
    } catch (err) {
      if (ticket === latest.current) setError(messageOf(err))
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load, version])

  async function run(work: () => Promise<unknown>, gone = false) {
    try {
      await work()
      setError(null)
      onChanged?.(id, gone)
      if (!gone) await load()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  /** One list field saved by one entity.update at the version shown; a stale version reloads the record (the draft stays). */
  async function saveList(changes: { ocop: Entity['ocop'] } | { vsic: Entity['vsic'] } | { memberCoops: Entity['memberCoops'] }) {
    if (!entity) return
    try {
      await call('entity.update', { id, rowVersion: entity.rowVersion, changes })
    } catch (err) {
      if (err instanceof AppError && err.code === 'STALE') void load()
      throw err
    }
    onChanged?.(id, false)
    await load()
  }

  if (!entity) return <aside className="detail-panel">{error ?? 'Đang tải…'}</aside>
  const rows: Array<[string, string]> = [
    ['Loại hình', KIND_SHORT[entity.kind]],
    ['Mã số HTX', entity.regNo ?? ''],
    ['Tên viết tắt', entity.shortName ?? ''],
    ['Tình trạng pháp lý', entity.status ? statusLabel(entity.status, entity.kind) : ''],
    [
      'Nhãn quản lý',
      entity.label ? `${MANAGEMENT_LABEL_TEXT[entity.label]} (từ ${entity.labelSince ? formatDate(entity.labelSince) : 'khi đăng ký'})` : ''
    ],
    ['Trụ sở', [entity.street, entity.address, entity.commune, entity.districtName].filter(Boolean).join(', ')],
    ['Người đại diện', [entity.representative, entity.representativeTitle].filter(Boolean).join(', ')],
    ['Điện thoại', entity.phone ?? ''],
    ['Thư điện tử', entity.email ?? ''],
    ['Ngày đăng ký', formatDate(entity.registrationDate)],
    ['Vốn điều lệ (đồng)', formatNumber(entity.charterCapital)],
    // Member cooperatives of a record that is not an LHHTX (imported so) are still shown; an LHHTX's are edited below.
    ['HTX thành viên', entity.kind === 'lhhtx' ? '' : (entity.memberCoops ?? []).join('; ')],
    ...(entity.kind === 'tht'
      ? ([
          [
            'THT phải đăng ký',
            entity.mustRegister === null || entity.mustRegister === undefined ? '' : entity.mustRegister ? 'Có' : 'Không'
          ],
          [
            'Giấy chứng nhận đăng ký THT',
            [entity.certificateNo, entity.certificateDate ? `cấp ${formatDate(entity.certificateDate)}` : ''].filter(Boolean).join(', ')
          ]
        ] as Array<[string, string]>)
      : ([['Sửa điều lệ theo Luật HTX 2023', formatDate(entity.charterUpdatedDate)]] as Array<[string, string]>)),
    ['Cập nhật thông tin hằng năm gần nhất', formatDate(entity.infoUpdateDate)],
    ['Ghi chú', entity.notes ?? '']
  ]
  return (
    <aside className="detail-panel" aria-label={`Chi tiết ${entity.name}`} data-testid="detail-panel">
      <header>
        <h2>{entity.name}</h2>
        {onClose && (
          <button type="button" onClick={onClose} aria-label="Đóng chi tiết" data-testid="detail-close">
            ×
          </button>
        )}
      </header>
      {error && (
        <p role="alert" className="detail-error" data-testid="detail-error">
          {error}
        </p>
      )}
      {entity.deletedAt && (
        <p role="status" className="detail-deleted">
          Đã xóa: {entity.deletedReason}
        </p>
      )}
      <dl>
        {rows
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>

      <h3>Xã, phường</h3>
      <CommunePicker
        entity={entity}
        readOnly={readOnly || Boolean(entity.deletedAt)}
        onPick={(communeCode) => run(() => call('entity.update', { id, rowVersion: entity.rowVersion, changes: { communeCode } }))}
      />

      <h3>Kiểm tra số liệu</h3>
      {findings.length === 0 ? (
        <p className="hint" data-testid="detail-no-findings">
          Không có phát hiện nào.
        </p>
      ) : (
        <FindingList findings={findings} readOnly={readOnly} testId="detail-findings" onAcknowledged={() => void load()} />
      )}

      <RecordRemarks entityId={id} readOnly={readOnly} version={version} />

      <ListEditor<Vsic>
        field="vsic"
        title="Ngành nghề (mã VSIC)"
        testId="vsic"
        items={entity.vsic}
        columns={VSIC_COLUMNS}
        show={showVsic}
        toCells={(v) => ({ code: v.code, label: v.label })}
        fromCells={(c) => ({ code: c.code as string, label: c.label as string })}
        empty="Chưa ghi ngành nghề theo mã VSIC."
        onSave={(vsic) => saveList({ vsic })}
        readOnly={readOnly}
      />
      {entity.kind === 'lhhtx' && (
        <ListEditor<string>
          field="memberCoops"
          title="HTX thành viên"
          testId="member-coops"
          items={entity.memberCoops}
          columns={MEMBER_COLUMNS}
          show={(name) => name}
          toCells={(name) => ({ name })}
          fromCells={(c) => c.name as string}
          empty="Chưa ghi HTX thành viên."
          onSave={(memberCoops) => saveList({ memberCoops })}
          readOnly={readOnly}
        />
      )}

      <h3>Diễn biến tình trạng pháp lý</h3>
      <ol className="status-timeline" data-testid="status-timeline">
        {events.map((e) => (
          <li key={e.id}>
            <strong>{e.sinceRegistration ? 'Từ khi đăng ký' : formatDate(e.effectiveDate)}</strong>: {statusLabel(e.status, entity.kind)}
            {e.decisionNo ? ` (QĐ số ${e.decisionNo})` : ''}
            {e.conversion ? ` — ${CONVERSION_LABELS[e.conversion]}` : ''}
          </li>
        ))}
      </ol>
      {!readOnly && <StatusEventForm entity={entity} run={run} onInput={() => setError(null)} />}

      <LabelSection
        key={`labels-${entity.id}`}
        entityId={entity.id}
        readOnly={readOnly}
        disabled={!!entity.deletedAt}
        onChanged={() => void run(async () => undefined)}
      />

      {entity.kind !== 'tht' && (
        <>
          <h3>Đại hội thành viên thường niên gần nhất</h3>
          <LastAgmField entityId={entity.id} disabled={!!entity.deletedAt} />
        </>
      )}

      <h3>Số liệu năm</h3>
      {figures.length === 0 ? (
        <p className="muted">Chưa có số liệu năm nào (nhập ở thẻ «Số liệu năm»).</p>
      ) : (
        <table className="detail-figures">
          <thead>
            <tr>
              <th>Năm</th>
              <th>Thành viên</th>
              <th>Lao động</th>
              <th>Doanh thu (đồng)</th>
              <th>Lợi nhuận (đồng)</th>
              <th>Xếp loại</th>
              {entity.kind !== 'tht' && <th>Quy mô</th>}
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => {
              const size = sizes.byYear.get(f.year)
              return (
                <tr key={f.id}>
                  <td>{f.year}</td>
                  <td>{formatNumber(f.members)}</td>
                  <td>{formatNumber(f.workers)}</td>
                  <td>{formatNumber(f.revenue)}</td>
                  <td>{formatNumber(f.profit)}</td>
                  <td title={f.classificationCircular ?? undefined}>{f.classification ? CLASSIFICATION_LABELS[f.classification] : ''}</td>
                  {entity.kind !== 'tht' && (
                    <td data-testid={`detail-size-${f.year}`} title={size?.sizeReason ?? size?.auditBasis ?? undefined}>
                      {size ? size.sizeLabel : ''}
                      {size?.auditRequired ? ' — phải kiểm toán độc lập' : ''}
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {entity.kind !== 'tht' && figures.length > 0 && sizes.unverified && (
        <p className="muted">Quy mô theo Luật HTX 2023 Điều 16; ngưỡng chưa đối chiếu văn bản (Nghị định 113/2024/NĐ-CP).</p>
      )}

      <ListEditor<Ocop>
        field="ocop"
        title="Sản phẩm OCOP"
        testId="ocop"
        items={entity.ocop}
        columns={OCOP_COLUMNS}
        show={showOcop}
        toCells={(o) => ({ name: o.name, stars: String(o.stars), year: String(o.year) })}
        // Numbers the person typed as words travel as typed: the core names them.
        fromCells={(c) => ({ name: c.name as string, stars: c.stars as number, year: c.year as number })}
        blank={() => ({ year: String(vnYear()) })}
        empty="Chưa có sản phẩm OCOP."
        onSave={(ocop) => saveList({ ocop })}
        readOnly={readOnly}
      />

      <h3>Lịch sử thay đổi</h3>
      <ul className="change-history" data-testid="change-history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="muted">
              {formatDate(h.at.slice(0, 10))} {h.at.slice(11, 16)} – {h.user}:
            </span>{' '}
            {describe(h)}
          </li>
        ))}
      </ul>

      {!readOnly && <h3>{entity.deletedAt ? 'Khôi phục' : 'Xóa khỏi sổ'}</h3>}
      {readOnly ? null : entity.deletedAt ? (
        <button type="button" data-testid="restore" onClick={() => run(() => call('entity.restore', { id }))}>
          Khôi phục bản ghi
        </button>
      ) : (
        <div className="delete-form">
          <input
            value={reason}
            onChange={(e) => {
              setReason(e.target.value)
              setError(null)
            }}
            placeholder="Lý do xóa (bắt buộc)"
            aria-label="Lý do xóa"
            data-testid="delete-reason"
          />
          <button
            type="button"
            data-testid="delete"
            onClick={() => run(() => call('entity.delete', { id, reason }).then(() => setReason('')))}
          >
            Xóa (khôi phục được)
          </button>
          {entity.hardDeleteUntil && (
            <button
              type="button"
              className="danger"
              data-testid="hard-delete"
              title="Chỉ cho bản ghi tạo nhầm trong 24 giờ qua: xóa hẳn, không khôi phục được"
              onClick={() => run(() => call('entity.delete', { id, reason, hard: true }), true)}
            >
              Xóa hẳn (tạo nhầm)
            </button>
          )}
        </div>
      )}
    </aside>
  )
}

/**
 * "Trao đổi dữ liệu → Nhập từ Excel": choose or drop files, see exactly what the
 * import will do row by row, map unknown columns by hand, commit, and undo a
 * whole import from the history. Files travel to the core as bytes (base64);
 * the core reads them in a worker and reports its progress, shown as a bar.
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react'
import {
  FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  type ImportBatch,
  type ImportField,
  type ImportResult,
  type ImportRow,
  type ImportSheet,
  type ProgressEvent,
  type RowState,
  type UnknownValue,
  type ValueMapping
} from '../../../shared/api'
import { ENTITY_KINDS, KIND_SHORT, MANAGEMENT_LABEL_TEXT, SECTORS, SECTOR_LABELS, STATUSES, STATUS_LABELS } from '../../../shared/domain'
import { interpretedLine, interpretedValues, type InterpretedValue } from '../../../shared/interpreted'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, listen, messageOf } from '../api'
import { downloadBase64, readAsBase64, type Picked } from '../files'
import { Banner } from '../components/Banner'
import { FilePicker } from '../components/FilePicker'

type Mapping = { shape: string; column: number; field: ImportField | null }

/** The codes a value not understood can be mapped to, in words. */
const VALUE_CHOICES: Record<UnknownValue['field'], Array<[string, string]>> = {
  status: STATUSES.map((c) => [c, STATUS_LABELS[c]]),
  sector: SECTORS.map((c) => [c, SECTOR_LABELS[c]]),
  kind: ENTITY_KINDS.map((c) => [c, KIND_SHORT[c]])
}
const VALUE_FIELD_LABELS: Record<UnknownValue['field'], string> = { status: 'Tình trạng', sector: 'Lĩnh vực', kind: 'Loại hình' }

const STATE_LABELS: Record<RowState, string> = {
  new: 'Mới',
  update: 'Cập nhật',
  unchanged: 'Không đổi',
  duplicate: 'Trùng trong tệp',
  skipped: 'Bỏ qua',
  error: 'Lỗi'
}
/** Rows drawn per table: a 100,000-row register previews in full in the core, the page lists the first ones. */
const ROWS_SHOWN = 1000

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

/** Where a sheet's figures year comes from, said when the box above overrides the file's own date line. */
function yearSource(s: ImportSheet, typed: string): string {
  const fileYear = s.asOfDate ? Number(s.asOfDate.slice(0, 4)) : null
  if (/^\d{4}$/.test(typed)) {
    return s.asOfDate
      ? ` — theo ô «Năm số liệu» đã gõ, thay cho dòng «Số liệu tính đến ngày ${formatDate(s.asOfDate)}» của tệp${fileYear !== s.figuresYear ? ` (năm ${fileYear})` : ''}`
      : ' — theo ô «Năm số liệu» đã gõ'
  }
  return s.asOfDate
    ? ` — theo dòng «Số liệu tính đến ngày ${formatDate(s.asOfDate)}» của tệp`
    : ' — tệp không ghi ngày số liệu: năm trước năm nay'
}

export function Import({ onChanged }: { onChanged?: () => void }) {
  const [files, setFiles] = useState<Picked[]>([])
  const [year, setYear] = useState('')
  const [mappings, setMappings] = useState<Mapping[]>([])
  const [valueMappings, setValueMappings] = useState<ValueMapping[]>([])
  // The file's own date line says another year than the box: the officer says which one holds.
  const [yearConfirmed, setYearConfirmed] = useState(false)
  const [preview, setPreview] = useState<ImportResult | null>(null)
  const [shown, setShown] = useState<Set<RowState>>(new Set(['new', 'update', 'duplicate', 'error']))
  const [strict, setStrict] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [history, setHistory] = useState<ImportBatch[]>([])
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  // Numbers in the preview that fail the register's check-digit rule, with its warning.
  const [regNoWarnings, setRegNoWarnings] = useState<Record<string, string>>({})

  useEffect(() => listen('progress', (p) => p.handler.startsWith('exchange.') && setProgress(p)), [])
  useEffect(() => {
    if (!busy) setProgress(null)
  }, [busy])

  const loadHistory = useCallback(() => {
    call('exchange.importHistory', {}).then(setHistory, (err) => setError(messageOf(err)))
  }, [])
  useEffect(loadHistory, [loadHistory])

  const input = useMemo(
    () => ({
      files,
      ...(/^\d{4}$/.test(year) ? { figuresYear: Number(year), ...(yearConfirmed ? { figuresYearConfirmed: true } : {}) } : {}),
      ...(mappings.length ? { mappings } : {}),
      ...(valueMappings.length ? { valueMappings } : {})
    }),
    [files, year, yearConfirmed, mappings, valueMappings]
  )

  useEffect(() => {
    if (files.length === 0) {
      setPreview(null)
      return
    }
    let live = true
    setBusy(true)
    setError(null)
    call('exchange.previewImport', input)
      .then(
        (r) => live && setPreview(r),
        (err) => live && (setPreview(null), setError(messageOf(err)))
      )
      .finally(() => live && setBusy(false))
    return () => {
      live = false
    }
  }, [input, files.length])

  useEffect(() => {
    const regNos = [
      ...new Set(
        preview?.files.flatMap((f) => f.sheets.flatMap((s) => s.rows.map((r) => r.record?.regNo).filter((n): n is string => !!n))) ?? []
      )
    ]
    if (regNos.length === 0) return setRegNoWarnings({})
    let live = true
    call('entity.checkRegNos', { regNos: regNos.slice(0, 20_000) }).then(
      (r) => live && setRegNoWarnings(r.warnings),
      () => live && setRegNoWarnings({})
    )
    return () => {
      live = false
    }
  }, [preview])

  async function pick(list: FileList | null) {
    if (!list || list.length === 0) return
    setDone(null)
    setMappings([])
    setFiles(await Promise.all([...list].map(readAsBase64)))
  }

  function onDrop(e: DragEvent) {
    e.preventDefault()
    void pick(e.dataTransfer.files)
  }

  function mapColumn(shape: string, column: number, field: ImportField | null) {
    setMappings((m) => [...m.filter((x) => !(x.shape === shape && x.column === column)), { shape, column, field }])
  }

  function mapValue(shape: string, field: UnknownValue['field'], value: string, code: string) {
    setValueMappings((m) => [
      ...m.filter((x) => !(x.shape === shape && x.field === field && x.value === value)),
      ...(code ? [{ shape, field, value, code }] : [])
    ])
  }

  async function commit() {
    setBusy(true)
    setError(null)
    try {
      const r = await call('exchange.commitImport', { ...input, ...(strict ? { strict: true } : {}) })
      const t = r.totals
      setDone(
        `Đã nhập lần số ${r.batchId}: ${formatNumber(t.created)} mới, ${formatNumber(t.updated)} cập nhật, ${formatNumber(t.errors)} dòng lỗi không nhập.`
      )
      setFiles([])
      setMappings([])
      setValueMappings([])
      setYearConfirmed(false)
      loadHistory()
      onChanged?.()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  async function undo(batchId: number) {
    if (!window.confirm(`Hoàn tác cả lần nhập số ${batchId}? Các bản ghi lần đó thêm sẽ bị xóa, các bản ghi bị sửa được trả lại như cũ.`))
      return
    try {
      const r = await call('exchange.undoImport', { batchId })
      setDone(`Đã hoàn tác lần nhập số ${batchId}: xóa ${formatNumber(r.deleted)}, trả lại ${formatNumber(r.restored)}.`)
      loadHistory()
      onChanged?.()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  async function template() {
    try {
      const t = await call('exchange.importTemplate', {})
      downloadBase64(t.name, t.base64)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const t = preview?.totals
  return (
    <section className="page" style={{ overflow: 'auto' }} data-testid="import-screen">
      <div className="page-header">
        <h1>Nhập từ Excel</h1>
        <button onClick={template} data-testid="import-template">
          Tải mẫu danh sách (.xlsx)
        </button>
      </div>
      <Banner notice={error ? { kind: 'error', text: error } : null} onClose={() => setError(null)} />
      <Banner notice={done ? { kind: 'success', text: done } : null} onClose={() => setDone(null)} />

      <div
        className="card"
        style={{ maxWidth: 'none', padding: 16, borderStyle: 'dashed' }}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <span>Kéo thả tệp .xlsx, .xls, .csv, .ods vào đây, hoặc chọn tệp:</span>
        <FilePicker multiple accept=".xlsx,.xls,.csv,.ods" onFiles={(files) => pick(files)} testId="import-files" />
        <label className="field" style={{ maxWidth: 260 }}>
          <span>Năm số liệu (để trống: theo dòng «Số liệu tính đến ngày…»)</span>
          <input
            value={year}
            onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
            placeholder="ví dụ 2023"
            data-testid="import-year"
          />
        </label>
      </div>

      {busy && (
        <div style={{ display: 'flex', gap: 10, alignItems: 'center' }} data-testid="import-progress">
          {progress && progress.total !== null ? (
            <progress value={progress.done} max={Math.max(1, progress.total)} style={{ width: 320 }} aria-label="Tiến độ" />
          ) : (
            <progress style={{ width: 320 }} aria-label="Tiến độ" />
          )}
          <span className="muted">
            {progress ? progress.label : 'Đang gửi tệp'}
            {progress?.file ? ` ${progress.file}` : ''}
            {progress?.sheet ? ` › ${progress.sheet}` : ''}
            {progress && progress.total !== null ? `: ${formatNumber(progress.done)}/${formatNumber(progress.total)} dòng` : '…'}
          </span>
        </div>
      )}
      {preview && t && (
        <>
          <p data-testid="import-totals">
            Sẽ nhập: <b>{formatNumber(t.created)}</b> mới, <b>{formatNumber(t.updated)}</b> cập nhật, {formatNumber(t.unchanged)} không đổi,{' '}
            {formatNumber(t.duplicates)} trùng, {formatNumber(t.skipped)} bỏ qua,{' '}
            <b className={t.errors ? 'error' : ''}>{formatNumber(t.errors)}</b> lỗi.
          </p>
          <div style={{ display: 'flex', gap: 14, flexWrap: 'wrap' }}>
            {(Object.keys(STATE_LABELS) as RowState[]).map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={shown.has(s)}
                  onChange={() =>
                    setShown((cur) => {
                      const n = new Set(cur)
                      if (n.has(s)) n.delete(s)
                      else n.add(s)
                      return n
                    })
                  }
                />{' '}
                {STATE_LABELS[s]}
              </label>
            ))}
          </div>
          {preview.files.map((f) =>
            f.sheets.map((s) => (
              <div key={`${f.file}/${s.sheet}/${s.table}`} className="card" style={{ maxWidth: 'none', padding: 14 }}>
                <h2 style={{ margin: 0, fontSize: 16 }}>
                  {f.file} › {s.sheet}
                  {s.table > 1 ? ` › bảng ${s.table}` : ''} {s.title ? `— ${s.title}` : ''}
                </h2>
                <p className="muted" style={{ margin: 0 }}>
                  Dòng tiêu đề: {s.headerRow || '—'} · Mã chữ: {s.encoding === 'unicode' ? 'Unicode' : s.encoding.toUpperCase()} ·{' '}
                  <span data-testid={`figures-year-${s.sheet}-${s.table}`}>
                    Năm số liệu: <b>{s.figuresYear}</b>
                    {yearSource(s, year)}
                  </span>
                </p>
                {s.issues.map((i, n) => (
                  <p key={n} className={i.severity === 'error' ? 'error' : 'muted'}>
                    {i.message}
                    {i.code === 'FIGURES_YEAR_DISAGREES' && (
                      <label style={{ display: 'block' }}>
                        <input
                          type="checkbox"
                          checked={yearConfirmed}
                          onChange={(e) => setYearConfirmed(e.target.checked)}
                          data-testid="figures-year-confirm"
                        />{' '}
                        Số liệu là của năm {year} như đã gõ (không theo dòng ngày của tệp)
                      </label>
                    )}
                  </p>
                ))}
                {s.unknownValues.length > 0 && (
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
                                value={
                                  valueMappings.find((m) => m.shape === s.shape && m.field === v.field && m.value === v.value)?.code ?? ''
                                }
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
                )}
                {s.columns.length > 0 && (
                  <details
                    open={s.unknownColumns.length > 0 || s.columns.some((c) => c.confirm)}
                    data-testid={`columns-${s.sheet}-${s.table}`}
                  >
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
                )}
                {s.rows.length > 0 && (
                  <table
                    className="import-rows"
                    style={{ borderCollapse: 'collapse', width: '100%' }}
                    data-testid={`rows-${s.sheet}-${s.table}`}
                  >
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
                                {r.record?.regNo && regNoWarnings[r.record.regNo] && (
                                  <span data-testid="regno-warning"> ⚠ sai số kiểm tra</span>
                                )}
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
                )}
                {s.rows.filter((r) => shown.has(r.state)).length > ROWS_SHOWN && (
                  <p className="muted">Chỉ hiện {formatNumber(ROWS_SHOWN)} dòng đầu; số đếm ở trên tính đủ mọi dòng.</p>
                )}
              </div>
            ))
          )}
          <div className="actions" style={{ justifyContent: 'flex-start' }}>
            <label>
              <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} /> Có lỗi thì không nhập gì
            </label>
            <button className="primary" disabled={busy || t.created + t.updated === 0} onClick={commit} data-testid="import-commit">
              Nhập {formatNumber(t.created + t.updated)} bản ghi
            </button>
          </div>
        </>
      )}

      <h2 style={{ fontSize: 16, marginBottom: 0 }}>Các lần nhập</h2>
      {history.length === 0 ? (
        <p className="muted">Chưa nhập lần nào.</p>
      ) : (
        <table className="facts" data-testid="import-history">
          <tbody>
            {history.map((b) => (
              <tr key={b.id}>
                <th>Lần {b.id}</th>
                <td>
                  {formatDate(b.at)} {b.at.slice(11, 16)} · {b.user} · {b.files.map((f) => f.name).join(', ')} ·{' '}
                  {formatNumber(b.counts.created)} mới, {formatNumber(b.counts.updated)} cập nhật
                </td>
                <td>{b.undoneAt ? `đã hoàn tác ${formatDate(b.undoneAt)}` : <button onClick={() => void undo(b.id)}>Hoàn tác</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
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

/**
 * "Trao đổi dữ liệu → Nhập từ Excel": choose or drop files, see exactly what the
 * import will do row by row, map unknown columns by hand, commit, and undo a
 * whole import from the history. Files travel to the core as bytes (base64);
 * the core reads them in a worker and reports its progress, shown as a bar.
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react'
import type {
  ImportBatch,
  ImportField,
  ImportResult,
  ImportSheet,
  ProgressEvent,
  RowState,
  UnknownValue,
  ValueMapping
} from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { call, listen, messageOf } from '../api'
import { downloadBase64, readAsBase64, type Picked } from '../files'
import { Banner } from '../components/Banner'
import { FilePicker } from '../components/FilePicker'
import { ImportProgress } from '../import/ImportProgress'
import { ColumnsPicker, UnknownValuesPicker } from '../import/MappingPickers'
import { PreviewRows, ROWS_SHOWN, STATE_LABELS } from '../import/PreviewRows'

type Mapping = { shape: string; column: number; field: ImportField | null }

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

      {busy && <ImportProgress progress={progress} />}
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
                {s.unknownValues.length > 0 && <UnknownValuesPicker s={s} valueMappings={valueMappings} mapValue={mapValue} />}
                {s.columns.length > 0 && <ColumnsPicker s={s} mapColumn={mapColumn} />}
                {s.rows.length > 0 && <PreviewRows s={s} shown={shown} regNoWarnings={regNoWarnings} />}
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

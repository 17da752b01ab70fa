import { useEffect, useState, type FormEvent } from 'react'
import type { Entity } from '../../../shared/api'
import { ENTITY_KINDS, KIND_LABELS, SECTORS, SECTOR_LABELS, type EntityKind, type Sector } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { call, fieldErrors, messageOf } from '../api'
import { looksLikeDate, parseDateCell, parseMoney } from '../grid/columns'

type Draft = Record<
  'name' | 'regNo' | 'address' | 'commune' | 'representative' | 'phone' | 'registrationDate' | 'charterCapital' | 'notes',
  string
> & {
  kind: EntityKind
  sector: Sector | ''
}

const EMPTY: Draft = {
  kind: 'htx',
  name: '',
  regNo: '',
  address: '',
  commune: '',
  representative: '',
  phone: '',
  registrationDate: '',
  charterCapital: '',
  sector: '',
  notes: ''
}

const TEXT_FIELDS: Array<{ key: keyof Draft; label: string; placeholder?: string; required?: boolean }> = [
  { key: 'name', label: 'Tên', required: true, placeholder: 'Ví dụ: HTX Nông nghiệp Tân Thành' },
  { key: 'regNo', label: 'Mã số HTX', placeholder: '10 chữ số (mã số thuế)' },
  { key: 'address', label: 'Địa chỉ trụ sở' },
  { key: 'commune', label: 'Xã, phường' },
  { key: 'representative', label: 'Người đại diện theo pháp luật' },
  { key: 'phone', label: 'Điện thoại' },
  { key: 'registrationDate', label: 'Ngày đăng ký', placeholder: 'dd/mm/yyyy' },
  { key: 'charterCapital', label: 'Vốn điều lệ (đồng)', placeholder: 'Ví dụ: 1.500.000.000' }
]

/**
 * Only what needs no rule book is checked here (a name is there, a date is typed
 * as a date); everything else is the core's to judge, and its messages are shown
 * beside each field.
 */
function obviousProblems(draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {}
  if (draft.name.trim() === '') problems.name = 'Hãy nhập tên.'
  if (draft.registrationDate.trim() !== '' && !looksLikeDate(draft.registrationDate)) {
    problems.registrationDate = 'Ngày gõ theo dạng ngày/tháng/năm, ví dụ 06/05/2024.'
  }
  return problems
}

/** The "Thêm HTX" form: the core validates; its messages are shown beside each field. */
export function EntityForm({ onSaved, onCancel }: { onSaved(e: Entity): void; onCancel(): void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [general, setGeneral] = useState<string | null>(null)
  // The core's question when the record looks like one already in the register.
  const [duplicate, setDuplicate] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  // Esc closes the form, as any dialog.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onCancel])

  async function submit(event: FormEvent | null, confirmDuplicate = false) {
    event?.preventDefault()
    setGeneral(null)
    setDuplicate(null)
    const obvious = obviousProblems(draft)
    setErrors(obvious)
    if (Object.keys(obvious).length > 0) return
    setBusy(true)
    const blankToNull = (s: string) => (s.trim() === '' ? null : s)
    try {
      const saved = await call('entity.create', {
        kind: draft.kind,
        name: draft.name,
        regNo: blankToNull(draft.regNo),
        address: blankToNull(draft.address),
        commune: blankToNull(draft.commune),
        representative: blankToNull(draft.representative),
        phone: blankToNull(draft.phone),
        registrationDate: parseDateCell(draft.registrationDate),
        charterCapital: parseMoney(draft.charterCapital) as number | null,
        sector: draft.sector === '' ? null : draft.sector,
        notes: blankToNull(draft.notes),
        ...(confirmDuplicate ? { confirmDuplicate } : {})
      })
      onSaved(saved)
    } catch (err) {
      if (err instanceof AppError && err.code === 'DUPLICATE') {
        setDuplicate(err.message)
        setBusy(false)
        return
      }
      const fields = fieldErrors(err)
      setErrors(fields)
      if (Object.keys(fields).length === 0) setGeneral(messageOf(err))
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="entity-form-title">
      <form className="modal" onSubmit={submit} data-testid="entity-form" noValidate>
        <h2 id="entity-form-title">Thêm vào sổ đăng ký</h2>
        <label className="field">
          <span>Loại hình</span>
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value)} data-testid="field-kind">
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <div className="form-grid">
          {TEXT_FIELDS.map((f) => (
            <label key={f.key} className={`field${f.key === 'name' ? ' wide' : ''}`}>
              <span>
                {f.label}
                {f.required && <em className="required"> *</em>}
              </span>
              <input
                data-testid={`field-${f.key}`}
                autoFocus={f.key === 'name'}
                value={draft[f.key]}
                placeholder={f.placeholder}
                onChange={(e) => set(f.key, e.target.value)}
                aria-invalid={!!errors[f.key]}
              />
              {errors[f.key] && (
                <small className="error" data-testid={`error-${f.key}`}>
                  {errors[f.key]}
                </small>
              )}
            </label>
          ))}
          <label className="field">
            <span>Lĩnh vực</span>
            <select value={draft.sector} onChange={(e) => set('sector', e.target.value)} data-testid="field-sector">
              <option value="">— Chưa rõ —</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {SECTOR_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>Ghi chú</span>
          <textarea value={draft.notes} onChange={(e) => set('notes', e.target.value)} rows={2} />
        </label>
        {duplicate && (
          <div className="duplicate" role="alert" data-testid="duplicate">
            <span>{duplicate}</span>
            <button
              type="button"
              className="primary"
              data-testid="confirm-duplicate"
              disabled={busy}
              onClick={() => void submit(null, true)}
            >
              Vẫn lưu
            </button>
          </div>
        )}
        {general && (
          <p className="error" data-testid="form-error">
            {general}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="save-entity">
            Lưu
          </button>
        </div>
      </form>
    </div>
  )
}

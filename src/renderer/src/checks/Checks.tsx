/**
 * «Kiểm tra số liệu»: every finding of the rules in resources/checks/rules.json (in a
 * province file: what each district's last package carried), filtered by severity, rule,
 * district and state, each linked to its record and, in a district, markable «đã kiểm tra».
 */
import { useCallback, useEffect, useState } from 'react'
import { CHECK_SEVERITIES, CHECK_SEVERITY_LABELS, type CheckSeverity, type ChecksRun, type OfficeInfo } from '../../../shared/api'
import { compareVi, formatDate, formatNumber } from '../../../shared/text'
import { call, messageOf } from '../api'
import { ReadOnlyNote, useReadOnly } from '../readOnly'
import { FindingList } from './FindingList'

export function Checks({ office, onOpenRecord }: { office: OfficeInfo; onOpenRecord(id: number): void }) {
  const readOnly = useReadOnly() !== null
  const [severity, setSeverity] = useState<CheckSeverity | ''>('')
  const [rule, setRule] = useState('')
  const [district, setDistrict] = useState('')
  const [all, setAll] = useState(false)
  const [result, setResult] = useState<ChecksRun | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setResult(
        await call('checks.run', {
          ...(severity ? { severity } : {}),
          ...(rule ? { rule } : {}),
          ...(district ? { district } : {}),
          ...(all ? { includeAcknowledged: true } : {})
        })
      )
      setError(null)
    } catch (err) {
      setError(messageOf(err))
    }
  }, [severity, rule, district, all])
  useEffect(() => {
    void load()
  }, [load])

  const province = result?.source === 'packages'
  const districts = province
    ? [...new Map(result.findings.map((f) => [f.district, f.districtName ?? f.district])).entries()].sort((a, b) => compareVi(a[1], b[1]))
    : []
  const c = result?.counts
  return (
    <section className="page checks" data-testid="checks-screen">
      <header className="page-header">
        <h1>Kiểm tra số liệu</h1>
      </header>
      <ReadOnlyNote />
      <div className="checks-filters">
        <label>
          Mức độ{' '}
          <select data-testid="checks-severity" value={severity} onChange={(e) => setSeverity(e.target.value as CheckSeverity | '')}>
            <option value="">Tất cả</option>
            {CHECK_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {CHECK_SEVERITY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Quy tắc{' '}
          <select data-testid="checks-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="">Tất cả</option>
            {result?.rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        {province && (
          <label>
            Huyện{' '}
            <select data-testid="checks-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
              <option value="">Tất cả</option>
              {districts.map(([code, name]) => (
                <option key={code ?? ''} value={code ?? ''}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!province && (
          <label>
            <input type="checkbox" data-testid="checks-all" checked={all} onChange={(e) => setAll(e.target.checked)} /> Kể cả mục đã kiểm
            tra
          </label>
        )}
        <button type="button" data-testid="checks-refresh" onClick={() => void load()}>
          Chạy lại
        </button>
      </div>
      {error && (
        <p role="alert" className="detail-error">
          {error}
        </p>
      )}
      {c && (
        <p className="checks-counts" data-testid="checks-counts">
          {province ? `Theo gói các huyện gửi lên (${office.officeName}): ` : `Tại ngày ${formatDate(result.asOf)}: `}
          {formatNumber(c.open)} phát hiện chưa kiểm tra — {formatNumber(c.error)} sai, {formatNumber(c.warning)} cần xem lại,{' '}
          {formatNumber(c.info)} thiếu cho báo cáo{province ? '' : `; ${formatNumber(c.acknowledged)} đã kiểm tra`}.
        </p>
      )}
      {result && result.findings.length === 0 && <p data-testid="checks-empty">Không có phát hiện nào khớp bộ lọc.</p>}
      {result && (
        <FindingList
          findings={result.findings}
          readOnly={readOnly || province}
          onOpen={(f) => f.entityId !== null && onOpenRecord(f.entityId)}
          onAcknowledged={() => void load()}
        />
      )}
    </section>
  )
}

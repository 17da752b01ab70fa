/** Debts owed by and to the cooperative, and its assets (land above all); what remains unsettled in VND; a row typed wrong taken off. */
import { useState, type FormEvent } from 'react'
import { ITEM_TYPE_LABELS, ITEM_TYPES, type CaseView } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { call } from '../api'
import { parseMoney } from '../grid/columns'
import { DateField, fromIso, RemoveButton, Section, TextField, todayIso, toIso, useCanChange, type Run } from './ui'

/** How a row is named when it is removed: «khoản HTX nợ Agribank 15.000.000 đồng», «tài sản GCN BĐ 123456». */
function itemName(i: CaseView['items'][number]): string {
  const what = i.type === 'asset' ? 'tài sản' : `khoản ${ITEM_TYPE_LABELS[i.type as keyof typeof ITEM_TYPE_LABELS] ?? i.type}`
  const who = i.party ?? (i.landCertificate ? `GCN ${i.landCertificate}` : null)
  return [what, who, i.amount === null ? null : `${formatNumber(i.amount)} đồng`].filter(Boolean).join(' ')
}
const CATEGORIES: Record<string, string> = {
  tax: 'Thuế, ngân sách',
  bank: 'Ngân hàng, tổ chức tín dụng',
  org: 'Tổ chức khác',
  member: 'Thành viên',
  land: 'Đất đai',
  other: 'Khác'
}

function Settle({ view, itemId, run }: { view: CaseView; itemId: number; run: Run }) {
  const [on, setOn] = useState<string | null>(null)
  if (on === null)
    return (
      <button onClick={() => setOn(fromIso(todayIso()))} data-testid={`settle-${itemId}`}>
        Đã xử lý…
      </button>
    )
  return (
    <span className="diss-agm">
      <input
        value={on}
        onChange={(e) => setOn(e.target.value)}
        placeholder="dd/mm/yyyy"
        aria-label="Ngày xử lý"
        data-testid={`settle-date-${itemId}`}
      />
      <button
        className="primary"
        onClick={() =>
          void run(() => call('dissolution.settle', { caseId: view.id, itemId, settledOn: toIso(on) ?? '' }), 'Đã ghi nhận khoản đã xử lý.')
        }
        data-testid={`settle-save-${itemId}`}
      >
        Lưu
      </button>
    </span>
  )
}

export function Items({ view, run }: { view: CaseView; run: Run }) {
  const [type, setType] = useState<(typeof ITEM_TYPES)[number]>('payable')
  const [category, setCategory] = useState('')
  const [party, setParty] = useState('')
  const [amount, setAmount] = useState('')
  const [landCertificate, setLandCertificate] = useState('')
  const [area, setArea] = useState('')
  const [handling, setHandling] = useState('')
  const [settledOn, setSettledOn] = useState('')
  const open = useCanChange(view)

  async function add(e: FormEvent) {
    e.preventDefault()
    const money = parseMoney(amount)
    const ok = await run(
      () =>
        typeof money === 'string'
          ? Promise.reject(new AppError('VALIDATION', `Số tiền gõ bằng chữ số, ví dụ 15.000.000 (đã gõ «${money}»).`))
          : call('dissolution.item', {
              caseId: view.id,
              type,
              category: category || null,
              party: party || null,
              amount: money,
              settled: settledOn.trim() !== '',
              settledOn: settledOn.trim() ? toIso(settledOn) : null,
              landCertificate: type === 'asset' ? landCertificate || null : null,
              areaM2: type === 'asset' && area.trim() ? Number(area.replace(/\./g, '').replace(',', '.')) : null,
              handling: handling || null
            }),
      'Đã thêm khoản mới.'
    )
    if (ok) {
      setParty('')
      setAmount('')
      setLandCertificate('')
      setArea('')
      setHandling('')
      setSettledOn('')
    }
  }

  return (
    <Section title="Nợ và tài sản" testId="items">
      <p data-testid="unsettled">
        Nợ phải trả chưa xử lý: <b className={view.unsettledPayable > 0 ? 'error' : ''}>{formatNumber(view.unsettledPayable)} đồng</b>; nợ
        phải thu chưa xử lý: <b>{formatNumber(view.unsettledReceivable)} đồng</b>.
      </p>
      {view.items.length > 0 && (
        <table className="diss-table">
          <thead>
            <tr>
              <th>Loại</th>
              <th>Nhóm</th>
              <th>Chủ nợ / bên nợ</th>
              <th className="num">Số tiền (đồng)</th>
              <th>Đất (GCN, diện tích)</th>
              <th>Phương án xử lý, ghi chú</th>
              <th>Tình trạng</th>
              {open && <th aria-label="Xóa" />}
            </tr>
          </thead>
          <tbody>
            {view.items.map((i) => (
              <tr key={i.id} data-testid={`item-${i.id}`}>
                <td>{ITEM_TYPE_LABELS[i.type as keyof typeof ITEM_TYPE_LABELS] ?? i.type}</td>
                <td>{i.category ? (CATEGORIES[i.category] ?? i.category) : ''}</td>
                <td>{i.party}</td>
                <td className="num">{i.amount === null ? '' : formatNumber(i.amount)}</td>
                <td>
                  {[i.landCertificate, i.areaM2 ? `${formatNumber(i.areaM2, i.areaM2 % 1 ? 1 : 0)} m²` : ''].filter(Boolean).join(', ')}
                </td>
                <td>{[i.handling, i.note].filter(Boolean).join('; ')}</td>
                <td>
                  {i.settled ? `Đã xử lý ${fromIso(i.settledOn)}` : open ? <Settle view={view} itemId={i.id} run={run} /> : 'Chưa xử lý'}
                </td>
                {open && (
                  <td>
                    <RemoveButton
                      what={itemName(i)}
                      testId={`item-remove-${i.id}`}
                      onConfirm={() =>
                        run(() => call('dissolution.removeItem', { caseId: view.id, itemId: i.id }), `Đã xóa ${itemName(i)}.`)
                      }
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <form className="diss-add" onSubmit={add} noValidate data-testid="item-form">
          <label className="field">
            <span>Loại</span>
            <select value={type} onChange={(e) => setType(e.target.value as typeof type)} data-testid="item-type">
              {ITEM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ITEM_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Nhóm</span>
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">—</option>
              {Object.entries(CATEGORIES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <TextField label={type === 'asset' ? 'Tài sản' : 'Chủ nợ / bên nợ'} value={party} onChange={setParty} testId="item-party" />
          <TextField
            label={type === 'asset' ? 'Giá trị (đồng)' : 'Số tiền (đồng)'}
            value={amount}
            onChange={setAmount}
            testId="item-amount"
            placeholder="15.000.000"
          />
          {type === 'asset' && <TextField label="Số GCN quyền sử dụng đất" value={landCertificate} onChange={setLandCertificate} />}
          {type === 'asset' && <TextField label="Diện tích (m²)" value={area} onChange={setArea} />}
          <TextField label="Phương án xử lý" value={handling} onChange={setHandling} />
          {type !== 'asset' && <DateField label="Đã xử lý ngày (nếu có)" value={settledOn} onChange={setSettledOn} />}
          <button type="submit" data-testid="item-add">
            Thêm
          </button>
        </form>
      )}
    </Section>
  )
}

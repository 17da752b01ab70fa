/** The dissolution council: members with role, whom they represent, organisation and appointment; the composition warning; a member typed wrong taken off. */
import { useState, type FormEvent } from 'react'
import { COUNCIL_ROLE_LABELS, COUNCIL_ROLES, type CaseView, type TemplateInfo } from '../../../shared/api'
import { call } from '../api'
import { RemoveButton, Section, TextField, useCanChange, type Run } from './ui'

export function Council({ view, template, run }: { view: CaseView; template: TemplateInfo | undefined; run: Run }) {
  const [name, setName] = useState('')
  const [role, setRole] = useState<(typeof COUNCIL_ROLES)[number]>('member')
  const [represents, setRepresents] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [decisionNo, setDecisionNo] = useState('')
  const requires = template?.council?.requires ?? []
  const open = useCanChange(view)
  const representsLabel = (code: string | null) => (code ? (requires.find((r) => r.code === code)?.label ?? code) : '')

  async function add(e: FormEvent) {
    e.preventDefault()
    const ok = await run(
      () =>
        call('dissolution.council', {
          caseId: view.id,
          name,
          role,
          represents: represents || null,
          organisation: organisation || null,
          decisionNo: decisionNo || null
        }),
      `Đã thêm ${name} vào hội đồng giải thể.`
    )
    if (ok) {
      setName('')
      setOrganisation('')
      setDecisionNo('')
    }
  }

  return (
    <Section title={template?.council?.title ?? 'Hội đồng giải thể'} testId="council">
      {view.councilWarnings.map((w) => (
        <div key={w} className="banner banner-warning" data-testid="council-warning">
          {w}
        </div>
      ))}
      {view.council.length > 0 && (
        <table className="diss-table">
          <thead>
            <tr>
              <th>Họ và tên</th>
              <th>Vai trò</th>
              <th>Đại diện cho</th>
              <th>Cơ quan, tổ chức</th>
              <th>Quyết định bổ nhiệm</th>
              {open && <th aria-label="Xóa" />}
            </tr>
          </thead>
          <tbody>
            {view.council.map((m) => (
              <tr key={m.id} data-testid={`council-member-${m.id}`}>
                <td>{m.name}</td>
                <td>{COUNCIL_ROLE_LABELS[m.role as keyof typeof COUNCIL_ROLE_LABELS] ?? m.role}</td>
                <td>{representsLabel(m.represents)}</td>
                <td>{m.organisation}</td>
                <td>{m.decisionNo}</td>
                {open && (
                  <td>
                    <RemoveButton
                      what={`thành viên ${m.name}`}
                      testId={`council-remove-${m.id}`}
                      onConfirm={() =>
                        run(
                          () => call('dissolution.removeCouncil', { caseId: view.id, memberId: m.id }),
                          `Đã xóa ${m.name} khỏi hội đồng giải thể.`
                        )
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
        <form className="diss-add" onSubmit={add} noValidate data-testid="council-form">
          <TextField label="Họ và tên" value={name} onChange={setName} testId="council-name" />
          <label className="field">
            <span>Vai trò</span>
            <select value={role} onChange={(e) => setRole(e.target.value as typeof role)} data-testid="council-role">
              {COUNCIL_ROLES.map((r) => (
                <option key={r} value={r}>
                  {COUNCIL_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Đại diện cho</span>
            <select value={represents} onChange={(e) => setRepresents(e.target.value)} data-testid="council-represents">
              <option value="">—</option>
              {requires.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <TextField label="Cơ quan, chức vụ" value={organisation} onChange={setOrganisation} testId="council-org" />
          <TextField label="QĐ bổ nhiệm" value={decisionNo} onChange={setDecisionNo} />
          <button type="submit" data-testid="council-add">
            Thêm thành viên
          </button>
        </form>
      )}
    </Section>
  )
}

/**
 * "Giải thể": from "inactive on paper" to "dissolved", step by step. Three views —
 * Cần xử lý (candidates), Hồ sơ (cases), Tổng quan (dashboard) — and one case at a time;
 * printable pages open in a sandboxed print view.
 */
import { useEffect, useState } from 'react'
import type { PrintablePage, TemplateInfo } from '../../../shared/api'
import { call, messageOf } from '../api'
import { CaseList } from '../dissolution/CaseList'
import { Candidates } from '../dissolution/Candidates'
import { CaseView } from '../dissolution/CaseView'
import { Dashboard } from '../dissolution/Dashboard'
import { PrintView } from '../components/PrintView'
import { ReadOnlyNote } from '../readOnly'
import '../dissolution/dissolution.css'

const TABS = [
  { id: 'candidates', label: 'Cần xử lý' },
  { id: 'cases', label: 'Hồ sơ giải thể' },
  { id: 'dashboard', label: 'Tổng quan' }
] as const
type Tab = (typeof TABS)[number]['id']

export function Dissolution({ onChanged }: { onChanged?: () => void }) {
  const [tab, setTab] = useState<Tab>('candidates')
  const [caseId, setCaseId] = useState<number | null>(null)
  const [page, setPage] = useState<PrintablePage | null>(null)
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('dissolution.templates', {}).then(setTemplates, (err) => setError(messageOf(err)))
  }, [])

  const open = (id: number) => {
    setCaseId(id)
    setTab('cases')
  }

  return (
    <section className="page" data-testid="dissolution-screen">
      <div className="page-header">
        <h1>Giải thể</h1>
      </div>
      <nav className="diss-tabs" aria-label="Giải thể">
        {TABS.map((t) => (
          <button
            key={t.id}
            className={t.id === tab && caseId === null ? 'active' : ''}
            onClick={() => {
              setCaseId(null)
              setTab(t.id)
            }}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {/* A viewer's profile or a province's register: said once here; the views below offer no writes (dissolution/ui.tsx useCanChange). */}
      <ReadOnlyNote />
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {caseId !== null ? (
        <CaseView
          key={caseId}
          caseId={caseId}
          templates={templates}
          onBack={() => setCaseId(null)}
          onPrint={setPage}
          onChanged={() => onChanged?.()}
        />
      ) : tab === 'candidates' ? (
        <Candidates templates={templates} onOpened={open} />
      ) : tab === 'cases' ? (
        <CaseList onOpen={open} />
      ) : (
        <Dashboard onOpen={open} onPrint={setPage} />
      )}
      {page && <PrintView page={page} onClose={() => setPage(null)} />}
    </section>
  )
}

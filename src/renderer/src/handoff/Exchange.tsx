/**
 * "Trao đổi dữ liệu": tabs around what an office exchanges. A district imports
 * spreadsheets (the import screen, unchanged), sends its package to the
 * province (and reads its reply) and compares its register with the national database's list; a former district
 * hands its register over to the new communes and a commune office takes such a package in (Handover.tsx); a
 * province consolidates the districts' packages, reviews them (accept / return with remarks, the signed reply),
 * sees who has reported for a round (RoundBoard.tsx), manages their keys and keeps the log.
 */
import { useState } from 'react'
import type { OfficeInfo } from '../../../shared/api'
import { Import } from '../screens/Import'
import { ConsolidationLog } from './ConsolidationLog'
import { HandoverImportScreen, HandoverPlanScreen } from './Handover'
import { Consolidate } from './Consolidate'
import { Reconcile } from './Reconcile'
import { ReviewPackages } from './ReviewPackages'
import { RoundBoard } from './RoundBoard'
import { SendToProvince } from './SendToProvince'
import { TrustedKeys } from './TrustedKeys'

const DISTRICT_TABS = [
  { id: 'import', label: 'Nhập từ Excel' },
  { id: 'send', label: 'Gửi tỉnh' },
  { id: 'reconcile', label: 'Đối chiếu với CSDL quốc gia' }
] as const
/** A former district hands its register over to the new communes; a commune office takes such a package in. */
const FORMER_DISTRICT_TABS = [...DISTRICT_TABS, { id: 'handover', label: 'Bàn giao cho xã' }] as const
const COMMUNE_TABS = [...DISTRICT_TABS, { id: 'takeover', label: 'Nhận bàn giao' }] as const
const PROVINCE_TABS = [
  { id: 'consolidate', label: 'Tổng hợp các huyện' },
  { id: 'review', label: 'Xem xét gói' },
  { id: 'board', label: 'Ai đã gửi' },
  { id: 'keys', label: 'Khóa các huyện' },
  { id: 'log', label: 'Nhật ký tổng hợp' }
] as const
type TabId = (typeof FORMER_DISTRICT_TABS)[number]['id'] | (typeof COMMUNE_TABS)[number]['id'] | (typeof PROVINCE_TABS)[number]['id']

export function Exchange({ office, onChanged }: { office: OfficeInfo; onChanged?: () => void }) {
  const level = office.unit?.level
  const tabs: ReadonlyArray<{ id: TabId; label: string }> =
    office.mode === 'province'
      ? PROVINCE_TABS
      : level === 'district'
        ? FORMER_DISTRICT_TABS
        : level === 'commune'
          ? COMMUNE_TABS
          : DISTRICT_TABS
  const [tab, setTab] = useState<TabId>(tabs[0].id)
  return (
    <div className="exchange">
      <div className="tabs" role="tablist" aria-label="Trao đổi dữ liệu">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={t.id === tab}
            className={t.id === tab ? 'tab active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'import' && <Import onChanged={onChanged} />}
      {tab === 'send' && <SendToProvince />}
      {tab === 'reconcile' && <Reconcile onChanged={onChanged} />}
      {tab === 'handover' && <HandoverPlanScreen onChanged={onChanged} />}
      {tab === 'takeover' && <HandoverImportScreen onChanged={onChanged} />}
      {tab === 'consolidate' && <Consolidate onChanged={onChanged} />}
      {tab === 'review' && <ReviewPackages />}
      {tab === 'board' && <RoundBoard />}
      {tab === 'keys' && <TrustedKeys />}
      {tab === 'log' && <ConsolidationLog />}
    </div>
  )
}

import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { ROLE_LABELS, type OfficeInfo, type ProfileSession } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { call, messageOf } from './api'
import { ProfileChooser, SESSION_CHANGED } from './components/ProfileChooser'
import { StartupRecovery, type StartupProblem } from './components/StartupRecovery'
import { StatusBar } from './components/StatusBar'
import { FirstRun } from './screens/FirstRun'
import { Registry, type ListCount } from './screens/Registry'
import { ReadOnlyContext } from './readOnly'
import { dropEarlyFirstRows, takeEarlyOffice } from './startup'

// The register opens first and alone; the other screens (Chart.js, printing, packages) load when first
// opened, so an old PC parses less before the first rows show.
const Dissolution = lazy(() => import('./screens/Dissolution').then((m) => ({ default: m.Dissolution })))
const Exchange = lazy(() => import('./handoff/Exchange').then((m) => ({ default: m.Exchange })))
const Reports = lazy(() => import('./screens/Reports').then((m) => ({ default: m.Reports })))
const Settings = lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings })))
const Checks = lazy(() => import('./checks/Checks').then((m) => ({ default: m.Checks })))

const SCREENS = [
  { id: 'registry', label: 'Sổ đăng ký' },
  { id: 'dissolution', label: 'Giải thể' },
  { id: 'reports', label: 'Báo cáo' },
  { id: 'checks', label: 'Kiểm tra số liệu' },
  { id: 'exchange', label: 'Trao đổi dữ liệu' },
  { id: 'settings', label: 'Cài đặt' }
] as const
type ScreenId = (typeof SCREENS)[number]['id']

export function App() {
  const [office, setOffice] = useState<OfficeInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [screen, setScreen] = useState<ScreenId>('registry')
  const [listCount, setListCount] = useState<ListCount | null>(null)
  const [registerTotal, setRegisterTotal] = useState<number | null>(null)
  // Who is signed in; the chooser shows at start when the file has profiles and none is chosen.
  const [session, setSession] = useState<ProfileSession | null>(null)
  const [choosing, setChoosing] = useState(false)
  // The file did not open at start-up and a good backup can replace it (src/main/startup.ts).
  const [startup, setStartup] = useState<StartupProblem | null>(null)
  // A record another screen asked to open in the register (a finding's link); n tells two asks apart.
  const [openRecord, setOpenRecord] = useState<{ id: number; n: number } | null>(null)

  // The office, and how many records the register holds (deleted ones left out, as the list does).
  // The first time, the answer main.tsx asked for before the app was loaded.
  const refreshOffice = useCallback(() => {
    const asked = takeEarlyOffice() ?? call('office.info', {})
    asked.then(
      (info) => {
        setOffice(info)
        // The first rows asked for at start would be an empty register's: the first-run screen sets one up.
        if (!info.configured) dropEarlyFirstRows()
        if (info.configured)
          call('entity.list', { limit: 1 }).then(
            (r) => setRegisterTotal(r.total),
            () => setRegisterTotal(null)
          )
        if (info.configured)
          call('profile.list', {}).then(
            (s) => {
              setSession(s)
              if (s.profiles.length > 0 && !s.selected) setChoosing(true)
            },
            () => setSession(null)
          )
      },
      (err) => {
        if (err instanceof AppError && err.code === 'CORRUPT' && err.details?.startup) setStartup(err.details.startup as StartupProblem)
        else setError(messageOf(err))
      }
    )
  }, [])
  useEffect(refreshOffice, [refreshOffice])
  // Settings → Hồ sơ người dùng and the restore of a backup change who is signed in.
  useEffect(() => {
    window.addEventListener(SESSION_CHANGED, refreshOffice)
    return () => window.removeEventListener(SESSION_CHANGED, refreshOffice)
  }, [refreshOffice])

  if (startup)
    return (
      <StartupRecovery
        problem={startup}
        onRecovered={() => {
          setStartup(null)
          refreshOffice()
        }}
      />
    )
  if (error) return <div className="fatal">{error}</div>
  if (!office) return <div className="loading">Đang mở sổ…</div>
  if (!office.configured)
    return (
      <FirstRun
        onDone={(info) => {
          setOffice(info)
          refreshOffice()
        }}
      />
    )

  if (choosing && session)
    return (
      <ProfileChooser
        session={session}
        onDone={() => {
          setChoosing(false)
          refreshOffice()
        }}
        onCancel={() => setChoosing(false)}
      />
    )

  return (
    <div className="shell">
      <nav className="nav" aria-label="Chức năng">
        <div className="brand">
          <strong>Sổ HTX</strong>
          <span>{office.officeName}</span>
          {session && session.profiles.length > 0 && (
            <span className="who" data-testid="who">
              {session.selected ? `${session.selected} — ${ROLE_LABELS[session.role ?? 'viewer']}` : 'Chưa chọn hồ sơ (chỉ xem)'}{' '}
              <button className="link" data-testid="switch-profile" onClick={() => setChoosing(true)}>
                Đổi
              </button>
            </span>
          )}
        </div>
        {SCREENS.map((s) => (
          <button
            key={s.id}
            className={s.id === screen ? 'nav-item active' : 'nav-item'}
            data-testid={`nav-${s.id}`}
            onClick={() => setScreen(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <main className="content">
        <ReadOnlyContext.Provider value={office.readOnly}>
          {screen === 'registry' && <Registry onCount={setListCount} onChanged={refreshOffice} open={openRecord} />}
          <Suspense fallback={<div className="loading">Đang mở…</div>}>
            {screen === 'settings' && <Settings office={office} />}
            {screen === 'exchange' && <Exchange office={office} onChanged={refreshOffice} />}
            {screen === 'reports' && <Reports office={office} />}
            {screen === 'dissolution' && <Dissolution onChanged={refreshOffice} />}
            {screen === 'checks' && (
              <Checks
                office={office}
                onOpenRecord={(id) => {
                  setOpenRecord((o) => ({ id, n: (o?.n ?? 0) + 1 }))
                  setScreen('registry')
                }}
              />
            )}
          </Suspense>
        </ReadOnlyContext.Provider>
      </main>
      <StatusBar office={office} total={registerTotal ?? office.counts.entities} listCount={screen === 'registry' ? listCount : null} />
    </div>
  )
}

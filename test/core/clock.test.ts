/**
 * "today" was the UTC date in some places and Vietnam's in others
 * (a case opened before 07:00 in Vietnam was missing from the dashboard). One
 * clock: the office's date in Asia/Ho_Chi_Minh, whatever zone the computer has.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/api'
import { vnDate, vnDateTime } from '../../src/shared/clock'
import { tempDir } from '../helpers/temp'

/** 06:30 on 07/12/2026 in Vietnam; still 06/12 in UTC. */
const EARLY = '2026-12-06T23:30:00.000Z'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function coreAt(now: string): Promise<Core> {
  const t = tempDir()
  const core = await createCore({ dbPath: join(t.dir, 'a.db'), user: 'Lan', now: () => now })
  cleanups.push(t.cleanup, () => core.close())
  await core.call('office.setup', { unitCode: '178' })
  return core
}

describe('the office clock', () => {
  it('is Vietnam’s day and time, not UTC’s and not the computer’s', () => {
    expect(vnDate(EARLY)).toBe('2026-12-07')
    expect(vnDate('2026-12-06T16:59:59.999Z')).toBe('2026-12-06')
    expect(vnDateTime(EARLY)).toBe('07/12/2026 06:30')
    expect(vnDateTime('2024-12-31T17:00:00Z')).toBe('01/01/2025 00:00')
  })

  it('at 06:30 in Vietnam a case opened today is on the dashboard, and the letterhead carries today', async () => {
    const core = await coreAt(EARLY)
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Sớm Mai', status: 'active' })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', openedOn: '2026-12-07' })
    const board = await core.call('dissolution.dashboard', {})
    expect(board.asOf).toBe('2026-12-07')
    expect(board.openCases).toBe(1)
    const summary = await core.call('dissolution.summaryPage', {})
    expect(summary.title).toContain('07/12/2026')
    const page = await core.call('dissolution.casePage', { caseId: c.id })
    expect(page.html).toContain('HTX Sớm Mai')
  })
})

describe('package times on the office clock', () => {
  it('OLDER names both export times as Vietnam shows them, not UTC printed as local', async () => {
    let clock = '2024-07-01T01:00:00.000Z'
    const t = tempDir()
    cleanups.push(t.cleanup)
    const district = await createCore({ dbPath: join(t.dir, 'huyen.db'), user: 'Lan', now: () => clock })
    const province = await createCore({ dbPath: join(t.dir, 'tinh.db'), user: 'Hà', now: () => '2024-07-02T03:00:00.000Z' })
    cleanups.push(
      () => district.close(),
      () => province.close()
    )
    await district.call('office.setup', { unitCode: '178' })
    await province.call('office.setup', { unitCode: '20' })
    await district.call('entity.create', { kind: 'htx', name: 'HTX Giờ Việt', regNo: '4900000018', status: 'active' })
    const first = await district.call('handoff.export', { asOf: '2024-06-30' })
    clock = '2024-07-01T02:00:00.000Z'
    await district.call('entity.create', { kind: 'htx', name: 'HTX Mới', regNo: '4900000017', status: 'active' })
    const second = await district.call('handoff.export', { asOf: '2024-06-30' })
    const ok = await province.call('handoff.consolidate', { files: [{ name: 'sau.xlsx', base64: second.base64 }], trustNewKeys: true })
    expect(ok.accepted).toHaveLength(1)
    const late = await province.call('handoff.verify', { file: { name: 'truoc.xlsx', base64: first.base64 } })
    expect(late.code).toBe('OLDER')
    const message = late.problems.find((p) => p.code === 'OLDER')!.message
    expect(message).toContain('08:00 ngày 01/07/2024')
    expect(message).toContain('09:00 ngày 01/07/2024')
  })
})

/**
 * Issue 12 (17): "today" was the UTC date in some places and Vietnam's in others
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
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2026-12-07' })
    const board = await core.call('dissolution.dashboard', {})
    expect(board.asOf).toBe('2026-12-07')
    expect(board.openCases).toBe(1)
    const summary = await core.call('dissolution.summaryPage', {})
    expect(summary.title).toContain('07/12/2026')
    const page = await core.call('dissolution.casePage', { caseId: c.id })
    expect(page.html).toContain('HTX Sớm Mai')
  })
})

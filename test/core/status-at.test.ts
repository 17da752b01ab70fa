/**
 * A record's status at a date is defined once (registry/status-at.ts) and every
 * reader agrees: the grid, entity.get/list, status.asOf, the import preview,
 * dissolution candidates and summary, the report snapshot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSnapshot } from '../../src/main/core/reports/snapshot'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

describe('status at a date, one rule', () => {
  it('a dated event beats an undated one recorded later; an event after the date is not yet in force', async () => {
    const a = await core.call('entity.create', { kind: 'htx', name: 'HTX An Phú', regNo: '4900000018', status: 'active' })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2022-03-01' })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2030-01-01' })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Bình Minh', regNo: '4900000017', status: 'active' })
    await core.call('status.add', { entityId: b.id, status: 'suspended', effectiveDate: '2021-06-30' })

    // As the register stands: the latest dated event, even one dated ahead.
    expect((await core.call('entity.get', { id: a.id })).status).toBe('suspended')
    const grid = await core.call('entity.grid', {})
    const statusCol = grid.fields.indexOf('status')
    const idCol = grid.fields.indexOf('id')
    expect(grid.rows.find((r) => r[idCol] === a.id)![statusCol]).toBe('suspended')

    // On a date: what was in force that day.
    expect(await core.call('status.asOf', { date: '2024-12-31' })).toEqual([
      { entityId: a.id, status: 'suspended' },
      { entityId: b.id, status: 'suspended' }
    ])
    expect(await core.call('status.asOf', { date: '2022-02-28', entityId: a.id })).toEqual([{ entityId: a.id, status: 'active' }])
    const snap = await loadSnapshot(core.ctx, '2024-12-31')
    expect(snap.find((e) => e.id === a.id)).toMatchObject({ status: 'suspended', statusSince: '2022-03-01' })

    // Candidates as of a date read the status of that date, with since when it holds.
    const past = await core.call('dissolution.candidates', { asOf: '2023-06-30' })
    expect(past.find((c) => c.entityId === a.id)?.reasons[0]).toMatchObject({ code: 'suspension_beyond_notice', since: '2023-03-01' })
    const before = await core.call('dissolution.candidates', { asOf: '2022-02-28' })
    expect(before.find((c) => c.entityId === a.id)?.reasons.map((r) => r.code) ?? []).not.toContain('suspension_beyond_notice')
  })
})

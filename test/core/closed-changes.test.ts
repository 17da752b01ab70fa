/**
 * Issue 18 point 1, its last part: after a quản trị reopens a closed period and data dated inside it
 * changes, the next package says which closed data changed since the last one — signed in its
 * manifest, read back by the province on verify and consolidate, printed by the CLI. A package with
 * nothing closed changed says nothing.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('closed data changed since the last package', () => {
  it('is listed in the next package after a reopen, with the record, the date, who and the reason; not before, not again', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    let clock = '2024-07-01T01:00:00.000Z'
    const district = await createCore({ dbPath: join(t.dir, 'huyen.db'), user: 'Lan', now: () => clock })
    const province = await createCore({ dbPath: join(t.dir, 'tinh.db'), user: 'Hà', now: () => '2024-09-01T03:00:00.000Z' })
    cleanups.push(
      () => district.close(),
      () => province.close()
    )
    await district.call('office.setup', { unitCode: '178' })
    await province.call('office.setup', { unitCode: '20' })
    const e = await district.call('entity.create', {
      kind: 'htx',
      name: 'HTX Chè Tân Thành',
      regNo: '4900000018',
      registrationDate: '2015-01-01',
      status: 'active'
    })
    await district.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 12 } })
    await district.call('period.close', { asOf: '2024-06-30', note: 'Gửi tỉnh số liệu 6 tháng' })
    clock = '2024-07-02T01:00:00.000Z'
    const first = await district.call('handoff.export', { asOf: '2024-06-30' })

    // Later data, outside the closed period: nothing to say.
    clock = '2024-07-10T01:00:00.000Z'
    await district.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-07-05' })
    const quiet = await district.call('handoff.export', { asOf: '2024-07-10' })
    const quietReport = await province.call('handoff.verify', { file: { name: 'lan-2.xlsx', base64: quiet.base64 } })
    expect(quietReport.closedChanges).toEqual([])

    // Reopened with a reason, the 2023 figures corrected: the next package says so.
    clock = '2024-07-15T01:00:00.000Z'
    await district.call('period.reopen', { asOf: '2024-06-30', reason: 'Sửa số thành viên năm 2023 theo báo cáo của HTX' })
    clock = '2024-07-15T02:00:00.000Z'
    await district.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 15 } })
    clock = '2024-07-16T01:00:00.000Z'
    const third = await district.call('handoff.export', { asOf: '2024-07-15' })
    const report = await province.call('handoff.verify', { file: { name: 'lan-3.xlsx', base64: third.base64 } })
    // Signed and intact; the key is not yet trusted by this province (it is on consolidation below).
    expect(report.signature).toBe('unknown-key')
    expect(report.closedChanges).toHaveLength(1)
    expect(report.closedChanges![0]).toMatchObject({
      table: 'yearly_figures',
      year: 2023,
      regNo: '4900000018',
      name: 'HTX Chè Tân Thành',
      user: 'Lan',
      reopenReason: 'Sửa số thành viên năm 2023 theo báo cáo của HTX'
    })
    // The first package, from before the reopen, says nothing of it.
    expect((await province.call('handoff.verify', { file: { name: 'lan-1.xlsx', base64: first.base64 } })).closedChanges).toEqual([])

    const merged = await province.call('handoff.consolidate', {
      files: [{ name: 'lan-3.xlsx', base64: third.base64 }],
      trustNewKeys: true
    })
    expect(merged.accepted[0]!.closedChanges).toMatchObject([{ table: 'yearly_figures', year: 2023, regNo: '4900000018' }])

    // The province's CLI prints the change in words on verify.
    const file = join(t.dir, 'lan-3.xlsx')
    writeFileSync(file, Buffer.from(third.base64, 'base64'))
    await province.close()
    const text = await cli('verify', file, '--db', join(t.dir, 'tinh.db'))
    expect(text.stdout).toContain('Số liệu đã chốt bị sửa từ gói trước (1):')
    expect(text.stdout).toContain('Số liệu năm 2023 của «HTX Chè Tân Thành» (4900000018)')
    expect(text.stdout).toContain('lý do mở lại: Sửa số thành viên năm 2023 theo báo cáo của HTX')
  })
})

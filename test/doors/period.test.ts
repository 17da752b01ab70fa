/**
 * Closing a period (chốt số liệu): after an office sends its figures as of a date,
 * dated status events, the yearly figures of closed years and dissolution steps done
 * by then are read-only in every door, until a quản trị reopens it with a reason.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>> | undefined
afterEach(async () => {
  await core?.dispose()
  core = undefined
})

const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; message?: string }) => e
  )

describe('a closed period', () => {
  it('refuses dated events, closed years’ figures and done steps on or before the date, in the core; later ones go through', async () => {
    core = await officeCore()
    const e = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Chè Tân Thành',
      regNo: '4900000018',
      registrationDate: '2015-01-01',
      status: 'active'
    })
    await core.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 12 } })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2024-03-01' })
    await core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'done', doneOn: '2024-03-01' })
    await core.call('period.close', { asOf: '2024-06-30', note: 'Gửi tỉnh số liệu 6 tháng' })

    const event = await refused(core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-05-01' }))
    expect(event).toMatchObject({ code: 'PERIOD_CLOSED' })
    expect(event!.message).toContain('30/06/2024')
    expect(event!.message).toContain('HTX Chè Tân Thành')
    expect(await refused(core.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 13 } }))).toMatchObject({
      code: 'PERIOD_CLOSED'
    })
    expect(await refused(core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'todo' }))).toMatchObject({
      code: 'PERIOD_CLOSED'
    })
    expect(
      await refused(core.call('dissolution.step', { caseId: c.id, code: 'TB_DK', state: 'done', doneOn: '2024-06-15' }))
    ).toMatchObject({ code: 'PERIOD_CLOSED' })
    // The change the closed data already holds cannot be taken back by Ctrl+Z either.
    expect(await refused(core.call('entity.undo', {}))).toMatchObject({ code: 'PERIOD_CLOSED' })
    expect((await core.call('figures.list', { entityId: e.id }))[0]).toMatchObject({ members: 12 })

    // After the date, and the years it does not close, the register goes on.
    await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-07-01' })
    await core.call('figures.set', { entityId: e.id, year: 2024, figures: { members: 14 } })
    await core.call('dissolution.step', { caseId: c.id, code: 'TB_DK', state: 'done', doneOn: '2024-07-02' })

    // Reopening is for quản trị, with a reason, and audited; then the old date is open again.
    await core.call('profile.create', { name: 'Quản trị', role: 'admin' })
    await core.call('profile.create', { name: 'Cán bộ Lan', role: 'officer' })
    await core.call('profile.select', { name: 'Cán bộ Lan' })
    expect(await refused(core.call('period.reopen', { asOf: '2024-06-30', reason: 'Sửa số thành viên theo báo cáo mới' }))).toMatchObject({
      code: 'FORBIDDEN'
    })
    await core.call('profile.select', { name: 'Quản trị' })
    const reopened = await core.call('period.reopen', { asOf: '2024-06-30', reason: 'Sửa số thành viên theo báo cáo mới' })
    expect(reopened).toMatchObject({ reopenedBy: 'Quản trị', reopenReason: 'Sửa số thành viên theo báo cáo mới' })
    await core.call('figures.set', { entityId: e.id, year: 2023, figures: { members: 13 } })
    const audit = await core.call('audit.list', { table: 'closed_periods' })
    expect(audit.map((r) => r.action).sort()).toEqual(['period_close', 'period_reopen'])
  })

  it('an import that would write into the closed period lands not at all, naming the row', async () => {
    core = await officeCore()
    await core.call('period.close', { asOf: '2024-06-30' })
    const rows = [
      ['STT', 'Tên HTX', 'Mã số HTX', 'Tình trạng', 'Ngày giải thể'],
      [1, 'HTX Mới Lập', '4900000018', 'Đang hoạt động', ''],
      [2, 'HTX Đã Giải Thể', '4900000017', 'Đã giải thể', '15/05/2024']
    ]
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'HTX')
    const file = join(core.dir, 'danh-sach.xlsx')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const err = await refused(core.call('exchange.commitImport', { files: [{ path: file }] }))
    expect(err).toMatchObject({ code: 'PERIOD_CLOSED' })
    expect(err!.message).toMatch(/danh-sach\.xlsx › HTX › dòng 3: ngày giải thể ngày 15\/05\/2024/)
    expect((await core.call('entity.list', {})).total).toBe(0)
  })
})

describe('period commands', () => {
  it('close, list, and a reopen without a reason refused', async () => {
    core = await officeCore()
    expect((await cli('period', 'close', '--db', core.dbPath, '--as-of', '30/06/2024')).code).toBe(0)
    const again = await cli('period', 'close', '--db', core.dbPath, '--as-of', '31/03/2024')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('đã được chốt đến ngày 30/06/2024')
    const list = JSON.parse((await cli('period', 'list', '--db', core.dbPath, '--json')).stdout)
    expect(list).toEqual([expect.objectContaining({ asOf: '2024-06-30', reopenedAt: null })])
    const noReason = await cli('period', 'reopen', '--db', core.dbPath, '--as-of', '30/06/2024')
    expect(noReason.code).toBe(1)
    expect(noReason.stderr).toContain('lý do')
    expect((await cli('period', 'reopen', '--db', core.dbPath, '--as-of', '30/06/2024', '--reason', 'Tỉnh trả lại để sửa')).code).toBe(0)
  })
})

describe('Ctrl+Z in the register', () => {
  it('takes back the register’s own changes only: a dissolution step updated last is not applied to a record', async () => {
    core = await officeCore()
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Nguyên Vẹn', regNo: '4900000018', status: 'active' })
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2024-03-01' })
    await core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'done', doneOn: '2024-03-01', notes: 'Đã họp' })
    const before = await core.call('entity.get', { id: e.id })
    const undone = await core.call('entity.undo', {})
    // What is taken back is the case's status event, the register's last own change — the record's fields stay.
    expect(undone).toMatchObject({ table: 'status_events' })
    expect(await core.call('entity.get', { id: e.id })).toMatchObject({ name: before.name, regNo: before.regNo })
  })
})

/**
 * Issue 15, points 4 and 5: the candidate list under the 2023 grounds (each with its article and
 * since when), on a register where most meeting dates were never entered; and the overdue list of
 * Luật HTX 2023 Điều 115 (THT registration, charter updates due by 31/12/2025), through the core and the CLI.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
afterEach(async () => {
  await core?.dispose()
})

/** An HTX with its 2025 figures (a record with none would be listed for that alone). */
async function htx(name: string, extra: Record<string, unknown> = {}): Promise<number> {
  const { id } = await core.call('entity.create', { kind: 'htx', name, registrationDate: '2015-01-15', ...extra })
  await core.call('figures.set', { entityId: id, year: 2025, figures: { members: 10 } })
  return id
}

describe('candidates under the 2023 grounds', () => {
  it('counts a missing meeting only where its date is known, a suspension only past its notice or 24 months', async () => {
    core = await officeCore('178')
    // Twelve records as an ordinary import leaves them: no meeting date, nothing wrong.
    const plain: number[] = []
    for (let i = 1; i <= 12; i++) plain.push(await htx(`HTX Bình thường số ${i}`))
    const agm = await htx('HTX Có Ngày Đại Hội')
    await core.call('dissolution.setLastAgm', { entityId: agm, lastAgmDate: '2024-01-20' })
    // A notified suspension still within its notice (renewed, under 24 months in all): not a candidate.
    const renewed = await htx('HTX Tạm Ngừng Gia Hạn')
    await core.call('status.add', { entityId: renewed, status: 'suspended', effectiveDate: '2025-01-01', untilDate: '2025-12-31' })
    await core.call('status.add', { entityId: renewed, status: 'suspended', effectiveDate: '2026-01-01', untilDate: '2026-12-31' })
    // Past its notice.
    const late = await htx('HTX Quá Hạn Tạm Ngừng')
    await core.call('status.add', { entityId: late, status: 'suspended', effectiveDate: '2026-02-01', untilDate: '2026-08-31' })
    // Renewed beyond 24 months in a row.
    const long = await htx('HTX Tạm Ngừng Quá Lâu')
    await core.call('status.add', { entityId: long, status: 'suspended', effectiveDate: '2024-06-01', untilDate: '2025-05-31' })
    await core.call('status.add', { entityId: long, status: 'suspended', effectiveDate: '2025-06-01', untilDate: '2026-05-31' })
    await core.call('status.add', { entityId: long, status: 'suspended', effectiveDate: '2026-06-01', untilDate: '2027-05-31' })
    // Fewer than 5 members in 2025 and 2026 figures.
    const few = await htx('HTX Ít Thành Viên')
    await core.call('figures.set', { entityId: few, year: 2024, figures: { members: 9 } })
    await core.call('figures.set', { entityId: few, year: 2025, figures: { members: 4 } })
    await core.call('figures.set', { entityId: few, year: 2026, figures: { members: 3 } })
    const court = await htx('HTX Có Quyết Định Tòa Án', { courtDecisionNo: '02/2026/QĐ-TA', courtDecisionDate: '2026-10-05' })
    const noInfo = await htx('HTX Không Cập Nhật', { infoUpdateDate: '2025-03-31' })

    const asOf = '2026-12-07'
    const list = await core.call('dissolution.candidates', { asOf })
    const by = new Map(list.map((c) => [c.entityId, c]))
    for (const id of [...plain, renewed]) expect(by.has(id), String(id)).toBe(false)
    expect(by.get(agm)!.reasons).toEqual([
      expect.objectContaining({
        code: 'no_agm_18m',
        start: '2024-01-20',
        since: '2025-07-20',
        article: expect.stringContaining('Điều 103')
      })
    ])
    expect(by.get(late)!.reasons).toEqual([
      expect.objectContaining({
        code: 'suspension_beyond_notice',
        start: '2026-02-01',
        since: '2026-08-31',
        article: expect.stringContaining('Điều 48')
      })
    ])
    expect(by.get(long)!.reasons).toEqual([
      expect.objectContaining({ code: 'suspension_over_total', start: '2024-06-01', since: '2026-06-01', verified: true })
    ])
    expect(by.get(few)!.reasons).toEqual([
      expect.objectContaining({ code: 'members_below_minimum', start: '2025-01-01', since: '2026-01-01', verified: false })
    ])
    expect(by.get(few)!.reasons[0]!.article).toContain('chưa đối chiếu văn bản')
    expect(by.get(court)!.reasons).toEqual([expect.objectContaining({ code: 'court_decision', since: '2026-10-05' })])
    expect(by.get(court)!.reasons[0]!.label).toContain('02/2026/QĐ-TA')
    expect(by.get(noInfo)!.reasons).toEqual([expect.objectContaining({ code: 'no_info_update', start: '2025-03-31', since: '2026-03-31' })])
    // The twelve are listed apart, to complete, not as violations.
    const missing = (await core.call('dissolution.missingAgm', { asOf })).map((m) => m.entityId)
    for (const id of plain) expect(missing).toContain(id)
    expect(missing).not.toContain(agm)
  })
})

describe('Điều 115: what was due by 31/12/2025', () => {
  it('lists THT that must register without a certificate and old HTX without an updated charter, through core and CLI', async () => {
    core = await officeCore('178')
    const must = (await core.call('entity.create', { kind: 'tht', name: 'THT Chè Khe Mạ', commune: 'Xã Mai Pha', mustRegister: true })).id
    const done = (
      await core.call('entity.create', {
        kind: 'tht',
        name: 'THT Rau An Toàn',
        commune: 'Xã Mai Pha',
        mustRegister: true,
        certificateNo: '49T000123',
        certificateDate: '2025-11-20'
      })
    ).id
    await core.call('entity.create', { kind: 'tht', name: 'THT Nhỏ Không Phải Đăng Ký', commune: 'Xã Mai Pha', mustRegister: false })
    const oldHtx = await htx('HTX Điều Lệ Cũ')
    const updated = await htx('HTX Đã Sửa Điều Lệ', { charterUpdatedDate: '2025-06-30' })
    const lateUpdate = await htx('HTX Sửa Điều Lệ Muộn', { charterUpdatedDate: '2026-02-15' })
    const newHtx = await htx('HTX Mới Theo Luật 2023', { registrationDate: '2024-09-01' })

    expect(await core.call('registry.obligations', { asOf: '2025-12-31' })).toEqual([])
    const list = await core.call('registry.obligations', { asOf: '2026-01-15' })
    const ids = list.map((o) => o.entityId)
    expect(ids).toEqual(expect.arrayContaining([must, oldHtx, lateUpdate]))
    for (const id of [done, updated, newHtx]) expect(ids).not.toContain(id)
    expect(list.find((o) => o.entityId === must)).toMatchObject({ code: 'tht_registration', deadline: '2025-12-31', doneOn: null })
    expect(list.find((o) => o.entityId === must)!.article).toContain('Điều 107 khoản 2')
    expect(list.find((o) => o.entityId === lateUpdate)).toMatchObject({ code: 'charter_update', doneOn: '2026-02-15' })
    expect((await core.call('entity.get', { id: done })).certificateNo).toBe('49T000123')

    const db = core.dbPath
    const json = await cli('obligations', '--db', db, '--as-of', '15/01/2026', '--json')
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout).map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['THT Chè Khe Mạ', 'HTX Điều Lệ Cũ', 'HTX Sửa Điều Lệ Muộn'])
    )
    const text = await cli('obligations', '--db', db, '--as-of', '15/01/2026')
    expect(text.stdout).toContain('chưa có giấy chứng nhận đăng ký THT')
    expect(text.stdout).toContain('31/12/2025')
    // The CLI's label commands, and an old status code refused with the way to say it now.
    expect((await cli('label', 'add', '--db', db, '--entity', String(oldHtx), '--label', 'paper_only', '--date', '01/12/2026')).code).toBe(
      0
    )
    const labels = await cli('label', 'list', '--db', db, '--entity', String(oldHtx))
    expect(labels.stdout).toContain('Chỉ tồn tại trên sổ sách')
    const old = await cli('status', 'add', '--db', db, '--entity', String(oldHtx), '--status', 'inactive', '--date', '01/12/2026')
    expect(old.code).toBe(2)
    expect(old.stderr).toContain('label add --label stopped')
    const upd = await cli(
      'entity',
      'update',
      '--db',
      db,
      '--id',
      String(must),
      '--certificate-no',
      '49T000999',
      '--certificate-date',
      '10/01/2026'
    )
    expect(upd.code).toBe(0)
    expect((await core.call('entity.get', { id: must })).certificateNo).toBe('49T000999')
  })
})

/**
 * Every registration office in Vietnam, on real files (issue 14, points 1 and 4): a commune of
 * today's map, a former district outside Lạng Sơn, an old province and a new one; refusals that
 * say why and what to do, nothing written; the body on letterheads by date; a merged province
 * taking packages from the former districts of both old provinces, and from its own communes only.
 */
import { writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { officeBody } from '../../src/main/core/office/body'
import { officeCore, testClock } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
const opened: Office[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.dispose()
})
async function office(code: string | null, now?: () => string): Promise<Office> {
  const o = await officeCore(code, undefined, now ? { now } : {})
  opened.push(o)
  return o
}
const auditRows = (o: Office) => (o.ctx.conn.sqlite.prepare('select count(*) n from audit_log').get() as { n: number }).n

describe('an office at any level and period', () => {
  it('sets up a commune of today (its key carries its period), with the body of a phường', async () => {
    const o = await office('05977')
    const info = await o.call('office.info', {})
    expect(info.unit).toMatchObject({ code: '05977@2025', gsoCode: '05977', level: 'commune', period: 'after', name: 'Phường Đông Kinh' })
    expect(info.place).toMatchObject({ province: { code: '20', name: 'Tỉnh Lạng Sơn' }, period: 'after' })
    expect(info.place!.from.map((f) => f.name)).toEqual(['Phường Vĩnh Trại', 'Phường Đông Kinh', 'Xã Mai Pha', 'Xã Yên Trạch'])
    expect(info.bodyName).toBe('Phòng Kinh tế - Hạ tầng và Đô thị')
    expect(info.role).toContain('cấp xã')
  })

  it('sets up a former district of another province, and says what its register is for', async () => {
    const o = await office('110')
    const info = await o.call('office.info', {})
    expect(info.unit).toMatchObject({ code: '110', level: 'district', name: 'Huyện Than Uyên', validTo: '2025-06-30' })
    expect(info.place?.province.name).toBe('Tỉnh Lai Châu')
    expect(info.officeName).toBe('Phòng Tài chính - Kế hoạch Huyện Than Uyên')
    expect(info.role).toMatch(/lịch sử.*bàn giao/)
  })

  it('takes a province of today by default and the old one when asked for a date before the reform', async () => {
    const today = await office(null)
    await today.call('office.setup', { unitCode: '08' })
    expect((await today.call('office.info', {})).unit).toMatchObject({ code: '08@2025', level: 'province', period: 'after' })
    const old = await office(null)
    await old.call('office.setup', { unitCode: '02', on: '2024-12-31' })
    const info = await old.call('office.info', {})
    expect(info.unit).toMatchObject({ code: '02', name: 'Tỉnh Hà Giang', period: 'before' })
    expect(info.mode).toBe('province')
  })

  it('refuses, with nothing written: an unknown code (nearest named), an old commune (its district and successor named), a commune of today for a date before it existed', async () => {
    const o = await office(null)
    const before = auditRows(o)
    await expect(o.call('office.setup', { unitCode: '99999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/Không có đơn vị hành chính mang mã 99999.*Mã gần nhất: 32248 — Xã Đất Mũi/)
    })
    await expect(o.call('office.setup', { unitCode: '05980' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /Phường Đông Kinh .*bản đồ trước 01\/07\/2025.*Thành phố Lạng Sơn giữ \(mã 178\).*Phường Đông Kinh \(mã 05977\)/
      )
    })
    await expect(o.call('office.setup', { unitCode: '05977', on: '2024-01-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('ngày 01/01/2024 nó chưa có')
    })
    expect(auditRows(o)).toBe(before)
    expect((await o.call('office.info', {})).configured).toBe(false)
  })

  it('lets a commune office name its own body (audited), and refuses it to a district', async () => {
    const o = await office('05977')
    const info = await o.call('office.setBody', { bodyName: null })
    expect(info.officeName).toBe('UBND Phường Đông Kinh')
    const last = o.ctx.conn.sqlite.prepare('select action, after_json from audit_log order by id desc limit 1').get() as {
      action: string
      after_json: string
    }
    expect(last.action).toBe('update')
    expect(JSON.parse(last.after_json)).toEqual({ body_name: null })
    const d = await office('178')
    await expect(d.call('office.setBody', { bodyName: 'Phòng Kinh tế' })).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('the body on paper, by the date of the paper', () => {
  it('a district before 01/07/2025, a commune with or without its own body, a province of each map', () => {
    expect(officeBody({ code: '178', name: 'Thành phố Lạng Sơn', level: 'district' }, '2023-06-30')).toMatchObject({
      parent: 'UBND THÀNH PHỐ LẠNG SƠN',
      body: 'PHÒNG TÀI CHÍNH - KẾ HOẠCH'
    })
    expect(
      officeBody({ code: '05977@2025', name: 'Phường Đông Kinh', level: 'commune' }, '2026-12-01', 'Phòng Kinh tế - Hạ tầng và Đô thị')
    ).toMatchObject({
      parent: 'UBND PHƯỜNG ĐÔNG KINH',
      body: 'PHÒNG KINH TẾ - HẠ TẦNG VÀ ĐÔ THỊ'
    })
    expect(officeBody({ code: '05977@2025', name: 'Phường Đông Kinh', level: 'commune' }, '2026-12-01', null)).toMatchObject({
      parent: null,
      body: 'UBND PHƯỜNG ĐÔNG KINH'
    })
    expect(officeBody({ code: '08@2025', name: 'Tỉnh Tuyên Quang', level: 'province' }, '2026-12-01')).toMatchObject({
      parent: 'UBND TỈNH TUYÊN QUANG',
      body: 'SỞ TÀI CHÍNH'
    })
    // An old province's paper dated after the merger names the province that took it.
    expect(officeBody({ code: '02', name: 'Tỉnh Hà Giang', level: 'province' }, '2025-06-30').unitName).toBe('Tỉnh Hà Giang')
    expect(officeBody({ code: '02', name: 'Tỉnh Hà Giang', level: 'province' }, '2025-07-01').unitName).toBe('Tỉnh Tuyên Quang')
  })

  it("prints the commune office's body on its report", async () => {
    const o = await office('05977')
    const t = await o.call('report.build', { layout: 'danh-sach', asOf: '2026-06-30' })
    expect(t.issuer).toEqual({ parent: 'UBND PHƯỜNG ĐÔNG KINH', body: 'PHÒNG KINH TẾ - HẠ TẦNG VÀ ĐÔ THỊ' })
    expect(t.place).toBe('Đông Kinh')
  })
})

describe('a former district registers nothing after 30/06/2025', () => {
  it('refuses a record registered on 01/07/2025 at every write path, saying it belongs to a commune office', async () => {
    const d = await office('110')
    const says = /ngày đăng ký 01\/07\/2025 sau ngày 30\/06\/2025.*sổ của xã/
    await expect(d.call('entity.create', { kind: 'htx', name: 'HTX Mới Lập', registrationDate: '2025-07-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(says)
    })
    await expect(
      d.call('entity.bulkCreate', {
        rows: [
          { kind: 'htx', name: 'HTX Cũ', registrationDate: '2020-01-01' },
          { kind: 'htx', name: 'HTX Mới Lập', registrationDate: '2025-07-01' }
        ]
      })
    ).rejects.toMatchObject({ message: expect.stringMatching(/^Dòng 2: ngày đăng ký/) })
    expect((d.ctx.conn.sqlite.prepare('select count(*) n from entities').get() as { n: number }).n).toBe(0)
    const e = (await d.call('entity.create', { kind: 'htx', name: 'HTX Cũ', registrationDate: '2020-01-01' })) as {
      id: number
      rowVersion: number
    }
    await expect(
      d.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { registrationDate: '2025-08-01' } })
    ).rejects.toMatchObject({ message: expect.stringMatching(/ngày đăng ký 01\/08\/2025/) })
    // A commune office registers it.
    const c = await office('03595')
    expect(await c.call('entity.create', { kind: 'htx', name: 'HTX Mới Lập', registrationDate: '2025-07-01' })).toMatchObject({
      name: 'HTX Mới Lập'
    })
  })
})

describe('the province after the merger', () => {
  it('Tuyên Quang takes the former districts of old Hà Giang and old Tuyên Quang and its own communes; refuses Lạng Sơn', async () => {
    const clock = testClock('2026-11-01T02:00:00.000Z')
    const province = await office('08', clock.now)
    const senders = {
      haGiang: await office('024', clock.now),
      tuyenQuang: await office('070', clock.now),
      commune: await office('00691', clock.now),
      langSon: await office('178', clock.now),
      otherCommune: await office('05977', clock.now)
    }
    const files: Record<string, string> = {}
    for (const [name, o] of Object.entries(senders)) {
      await o.call('entity.create', { kind: 'htx', name: `HTX ${name}`, registrationDate: '2020-05-05' })
      const p = await o.call('handoff.export', { asOf: '2025-06-30' })
      files[name] = join(o.dir, p.name)
      writeFileSync(files[name], Buffer.from(p.base64, 'base64'))
    }
    const result = await province.call('handoff.consolidate', { files: Object.values(files).map((path) => ({ path })), trustNewKeys: true })
    expect(result.accepted.map((a) => a.unit).sort()).toEqual(['00691@2025', '024', '070'])
    const byFile = Object.fromEntries(Object.entries(files).map(([name, f]) => [basename(f), name]))
    const refused = Object.fromEntries(result.rejected.map((r) => [byFile[r.file] ?? r.file, r.code]))
    expect(refused).toEqual({ langSon: 'WRONG_PROVINCE', otherCommune: 'WRONG_PROVINCE' })
    expect(result.rejected[0]!.reason).toContain('các huyện cũ thuộc các tỉnh cũ đã hợp vào tỉnh')
    const names = (province.ctx.conn.sqlite.prepare('select name from entities order by name').all() as Array<{ name: string }>).map(
      (r) => r.name
    )
    expect(names).toEqual(['HTX commune', 'HTX haGiang', 'HTX tuyenQuang'])
  })
})

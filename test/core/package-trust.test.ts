/**
 * a key belongs to one unit; a package
 * dated in the future is refused and a wrong date already consolidated can be
 * replaced (audited); every string the canonical form holds survives a fresh read
 * and a LibreOffice re-save; a lost key is never replaced in silence.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { keyFileFor, publicKeyFile, ensureSigningKey } from '../../src/main/core/handoff/keys'
import { officeCore, tempDir } from '../helpers/temp'
import { exportTo, seedDistrict } from './package-fixture'

type Office = Awaited<ReturnType<typeof officeCore>>
const open: Array<{ dispose(): Promise<void> }> = []
afterAll(async () => {
  for (const o of open.reverse()) await o.dispose()
})

async function office(unit: string): Promise<Office> {
  const o = await officeCore(unit)
  open.push(o)
  return o
}

/** An office whose clock the test sets: `clock.now` is what ctx.now() returns. */
async function clockedOffice(unit: string, clock: { now: string }) {
  const { dir, cleanup } = tempDir()
  const dbPath = join(dir, 'so-htx.db')
  const core = await createCore({ dbPath, user: 'Trần Văn Bình', now: () => clock.now })
  await core.call('office.setup', { unitCode: unit })
  const o = { ...core, dir, dbPath, dispose: async () => (await core.close(), cleanup()) }
  open.push(o)
  return o
}

const verify = (core: { call: Office['call'] }, file: string) => core.call('handoff.verify', { file: { path: file } })
const DAY = 24 * 3600_000
const iso = (ms: number) => new Date(ms).toISOString()

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
function resave(file: string, dir: string): string {
  const out = join(dir, `soffice-${basename(file, '.xlsx')}`)
  mkdirSync(out, { recursive: true })
  execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 })
  return join(out, basename(file))
}

describe('point 5: a key belongs to one unit', () => {
  it("a package for 180 signed with 178's key is refused even with «tin cậy khóa mới», naming both units", async () => {
    const province = await office('20')
    const d178 = await office('178')
    const d180 = await office('180')
    await seedDistrict(d178, 3, 1)
    await d180.call('entity.create', { kind: 'htx', name: 'HTX Tràng Định giả', regNo: '4900777001' })
    copyFileSync(keyFileFor(d178.dbPath), keyFileFor(d180.dbPath)) // 180's file now holds 178's key
    const p178 = (await exportTo(d178, d178.dir)).file
    const p180 = (await exportTo(d180, d180.dir)).file

    const first = await province.call('handoff.consolidate', { files: [{ path: p178 }], trustNewKeys: true })
    expect(first.accepted.map((a) => a.unit)).toEqual(['178'])
    const second = await province.call('handoff.consolidate', { files: [{ path: p180 }], trustNewKeys: true })
    expect(second.accepted).toEqual([])
    expect(second.rejected).toEqual([
      {
        file: basename(p180),
        code: 'KEY_OF_ANOTHER_UNIT',
        reason: expect.stringMatching(/178 — Thành phố Lạng Sơn.*180 — Huyện Tràng Định|180 — Huyện Tràng Định.*178 — Thành phố Lạng Sơn/)
      }
    ])
    expect((await province.call('handoff.trustedKeys', {})).map((k) => k.unit)).toEqual(['178'])
    expect((province.ctx.conn.sqlite.prepare(`select count(*) n from entities where district_code = '180'`).get() as { n: number }).n).toBe(
      0
    )
    expect(await verify(province, p180)).toMatchObject({ ok: false, code: 'KEY_OF_ANOTHER_UNIT', signature: 'unknown-key' })
  })

  it('both in one batch with «tin cậy khóa mới»: the first district gets the key, the second is refused', async () => {
    const province = await office('20')
    const d181 = await office('181')
    const d182 = await office('182')
    await d181.call('entity.create', { kind: 'htx', name: 'HTX Bình Gia', regNo: '4900777002' })
    await d182.call('entity.create', { kind: 'htx', name: 'HTX Văn Lãng', regNo: '4900777003' })
    copyFileSync(keyFileFor(d181.dbPath), keyFileFor(d182.dbPath))
    const a = (await exportTo(d181, d181.dir)).file
    const b = (await exportTo(d182, d182.dir)).file
    const r = await province.call('handoff.consolidate', { files: [{ path: a }, { path: b }], trustNewKeys: true })
    expect(r.accepted.map((x) => x.unit)).toEqual(['181'])
    expect(r.rejected.map((x) => x.code)).toEqual(['KEY_OF_ANOTHER_UNIT'])
  })

  it('handoff.trustKey refuses a key file for 180 that holds the key already trusted for 178', async () => {
    const province = await office('20')
    const d178 = await office('178')
    const own = await d178.call('handoff.publicKey', {})
    await province.call('handoff.trustKey', { key: { text: own.text } })
    const key = ensureSigningKey(d178.dbPath)
    const forged = publicKeyFile('180', 'Huyện Tràng Định', key)
    await expect(province.call('handoff.trustKey', { key: { text: forged } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/180 — Huyện Tràng Định.*178 — Thành phố Lạng Sơn/)
    })
    expect((await province.call('handoff.trustedKeys', {})).map((k) => k.unit)).toEqual(['178'])
  })
})

describe('point 6: a package dated in the future', () => {
  it("is refused as FUTURE_DATE beyond one day of the province's clock; a few hours ahead is accepted", async () => {
    const now = Date.parse('2025-03-10T03:00:00.000Z')
    const pClock = { now: iso(now) }
    const dClock = { now: iso(now + 2 * DAY) }
    const province = await clockedOffice('20', pClock)
    const district = await clockedOffice('178', dClock)
    await district.call('entity.create', { kind: 'htx', name: 'HTX Đồng hồ sai', regNo: '4900777010' })
    const ahead = (await exportTo(district, district.dir, '2024-12-31', 'ahead.xlsx')).file
    dClock.now = iso(now + 5 * 3600_000)
    const hours = (await exportTo(district, district.dir, '2024-12-31', 'hours.xlsx')).file

    const v = await verify(province, ahead)
    expect(v).toMatchObject({ ok: false, code: 'FUTURE_DATE' })
    expect(v.problems[0].message).toMatch(/tương lai|đồng hồ/)
    const r = await province.call('handoff.consolidate', { files: [{ path: ahead }], trustNewKeys: true })
    expect(r.rejected.map((x) => x.code)).toEqual(['FUTURE_DATE'])
    expect(r.accepted).toEqual([])
    const ok = await province.call('handoff.consolidate', { files: [{ path: hours }], trustNewKeys: true })
    expect(ok.accepted.map((x) => x.file)).toEqual(['hours.xlsx'])
  })

  it('a wrong-dated package already in place: newer real ones are OLDER until the province accepts one over it, audited', async () => {
    const now = Date.parse('2025-03-10T03:00:00.000Z')
    const pClock = { now: iso(now + 400 * DAY) } // the province's own clock was wrong that day
    const dClock = { now: iso(now + 400 * DAY) }
    const province = await clockedOffice('20', pClock)
    const district = await clockedOffice('178', dClock)
    await district.call('entity.create', { kind: 'htx', name: 'HTX Một', regNo: '4900777011' })
    const wrong = (await exportTo(district, district.dir, '2024-12-31', 'wrong.xlsx')).file
    expect((await province.call('handoff.consolidate', { files: [{ path: wrong }], trustNewKeys: true })).accepted).toHaveLength(1)

    pClock.now = iso(now)
    dClock.now = iso(now)
    await district.call('entity.create', { kind: 'htx', name: 'HTX Hai', regNo: '4900777012' })
    const real = (await exportTo(district, district.dir, '2024-12-31', 'real.xlsx')).file
    const skipped = await province.call('handoff.consolidate', { files: [{ path: real }] })
    expect(skipped.skipped).toEqual([
      { file: 'real.xlsx', unit: '178', reason: expect.stringMatching(/cũ hơn.*tương lai.*nhận thay gói sai ngày/s) }
    ])

    const over = await province.call('handoff.consolidate', { files: [{ path: real }], replaceWrongDate: true })
    expect(over.accepted).toEqual([expect.objectContaining({ file: 'real.xlsx', unit: '178' })])
    const names = province.ctx.conn.sqlite.prepare(`select name from entities where district_code = '178' order by name`).all()
    expect(names).toEqual([{ name: 'HTX Hai' }, { name: 'HTX Một' }])
    const audit = await province.call('audit.list', { table: 'package_consolidations' })
    const row = audit.find((a) => a.action === 'consolidate_over_wrong_date')
    expect(row).toBeDefined()
    const log = province.ctx.conn.sqlite
      .prepare(`select id from package_consolidations where outcome = 'accepted' and file_name = 'real.xlsx'`)
      .get() as { id: number }
    expect(row!.rowId).toBe(log.id)
    expect(JSON.stringify(row)).toContain(iso(now + 400 * DAY))

    // From now on the package in place is the real one: the next real package goes in without the option.
    dClock.now = iso(now + 3600_000)
    pClock.now = iso(now + 3600_000)
    await district.call('entity.create', { kind: 'htx', name: 'HTX Ba', regNo: '4900777013' })
    const next = (await exportTo(district, district.dir, '2024-12-31', 'next.xlsx')).file
    expect((await province.call('handoff.consolidate', { files: [{ path: next }] })).accepted.map((a) => a.file)).toEqual(['next.xlsx'])
    expect((await province.call('handoff.districts', {})).find((d) => d.code === '178')!.exportedAt).toBe(iso(now + 3600_000))
    // The option does not let a really older package back in.
    const back = await province.call('handoff.consolidate', { files: [{ path: real }], replaceWrongDate: true })
    expect(back.skipped.map((s) => s.file)).toEqual(['real.xlsx'])
  })
})

describe('point 9: every string the canonical form holds comes back', () => {
  const names = ['HTX _x0041_ Phú Cường', 'HTX _X004a_ viết hoa', 'HTX _x005F_ gạch', 'HTX __x0041__x0042_ đôi', 'HTX cuối_x0001_']
  it('names with literal _xHHHH_ text verify fresh and after a LibreOffice re-save', async () => {
    const district = await office('178')
    for (const [i, name] of names.entries()) await district.call('entity.create', { kind: 'htx', name, regNo: `49007770${20 + i}` })
    const { file } = await exportTo(district, district.dir)
    expect(await verify(district, file)).toMatchObject({ ok: true, problems: [] })
    if (hasSoffice()) expect(await verify(district, resave(file, district.dir))).toMatchObject({ ok: true, problems: [] })
    const province = await office('20')
    await province.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })
    const stored = province.ctx.conn.sqlite.prepare('select name from entities order by id').all() as Array<{ name: string }>
    expect(stored.map((r) => r.name)).toEqual(names)
  }, 150_000)

  it('the one form LibreOffice writes back altered (two escapes sharing an underscore) is refused at export, naming the cell', async () => {
    const district = await office('178')
    await district.call('entity.create', { kind: 'htx', name: 'HTX _x005F_x0041_ lồng', regNo: '4900777029' })
    await expect(district.call('handoff.export', { asOf: '2024-06-30' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/ô name của dòng 2 trong entities chứa «_x005F_x0041_»/)
    })
    expect(await district.call('handoff.exportHistory', {})).toEqual([])
  })

  it('control characters are refused at entry', async () => {
    const district = await office('178')
    await expect(district.call('entity.create', { kind: 'htx', name: 'HTX Tab\u0001ẩn', regNo: '4900777030' })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
    await expect(district.call('entity.create', { kind: 'htx', name: 'HTX Xuống\u000bdòng', regNo: '4900777031' })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
  })

  it('control characters already in a file (written before the rule) still verify after a LibreOffice re-save', async () => {
    const district = await office('178')
    await district.call('entity.create', { kind: 'htx', name: 'HTX Cũ', regNo: '4900777032' })
    district.ctx.conn.sqlite.prepare(`update entities set name = ?, notes = ?`).run('HTX Cũ\u0001\u001f', 'ghi\u0007chú\ttab\u007f\u0085')
    const { file } = await exportTo(district, district.dir)
    expect(await verify(district, file)).toMatchObject({ ok: true })
    if (hasSoffice()) expect(await verify(district, resave(file, district.dir))).toMatchObject({ ok: true, problems: [] })
  }, 150_000)
})

describe('point 10: a missing key file is never replaced in silence', () => {
  it('after the first export, a deleted key stops export and handoff.key with where it belongs and how to restore it', async () => {
    const district = await office('178')
    await district.call('entity.create', { kind: 'htx', name: 'HTX Mất khóa', regNo: '4900777040' })
    await exportTo(district, district.dir)
    const keyFile = keyFileFor(district.dbPath)
    const saved = readFileSync(keyFile)
    rmSync(keyFile)
    const refusal = {
      code: 'NOT_FOUND',
      message: expect.stringMatching(new RegExp(`${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*sao lưu`, 's'))
    }
    await expect(district.call('handoff.export', { asOf: '2024-06-30' })).rejects.toMatchObject(refusal)
    await expect(district.call('handoff.key', {})).rejects.toMatchObject(refusal)
    await expect(district.call('handoff.publicKey', {})).rejects.toMatchObject(refusal)
    expect(existsSync(keyFile)).toBe(false)
    expect((await district.call('handoff.exportHistory', {})).length).toBe(1)

    // Put back from a copy: exporting works again, with the same key.
    const { writeFileSync } = await import('node:fs')
    writeFileSync(keyFile, saved, { mode: 0o600 })
    const again = await district.call('handoff.export', { asOf: '2024-06-30' })
    expect(again.keyFingerprint).toBe((await district.call('handoff.exportHistory', {}))[1].keyFingerprint)
  })

  it('lost for good: only an explicit «tạo khóa mới» makes another key, audited', async () => {
    const district = await office('178')
    await exportTo(district, district.dir)
    const before = (await district.call('handoff.key', {})).fingerprint
    rmSync(keyFileFor(district.dbPath))
    const p = await district.call('handoff.export', { asOf: '2024-06-30', newKey: true })
    expect(p.keyFingerprint).not.toBe(before)
    const audit = await district.call('audit.list', {})
    expect(audit.some((a) => a.action === 'new_signing_key')).toBe(true)
    // With the key present, «tạo khóa mới» is refused: a key is not replaced while it exists.
    await expect(district.call('handoff.export', { asOf: '2024-06-30', newKey: true })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('an office that never exported still gets its key made at first use', async () => {
    const district = await office('178')
    rmSync(keyFileFor(district.dbPath))
    const p = await district.call('handoff.export', { asOf: '2024-06-30' })
    expect(p.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/)
    expect(existsSync(keyFileFor(district.dbPath))).toBe(true)
  })
})

/** The package's trust rules through the command line: --trust-new-keys, --accept-over-wrong-date, export --new-key. */
import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { keyFileFor } from '../../src/main/core/handoff/keys'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const t = tempDir()
afterAll(() => t.cleanup())
const at = (name: string) => join(t.dir, name)

describe('handoff trust from the command line', () => {
  it("--trust-new-keys does not pin 178's key to 180", async () => {
    for (const [db, unit] of [
      ['d178.db', '178'],
      ['d180.db', '180'],
      ['t.db', '20']
    ])
      expect((await cli('init', '--db', at(db), '--unit', unit)).code).toBe(0)
    await cli('entity', 'add', '--db', at('d178.db'), '--name', 'HTX Một', '--reg-no', '4900888001')
    await cli('entity', 'add', '--db', at('d180.db'), '--name', 'HTX Hai', '--reg-no', '4900888002')
    copyFileSync(keyFileFor(at('d178.db')), keyFileFor(at('d180.db')))
    expect((await cli('export', '--db', at('d178.db'), '--out', at('178.xlsx'))).code).toBe(0)
    expect((await cli('export', '--db', at('d180.db'), '--out', at('180.xlsx'))).code).toBe(0)
    const r = await cli('consolidate', at('178.xlsx'), at('180.xlsx'), '--db', at('t.db'), '--trust-new-keys', '--json')
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(doc.accepted.map((a: { unit: string }) => a.unit)).toEqual(['178'])
    expect(doc.rejected).toEqual([
      { file: '180.xlsx', code: 'KEY_OF_ANOTHER_UNIT', reason: expect.stringMatching(/180 — Huyện Tràng Định.*178 — Thành phố Lạng Sơn/) }
    ])
  })

  it('a package in place dated in the future: later ones are skipped until --accept-over-wrong-date', async () => {
    // What a district PC with its clock a year ahead left behind (consolidated before the province refused such dates).
    const db = new Sqlite(at('t.db'))
    db.prepare(
      `update package_consolidations set exported_at = '2099-01-01T00:00:00.000Z' where unit_code = '178' and outcome = 'accepted'`
    ).run()
    db.close()
    await cli('entity', 'add', '--db', at('d178.db'), '--name', 'HTX Ba', '--reg-no', '4900888003')
    expect((await cli('export', '--db', at('d178.db'), '--out', at('178b.xlsx'))).code).toBe(0)
    const skipped = JSON.parse((await cli('consolidate', at('178b.xlsx'), '--db', at('t.db'), '--json')).stdout)
    expect(skipped.skipped).toEqual([{ file: '178b.xlsx', unit: '178', reason: expect.stringMatching(/--accept-over-wrong-date/) }])
    const over = await cli('consolidate', at('178b.xlsx'), '--db', at('t.db'), '--accept-over-wrong-date', '--json')
    expect(over.code).toBe(0)
    expect(JSON.parse(over.stdout).accepted).toEqual([
      { file: '178b.xlsx', unit: '178', exportedAt: expect.any(String), replacedWrongDate: '2099-01-01T00:00:00.000Z' }
    ])
    const check = new Sqlite(at('t.db'), { readonly: true })
    expect(check.prepare(`select count(*) n from audit_log where action = 'consolidate_over_wrong_date'`).get()).toEqual({ n: 1 })
    check.close()
  })

  it('a lost key: export refuses and says where; export --new-key makes a new one', async () => {
    rmSync(keyFileFor(at('d178.db')))
    const refused = await cli('export', '--db', at('d178.db'), '--out', at('178c.xlsx'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(keyFileFor(at('d178.db')))
    expect(refused.stderr).toMatch(/sao lưu/)
    const fresh = await cli('export', '--db', at('d178.db'), '--out', at('178c.xlsx'), '--new-key', '--json')
    expect(fresh.code).toBe(0)
  })
})

describe('replacing what the province trusts is for quản trị', () => {
  it('keys trust --replace by a cán bộ is refused; the same by quản trị goes through', async () => {
    const d = tempDir()
    const p = (name: string) => join(d.dir, name)
    try {
      for (const [db, unit] of [
        ['h.db', '178'],
        ['tinh.db', '20']
      ])
        expect((await cli('init', '--db', p(db), '--unit', unit)).code).toBe(0)
      expect((await cli('keys', 'export', '--db', p('h.db'), '--out', p('178.pub'))).code).toBe(0)
      process.env.SO_HTX_NEW_PASSWORD = ''
      expect((await cli('profile', 'add', '--db', p('tinh.db'), '--name', 'Quản trị')).code).toBe(0)
      expect((await cli('profile', 'add', '--db', p('tinh.db'), '--name', 'Cán bộ', '--role', 'can-bo', '--user', 'Quản trị')).code).toBe(0)
      expect((await cli('keys', 'trust', p('178.pub'), '--db', p('tinh.db'), '--user', 'Cán bộ')).code).toBe(0)
      const officer = await cli('keys', 'trust', p('178.pub'), '--db', p('tinh.db'), '--replace', '--user', 'Cán bộ', '--json')
      expect(officer.code).toBe(1)
      expect(JSON.parse(officer.stdout).error.code).toBe('FORBIDDEN')
      expect(officer.stderr).toContain('quản trị')
      expect((await cli('keys', 'trust', p('178.pub'), '--db', p('tinh.db'), '--replace', '--user', 'Quản trị')).code).toBe(0)
    } finally {
      d.cleanup()
    }
  })
})

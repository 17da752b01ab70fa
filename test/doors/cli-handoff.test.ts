/** The handoff commands as a script runs them: the promised JSON shapes and exit codes. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const t = tempDir()
afterAll(() => t.cleanup())
const at = (name: string) => join(t.dir, name)

describe('handoff from the command line', () => {
  it("export → verify → keys → consolidate, with the issue's JSON and exit codes", async () => {
    expect((await cli('init', '--db', at('d.db'), '--unit', '178')).code).toBe(0)
    expect((await cli('entity', 'add', '--db', at('d.db'), '--name', 'HTX Nông nghiệp Yên Khoái', '--reg-no', '4900123457')).code).toBe(0)
    const exp = await cli('export', '--db', at('d.db'), '--out', at('goi.xlsx'), '--as-of', '30/06/2024', '--json')
    expect(exp.code).toBe(0)
    expect(JSON.parse(exp.stdout)).toMatchObject({ unit: '178', asOf: '2024-06-30', counts: { entities: 1 } })

    const v = await cli('verify', at('goi.xlsx'), '--json')
    expect(v.code).toBe(0)
    const doc = JSON.parse(v.stdout)
    expect(Object.keys(doc).slice(0, 10)).toEqual([
      'ok',
      'unit',
      'unitName',
      'exportedAt',
      'asOf',
      'formatVersion',
      'counts',
      'contentHash',
      'signature',
      'problems'
    ])
    expect(doc).toMatchObject({
      ok: true,
      unit: '178',
      unitName: 'Thành phố Lạng Sơn',
      asOf: '2024-06-30',
      formatVersion: 1,
      signature: 'valid',
      problems: []
    })

    // Against a province that does not know the key yet: not ok, exit 1.
    expect((await cli('init', '--db', at('t.db'), '--unit', '20')).code).toBe(0)
    const unknown = await cli('verify', at('goi.xlsx'), '--db', at('t.db'), '--json')
    expect(unknown.code).toBe(1)
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, signature: 'unknown-key', problems: [{ code: 'UNKNOWN_KEY' }] })

    const shown = await cli('keys', 'show', '--db', at('d.db'), '--json')
    const fingerprint = JSON.parse(shown.stdout).fingerprint
    expect(fingerprint).toBe(doc.keyFingerprint)
    expect((await cli('keys', 'export', '--db', at('d.db'), '--out', at('178.pub'))).code).toBe(0)
    expect(readFileSync(at('178.pub'), 'utf8')).toContain(fingerprint)
    const trusted = await cli('keys', 'trust', at('178.pub'), '--db', at('t.db'))
    expect(trusted.code).toBe(0)
    expect(trusted.stdout).toContain(fingerprint)

    const c = await cli('consolidate', at('goi.xlsx'), '--db', at('t.db'), '--json')
    expect(c.code).toBe(0)
    const result = JSON.parse(c.stdout)
    expect(Object.keys(result)).toEqual(['accepted', 'skipped', 'rejected', 'conflicts'])
    expect(result.accepted).toEqual([{ file: 'goi.xlsx', unit: '178', exportedAt: doc.exportedAt }])
    const again = JSON.parse((await cli('consolidate', at('goi.xlsx'), '--db', at('t.db'), '--json')).stdout)
    expect(again).toMatchObject({ accepted: [], skipped: [{ file: 'goi.xlsx', unit: '178' }], rejected: [] })
  })

  it('a damaged package: verify exits 1 naming the problem; consolidate rejects it with its code and exits 1', async () => {
    const bytes = readFileSync(at('goi.xlsx'))
    writeFileSync(at('cut.xlsx'), bytes.subarray(0, bytes.length - 200))
    const v = await cli('verify', at('cut.xlsx'))
    expect(v.code).toBe(1)
    expect(v.stderr).toMatch(/TRUNCATED: .*bị cắt cụt/)
    const c = await cli('consolidate', at('cut.xlsx'), '--db', at('t.db'), '--json')
    expect(c.code).toBe(1)
    expect(JSON.parse(c.stdout).rejected).toEqual([{ file: 'cut.xlsx', code: 'TRUNCATED', reason: expect.stringMatching(/cắt cụt/) }])
  })

  it('usage mistakes exit 2 with a Vietnamese line', async () => {
    const r = await cli('export', '--db', at('d.db'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Thiếu --out/)
    expect((await cli('export', '--db', at('d.db'), '--out', at('x.xlsx'), '--as-of', '31/02/2024')).code).toBe(2)
    expect((await cli('consolidate', '--db', at('t.db'))).code).toBe(2)
  })
})

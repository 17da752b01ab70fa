/** `conflicts` and `conflicts resolve` as a provincial script runs them: JSON, exit codes, and the counts that follow the decision. */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const t = tempDir()
afterAll(() => t.cleanup())
const at = (name: string) => join(t.dir, name)

async function htxTotals() {
  const s = JSON.parse((await cli('report', 'summary', '--db', at('t.db'), '--as-of', '30/06/2024', '--json')).stdout)
  return [s.indicators['htx.total'], s.byUnit['178']['htx.total'], s.byUnit['180']['htx.total']]
}

describe('conflicts from the command line', () => {
  it("lists where a cooperative in two districts is counted, records the province's choice, refuses a district not in the conflict", async () => {
    for (const [db, unit, other] of [
      ['a.db', '178', '4900777002'],
      ['b.db', '180', '4900777003']
    ]) {
      expect((await cli('init', '--db', at(db), '--unit', unit)).code).toBe(0)
      expect(
        (
          await cli(
            'entity',
            'add',
            '--db',
            at(db),
            '--name',
            'HTX Chuyển trụ sở Na Sầm',
            '--reg-no',
            '4900777001',
            '--registration-date',
            '02/03/2020'
          )
        ).code
      ).toBe(0)
      expect(
        (await cli('entity', 'add', '--db', at(db), '--name', `HTX Riêng ${unit}`, '--reg-no', other, '--registration-date', '02/03/2020'))
          .code
      ).toBe(0)
      expect((await cli('export', '--db', at(db), '--out', at(`${unit}.xlsx`), '--as-of', '30/06/2024')).code).toBe(0)
    }
    expect((await cli('init', '--db', at('t.db'), '--unit', '20')).code).toBe(0)
    const c = await cli('consolidate', at('178.xlsx'), at('180.xlsx'), '--db', at('t.db'), '--trust-new-keys')
    expect(c.code).toBe(0)
    expect(c.stderr).toContain('Trùng giữa các huyện 178, 180: reg:4900777001 — tính ở huyện 180')

    const listed = await cli('conflicts', '--db', at('t.db'), '--json')
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        key: 'reg:4900777001',
        units: ['178', '180'],
        names: ['HTX Chuyển trụ sở Na Sầm'],
        countedUnit: '180',
        resolved: false,
        decision: null,
        // Each district's copy, field by field, and which fields differ: the same record in both, so none.
        copies: [
          { unit: '178', fields: expect.objectContaining({ name: 'HTX Chuyển trụ sở Na Sầm', registrationDate: '2020-03-02' }) },
          { unit: '180', fields: expect.objectContaining({ name: 'HTX Chuyển trụ sở Na Sầm', registrationDate: '2020-03-02' }) }
        ],
        differs: []
      }
    ])
    expect(await htxTotals()).toEqual([3, 1, 2])

    const wrong = await cli('conflicts', 'resolve', '--db', at('t.db'), '--key', 'reg:4900777001', '--owner', '181', '--json')
    expect(wrong.code).toBe(1)
    expect(JSON.parse(wrong.stdout).error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Huyện quản lý phải là một trong các huyện')
    })
    expect((await cli('conflicts', 'resolve', '--db', at('t.db'), '--owner', '178')).code).toBe(2)

    const done = await cli(
      'conflicts',
      'resolve',
      '--db',
      at('t.db'),
      '--key',
      'reg:4900777001',
      '--owner',
      '178',
      '--note',
      'Trụ sở ở Thành phố từ 2024',
      '--user',
      'Hoàng Văn Minh',
      '--json'
    )
    expect(done.code).toBe(0)
    expect(JSON.parse(done.stdout)).toMatchObject({
      countedUnit: '178',
      resolved: true,
      decision: { owner: '178', by: 'Hoàng Văn Minh', note: 'Trụ sở ở Thành phố từ 2024' }
    })
    expect(await htxTotals()).toEqual([3, 2, 1])
    const shown = await cli('conflicts', '--db', at('t.db'))
    expect(shown.stdout).toMatch(/reg:4900777001 .* 178 +tỉnh đã quyết định \(Hoàng Văn Minh, .*\): Trụ sở ở Thành phố từ 2024/)
  })
})

/**
 * money with a decimal point was inflated (1500000000.00 → 150 tỷ,
 * 2.5 → 25, a pasted 1234567.89 → 123.456.789) by hand-written dot stripping in
 * the core, the CLI and the grid. One reading (shared/numbers.ts) in every door.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMoney } from '../../src/renderer/src/grid/columns'
import { parseViNumber, typedNumber } from '../../src/shared/numbers'
import { cli } from '../helpers/cli'
import { officeCore, tempDir } from '../helpers/temp'

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

describe('one reading of typed numbers', () => {
  it.each([
    ['1.500.000.000', 1_500_000_000],
    ['1 500 000 000', 1_500_000_000],
    ['1500000000.00', 1_500_000_000],
    ['1500000000,00', 1_500_000_000],
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['1234567.89', 1_234_567.89],
    ['1.234.567,89', 1_234_567.89],
    ['-50.000.000', -50_000_000],
    ['\u221250.000.000', -50_000_000],
    ['800.000', 800_000]
  ])('%s → %d', (text, value) => {
    expect(parseViNumber(text)).toBe(value)
    expect(typedNumber(text)).toBe(value)
    expect(parseMoney(text)).toBe(value)
  })

  it('what is not a number stays as typed, for the rule to name; blank is null', () => {
    expect(typedNumber('mười triệu')).toBe('mười triệu')
    expect(typedNumber('1.2.3')).toBe('1.2.3')
    expect(typedNumber('  ')).toBeNull()
  })
})

describe('every door reads them the same', () => {
  it('CLI: --capital 1500000000.00 is 1,5 tỷ; --capital 2.5 is refused, not 25; a loss is a profit of -50.000.000', async () => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    const db = join(t.dir, 'a.db')
    expect((await cli('init', '--db', db, '--unit', '178')).code).toBe(0)
    const add = await cli(
      'entity',
      'add',
      '--db',
      db,
      '--name',
      'HTX Chè Tân Thành',
      '--reg-no',
      '4900000018',
      '--capital',
      '1500000000.00',
      '--json'
    )
    expect(add.code).toBe(0)
    expect(JSON.parse(add.stdout).charterCapital).toBe(1_500_000_000)
    const odd = await cli('entity', 'add', '--db', db, '--name', 'HTX Lẻ', '--capital', '2.5')
    expect(odd.code).not.toBe(0)
    expect(odd.stderr).toContain('không có phần lẻ')
    const loss = await cli(
      'figures',
      'set',
      '--db',
      db,
      '--entity',
      '4900000018',
      '--year',
      '2023',
      '--profit',
      '-50.000.000',
      '--revenue',
      '1.234.567',
      '--json'
    )
    expect(loss.code).toBe(0)
    expect(JSON.parse(loss.stdout)).toMatchObject({ profit: -50_000_000, revenue: 1_234_567 })
    const fraction = await cli('figures', 'set', '--db', db, '--entity', '4900000018', '--year', '2023', '--members', '1.5')
    expect(fraction.code).not.toBe(0)
  })

  it('paste: 1234567.89 as capital is refused (not 123.456.789), 1.234.567 is 1.234.567', async () => {
    const core = await officeCore()
    cleanups.push(core.dispose)
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Dán', status: 'active' })
    const bad = await core
      .call('entity.paste', { rowIds: [e.id], fields: ['charterCapital'], cells: [['1234567.89']] })
      .catch((err: Error) => err)
    expect(bad).toMatchObject({ code: 'VALIDATION' })
    expect((await core.call('entity.get', { id: e.id })).charterCapital).toBeNull()
    await core.call('entity.paste', { rowIds: [e.id], fields: ['charterCapital'], cells: [['1.234.567']] })
    expect((await core.call('entity.get', { id: e.id })).charterCapital).toBe(1_234_567)
  })
})

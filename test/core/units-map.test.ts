/**
 * The national map as data (resources/admin-units/vn.json, built from
 * shared/data by scripts/build-admin-units.ts): every unit of both periods,
 * found by a name typed without diacritics, a code read with its period.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import map from '../../resources/admin-units/vn.json'
import { findUnits, periodOn, unitsByCode } from '../../src/main/core/office/map'
import { cli } from '../helpers/cli'

describe('the map of Vietnam, before and after 01/07/2025', () => {
  it('holds every unit of both periods, counted as the source counts them', () => {
    expect(map.count).toEqual({ before: { provinces: 63, districts: 696, communes: 10047 }, after: { provinces: 34, communes: 3321 } })
    expect(map.before.validTo).toBe('2025-06-30')
    expect(map.after.validFrom).toBe('2025-07-01')
    expect(map.source).toMatch(/Tổng cục Thống kê/)
  })

  it('is built from the shared source as it stands (the version carries the source file’s hash)', () => {
    const source = resolve(__dirname, '../../../shared/data/admin-units/vn-admin-units.json')
    if (!existsSync(source)) return
    const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 8)
    expect(map.version).toBe(`vn-2025-07-01-${hash}`)
  })

  it('finds a unit typed without diacritics in both periods, the new map first', () => {
    const found = findUnits('dong kinh')
    expect(found.slice(0, 2).map((u) => [u.code, u.name, u.period, u.province.name])).toEqual([
      ['05977', 'Phường Đông Kinh', 'after', 'Tỉnh Lạng Sơn'],
      ['18586', 'Xã Đông Kinh', 'after', 'Tỉnh Hà Tĩnh']
    ])
    const old = found.find((u) => u.period === 'before' && u.code === '05980')!
    expect(old).toMatchObject({
      name: 'Phường Đông Kinh',
      level: 'commune',
      district: { code: '178', name: 'Thành phố Lạng Sơn' },
      validTo: '2025-06-30'
    })
    expect(found[0]!.from).toContainEqual({ code: '05980', name: 'Phường Đông Kinh', part: 'full' })
  })

  it('a code is read with its period: 05977 names another commune before the reform', () => {
    expect(unitsByCode('110')).toEqual([
      expect.objectContaining({
        name: 'Huyện Than Uyên',
        level: 'district',
        period: 'before',
        province: { code: '12', name: 'Tỉnh Lai Châu' }
      })
    ])
    expect(unitsByCode('05977', '2026-01-01').map((u) => u.name)).toEqual(['Phường Đông Kinh'])
    expect(unitsByCode('05977', '2024-01-01').map((u) => [u.name, u.district?.name])).toEqual([['Phường Vĩnh Trại', 'Thành phố Lạng Sơn']])
    const tuyenQuang = unitsByCode('08')
    expect(tuyenQuang.map((u) => u.period)).toEqual(['before', 'after'])
    expect(tuyenQuang[1]!.from.map((f) => f.name)).toEqual(['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang'])
    expect(periodOn('2025-06-30')).toBe('before')
    expect(periodOn('2025-07-01')).toBe('after')
  })
})

describe('the units commands', () => {
  it('units find and units show answer without an office file, in JSON too; an unknown code is said', async () => {
    const find = await cli('units', 'find', 'than', 'uyen', '--json')
    expect(find.code).toBe(0)
    // Today's commune that took the old district's name comes first; the old district is still there, for its history.
    const units = JSON.parse(find.stdout) as Array<{ code: string; name: string; period: string }>
    expect(units[0]).toMatchObject({ name: 'Xã Than Uyên', period: 'after' })
    expect(units).toContainEqual(expect.objectContaining({ code: '110', name: 'Huyện Than Uyên', period: 'before' }))
    const show = await cli('units', 'show', '05977', '--on', '01/01/2026')
    expect(show.code).toBe(0)
    expect(show.stdout).toContain('Phường Đông Kinh')
    expect(show.stdout).toContain('Xã Mai Pha')
    const none = await cli('units', 'show', '99', '--json')
    expect(none.code).toBe(1)
    expect(JSON.parse(none.stdout).error.code).toBe('NOT_FOUND')
    expect((await cli('units', 'show', 'abc')).code).toBe(2)
  })
})

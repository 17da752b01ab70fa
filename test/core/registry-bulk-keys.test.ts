/**
 * The bulk write paths fold each name once for both keys and insert only the
 * columns a row carries: the stored rows must be those entity.create would store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { derivedKeys } from '../../src/main/core/registry/entities'
import { clean, fold, searchKey } from '../../src/shared/text'
import { officeCore } from '../helpers/temp'

describe('clean', () => {
  it('skips the replace only where it would change nothing', () => {
    const reference = (t: string) =>
      t
        .normalize('NFC')
        .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
        .trim()
    const pool = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u200b',
      '\ufeff',
      '\u2003',
      '\u3000',
      '\u2028',
      '\u202f',
      '\u0085',
      'a',
      'ệ',
      'e\u0302\u0301',
      'Đ',
      'x'
    ]
    let seed = 11
    const pick = () => pool[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pool.length]
    for (let i = 0; i < 20_000; i++) {
      const t = Array.from({ length: i % 7 }, pick).join('')
      expect(clean(t)).toBe(reference(t))
    }
  })
})

describe('derived keys', () => {
  it('equal fold(name) and searchKey(name, number, representative, address, commune) on awkward text', () => {
    const pool = [
      'a',
      'Ạ',
      'đ',
      'Đ',
      ' ',
      '-',
      ',',
      '\u0301',
      '\u0323',
      '\u1dc0',
      'Σ',
      'İ',
      'ǅ',
      'ﬁ',
      '😀',
      'hợp tác xã',
      'Hợp Tác',
      'Xã',
      'tổ hợp tác',
      'liên hiệp',
      'HTX',
      '7',
      '\u00a0',
      'ã',
      'Ư'
    ]
    let seed = 7
    const pick = () => pool[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pool.length]
    const text = (n: number) => Array.from({ length: seed % n }, pick).join('')
    for (let i = 0; i < 5_000; i++) {
      const row = {
        name: text(9),
        reg_no: i % 3 ? text(4) : null,
        representative: i % 4 ? text(5) : null,
        address: i % 5 ? text(6) : null,
        commune: i % 2 ? text(5) : null
      }
      expect(derivedKeys(row)).toEqual({
        name_key: fold(row.name),
        search_key: searchKey(row.name, row.reg_no, row.representative, row.address, row.commune)
      })
    }
  })
})

describe('entity.bulkCreate', () => {
  let core: Awaited<ReturnType<typeof officeCore>>
  beforeEach(async () => (core = await officeCore()))
  afterEach(async () => core.dispose())

  it('stores rows carrying different fields as entity.create does: absent columns null, keys from the stored text', async () => {
    const rows = [
      { kind: 'htx' as const, name: 'HTX  Nông nghiệp Đồng Đăng', regNo: '4900123467', commune: 'Xã Hoàng Đồng', charterCapital: 5 },
      {
        kind: 'tht' as const,
        name: 'Tổ hợp tác nuôi ong',
        representative: ' Lò  Văn Pọm ',
        vsic: [{ code: '0111', label: 'Trồng lúa' }],
        status: 'suspended' as const
      },
      { kind: 'htx' as const, name: 'Hợp tác xã Yên Khoái', regNo: '4900123468', commune: 'Xã Hoàng Đồng', notes: null }
    ]
    const { firstId } = await core.call('entity.bulkCreate', { rows })
    const stored = core.ctx.conn.sqlite.prepare('select * from entities where id >= ? order by id').all(firstId) as Array<
      Record<string, unknown>
    >
    expect(
      stored.map((e) => [e.kind, e.name, e.reg_no, e.representative, e.commune, e.charter_capital, e.vsic_json, e.address, e.notes])
    ).toEqual([
      ['htx', 'HTX Nông nghiệp Đồng Đăng', '4900123467', null, 'Xã Hoàng Đồng', 5, null, null, null],
      ['tht', 'Tổ hợp tác nuôi ong', null, 'Lò Văn Pọm', null, null, '[{"code":"0111","label":"Trồng lúa"}]', null, null],
      ['htx', 'Hợp tác xã Yên Khoái', '4900123468', null, 'Xã Hoàng Đồng', null, null, null, null]
    ])
    for (const e of stored) {
      expect(e.name_key).toBe(fold(e.name as string))
      expect(e.search_key).toBe(
        searchKey(e.name as string, e.reg_no as string, e.representative as string, e.address as string, e.commune as string)
      )
      expect(e.row_version).toBe(1)
    }
    expect((await core.call('entity.get', { id: firstId! + 1 })).status).toBe('suspended')
    expect((await core.call('entity.search', { q: 'htx yen khoai' })).ids).toEqual([firstId! + 2])
  })
})

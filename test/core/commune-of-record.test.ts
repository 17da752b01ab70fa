/**
 * The commune of a record as data (issue 14, point 2), on real files: chosen from the official list of
 * the office's area, read from a typed commune or an address against that list, refused when chosen
 * outside the area, kept as typed and flagged when it matches nothing; a commune office places the old
 * communes it was made from on itself; files made before 022 get their records placed on upgrade.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XLSX } from '../../src/main/core/sheetjs'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/api'
import { migrations } from '../../src/main/core/db/migrations'
import { officeCore, tempDir } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
async function office(code: string): Promise<Office> {
  const o = await officeCore(code)
  cleanups.push(() => o.dispose())
  return o
}
type Created = { id: number; rowVersion: number; commune: string | null; communeCode?: string | null }
const create = (o: Office, fields: Record<string, unknown>) =>
  o.call('entity.create', { kind: 'htx', ...fields } as never) as Promise<Created>

describe("a former district's records", () => {
  it('lists its old communes to choose from, and places a typed commune, a chosen code and an address on them', async () => {
    const d = await office('178')
    const list = await d.call('units.communes', {})
    expect(list.map((u) => u.name)).toContain('Xã Mai Pha')
    expect(list.every((u) => u.period === 'before' && u.district?.code === '178')).toBe(true)

    expect(await create(d, { name: 'HTX Gõ Tay', commune: 'mai pha' })).toMatchObject({ commune: 'mai pha', communeCode: '05992' })
    expect(await create(d, { name: 'HTX Chọn Mã', communeCode: '05992' })).toMatchObject({ commune: 'Xã Mai Pha', communeCode: '05992' })
    expect(
      await create(d, { name: 'HTX Theo Địa Chỉ', address: 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn, tỉnh Lạng Sơn' })
    ).toMatchObject({ commune: 'Xã Mai Pha', communeCode: '05992' })
    const n = (d.ctx.conn.sqlite.prepare('select count(*) n from entities').get() as { n: number }).n
    await expect(create(d, { name: 'HTX Ngoài Địa Bàn', communeCode: '05977@2025' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('không thuộc địa bàn của Thành phố Lạng Sơn')
    })
    expect((d.ctx.conn.sqlite.prepare('select count(*) n from entities').get() as { n: number }).n).toBe(n)
  })

  it('keeps a commune that matches nothing as typed, flags it, and places it when chosen from the list', async () => {
    const d = await office('178')
    const e = await create(d, { name: 'HTX Chưa Rõ Xã', commune: 'Xã Mai Phaa' })
    expect(e).toMatchObject({ commune: 'Xã Mai Phaa', communeCode: null })
    const run = await d.call('checks.run', { entityId: e.id })
    const f = run.findings.find((x) => x.rule === 'registry.commune_unplaced')
    expect(f?.message).toContain('«Xã Mai Phaa» không khớp với xã nào')
    const placed = (await d.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { communeCode: '05992' } })) as Created
    expect(placed).toMatchObject({ commune: 'Xã Mai Pha', communeCode: '05992' })
    expect((await d.call('checks.run', { entityId: e.id })).findings.some((x) => x.rule === 'registry.commune_unplaced')).toBe(false)
    // Many at once: the same rule, row by row.
    const bulk = await d.call('entity.bulkCreate', {
      rows: [
        { kind: 'htx', name: 'HTX Một', commune: 'Phường Đông Kinh' },
        { kind: 'htx', name: 'HTX Hai', commune: 'Nơi Không Có' }
      ]
    })
    const rows = d.ctx.conn.sqlite
      .prepare('select name, commune_code from entities where id between ? and ? order by id')
      .all(bulk.firstId, bulk.lastId)
    expect(rows).toEqual([
      { name: 'HTX Một', commune_code: '05980' },
      { name: 'HTX Hai', commune_code: null }
    ])
  })
})

describe('an import preview says where each record goes before anything is written', () => {
  it('names the official commune of a typed one or an address, flags one off the list, and the commit writes exactly that', async () => {
    const d = await office('178')
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['STT', 'Tên HTX', 'Xã', 'Địa chỉ'],
        [1, 'HTX Gõ Không Dấu', 'mai pha', null],
        [2, 'HTX Theo Địa Chỉ', null, 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn'],
        [3, 'HTX Gõ Sai', 'Xã Mai Phaa', null],
        [4, 'HTX Đúng Tên', 'Xã Mai Pha', null],
        [5, 'HTX Không Ghi Xã', null, null]
      ]),
      'DS'
    )
    const path = join(d.dir, 'ds.xlsx')
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const files = [{ path }]
    const rows = (await d.call('exchange.previewImport', { files })).files[0]!.sheets[0]!.rows.filter((r) => r.record)
    expect(rows.map((r) => [r.record!.name, r.place === undefined ? 'không xét' : (r.place?.code ?? null)])).toEqual([
      ['HTX Gõ Không Dấu', '05992'],
      ['HTX Theo Địa Chỉ', '05992'],
      ['HTX Gõ Sai', null],
      ['HTX Đúng Tên', '05992'],
      ['HTX Không Ghi Xã', 'không xét']
    ])
    expect(rows[0]!.place).toEqual({ key: '05992', code: '05992', name: 'Xã Mai Pha' })
    // The one off the list carries the data check's finding in the preview, before it is written.
    expect(rows[2]!.findings?.map((f) => f.rule)).toContain('registry.commune_unplaced')
    expect(rows[0]!.findings?.map((f) => f.rule) ?? []).not.toContain('registry.commune_unplaced')
    await d.call('exchange.commitImport', { files })
    const written = d.ctx.conn.sqlite.prepare('select name, commune_code from entities order by id').all() as Array<{
      name: string
      commune_code: string | null
    }>
    expect(written.map((w) => w.commune_code)).toEqual(rows.map((r) => r.place?.key ?? null))
  })
})

describe("a commune office's records", () => {
  it('places its own commune, and the old communes it was made from, on itself', async () => {
    const c = await office('05977')
    expect((await c.call('units.communes', {})).map((u) => u.key)).toEqual(['05977@2025'])
    expect(await create(c, { name: 'HTX Bàn Giao', commune: 'Xã Mai Pha' })).toMatchObject({
      commune: 'Xã Mai Pha',
      communeCode: '05977@2025'
    })
    expect(await create(c, { name: 'HTX Mới', commune: 'phường đông kinh' })).toMatchObject({ communeCode: '05977@2025' })
    expect(await create(c, { name: 'HTX Nơi Khác', commune: 'Xã Hoàng Đồng' })).toMatchObject({ communeCode: null })
  })
})

describe('upgrading a file made before 022', () => {
  it('places the records it already holds, by their commune text or else their address', async () => {
    const t = tempDir()
    cleanups.push(() => t.cleanup())
    const dbPath = join(t.dir, 'cu.db')
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '022'))
    const old = await createCore({ dbPath, user: 'x', migrations: before })
    await old.call('office.setup', { unitCode: '178' })
    const ins = old.ctx.conn.sqlite.prepare(
      `insert into entities (kind, name, name_key, search_key, commune, address, created_at, updated_at) values ('htx', ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`
    )
    ins.run('HTX A', 'a', 'a', 'Mai Pha', null)
    ins.run('HTX B', 'b', 'b', null, 'Thôn Nà Làng, xã Mai Pha, thành phố Lạng Sơn')
    ins.run('HTX C', 'c', 'c', 'Không rõ', null)
    await old.close()
    const now = await createCore({ dbPath, user: 'x' })
    cleanups.push(() => now.close())
    expect(now.ctx.conn.sqlite.prepare('select name, commune_code from entities order by name').all()).toEqual([
      { name: 'HTX A', commune_code: '05992' },
      { name: 'HTX B', commune_code: '05992' },
      { name: 'HTX C', commune_code: null }
    ])
  })
})

/**
 * Handover of a former district's register to its new communes (issue 14, point 3), on real files,
 * outside Lạng Sơn: Thành phố Hà Giang (024, old Hà Giang 02, now Tuyên Quang 08) with records in
 * old communes taken whole (Trần Phú, Minh Khai → Phường Hà Giang 2; Nguyễn Trãi → Phường Hà Giang 1;
 * Ngọc Đường → Xã Ngọc Đường), split (Quang Trung → parts of Hà Giang 1 and 2) and unknown. Plan,
 * decisions, one package per commune, import in each commune with the whole history; the wrong
 * commune, the wrong province, a province package and a tampered one refused, nothing written; the
 * same package twice not doubled; counts before and after the handover date counted once.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { XLSX } from '../../src/main/core/sheetjs'
import { definitions } from '../../src/main/core/reports/definitions'
import { officeCore, testClock } from '../helpers/temp'
import { cli } from '../helpers/cli'

type Office = Awaited<ReturnType<typeof officeCore>>
const opened: Office[] = []
afterEach(async () => {
  while (opened.length) await opened.pop()!.dispose()
})
const clock = testClock('2026-12-07T03:00:00.000Z')
async function office(code: string): Promise<Office> {
  const o = await officeCore(code, 'Lò Văn Pả', { now: clock.now })
  opened.push(o)
  return o
}
const count = (o: Office, sql: string, ...args: unknown[]) => (o.ctx.conn.sqlite.prepare(sql).get(...args) as { n: number }).n
const rows = (o: Office) => ({
  entities: count(o, 'select count(*) n from entities'),
  audit: count(o, 'select count(*) n from audit_log'),
  imports: count(o, 'select count(*) n from handover_imports')
})

const RECORDS = [
  { name: 'HTX Nông nghiệp Trần Phú', commune: 'Phường Trần Phú', regNo: '1000000001' },
  { name: 'HTX Dịch vụ Minh Khai', commune: 'phuong minh khai', regNo: '1000000002' },
  { name: 'HTX Chè Nguyễn Trãi', commune: 'P. Nguyễn Trãi', regNo: '1000000003' },
  { name: 'HTX Rau sạch Ngọc Đường', commune: 'Xã Ngọc Đường', regNo: '1000000004' },
  { name: 'HTX Vận tải Quang Trung', commune: 'Phường Quang Trung', regNo: '1000000005' },
  { name: 'HTX Mộc Bản Mới', commune: 'Xã Bản Mới Không Có', regNo: '1000000006' }
]

/** The district with a little of every history a handover carries. */
async function seedDistrict(d: Office): Promise<number[]> {
  const ids: number[] = []
  for (const [i, r] of RECORDS.entries()) {
    const e = (await d.call('entity.create', {
      kind: 'htx',
      name: r.name,
      regNo: r.regNo,
      commune: r.commune,
      registrationDate: `201${i}-03-15`,
      charterCapital: 500_000_000 + i,
      sector: 'agri'
    } as never)) as { id: number }
    ids.push(e.id)
    await d.call('figures.set', { entityId: e.id, year: 2024, figures: { members: 10 + i, workers: 5, revenue: 1_000_000 * (i + 1) } })
  }
  await d.call('status.add', { entityId: ids[0]!, status: 'suspended', effectiveDate: '2023-05-02' })
  await d.call('label.add', { entityId: ids[2]!, label: 'weak', effectiveDate: '2024-01-10' })
  const c = (await d.call('dissolution.open', { entityId: ids[1]!, kind: 'compulsory', openedOn: '2024-02-01' })) as { id: number }
  await d.call('dissolution.council', { caseId: c.id, name: 'Nguyễn Văn An', role: 'chair' })
  await d.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Ngân hàng', amount: 15_000_000 })
  await d.call('dissolution.obstacle', { caseId: c.id, code: 'debts', note: 'Nợ ngân hàng' })
  await d.call('dissolution.attach', {
    caseId: c.id,
    file: { name: 'bien-ban.pdf', base64: Buffer.from('%PDF-1.4 biên bản').toString('base64') }
  })
  return ids
}

async function exportTo(d: Office, commune: string): Promise<string> {
  const p = await d.call('handover.export', { commune })
  const file = join(d.dir, p.name)
  writeFileSync(file, Buffer.from(p.base64, 'base64'))
  return file
}

function summary(o: Office, asOf: string) {
  return o.call('report.summary', { asOf }).then((s) => s.indicators)
}

describe('handover of a former district to its new communes', () => {
  it('plans, decides, exports to each commune, imports in each with the whole history, counted once', async () => {
    const d = await office('024')
    const ids = await seedDistrict(d)

    const plan = await d.call('handover.plan', {})
    expect(plan.district).toEqual({ code: '024', name: 'Thành phố Hà Giang' })
    expect(plan.communes.map((c) => [c.code, c.name, c.records])).toEqual([
      ['00691', 'Phường Hà Giang 2', 2],
      ['00694', 'Phường Hà Giang 1', 1],
      ['00700', 'Xã Ngọc Đường', 1]
    ])
    expect(plan.unassigned.map((u) => u.id)).toEqual([ids[4], ids[5]])
    expect(plan.unassigned[0]!.reason).toMatch(
      /Phường Quang Trung được chia cho nhiều xã mới: Phường Hà Giang 2 \(một phần\), Phường Hà Giang 1 \(một phần\)/
    )
    expect(plan.unassigned[0]!.candidates.map((c) => c.code)).toEqual(['00691', '00694'])
    expect(plan.unassigned[1]!.reason).toMatch(/Không nhận ra «Xã Bản Mới Không Có» là xã nào của Thành phố Hà Giang/)
    expect(plan.unassigned[1]!.candidates.map((c) => c.code)).toEqual(['00691', '00694', '00700'])

    // A commune that took nothing of the district is refused, naming the candidates; nothing written.
    const before = rows(d)
    await expect(d.call('handover.resolve', { recordId: ids[4]!, commune: '05977' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /Phường Đông Kinh \(mã 05977, Tỉnh Lạng Sơn\) không phải một xã mới nhận phần nào của Thành phố Hà Giang.*00691 — Phường Hà Giang 2; 00694 — Phường Hà Giang 1; 00700 — Xã Ngọc Đường/
      )
    })
    expect(rows(d)).toEqual(before)
    const decided = await d.call('handover.resolve', { recordId: ids[4]!, commune: '00694', note: 'Trụ sở ở tổ 5, nay thuộc Hà Giang 1' })
    expect(decided).toMatchObject({ to: { code: '00694' }, source: 'decision', note: 'Trụ sở ở tổ 5, nay thuộc Hà Giang 1' })
    await d.call('handover.resolve', { recordId: ids[5]!, commune: '00700' })
    expect(rows(d).audit).toBe(before.audit + 2)
    const decidedPlan = await d.call('handover.plan', {})
    expect(decidedPlan.unassigned).toEqual([])
    expect(decidedPlan.communes.map((c) => [c.code, c.records])).toEqual([
      ['00691', 2],
      ['00694', 2],
      ['00700', 2]
    ])

    const DAY_BEFORE = '2026-12-06'
    const TODAY = '2026-12-07'
    const districtBefore = await summary(d, DAY_BEFORE)
    const districtOld = await summary(d, '2024-12-31')

    const files: Record<string, string> = {}
    for (const c of ['00691', '00694', '00700']) files[c] = await exportTo(d, c)
    const handed = d.ctx.conn.sqlite.prepare('select id, handed_over_on, handed_over_to, handed_over_by from entities order by id').all()
    expect(handed).toEqual(
      ids.map((id, i) => ({
        id,
        handed_over_on: TODAY,
        handed_over_to: `${['00691', '00691', '00694', '00700', '00694', '00700'][i]}@2025`,
        handed_over_by: 'Lò Văn Pả'
      }))
    )
    // Still readable in the district; counted there for dates before the handover only.
    expect((await d.call('entity.get', { id: ids[0]! } as never)) as { name: string }).toMatchObject({ name: RECORDS[0]!.name })
    expect(await summary(d, '2024-12-31')).toEqual(districtOld)
    expect(await summary(d, DAY_BEFORE)).toEqual(districtBefore)
    const districtAfter = await summary(d, TODAY)
    expect(districtAfter['htx.total'] ?? 0).toBe(0)

    const communes: Record<string, Office> = {}
    for (const c of ['00691', '00694', '00700']) {
      const o = await office(c)
      communes[c] = o
      // The district's key is not trusted yet: refused, nothing written.
      const empty = rows(o)
      await expect(o.call('handover.import', { file: { path: files[c]! } })).rejects.toMatchObject({
        message: expect.stringContaining('khóa chưa được tin cậy')
      })
      expect(rows(o)).toEqual(empty)
      const r = await o.call('handover.import', { file: { path: files[c]! }, trustNewKeys: true })
      expect(r).toMatchObject({ imported: true, from: { code: '024', name: 'Thành phố Hà Giang' }, records: 2, trustedNewKey: true })
      expect(rows(o)).toEqual({ entities: 2, audit: empty.audit + 1, imports: 1 })
      // The same package again: not doubled.
      const again = await o.call('handover.import', { file: { path: files[c]! } })
      expect(again.imported).toBe(false)
      expect(rows(o)).toEqual({ entities: 2, audit: empty.audit + 1, imports: 1 })
    }

    // The whole history arrived with new ids: events, labels, figures, the case with council, debt, obstacle, attachment hash, audit rows.
    const hg2 = communes['00691']!.ctx.conn.sqlite
    const moved = hg2.prepare('select id, name, commune, district_code, handover_origin from entities order by id').all() as Array<{
      id: number
      name: string
      commune: string
      district_code: string
      handover_origin: string
    }>
    expect(moved.map((e) => [e.name, e.commune, e.district_code])).toEqual([
      [RECORDS[0]!.name, 'Phường Trần Phú', '00691@2025'],
      [RECORDS[1]!.name, 'phuong minh khai', '00691@2025']
    ])
    expect(JSON.parse(moved[0]!.handover_origin)).toMatchObject({ from: '024', id: ids[0], handedOverOn: TODAY })
    const q = (sql: string) => hg2.prepare(sql).all()
    expect(
      q('select status, effective_date from status_events where entity_id = ' + moved[0]!.id + ' order by id').map(
        (r) => (r as { status: string }).status
      )
    ).toContain('suspended')
    expect(q('select year, members from yearly_figures order by entity_id')).toEqual([
      { year: 2024, members: 10 },
      { year: 2024, members: 11 }
    ])
    const cases = q('select id, entity_id from dissolution_cases') as Array<{ id: number; entity_id: number }>
    expect(cases).toEqual([{ id: cases[0]!.id, entity_id: moved[1]!.id }])
    expect(q(`select name from dissolution_council where case_id = ${cases[0]!.id}`)).toEqual([{ name: 'Nguyễn Văn An' }])
    expect(q(`select party, amount from dissolution_items where case_id = ${cases[0]!.id}`)).toEqual([
      { party: 'Ngân hàng', amount: 15_000_000 }
    ])
    expect(q(`select code from dissolution_obstacles where case_id = ${cases[0]!.id}`)).toEqual([{ code: 'debts' }])
    expect(q(`select name, sha256 from dissolution_attachments where case_id = ${cases[0]!.id}`)).toEqual([
      { name: 'bien-ban.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }
    ])
    expect((q(`select count(*) n from dissolution_steps where case_id = ${cases[0]!.id}`)[0] as { n: number }).n).toBeGreaterThan(0)
    const trail = q("select action, table_name, row_id from handover_audit where table_name = 'entities' order by id") as Array<{
      action: string
      row_id: number
    }>
    expect(trail.filter((t) => t.row_id === moved[0]!.id).map((t) => t.action)).toContain('create')
    const hg1 = communes['00694']!.ctx.conn.sqlite
    expect(hg1.prepare("select count(*) n from entity_labels where label = 'weak'").get()).toEqual({ n: 1 })
    expect(hg1.prepare("select action from handover_audit where action = 'handover_decide'").all()).toEqual([{ action: 'handover_decide' }])

    // Counted once: before the handover the district equals the communes together (history intact), and from it the communes alone.
    const sumOf = async (asOf: string) => {
      const all = await Promise.all(Object.values(communes).map((o) => summary(o, asOf)))
      return (code: string) => all.reduce((s, x) => s + (x[code] ?? 0), 0)
    }
    const [old, dayBefore, today] = [await sumOf('2024-12-31'), await sumOf(DAY_BEFORE), await sumOf(TODAY)]
    let compared = 0
    for (const ind of definitions().indicators) {
      if (ind.measure === 'avg' || ind.measure === 'share') continue
      expect([ind.code, old(ind.code)]).toEqual([ind.code, districtOld[ind.code] ?? 0])
      expect([ind.code, dayBefore(ind.code)]).toEqual([ind.code, districtBefore[ind.code] ?? 0])
      expect([ind.code, today(ind.code) + (districtAfter[ind.code] ?? 0)]).toEqual([ind.code, districtBefore[ind.code] ?? 0])
      expect([ind.code, districtAfter[ind.code] ?? 0]).toEqual([ind.code, 0])
      compared++
    }
    expect(compared).toBeGreaterThan(10)
    expect(districtBefore['htx.total']).toBe(6)

    // The new province (Tuyên Quang 08) takes the communes' packages and the district's, sent last: still counted once.
    const province = await office('08')
    const packages: string[] = []
    for (const o of [...Object.values(communes), d]) {
      clock.advance(60_000)
      const p = await o.call('handoff.export', { asOf: TODAY })
      packages.push(join(o.dir, p.name))
      writeFileSync(packages.at(-1)!, Buffer.from(p.base64, 'base64'))
    }
    const consolidated = await province.call('handoff.consolidate', { files: packages.map((path) => ({ path })), trustNewKeys: true })
    expect(consolidated.rejected).toEqual([])
    const conflicts = await province.call('handoff.conflicts', {})
    expect(conflicts.map((c) => [c.key, c.countedUnit])).toEqual(
      RECORDS.map((r, i) => [`reg:${r.regNo}`, `${['00691', '00691', '00694', '00700', '00694', '00700'][i]}@2025`]).sort()
    )
    const [pOld, pBefore, pToday] = [
      await summary(province, '2024-12-31'),
      await summary(province, DAY_BEFORE),
      await summary(province, TODAY)
    ]
    for (const ind of definitions().indicators) {
      if (ind.measure === 'avg' || ind.measure === 'share') continue
      expect([ind.code, pOld[ind.code] ?? 0]).toEqual([ind.code, districtOld[ind.code] ?? 0])
      expect([ind.code, pBefore[ind.code] ?? 0]).toEqual([ind.code, districtBefore[ind.code] ?? 0])
      expect([ind.code, pToday[ind.code] ?? 0]).toEqual([ind.code, today(ind.code)])
    }

    // Sent again (a lost USB stick): the same records, their first handover date kept; the commune does not double them.
    clock.advance(86_400_000)
    const again = await d.call('handover.export', { commune: '00691' })
    expect([again.records, again.handedOverOn]).toEqual([2, TODAY])
    const againFile = join(d.dir, 'lan-hai.xlsx')
    writeFileSync(againFile, Buffer.from(again.base64, 'base64'))
    const second = await communes['00691']!.call('handover.import', { file: { path: againFile } })
    expect(second).toMatchObject({ imported: false, message: expect.stringContaining('đã được Phường Hà Giang 2 nhận') })
    expect(rows(communes['00691']!).entities).toBe(2)

    // A record already handed over keeps its commune.
    await expect(d.call('handover.resolve', { recordId: ids[0]!, commune: '00694' })).rejects.toMatchObject({
      message: expect.stringContaining('đã được bàn giao cho Phường Hà Giang 2 ngày 07/12/2026')
    })
  }, 120_000)

  it('refuses a package opened in the wrong commune or province, a province package, a tampered one: nothing written', async () => {
    const d = await office('024')
    await seedDistrict(d)
    const file = await exportTo(d, '00691')

    const wrongCommune = await office('00694')
    const before = rows(wrongCommune)
    await expect(wrongCommune.call('handover.import', { file: { path: file }, trustNewKeys: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { code: 'WRONG_COMMUNE' },
      message: expect.stringMatching(/dành cho Phường Hà Giang 2 \(mã 00691\), không phải Phường Hà Giang 1: không nhập/)
    })
    expect(rows(wrongCommune)).toEqual(before)

    const wrongProvince = await office('05977')
    await expect(wrongProvince.call('handover.import', { file: { path: file }, trustNewKeys: true })).rejects.toMatchObject({
      details: { code: 'WRONG_PROVINCE' },
      message: expect.stringMatching(/thuộc Tỉnh Tuyên Quang, không phải Tỉnh Lạng Sơn của Phường Đông Kinh/)
    })
    expect(rows(wrongProvince)).toEqual({ ...rows(wrongProvince), entities: 0, imports: 0 })

    // The district itself, or the province: a handover package is the commune's.
    const province = await office('08')
    const consolidated = await province.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })
    expect(consolidated.rejected).toEqual([
      {
        file: expect.any(String),
        code: 'NOT_A_PACKAGE',
        reason: expect.stringContaining('gói bàn giao sổ của Thành phố Hà Giang cho Phường Hà Giang 2')
      }
    ])

    const target = await office('00691')
    const provincePackage = await d.call('handoff.export', { asOf: '2024-12-31' })
    const ppath = join(d.dir, provincePackage.name)
    writeFileSync(ppath, Buffer.from(provincePackage.base64, 'base64'))
    await expect(target.call('handover.import', { file: { path: ppath }, trustNewKeys: true })).rejects.toMatchObject({
      details: { code: 'NOT_HANDOVER' },
      message: expect.stringContaining('không phải gói bàn giao')
    })

    const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
    const ws = wb.Sheets['data_entities']!
    const nameCell = Object.keys(ws).find((k) => typeof ws[k]?.v === 'string' && String(ws[k].v).startsWith('HTX Nông nghiệp Trần Phú'))!
    ws[nameCell].v = 'HTX Đổi Tên'
    const tampered = join(d.dir, 'sua.xlsx')
    writeFileSync(tampered, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer)
    const clean = rows(target)
    await expect(target.call('handover.import', { file: { path: tampered }, trustNewKeys: true })).rejects.toMatchObject({
      details: { code: 'EDITED' },
      message: expect.stringContaining('đã bị sửa sau khi xuất')
    })
    expect(rows(target)).toEqual(clean)
    expect(target.ctx.conn.sqlite.prepare('select count(*) n from trusted_keys').get()).toEqual({ n: 0 })
    // The genuine one still goes in.
    expect((await target.call('handover.import', { file: { path: file }, trustNewKeys: true })).imported).toBe(true)
  }, 120_000)

  it('CLI: handover plan --json prints exactly the promised shape; resolve, export and import by the terminal', async () => {
    const d = await officeCore('024', 'Lò Văn Pả', { now: clock.now })
    const ids = await seedDistrict(d)
    await d.close()
    const c = await officeCore('00691', 'Lò Văn Pả', { now: clock.now })
    await c.close()
    try {
      const plan = await cli('handover', 'plan', '--db', d.dbPath, '--json')
      expect(plan.code).toBe(0)
      const parsed = JSON.parse(plan.stdout)
      expect(Object.keys(parsed)).toEqual(['communes', 'unassigned'])
      expect(parsed.communes).toEqual([
        { code: '00691', name: 'Phường Hà Giang 2', records: 2 },
        { code: '00694', name: 'Phường Hà Giang 1', records: 1 },
        { code: '00700', name: 'Xã Ngọc Đường', records: 1 }
      ])
      expect(parsed.unassigned).toEqual([
        { id: ids[4], name: 'HTX Vận tải Quang Trung', commune: 'Phường Quang Trung', reason: expect.stringContaining('được chia') },
        { id: ids[5], name: 'HTX Mộc Bản Mới', commune: 'Xã Bản Mới Không Có', reason: expect.stringContaining('Không nhận ra') }
      ])
      for (const u of parsed.unassigned) expect(Object.keys(u)).toEqual(['id', 'name', 'commune', 'reason'])

      const text = await cli('handover', 'plan', '--db', d.dbPath)
      expect(text.stdout).toContain('Phường Hà Giang 2')
      expect(text.stdout).toContain('Cần chọn xã nhận (2)')

      const bad = await cli('handover', 'resolve', '--db', d.dbPath, '--record', String(ids[4]), '--commune', '05977')
      expect(bad.code).not.toBe(0)
      expect(bad.stderr).toContain('Các xã nhận được: 00691 — Phường Hà Giang 2')
      const ok = await cli(
        'handover',
        'resolve',
        '--db',
        d.dbPath,
        '--record',
        String(ids[4]),
        '--commune',
        '00691',
        '--note',
        'theo địa chỉ'
      )
      expect([ok.code, ok.stdout]).toEqual([
        0,
        'Đã ghi: HTX Vận tải Quang Trung (bản ghi số ' + ids[4] + ') giao cho Phường Hà Giang 2 (mã 00691) — theo địa chỉ.'
      ])

      const out = join(d.dir, 'ban-giao-00691.xlsx')
      const exp = await cli('handover', 'export', '--db', d.dbPath, '--commune', '00691', '--out', out)
      expect(exp.code).toBe(0)
      expect(exp.stdout).toMatch(/Đã ghi gói bàn giao .*ban-giao-00691\.xlsx: 3 bản ghi cho Phường Hà Giang 2/)

      const refused = await cli('handover', 'import', out, '--db', c.dbPath)
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain('khóa chưa được tin cậy')
      const imp = await cli('handover', 'import', out, '--db', c.dbPath, '--trust-new-keys', '--json')
      expect(imp.code).toBe(0)
      expect(JSON.parse(imp.stdout)).toMatchObject({ imported: true, records: 3, from: { code: '024' } })
    } finally {
      rmSync(d.dir, { recursive: true, force: true })
      rmSync(c.dir, { recursive: true, force: true })
    }
  }, 60_000)
})

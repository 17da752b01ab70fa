/**
 * Issue 18 point 3 on real files: the province of Lạng Sơn opens the round «số liệu đến
 * 14/12/2024, hạn 18/12/2024» (the calendar's default deadline). Of its eleven former
 * districts, 178 sends in time and is accepted, 180 sends in time and is returned, 181
 * sends two days late, 182 sent only an older package, and seven never sent anything:
 * they are on the board because the map expects them, not because a package named them.
 */
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XLSX } from '../../src/main/core/sheetjs'
import { communesOfProvince, districtsOfProvince } from '../../src/main/core/office/map'
import type { RoundBoard } from '../../src/shared/contract/round'
import { officeCore, testClock } from '../helpers/temp'
import { exportTo } from './package-fixture'

type Office = Awaited<ReturnType<typeof officeCore>>
const open: Office[] = []
let province: Office

/** A district whose package is made at `at` (UTC), as of `asOf`, and consolidated by the province. */
async function sends(unit: string, at: string, asOf = '2024-12-14'): Promise<number> {
  const clock = testClock(at)
  const d = await officeCore(unit, 'Cán bộ huyện', { now: clock.now })
  open.push(d)
  await d.call('entity.create', { kind: 'htx', name: `HTX Dịch vụ ${unit}` })
  const { file } = await exportTo(d, d.dir, asOf, `goi-${unit}.xlsx`)
  const r = await province.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })
  expect(r.accepted).toHaveLength(1)
  return (await province.call('review.list', {})).province.find((p) => p.unit === unit && p.current)!.packageId
}

beforeAll(async () => {
  province = await officeCore('20', 'Lê Văn Tỉnh')
  open.push(province)
  const accepted = await sends('178', '2024-12-16T02:00:00.000Z')
  const returned = await sends('180', '2024-12-17T09:00:00.000Z')
  await sends('181', '2024-12-20T03:00:00.000Z')
  await sends('182', '2024-07-02T03:00:00.000Z', '2024-06-30')
  await province.call('review.set', { packageId: accepted, decision: 'accepted' })
  await province.call('review.set', { packageId: returned, decision: 'returned', note: 'Thiếu số liệu năm 2024' })
}, 120_000)
afterAll(async () => {
  for (const o of open.reverse()) await o.dispose()
})

function row(board: RoundBoard, code: string) {
  return board.rows.find((r) => r.code === code)!
}

describe('a reporting round and who has reported', () => {
  it('opens a round with the calendar’s deadline, moves it with an audit row, refuses a deadline before the as-of date', async () => {
    const calendar = await province.call('round.calendar', { year: 2024 })
    expect(calendar.suggested).toEqual({ asOf: '2024-12-14', deadline: '2024-12-18' })
    expect(calendar.steps.map((s) => s.by)).toEqual(['15/12', '18/12', '21/12'])
    expect(calendar.source).toContain('09/2024/TT-BKHĐT')

    const round = await province.call('round.set', { asOf: '2024-12-14' })
    expect(round).toMatchObject({ asOf: '2024-12-14', deadline: '2024-12-18', createdBy: 'Lê Văn Tỉnh' })
    await province.call('round.set', { asOf: '2024-12-14', deadline: '2024-12-19' })
    expect((await province.call('round.list', {})).map((r) => [r.asOf, r.deadline])).toEqual([['2024-12-14', '2024-12-19']])
    await province.call('round.set', { asOf: '2024-12-14', deadline: '2024-12-18' })
    await expect(province.call('round.set', { asOf: '2024-12-14', deadline: '2024-12-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/trước ngày số liệu 14\/12\/2024/)
    })
    const db = new Database(province.dbPath, { readonly: true })
    try {
      const actions = db.prepare(`select action from audit_log where table_name = 'report_rounds' order by id`).all()
      expect(actions).toEqual([{ action: 'round_create' }, { action: 'round_update' }, { action: 'round_update' }])
    } finally {
      db.close()
    }
    // A district's file has no rounds of its own.
    await expect(open[1]!.call('round.set', { asOf: '2024-12-14' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('lists every former district the map expects, with one accepted, one returned, one late and the rest not sent', async () => {
    const board = await province.call('round.board', {})
    expect(board.rows.map((r) => r.code)).toEqual(districtsOfProvince('20').map((u) => u.code))
    expect(board.rows).toHaveLength(11)
    expect(row(board, '178')).toMatchObject({ state: 'accepted', daysLate: null, lastAsOf: '2024-12-14', decision: 'accepted' })
    expect(row(board, '180')).toMatchObject({ state: 'returned', daysLate: null, decisionNote: 'Thiếu số liệu năm 2024' })
    expect(row(board, '181')).toMatchObject({ state: 'late', daysLate: 2, sentAt: '2024-12-20T03:00:00.000Z', decision: null })
    // An older package is on the board with its dates, but does not count for this round.
    expect(row(board, '182')).toMatchObject({ state: 'missing', lastAsOf: '2024-06-30', sentAt: null, packageId: null })
    // Never sent: no package, no key, no consolidation names it; the map does.
    expect(row(board, '189')).toMatchObject({ name: 'Huyện Đình Lập', state: 'missing', lastExportedAt: null })
    expect(board.counts).toEqual({ missing: 8, pending: 0, late: 1, returned: 1, accepted: 1 })
    expect(board.pastDeadline).toBe(true)
  })

  it('a round after 01/07/2025 expects the communes of today’s province, none of which has sent', async () => {
    await province.call('round.set', { asOf: '2026-12-14' })
    const board = await province.call('round.board', { asOf: '2026-12-14' })
    const communes = communesOfProvince('20', 'after')
    expect(board.rows.map((r) => r.code)).toEqual(communes.map((u) => u.key))
    expect(new Set(board.rows.map((r) => r.level))).toEqual(new Set(['commune']))
    expect(board.counts.missing).toBe(communes.length)
    // The latest round is the default; the older one stays readable by its date.
    expect((await province.call('round.board', {})).round.asOf).toBe('2026-12-14')
    await expect(province.call('round.board', { asOf: '2025-12-14' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Các đợt đã đặt: 14/12/2026, 14/12/2024.')
    })
  })

  it('the consolidation screen’s list comes from the map too: communes that never sent are in it', async () => {
    const listed = await province.call('handoff.districts', {})
    const first = communesOfProvince('20', 'after')[0]!
    expect(listed.find((d) => d.code === first.key)).toMatchObject({ exportedAt: null, entities: 0 })
    expect(listed.find((d) => d.code === '189')).toMatchObject({ exportedAt: null })
    expect(listed.find((d) => d.code === '178')).toMatchObject({ asOf: '2024-12-14', entities: 1 })
  })

  it('prints and exports the same rows under the province’s letterhead', async () => {
    const page = await province.call('round.page', { asOf: '2024-12-14' })
    expect(page.rows).toBe(11)
    expect(page.html).toContain('SỞ TÀI CHÍNH')
    expect(page.html).toContain('Gửi muộn 2 ngày')
    expect(page.html).toContain('Huyện Đình Lập')
    const book = await province.call('round.xlsx', { asOf: '2024-12-14' })
    expect(book.name).toBe('dot-bao-cao-2024-12-14.xlsx')
    const wb = XLSX.read(Buffer.from(book.base64, 'base64'), { type: 'buffer' })
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' })
    const late = aoa.find((r) => r[1] === '181')!
    expect(late.slice(2)).toEqual([
      'Huyện Bình Gia',
      '20/12/2024 10:00',
      '14/12/2024',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
      '20/12/2024 10:00',
      'Gửi muộn 2 ngày',
      ''
    ])
    expect(aoa.filter((r) => r[7] === 'Chưa gửi')).toHaveLength(8)
  })
})

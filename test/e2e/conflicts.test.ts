/**
 * A cooperative in two districts' packages, in Chromium: the province's
 * "Trùng giữa các huyện" says where it is counted now, the province chooses the
 * managing district with a note, and the overview's count per district follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officeCore } from '../helpers/temp'
import { exportTo } from '../core/package-fixture'
import { openApp, type Session } from './browser'

const AS_OF = new Date().toISOString().slice(0, 10)
let province: Session
const districts: Array<Awaited<ReturnType<typeof officeCore>>> = []
beforeAll(async () => {
  province = await openApp('20')
  const files: string[] = []
  for (const [unit, own] of [
    ['178', '4900888002'],
    ['180', '4900888003']
  ]) {
    const d = await officeCore(unit)
    districts.push(d)
    for (const [name, regNo] of [
      ['HTX Chuyển trụ sở Văn Lãng', '4900888001'],
      [`HTX Riêng ${unit}`, own]
    ]) {
      await d.call('entity.create', { kind: 'htx', name, regNo, registrationDate: '2020-05-06', sector: 'agri' })
    }
    files.push((await exportTo(d, d.dir, AS_OF)).file)
    await new Promise((r) => setTimeout(r, 5))
  }
  const r = await province.core.call('handoff.consolidate', { files: files.map((path) => ({ path })), trustNewKeys: true })
  expect(r.accepted).toHaveLength(2)
}, 60_000)
afterAll(async () => {
  await province?.close()
  for (const d of districts) await d.dispose()
})

describe('Trùng giữa các huyện → Chọn huyện quản lý', () => {
  it('shows where the shared cooperative is counted, records the choice with a note, and the count moves', async () => {
    const p = province.page
    await p.getByTestId('nav-exchange').click()
    const row = p.getByTestId('conflict-reg:4900888001')
    await expect.poll(() => row.getByTestId('conflict-state').innerText()).toContain('Đang tính ở')
    expect(await row.getByTestId('conflict-state').innerText()).toMatch(/Đang tính ở .*chưa quyết định/)
    expect((await province.core.call('report.summary', { asOf: AS_OF })).byUnit['180']['htx.total']).toBe(2)

    await row.getByTestId('conflict-owner').selectOption('178')
    await row.getByTestId('conflict-note').fill('Công văn 12/UBND: trụ sở chuyển về Thành phố')
    await row.getByTestId('conflict-save').click()
    await expect.poll(() => p.getByRole('status').innerText()).toContain('Đã ghi: HTX mã số 4900888001 do Thành phố Lạng Sơn quản lý')
    const decided = p.getByTestId('conflict-reg:4900888001').getByTestId('conflict-state')
    await expect.poll(() => decided.innerText()).toContain('Đã quyết định: tính ở Thành phố Lạng Sơn')
    expect(await decided.innerText()).toContain('Công văn 12/UBND: trụ sở chuyển về Thành phố')

    const s = await province.core.call('report.summary', { asOf: AS_OF })
    expect([s.indicators['htx.total'], s.byUnit['178']['htx.total'], s.byUnit['180']['htx.total']]).toEqual([3, 2, 1])
    await p.getByTestId('nav-reports').click()
    await expect.poll(() => p.getByTestId('overview-total').innerText()).toBe('3')
  })
})

import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SUMMARY_HEADERS } from '../../src/main/core/dissolution/outputs'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let core: Office
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => {
  await core.dispose()
})

describe('dissolution outputs', () => {
  it('makes the summary of inactive cooperatives as .xlsx and as a page, and a printable case file', async () => {
    const a = await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp <Đồng Tâm>',
      regNo: '4900000018',
      status: 'active',
      sector: 'agri',
      registrationDate: '2010-04-02',
      commune: 'Xã Đồng Tâm'
    })
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2022-05-01' })
    const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Vận tải Thành Công', status: 'active' })
    await core.call('status.add', { entityId: b.id, status: 'suspended', effectiveDate: '2023-02-01' })
    await core.call('entity.create', { kind: 'htx', name: 'HTX Đang Tốt', status: 'active' })
    const c = await core.call('dissolution.open', {
      entityId: b.id,
      kind: 'compulsory',
      law: '2012',
      lawReason: 'HTX ngừng hoạt động từ năm 2022, vụ việc bắt đầu khi Luật HTX 2012 còn hiệu lực',
      ground: 'no_activity_12m',
      openedOn: '2024-06-03'
    })
    await core.call('dissolution.obstacle', { caseId: c.id, code: 'council_not_formed', note: 'Giám đốc đi làm ăn xa' })
    await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Chi cục Thuế', amount: 3_200_000 })

    const r = await core.call('dissolution.summaryXlsx', { asOf: '2024-07-01' })
    expect(r.rows).toBe(2)
    const ws = XLSX.read(Buffer.from(r.base64, 'base64')).Sheets['HTX ngừng hoạt động']
    const aoa = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' })
    expect(aoa[0][0]).toContain('01/07/2024')
    expect(aoa[2]).toEqual(SUMMARY_HEADERS)
    const rowA = aoa.find((x) => x[1] === 'HTX Nông nghiệp <Đồng Tâm>')!
    expect(rowA.slice(2, 8)).toEqual([
      '4900000018',
      'Xã Đồng Tâm',
      expect.stringMatching(/Nông/),
      '2010',
      'Tạm ngừng kinh doanh',
      '01/05/2022'
    ])
    expect(rowA[10]).toMatch(/Xem xét giải thể bắt buộc/)
    const rowB = aoa.find((x) => x[1] === 'HTX Vận tải Thành Công')!
    expect(rowB[8]).toMatch(/^Đang giải thể \(bắt buộc\)/)
    expect(rowB[9]).toContain('Không thành lập được hội đồng giải thể')
    expect(rowB[10]).toContain('3.200.000')

    const page = (await core.call('dissolution.summaryPage', { asOf: '2024-07-01' })).html
    expect(page).toContain('HTX Nông nghiệp &lt;Đồng Tâm&gt;')
    expect(page).not.toContain('HTX Đang Tốt')

    const print = (await core.call('dissolution.casePage', { caseId: c.id, asOf: '2024-07-01' })).html
    expect(print).toContain('chưa đối chiếu văn bản')
    expect(print).toContain('3.200.000 đồng')
  })
})

/**
 * «Số liệu cho báo cáo»: the plan's Part 1 sentences rebuilt from a register that
 * holds the seed plan's figures (Lạng Sơn, 30/06/2023), written the way the plan
 * writes them — to be copied into the year's plan without retyping a number.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { officeCore } from '../helpers/temp'
import { langSonRows, seed } from './reports-seed'

let core: Awaited<ReturnType<typeof officeCore>> | undefined
afterEach(async () => {
  await core?.dispose()
  core = undefined
})

describe('the plan’s sentences as of a date', () => {
  it('says what the seed plan says of 30/6/2023, number for number', async () => {
    core = await officeCore('20')
    seed(core.ctx.conn.sqlite, langSonRows())
    const n = await core.call('report.narrative', { asOf: '2023-06-30' })
    expect(n.htx).toEqual([
      'Sáu tháng đầu năm 2023 thành lập mới là 20 HTX, vốn đăng ký là 36,48 tỷ đồng; có 06 HTX đã giải thể.',
      'Đến hết 30/6/2023, có tổng số 474 HTX với tổng vốn đăng ký khoảng 991,5 tỷ đồng. Trong đó, 400 HTX đang hoạt động, 74 HTX tạm ngừng hoạt động.',
      'Lĩnh vực hoạt động chủ yếu là nông, lâm, ngư nghiệp chiếm khoảng 71%, lĩnh vực phi nông nghiệp chiếm khoảng 29%.'
    ])
    expect(n.sectors).toEqual([
      'Nông, lâm, ngư nghiệp: tại thời điểm 30/6/2023 có 338 HTX (trong đó 293 HTX đang hoạt động, 45 HTX ngừng hoạt động).',
      'Công nghiệp - TTCN - xây dựng: tại thời điểm 30/6/2023 có 67 HTX (trong đó 52 HTX đang hoạt động, 15 HTX ngừng hoạt động).',
      'Thương mại - dịch vụ - môi trường: tại thời điểm 30/6/2023 có 52 HTX (trong đó 44 HTX đang hoạt động, 08 HTX ngừng hoạt động).',
      'Vận tải: tại thời điểm 30/6/2023 có 17 HTX (trong đó 11 HTX đang hoạt động, 06 HTX ngừng hoạt động).'
    ])
    expect(n.others).toEqual([
      'Liên hiệp HTX: 02 liên hiệp với 13 HTX thành viên (0 đang hoạt động, 02 ngừng hoạt động).',
      'Tổ hợp tác: 230 THT với 4.650 thành viên.'
    ])
  })

  it('names the stretch of the year by the date, and reads through the CLI', async () => {
    core = await officeCore('178')
    await core.call('entity.create', {
      kind: 'htx',
      name: 'HTX Mới Lập',
      registrationDate: '2024-02-01',
      charterCapital: 1_250_000_000,
      sector: 'agri',
      status: 'active'
    })
    expect((await core.call('report.narrative', { asOf: '2024-12-31' })).htx[0]).toBe(
      'Năm 2024 thành lập mới là 01 HTX, vốn đăng ký là 1,25 tỷ đồng; có 0 HTX đã giải thể.'
    )
    expect((await core.call('report.narrative', { asOf: '2024-09-15' })).htx[0]).toMatch(
      /^Từ ngày 1\/1\/2024 đến ngày 15\/9\/2024 thành lập mới là 01 HTX/
    )
    const r = await cli('report', 'narrative', '--db', core.dbPath, '--as-of', '31/12/2024')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Đến hết 31/12/2024, có tổng số 01 HTX với tổng vốn đăng ký khoảng 1,25 tỷ đồng.')
  })
})

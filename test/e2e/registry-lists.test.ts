/**
 * The list fields of a record edited in the detail panel, in Chromium against
 * the real core: OCOP products, VSIC business lines and an LHHTX's member
 * cooperatives — one entity.update per save, the core's own messages beside
 * the cell it refused, and the change history in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
const ids: Record<string, number> = {}
beforeAll(async () => {
  s = await openApp('178')
  const records = [
    { kind: 'htx', name: 'HTX Chè Tân Cương', commune: 'Xã Tân Cương', registrationDate: '2019-04-02', sector: 'agri' },
    {
      kind: 'lhhtx',
      name: 'Liên hiệp HTX Nông nghiệp Xứ Lạng',
      commune: 'Phường Chi Lăng',
      registrationDate: '2021-09-15',
      sector: 'agri'
    },
    { kind: 'htx', name: 'HTX Dịch vụ Hữu Lũng', commune: 'Xã Hữu Lũng', registrationDate: '2015-02-10', sector: 'agri' }
  ] as const
  for (const r of records) ids[r.name] = (await s.core.call('entity.create', r)).id
  // HTX Dịch vụ Hữu Lũng is dissolved: a voluntary case walked to its end and finalised.
  const c = await s.core.call('dissolution.open', {
    entityId: ids['HTX Dịch vụ Hữu Lũng']!,
    kind: 'voluntary',
    law: '2012',
    openedOn: '2024-06-03'
  })
  for (const step of c.steps) {
    if (step.optional) await s.core.call('dissolution.step', { caseId: c.id, code: step.code, state: 'na', naReason: 'Không có' })
    else await s.core.call('dissolution.step', { caseId: c.id, code: step.code, state: 'done', doneOn: '2024-08-01' })
  }
  await s.core.call('dissolution.finalise', { caseId: c.id, authorityDate: '2024-09-05', decisionNo: '21/TB-TCKH' })
  await s.page.reload()
  await s.page.waitForFunction(
    () => document.querySelectorAll('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').length === 3
  )
}, 90_000)
afterAll(async () => {
  await s?.close()
})

const GRID = '[data-testid="registry-grid"]'
const stored = (name: string) => s.core.call('entity.get', { id: ids[name]! })
const lastAudit = () => s.core.call('audit.list', { limit: 1 })

async function openDetail(name: string) {
  await s.page.locator(`${GRID} .ag-row[row-id="${ids[name]}"] [data-testid="open-detail"]`).click()
  await expect.poll(() => s.page.getByTestId('detail-panel').locator('h2').innerText()).toBe(name)
}

describe('list fields in the detail panel', () => {
  it('adds an OCOP product by keyboard; it is there after a reload, and the history says so', async () => {
    const { page } = s
    await openDetail('HTX Chè Tân Cương')
    expect(await page.getByTestId('ocop-items').innerText()).toBe('Chưa có sản phẩm OCOP.')
    // No member cooperatives for an HTX.
    expect(await page.getByTestId('member-coops').count()).toBe(0)

    await page.getByTestId('ocop-edit').click()
    // The first cell of the new row has the focus; Tab walks the row, Enter saves.
    await expect.poll(() => page.getByTestId('ocop-name-0').evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('Chè búp Tân Cương')
    await page.keyboard.press('Tab')
    await page.keyboard.type('4')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('2023')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('ocop-items').innerText()).toBe('Chè búp Tân Cương: 4 sao (năm 2023)')
    expect((await stored('HTX Chè Tân Cương')).ocop).toEqual([{ name: 'Chè búp Tân Cương', stars: 4, year: 2023 }])
    // One save, one audit row.
    expect(await lastAudit()).toMatchObject([
      {
        action: 'update',
        table: 'entities',
        rowId: ids['HTX Chè Tân Cương'],
        before: { ocop: null },
        after: { ocop: [{ name: 'Chè búp Tân Cương', stars: 4, year: 2023 }] }
      }
    ])
    await expect
      .poll(() => page.getByTestId('change-history').innerText())
      .toContain('Sửa Sản phẩm OCOP: (trống) → Chè búp Tân Cương: 4 sao (năm 2023)')
    // Focus is back on "Sửa", ready for the next change.
    await expect.poll(() => page.getByTestId('ocop-edit').evaluate((el) => el === document.activeElement)).toBe(true)

    await page.reload()
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').length === 3
    )
    await openDetail('HTX Chè Tân Cương')
    expect(await page.getByTestId('ocop-items').innerText()).toBe('Chè búp Tân Cương: 4 sao (năm 2023)')
  })

  it("a 6-star product is refused with the core's message beside the cell, and nothing is saved; Hủy leaves the list as it was", async () => {
    const { page } = s
    await openDetail('HTX Chè Tân Cương')
    const before = await lastAudit()
    await page.getByTestId('ocop-edit').click()
    await page.getByTestId('ocop-add').click()
    // The added row's first cell has the focus.
    await expect.poll(() => page.getByTestId('ocop-name-1').evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('Chè xanh đặc biệt')
    await page.getByTestId('ocop-stars-1').fill('6')
    await page.getByTestId('ocop-save').click()
    await expect.poll(() => page.getByTestId('ocop-error-1').innerText()).toBe('Sản phẩm OCOP từ 3 đến 5 sao')
    expect(await page.getByTestId('ocop-stars-1').getAttribute('aria-invalid')).toBe('true')
    await page.getByTestId('ocop').screenshot({ path: screenshotPath('registry-lists.png') })
    expect((await stored('HTX Chè Tân Cương')).ocop).toEqual([{ name: 'Chè búp Tân Cương', stars: 4, year: 2023 }])
    expect(await lastAudit()).toEqual(before)

    // Esc cancels: the list shown is the stored one.
    await page.getByTestId('ocop-stars-1').press('Escape')
    await expect.poll(() => page.getByTestId('ocop-items').innerText()).toBe('Chè búp Tân Cương: 4 sao (năm 2023)')
    expect(await page.getByTestId('ocop-row').count()).toBe(0)

    // A row added and left as it came (only this year filled in) is not sent: nothing to save, nothing saved.
    await page.getByTestId('ocop-edit').click()
    await page.getByTestId('ocop-add').click()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('ocop-row').count()).toBe(0)
    expect(await lastAudit()).toEqual(before)
  })

  it('adds a VSIC business line, then removes the OCOP product', async () => {
    const { page } = s
    await openDetail('HTX Chè Tân Cương')
    await page.getByTestId('vsic-edit').click()
    await page.getByTestId('vsic-code-0').fill('0127')
    await page.getByTestId('vsic-label-0').fill('Trồng cây chè')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('vsic-code-1').evaluate((el) => el === document.activeElement)).toBe(true)
    // A code the core refuses is named by the core, on its row.
    await page.keyboard.type('chè')
    await page.getByTestId('vsic-label-1').fill('Chế biến chè')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('vsic-error-1').innerText()).toBe('Mã ngành VSIC gồm 1–5 chữ số')
    expect((await stored('HTX Chè Tân Cương')).vsic).toBeNull()
    await page.getByTestId('vsic-code-1').fill('1077')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('vsic-items').innerText()).toBe('0127 – Trồng cây chè\n1077 – Chế biến chè')
    expect((await stored('HTX Chè Tân Cương')).vsic).toEqual([
      { code: '0127', label: 'Trồng cây chè' },
      { code: '1077', label: 'Chế biến chè' }
    ])
    await expect
      .poll(() => page.getByTestId('change-history').innerText())
      .toContain('Sửa Ngành nghề (mã VSIC): (trống) → 0127 – Trồng cây chè; 1077 – Chế biến chè')

    await page.getByTestId('ocop-edit').click()
    await page.getByTestId('ocop-remove-0').click()
    await page.getByTestId('ocop-save').click()
    await expect.poll(() => page.getByTestId('ocop-items').innerText()).toBe('Chưa có sản phẩm OCOP.')
    expect((await stored('HTX Chè Tân Cương')).ocop).toBeNull()
    await expect
      .poll(() => page.getByTestId('change-history').innerText())
      .toContain('Sửa Sản phẩm OCOP: Chè búp Tân Cương: 4 sao (năm 2023) → (trống)')
  })

  it('adds member cooperatives to an LHHTX; a row left blank is not sent, a row removed by Ctrl+Shift+Delete is gone', async () => {
    const { page } = s
    await openDetail('Liên hiệp HTX Nông nghiệp Xứ Lạng')
    expect(await page.getByTestId('member-coops-items').innerText()).toBe('Chưa ghi HTX thành viên.')
    await page.getByTestId('member-coops-edit').click()
    await page.keyboard.type('HTX Chè Tân Cương')
    await page.keyboard.press('Control+Enter')
    await page.keyboard.type('HTX Nhập nhầm')
    await page.keyboard.press('Control+Shift+Delete')
    await expect.poll(() => page.getByTestId('member-coops-row').count()).toBe(1)
    await page.getByTestId('member-coops-add').click()
    await page.keyboard.type('HTX Hồi Văn Quan')
    await page.keyboard.press('Control+Enter')
    await page.keyboard.press('Control+Enter')
    await page.keyboard.type('HTX Na Chi Lăng')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('member-coops-row').count()).toBe(5)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('member-coops-items').innerText()).toBe('HTX Chè Tân Cương\nHTX Hồi Văn Quan\nHTX Na Chi Lăng')
    expect((await stored('Liên hiệp HTX Nông nghiệp Xứ Lạng')).memberCoops).toEqual([
      'HTX Chè Tân Cương',
      'HTX Hồi Văn Quan',
      'HTX Na Chi Lăng'
    ])
    await expect
      .poll(() => page.getByTestId('change-history').innerText())
      .toContain('Sửa HTX thành viên: (trống) → HTX Chè Tân Cương; HTX Hồi Văn Quan; HTX Na Chi Lăng')
  })

  it("a record changed elsewhere meanwhile: the core's message is shown, the draft stays, and the next Lưu saves it", async () => {
    const { page } = s
    await openDetail('Liên hiệp HTX Nông nghiệp Xứ Lạng')
    await page.getByTestId('member-coops-edit').click()
    await page.getByTestId('member-coops-add').click()
    await page.keyboard.type('HTX Rau an toàn Mai Pha')
    const e = await stored('Liên hiệp HTX Nông nghiệp Xứ Lạng')
    await s.core.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { phone: '0205 3812 345' } })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('member-coops-error').innerText()).toContain('vừa được sửa ở nơi khác')
    expect(await page.getByTestId('member-coops-name-3').inputValue()).toBe('HTX Rau an toàn Mai Pha')
    await page.getByTestId('member-coops-save').click()
    await expect.poll(async () => (await stored('Liên hiệp HTX Nông nghiệp Xứ Lạng')).memberCoops?.length).toBe(4)
    expect((await stored('Liên hiệp HTX Nông nghiệp Xứ Lạng')).phone).toBe('0205 3812 345')
  })

  it("a dissolved record is read-only but its notes: the core's refusal is shown and nothing is saved", async () => {
    const { page } = s
    await openDetail('HTX Dịch vụ Hữu Lũng')
    const before = await lastAudit()
    await page.getByTestId('vsic-edit').click()
    await page.keyboard.type('0161')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Dịch vụ trồng trọt')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('vsic-error').innerText())
      .toContain('đã giải thể (văn bản 21/TB-TCKH ngày 05/09/2024); chỉ được sửa phần ghi chú')
    expect((await stored('HTX Dịch vụ Hữu Lũng')).vsic).toBeNull()
    expect(await lastAudit()).toEqual(before)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('vsic-items').innerText()).toBe('Chưa ghi ngành nghề theo mã VSIC.')
  })
})

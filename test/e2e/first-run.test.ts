/**
 * The first run as a new user at a commune office: the unit found by typing its name
 * without diacritics among both maps, where and when each one is, an old commune not
 * offered as an office (its district kept its register), what a former district's
 * register is for, the commune's own body chosen for the letterhead; then the shell.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session | null = null
afterEach(async () => {
  await s?.close()
  s = null
})

describe('the first run', () => {
  it('finds Phường Đông Kinh by «dong kinh», sets the office up with its body, and names it in the shell', async () => {
    s = await openApp(null)
    const { page } = s
    await page.getByTestId('unit-search').fill('dong kinh')
    const newWard = page.getByTestId('unit-05977@2025')
    await expect.poll(() => newWard.isVisible()).toBe(true)
    expect(await newWard.innerText()).toMatch(/Phường Đông Kinh[\s\S]*cấp xã, mã 05977[\s\S]*Tỉnh Lạng Sơn · từ 01\/07\/2025/)
    // The old ward of the same name (before 01/07/2025) is there, but not as an office.
    const oldWard = page.getByTestId('unit-05980')
    expect(await oldWard.isDisabled()).toBe(true)
    expect(await oldWard.innerText()).toContain('sổ do Thành phố Lạng Sơn giữ')

    await newWard.click()
    expect(await page.getByTestId('unit-role').innerText()).toContain('Cơ quan đăng ký kinh doanh cấp xã')
    // A phường is offered the body of a phường first; the officer may pick another or none.
    expect(await page.getByTestId('body-select').inputValue()).toBe('Phòng Kinh tế - Hạ tầng và Đô thị')
    await page.screenshot({ path: screenshotPath('first-run.png') })
    await page.getByTestId('start').click()
    await expect.poll(() => page.getByTestId('nav-registry').isVisible()).toBe(true)
    expect(await page.getByTestId('status-bar').innerText()).toContain('Phường Đông Kinh')
    const info = await s.core.call('office.info', {})
    expect(info.unit).toMatchObject({ code: '05977@2025', level: 'commune', name: 'Phường Đông Kinh' })
    expect(info.bodyName).toBe('Phòng Kinh tế - Hạ tầng và Đô thị')
    expect(info.officeName).toBe('Phòng Kinh tế - Hạ tầng và Đô thị Phường Đông Kinh')
  })

  it('says what a former district can still do, and sets one up outside Lạng Sơn', async () => {
    s = await openApp(null)
    const { page } = s
    await page.getByTestId('unit-search').fill('than uyen')
    const district = page.getByTestId('unit-110')
    await expect.poll(() => district.isVisible()).toBe(true)
    expect(await district.innerText()).toMatch(/Huyện Than Uyên[\s\S]*huyện cũ, mã 110[\s\S]*Tỉnh Lai Châu · đến 30\/06\/2025/)
    await district.click()
    expect(await page.getByTestId('unit-role').innerText()).toMatch(/giữ và báo cáo lịch sử[\s\S]*bàn giao/)
    expect(await page.getByTestId('body-select').count()).toBe(0)
    await page.getByTestId('start').click()
    await expect.poll(() => page.getByTestId('nav-registry').isVisible()).toBe(true)
    expect((await s.core.call('office.info', {})).unit).toMatchObject({ code: '110', level: 'district' })
  })
})

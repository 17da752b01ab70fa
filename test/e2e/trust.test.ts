/**
 * Cài đặt in Chromium through the bridge: profiles (first one quản trị, the
 * chooser asking a password only when there is one, a "chỉ xem" session refused
 * by the core) and backups (now, to a typed folder, restore with the app
 * reopened on the restored file).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startBridge } from '../../src/main/bridge'
import { createCore } from '../../src/main/core/api'
import { openForWindow } from '../../src/main/startup'
import { launchBrowser, openApp, screenshotPath, type Session } from './browser'

let s: Session
const usb = mkdtempSync(join(tmpdir(), 'so-htx-usb-'))
beforeAll(async () => {
  s = await openApp('178')
}, 60_000)
afterAll(async () => {
  rmSync(usb, { recursive: true, force: true })
  await s?.close()
})

describe('Cài đặt → Hồ sơ người dùng and Sao lưu', () => {
  it('creates the first profile as quản trị, adds a viewer, and switches with the password asked only when set', async () => {
    const { page, core } = s
    const seeded = (await core.call('entity.create', { kind: 'htx', name: 'HTX Chè Tân Cương' })).id
    // A dissolution case with a council member, a debt and an obstacle, made while the file may still be written.
    const caseId = (
      await core.call('dissolution.open', {
        entityId: seeded,
        kind: 'voluntary',
        law: '2012',
        lawReason: 'Nghị quyết giải thể thông qua theo Luật HTX 2012',
        openedOn: '2026-03-02'
      })
    ).id
    await core.call('dissolution.council', { caseId, name: 'Trần Văn Bình', role: 'chair' })
    await core.call('dissolution.item', { caseId, type: 'payable', party: 'Agribank', amount: 15_000_000 })
    const made = await core.call('dissolution.obstacle', { caseId, code: 'debts' })
    const [memberId, itemId, obstacleId] = [made.council[0]!.id, made.items[0]!.id, made.obstacles[0]!.id]
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('profile-add-name').fill('Nguyễn Thị Lan')
    await page.getByTestId('profile-add-password').fill('mật-khẩu-Lan')
    await page.getByTestId('profile-add-submit').click()
    await expect.poll(() => page.getByTestId('who').innerText()).toContain('Nguyễn Thị Lan — Quản trị')
    await page.getByTestId('profile-add-name').fill('Lê Thu Hà')
    await page.getByTestId('profile-add-role').selectOption('viewer')
    await page.getByTestId('profile-add-submit').click()
    await expect.poll(() => page.getByTestId('profile-row-Lê Thu Hà').innerText()).toContain('Chỉ xem')

    await page.getByTestId('switch-profile').click()
    await page.getByTestId('profile-name').selectOption('Lê Thu Hà')
    expect(await page.getByTestId('profile-password').count()).toBe(0)
    await page.getByTestId('profile-enter').click()
    await expect.poll(() => page.getByTestId('who').innerText()).toContain('Lê Thu Hà — Chỉ xem')
    await expect(core.call('entity.create', { kind: 'htx', name: 'HTX Thu Hà' })).rejects.toMatchObject({ code: 'READ_ONLY' })
    // The register says it is for reading: no cell opens, no "+ Thêm HTX", nothing to change in the detail panel.
    await page.getByTestId('nav-registry').click()
    await expect.poll(() => page.getByTestId('read-only').innerText()).toBe('Hồ sơ «Lê Thu Hà» chỉ được xem: không sửa được sổ.')
    expect(await page.getByTestId('add-entity').count()).toBe(0)
    const row = page.locator(`[data-testid="registry-grid"] .ag-row[row-id="${seeded}"]`)
    await row.locator('[col-id="name"]').dblclick()
    await page.keyboard.type('x')
    expect(await page.locator('[data-testid="registry-grid"] .ag-cell-inline-editing').count()).toBe(0)
    // Undo is not offered either: said on the screen, nothing asked of the core.
    await page.keyboard.press('Control+Z')
    await expect.poll(() => page.getByTestId('banner').innerText()).toContain('Không hoàn tác được. Hồ sơ «Lê Thu Hà» chỉ được xem')
    await row.locator('[data-testid="open-detail"]').click()
    await expect.poll(() => page.getByTestId('detail-panel').locator('h2').innerText()).toBe('HTX Chè Tân Cương')
    expect(await page.getByTestId('ocop-edit').count()).toBe(0)
    expect(await page.getByTestId('event-add').count()).toBe(0)
    expect(await page.getByTestId('delete').count()).toBe(0)
    // «Giải thể» says the same once and reads whole — the case, its steps, council, debts, obstacles — with none of its writes offered.
    await page.getByTestId('nav-dissolution').click()
    await expect.poll(() => page.getByTestId('read-only').innerText()).toBe('Hồ sơ «Lê Thu Hà» chỉ được xem: không sửa được sổ.')
    await page.getByTestId('tab-cases').click()
    await page.getByTestId(`case-row-${caseId}`).click()
    await expect.poll(() => page.getByTestId('case-title').innerText()).toBe(`Hồ sơ số ${caseId}: HTX Chè Tân Cương`)
    for (const step of made.steps) expect(await page.getByTestId(`step-state-${step.code}`).innerText()).toBe('Chưa làm')
    expect(await page.getByTestId(`council-member-${memberId}`).innerText()).toContain('Trần Văn Bình')
    expect(await page.getByTestId(`item-${itemId}`).innerText()).toContain('Chưa xử lý')
    expect(await page.getByTestId('obstacle-debts').count()).toBe(1)
    expect(await page.getByTestId('print-case').count()).toBe(1)
    const writes = [
      ...made.steps.map((x) => `step-edit-${x.code}`),
      'council-form',
      `council-remove-${memberId}`,
      'item-form',
      `item-remove-${itemId}`,
      `settle-${itemId}`,
      'obstacle-add',
      `obstacle-remove-${obstacleId}`,
      'attach-file',
      'finalise',
      'cancel-case'
    ]
    for (const testId of writes) expect(await page.getByTestId(testId).count(), testId).toBe(0)
    // A viewer sees the list but not the management form.
    await page.getByTestId('nav-settings').click()
    // Once the list of profiles is on the screen, the form to add one is not.
    await page.getByTestId('profile-row-Lê Thu Hà').waitFor()
    expect(await page.getByTestId('profile-add').count()).toBe(0)

    await page.getByTestId('switch-profile').click()
    await page.getByTestId('profile-name').selectOption('Nguyễn Thị Lan')
    await page.getByTestId('profile-password').fill('sai')
    await page.getByTestId('profile-enter').click()
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('không đúng')
    await page.getByTestId('profile-password').fill('mật-khẩu-Lan')
    await page.getByTestId('profile-enter').click()
    await expect.poll(() => page.getByTestId('who').innerText()).toContain('Nguyễn Thị Lan — Quản trị')
  })

  it('backs up now, to a typed folder, lists copies, and restores one; the app reopens on it', async () => {
    const { page, core } = s
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('backup-now').click()
    await expect.poll(() => page.locator('#notice-layer').innerText()).toContain('Đã sao lưu và kiểm tra')
    await expect.poll(() => page.getByTestId('backup-list').innerText()).toContain('Sao lưu tay')

    await page.getByTestId('backup-folder').fill(usb)
    await page.getByTestId('backup-now').click()
    await expect.poll(() => readdirSync(usb).filter((f) => f.endsWith('.db')).length).toBe(1)
    await expect.poll(() => page.getByTestId('backup-section').innerText()).toContain(`Đang xem: ${usb}`)

    // A record made after the copies: restoring the first copy must take it away.
    await core.call('entity.create', { kind: 'htx', name: 'HTX Sau Sao Lưu' })
    await page.getByTestId('backup-folder').fill('')
    await page.getByTestId('backup-show').click()
    await expect.poll(() => page.getByTestId('backup-list').locator('tbody tr').count()).toBe(1)
    await page.getByTestId('restore').first().click()
    await page.getByTestId('restore-confirm').click()
    await expect.poll(() => page.locator('#notice-layer').innerText()).toContain('Đã khôi phục')
    expect((await core.call('entity.list', {})).rows.map((e) => e.name)).toEqual(['HTX Chè Tân Cương'])
    await expect.poll(() => page.getByTestId('backup-list').innerText()).toContain('Trước khi khôi phục')
    await page.screenshot({ path: screenshotPath('settings-backup.png'), fullPage: true })
    await page.getByTestId('nav-registry').click()
    // The register as the copy holds it: the record made before, not the one made after.
    await expect
      .poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"]) [col-id="name"]').allInnerTexts())
      .toEqual(['HTX Chè Tân Cương'])
    expect(existsSync(core.dbPath)).toBe(true)
  })
})

describe('start-up check in Chromium, through the web door', () => {
  it('says the file is damaged, offers the newest good backup, and opens the register on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'so-htx-hong-'))
    const dbPath = join(dir, 'so-htx.db')
    const made = await createCore({ dbPath, user: 'Nguyễn Thị Lan' })
    await made.call('office.setup', { unitCode: '178' })
    await made.call('entity.create', { kind: 'htx', name: 'HTX Còn Trong Bản Sao' })
    await made.call('backup.create', {})
    await made.close()
    writeFileSync(dbPath, 'đây không phải là SQLite '.repeat(400))
    const { core, problem } = await openForWindow({ dbPath, checkIntegrity: true })
    expect(problem).not.toBeNull()
    const bridge = await startBridge(core, { staticDir: resolve(__dirname, '../../out/renderer') })
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
      page.setDefaultTimeout(10_000)
      await page.goto(bridge.url)
      const card = page.getByTestId('startup-recovery')
      await expect.poll(() => card.innerText()).toContain('Tệp dữ liệu không mở được')
      expect(await card.innerText()).toContain('không phải là tệp dữ liệu Sổ HTX')
      await page.screenshot({ path: screenshotPath('startup-recovery.png') })
      await page.getByTestId('startup-recover').click()
      await expect.poll(() => page.locator('[data-testid="registry-grid"] .ag-row[row-id]:not([row-id="new"])').count()).toBe(1)
      expect(readdirSync(dir).some((f) => f.startsWith('so-htx.db.hong-'))).toBe(true)
    } finally {
      await browser.close()
      await bridge.close()
      await core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

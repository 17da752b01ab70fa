/**
 * Charts and report settings as a person uses them: counts on whole-number
 * ticks, each value shown on hover and in a table under the chart for print,
 * and the report date kept when leaving the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { many, seed } from '../core/reports-seed'
import { openApp, screenshotPath, type Session } from './browser'

let s: Session
beforeAll(async () => {
  s = await openApp('178')
  seed(s.core.ctx.conn.sqlite, [
    ...many(2, () => ({ sector: 'agri', registered: '2019-03-01' })),
    ...many(1, () => ({
      sector: 'transport',
      registered: '2021-03-01',
      events: [
        ['active', null],
        ['suspended', '2023-03-01']
      ]
    }))
  ])
}, 60_000)
afterAll(async () => {
  await s?.close()
})

const ticks = async (testId: string) => ((await s.page.getByTestId(testId).getAttribute('data-y-ticks')) ?? '').split(' | ')

describe('charts', () => {
  it('small counts get whole-number ticks, each once', async () => {
    const { page } = s
    await page.getByTestId('nav-reports').click()
    await expect.poll(() => page.getByTestId('overview-total').innerText()).toBe('3')
    for (const chart of ['chart-sector', 'chart-years']) {
      await expect.poll(() => ticks(chart)).not.toEqual([''])
      const t = await ticks(chart)
      expect(t.every((x) => /^\d+$/.test(x))).toBe(true)
      expect(new Set(t).size).toBe(t.length)
    }
  })

  it('shows a bar’s value on hover, in the page’s own text', async () => {
    const { page } = s
    const canvas = page.getByTestId('chart-sector').locator('canvas')
    const box = (await canvas.boundingBox())!
    // Over the first category, anywhere in its column: the tip shows every series of it.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5)
    const tip = page.getByTestId('chart-sector').getByTestId('chart-tip')
    await expect.poll(() => tip.isVisible()).toBe(true)
    expect(await tip.innerText()).toMatch(/Đang hoạt động: \d+/)
    expect(await tip.innerText()).toMatch(/Ngừng hoạt động: \d+/)
    await page.screenshot({ path: screenshotPath('reports-chart-hover.png') })
    await page.mouse.move(0, 0)
    await expect.poll(() => tip.count()).toBe(0)
  })

  it('puts the figures of every chart, the doughnut’s too, in a table under it', async () => {
    const { page } = s
    const status = page.getByTestId('chart-status').getByTestId('chart-table')
    expect(await status.isVisible()).toBe(true)
    const text = await status.innerText()
    expect(text).toContain('Đang hoạt động\t2')
    expect(text).toContain('Tạm ngừng kinh doanh\t1')
    const sector = await page.getByTestId('chart-sector').getByTestId('chart-table').innerText()
    expect(sector).toMatch(/Đang hoạt động\tNgừng hoạt động/)
    // Under its chart, not beside it.
    const c = (await page.getByTestId('chart-status').locator('canvas').boundingBox())!
    expect((await status.boundingBox())!.y).toBeGreaterThanOrEqual(c.y + c.height - 1)
    await page.screenshot({ path: screenshotPath('reports-chart-tables.png') })
  })

  it('the dissolution quarters chart counts cases on whole numbers too', async () => {
    const { page, core } = s
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Giải Thể Thử' })
    await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2023', openedOn: '2024-08-01' })
    await page.getByTestId('nav-dissolution').click()
    await page.getByTestId('tab-dashboard').click()
    await expect.poll(() => ticks('chart-quarters')).not.toEqual([''])
    const t = await ticks('chart-quarters')
    expect(t.every((x) => /^\d+$/.test(x))).toBe(true)
    expect(new Set(t).size).toBe(t.length)
  })
})

describe('the report date', () => {
  it('is kept when leaving the screen and coming back', async () => {
    const { page } = s
    await page.getByTestId('nav-reports').click()
    await page.getByTestId('report-date').fill('30/06/2022')
    await page.getByTestId('report-date').press('Enter')
    await expect.poll(() => page.getByTestId('report-overview').innerText()).toContain('Tính đến ngày 30/06/2022')
    await page.getByTestId('nav-registry').click()
    await expect.poll(() => page.getByTestId('registry-grid').isVisible()).toBe(true)
    await page.getByTestId('nav-reports').click()
    await expect.poll(() => page.getByTestId('report-date').inputValue()).toBe('30/06/2022')
    await page.getByTestId('report-tab-report').click()
    await expect.poll(() => page.getByTestId('report-caption').innerText()).toContain('tính đến ngày 30/06/2022')
  })
})

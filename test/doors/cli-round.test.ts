/** Reporting rounds through the command line: round set, round list, round board (text, --json, --xlsx, --html). */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const t = tempDir()
afterAll(() => t.cleanup())
const at = (name: string) => join(t.dir, name)

describe('round from the command line', () => {
  it('sets a round with the calendar’s deadline and shows every expected district: one accepted, one late, the rest not sent', async () => {
    expect((await cli('init', '--db', at('t.db'), '--unit', '20')).code).toBe(0)
    for (const unit of ['178', '181']) {
      expect((await cli('init', '--db', at(`${unit}.db`), '--unit', unit)).code).toBe(0)
      await cli('entity', 'add', '--db', at(`${unit}.db`), '--name', `HTX Dịch vụ ${unit}`)
      expect((await cli('export', '--db', at(`${unit}.db`), '--out', at(`goi-${unit}.xlsx`), '--as-of', '14/12/2024')).code).toBe(0)
      expect((await cli('consolidate', at(`goi-${unit}.xlsx`), '--db', at('t.db'), '--trust-new-keys')).code).toBe(0)
    }
    const reviews = JSON.parse((await cli('review', 'list', '--db', at('t.db'), '--json')).stdout)
    const p178 = reviews.province.find((p: { unit: string }) => p.unit === '178').packageId
    expect((await cli('review', 'set', '--db', at('t.db'), '--package', String(p178), '--accept')).code).toBe(0)

    expect(await cli('round', 'set', '--db', at('t.db'))).toMatchObject({ code: 2, stderr: expect.stringContaining('Cần --as-of NGÀY') })
    const set = await cli('round', 'set', '--db', at('t.db'), '--as-of', '14/12/2024')
    expect(set).toMatchObject({ code: 0, stderr: expect.stringContaining('Đợt số liệu đến ngày 14/12/2024, hạn gửi 18/12/2024') })
    const refused = await cli('round', 'set', '--db', at('178.db'), '--as-of', '14/12/2024')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('Chỉ tệp dữ liệu cấp tỉnh')

    const list = await cli('round', 'list', '--db', at('t.db'))
    expect(list.stdout).toMatch(/14\/12\/2024\s+18\/12\/2024/)

    const json = JSON.parse((await cli('round', 'board', '--db', at('t.db'), '--json')).stdout)
    expect(json.rows).toHaveLength(11)
    expect(json.counts).toEqual({ missing: 9, pending: 0, late: 1, returned: 0, accepted: 1 })
    // Sent today for a deadline in 2024: late by the days between, counted on the office's calendar.
    expect(json.rows.find((r: { code: string }) => r.code === '181')).toMatchObject({ state: 'late', daysLate: expect.any(Number) })
    expect(json.rows.find((r: { code: string }) => r.code === '181').daysLate).toBeGreaterThan(700)

    const text = await cli('round', 'board', '--db', at('t.db'), '--as-of', '14/12/2024')
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/189\s+Huyện Đình Lập\s+Chưa gửi/)
    expect(text.stdout).toMatch(/178\s+Thành phố Lạng Sơn\s+Đã chấp nhận/)
    expect(text.stdout).toMatch(/181\s+Huyện Bình Gia\s+Gửi muộn \d+ ngày/)
    expect(text.stderr).toContain('11 đơn vị phải gửi: chưa gửi 9, gửi muộn 1, đã chấp nhận 1. Đã quá hạn gửi.')

    const xlsx = await cli('round', 'board', '--db', at('t.db'), '--xlsx', at('ai-da-gui.xlsx'))
    expect(xlsx).toMatchObject({ code: 0, stderr: expect.stringContaining('Đã ghi 11 đơn vị') })
    const wb = XLSX.read(readFileSync(at('ai-da-gui.xlsx')), { type: 'buffer' })
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' })
    expect(aoa.find((r) => r[1] === '189')?.[7]).toBe('Chưa gửi')
    const html = await cli('round', 'board', '--db', at('t.db'), '--html', at('ai-da-gui.html'))
    expect(html.code).toBe(0)
    expect(readFileSync(at('ai-da-gui.html'), 'utf8')).toContain('Huyện Đình Lập')
    // A wrong extension is refused before anything is written.
    expect((await cli('round', 'board', '--db', at('t.db'), '--xlsx', at('ai-da-gui.db'))).code).not.toBe(0)
    expect(existsSync(at('ai-da-gui.db'))).toBe(false)
  }, 120_000)
})

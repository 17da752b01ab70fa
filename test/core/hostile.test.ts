/**
 * The hostile corpus (test/fixtures/hostile/make-hostile.ts, generated into a
 * temp dir) through exchange.previewImport and exchange.commitImport: every
 * file gets a clear Vietnamese answer, within a time and a memory bound, and
 * nothing is written to the register. (Forged handoff packages belong to the
 * package verifier's tests.)
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { makeHostile, type HostileFile } from '../fixtures/hostile/make-hostile'
import { officeCore, tempDir } from '../helpers/temp'

/** Per file, on a shared 2-core machine: generous, but a bomb that unpacks would blow through both. */
const TIME_MS = 45_000
const PEAK_RSS_MB = 700
const HEAP_LEFT_MB = 64
/** Vietnamese, not a library's English: some letter carries a diacritic. */
const vietnamese = (text: string) => /[\u0300-\u036f]|đ/i.test(text.normalize('NFD'))

let core: Awaited<ReturnType<typeof officeCore>>
let dir: { dir: string; cleanup(): void }
let corpus: HostileFile[]
beforeAll(async () => {
  dir = tempDir('so-htx-hostile-')
  corpus = makeHostile(dir.dir)
  core = await officeCore('178')
  // Something already in the register, so "nothing written" is checked against real rows.
  await core.call('entity.create', { kind: 'htx', name: 'HTX Nông nghiệp Yên Khoái', regNo: '4900123456' })
}, 120_000)
afterAll(async () => {
  await core?.dispose()
  dir?.cleanup()
})

function counts() {
  const db = core.ctx.conn.sqlite
  const n = (table: string) => (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n
  return {
    entities: n('entities'),
    audit: n('audit_log'),
    batches: n('import_batches'),
    items: n('import_batch_items'),
    figures: n('yearly_figures')
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** Runs one call and measures it: time, the process's peak RSS growth, the heap it leaves behind. */
async function measured<T>(work: () => Promise<T>) {
  global.gc?.()
  const heap0 = process.memoryUsage().heapUsed
  const peak0 = process.resourceUsage().maxRSS * 1024
  const rss0 = process.memoryUsage().rss
  const t0 = performance.now()
  let outcome: { value?: T; error?: unknown }
  try {
    outcome = { value: await work() }
  } catch (error) {
    outcome = { error }
  }
  const ms = performance.now() - t0
  const peakGrowth = Math.max(0, process.resourceUsage().maxRSS * 1024 - Math.max(peak0, rss0))
  global.gc?.()
  return { ...outcome, ms, peakGrowth, heapLeft: process.memoryUsage().heapUsed - heap0 }
}

function expectClearRefusal(error: unknown, says: RegExp, file: string) {
  expect(error, `${file}: an AppError`).toBeInstanceOf(AppError)
  const e = error as AppError
  expect(e.code, file).toBe('VALIDATION')
  expect(e.message, file).toMatch(says)
  expect(vietnamese(e.message), `${file}: ${e.message}`).toBe(true)
  expect(e.message, file).not.toMatch(/\bat .+:\d+:\d+|Error:|undefined|\[object/)
}

describe('hostile input to the importer', () => {
  it('has the whole corpus the issue lists', () => {
    expect(corpus.map((f) => f.file).sort()).toEqual(
      [
        'bom-nen-khai-gian.xlsx',
        'bom-nen.xlsx',
        'cat-doi.xlsx',
        'chuoi-20mb.xlsx',
        'chuong-trinh.xlsx',
        'hong-giua.ods',
        'hong-giua.xlsx',
        'mat-khau.xlsx',
        'nul.csv',
        'rac.xlsx',
        'thuc-the-xml.xlsx',
        'tron-bang-ma.csv',
        'trieu-dong.xlsx',
        'trong.csv',
        'trong.xlsx'
      ].sort()
    )
  })

  it.each([
    'cat-doi.xlsx',
    'hong-giua.xlsx',
    'hong-giua.ods',
    'rac.xlsx',
    'bom-nen.xlsx',
    'bom-nen-khai-gian.xlsx',
    'thuc-the-xml.xlsx',
    'trieu-dong.xlsx',
    'chuoi-20mb.xlsx',
    'mat-khau.xlsx',
    'chuong-trinh.xlsx',
    'trong.xlsx',
    'trong.csv',
    'nul.csv',
    'tron-bang-ma.csv'
  ])(
    '%s: a clear Vietnamese answer, in bounds, nothing written',
    async (file) => {
      const entry = corpus.find((f) => f.file === file)!
      const input = { files: [{ path: join(dir.dir, file) }] }
      const before = counts()
      const backups = readdirSync(join(core.dir)).length

      const preview = await measured(() => core.call('exchange.previewImport', input))
      if (preview.error) {
        expectClearRefusal(preview.error, entry.says, file)
      } else {
        // Well-formed but meaningless (entities not expanded, strings without a table): said per sheet.
        const result = preview.value!
        expect(result.totals, file).toMatchObject({ created: 0, updated: 0, unchanged: 0, errors: 0 })
        const issues = result.files.flatMap((f) => f.sheets.flatMap((s) => s.issues.map((i) => i.message)))
        expect(issues.join(' '), file).toMatch(entry.says)
      }
      const commit = await measured(() => core.call('exchange.commitImport', input))
      expectClearRefusal(commit.error, preview.error ? entry.says : /Không tìm thấy dòng dữ liệu nào để nhập/, file)

      for (const run of [preview, commit]) {
        expect(run.ms, `${file}: time`).toBeLessThan(TIME_MS)
        expect(mb(run.peakGrowth), `${file}: peak RSS growth (MB)`).toBeLessThan(PEAK_RSS_MB)
        expect(mb(run.heapLeft), `${file}: heap left behind (MB)`).toBeLessThan(HEAP_LEFT_MB)
      }
      console.log(
        `${file}: ${Math.round(preview.ms)} ms / ${Math.round(commit.ms)} ms, peak RSS +${mb(Math.max(preview.peakGrowth, commit.peakGrowth))} MB`
      )
      expect(counts(), file).toEqual(before)
      expect(readdirSync(join(core.dir)).length, `${file}: no new file beside the register`).toBe(backups)
    },
    120_000
  )
})

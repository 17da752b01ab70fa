import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProgressEvent } from '../../src/shared/api'
import { idleImportWorker } from '../../src/main/core/exchange/offthread'
import { bigRegister } from '../fixtures/import/big'
import { officeCore } from '../helpers/temp'

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

describe('reading off the main thread', () => {
  it('keeps the event loop turning while a workbook is parsed, and reports each phase', async () => {
    const file = join(core.dir, 'lon.xlsx')
    writeFileSync(file, bigRegister(8000))
    const events: ProgressEvent[] = []
    // How long the thread that answers the window is kept from its other work.
    let last = performance.now()
    let maxGap = 0
    let ticks = 0
    const timer = setInterval(() => {
      const now = performance.now()
      maxGap = Math.max(maxGap, now - last)
      last = now
      ticks++
    }, 5)
    const started = performance.now()
    const result = await core.call('exchange.previewImport', { files: [{ path: file }] }, { progress: (e) => events.push(e) })
    const took = performance.now() - started
    clearInterval(timer)
    expect(result.totals.created).toBe(8000)
    // Parsing in the same thread would stall it for most of the call; in the worker it keeps ticking.
    expect(ticks).toBeGreaterThan(10)
    expect(maxGap).toBeLessThan(took / 2)

    expect(events.every((e) => e.handler === 'exchange.previewImport')).toBe(true)
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1])
    expect(phases).toEqual(['read', 'parse', 'compare'])
    expect(events.find((e) => e.phase === 'parse' && e.done === e.total)).toMatchObject({ file: 'lon.xlsx', sheet: 'HTX', total: 8001 })
  })

  it('reports the write phase of a commit up to its end, and answers the same through a warm worker', async () => {
    const file = join(core.dir, 'vua.xlsx')
    writeFileSync(file, bigRegister(1200))
    const events: ProgressEvent[] = []
    const r = await core.call('exchange.commitImport', { files: [{ path: file }] }, { progress: (e) => events.push(e) })
    expect(r.totals.created).toBe(1200)
    const writes = events.filter((e) => e.phase === 'write')
    expect(writes.at(-1)).toMatchObject({ handler: 'exchange.commitImport', label: 'Đang ghi vào sổ', done: 1200, total: 1200 })
    expect(writes.every((e, i) => i === 0 || e.done >= writes[i - 1].done)).toBe(true)
    // Nobody listening: the same call, no reporter needed.
    const again = await core.call('exchange.previewImport', { files: [{ path: file }] })
    expect(again.totals).toMatchObject({ created: 0, unchanged: 1200 })
  })

  it('a commit right after its preview compares the tables already read; a file changed since is read again', async () => {
    const file = join(core.dir, 'hai.xlsx')
    writeFileSync(file, bigRegister(30))
    const phases = async (name: 'exchange.previewImport' | 'exchange.commitImport') => {
      const seen = new Set<string>()
      const r = await core.call(name, { files: [{ path: file }] }, { progress: (e) => seen.add(e.phase) })
      return { r, phases: [...seen] }
    }
    expect((await phases('exchange.previewImport')).phases).toEqual(['read', 'parse', 'compare'])
    const reused = await phases('exchange.commitImport')
    expect(reused.phases).toEqual(['compare', 'write'])
    expect(reused.r.totals.created).toBe(30)
    expect((await phases('exchange.previewImport')).r.totals).toMatchObject({ created: 0, unchanged: 30 })
    // Rewritten between preview and commit: the commit reads what is there now.
    writeFileSync(file, bigRegister(31))
    const fresh = await phases('exchange.commitImport')
    expect(fresh.phases).toEqual(['read', 'parse', 'compare', 'write'])
    expect(fresh.r.totals).toMatchObject({ created: 1, unchanged: 30 })
    expect(
      await core.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'create')
        .where('table_name', '=', 'entities')
        .executeTakeFirstOrThrow()
    ).toEqual({ n: 31 })
  })

  it('a warm worker that died meanwhile is replaced, not waited for', async () => {
    const fixture = (name: string) => ({ path: join(__dirname, '../fixtures/import', name) })
    await core.call('exchange.previewImport', { files: [fixture('danh-sach-sach.xlsx')] })
    const warm = idleImportWorker()
    expect(warm).not.toBeNull()
    await warm!.terminate()
    // Another file, so the tables just read cannot answer: the worker must.
    const r = await core.call('exchange.previewImport', { files: [fixture('danh-sach-cu-tcvn3.xls')] })
    expect(r.totals.created).toBe(5)
    expect(idleImportWorker()).not.toBeNull()
    expect(idleImportWorker()).not.toBe(warm)
  })
})

describe('comparing while the worker still reads', () => {
  it('compares and checks each chunk as it arrives: a duplicate across chunks, a finding in a later chunk, the same as a commit decides', async () => {
    // 12,000 rows: three chunks from the worker. Row 11,002 repeats the number of row 2; row 10,502 names a commune off the list.
    const lines = ['Tên HTX,Mã số HTX,Xã, phường']
    for (let i = 1; i <= 12_000; i++) {
      const regNo = i === 11_001 ? '5100000001' : String(5_100_000_000 + i)
      lines.push(`HTX Chè số ${i},${regNo},${i === 10_501 ? 'Xã Không Có' : 'Xã Mai Pha'}`)
    }
    const file = join(core.dir, 'ba-phan.csv')
    writeFileSync(file, lines.join('\n'))
    const preview = await core.call('exchange.previewImport', { files: [{ path: file }] })
    const rows = preview.files[0]!.sheets[0]!.rows
    expect(preview.totals).toMatchObject({ created: 11_999, duplicates: 1, errors: 0 })
    const dup = rows.find((r) => r.row === 11_002)!
    expect(dup.state).toBe('duplicate')
    expect(dup.issues.map((i) => i.message)).toEqual([expect.stringContaining('ba-phan.csv › Sheet1 › dòng 2')])
    const offList = rows.find((r) => r.row === 10_502)!
    expect(offList.place).toBeNull()
    expect(offList.findings?.map((f) => f.rule)).toEqual([expect.stringContaining('commune')])
    expect(rows.find((r) => r.row === 10_503)!.place).toMatchObject({ name: 'Xã Mai Pha' })
    // The commit compares the same rows again (from the read it keeps) and writes what the preview said.
    const commit = await core.call('exchange.commitImport', { files: [{ path: file }] })
    expect(commit.totals).toEqual(preview.totals)
    expect(commit.files[0]!.sheets[0]!.rows.map((r) => r.state)).toEqual(rows.map((r) => r.state))
  })
})

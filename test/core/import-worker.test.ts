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

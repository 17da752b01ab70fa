/**
 * Runs readTables in a worker thread and brings the tables back (as JSON,
 * cheaper to read than a structured clone; the rows while the file is still being read)
 * with the worker's progress on the way. One worker is kept warm between
 * imports (loading SheetJS costs a moment on an old PC), unreferenced so it
 * never keeps a CLI run alive, and ended after a minute unused or after a big
 * file (its heap is then large).
 *
 * Where the worker file is: the electron-vite build emits it beside the main
 * bundle (out/main/import-worker.js, a second input in electron.vite.config.ts);
 * from the TypeScript sources (tsx for `npm run cli`/`npm run web`, vitest) the
 * worker loads worker.ts through tsx's require hook. No in-thread fallback: a
 * worker that cannot start is a broken install, said plainly, not hidden.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../shared/errors'
import type { Progress } from '../progress'
import type { FileInput } from './read'
import type { Mappings, ReadFile, ValueMappings } from './file-tables'
import type { ImportRow } from '../../../shared/api'
import type { ChunkOf, WorkerMessage } from './worker'

export const BUILT_WORKER = 'import-worker.js'
const IDLE_MS = 60_000
/** After files this big the worker's heap holds hundreds of megabytes: end it rather than keep it warm. */
const KEEP_WARM_BYTES = 4 * 1024 * 1024
const BROKEN = 'Bộ đọc bảng tính dừng bất thường; chưa có gì được ghi. Hãy thử lại, hoặc mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập.'

/**
 * A young generation large enough for a sheet's short-lived strings and rows: with the default,
 * a 100,000-row file spends a fifth of its parsing in the collector, promoting objects that die soon after.
 */
const YOUNG = { maxYoungGenerationSizeMb: 96 }

/** The worker, started on the built file when there is one, else on the sources through tsx. */
export function startImportWorker(dir: string = __dirname): Worker {
  const built = join(dir, BUILT_WORKER)
  if (existsSync(built)) return new Worker(built, { resourceLimits: YOUNG })
  const tsx = createRequire(join(dir, 'offthread.ts')).resolve('tsx/cjs')
  const source = join(dir, 'worker.ts')
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)})`, { eval: true, resourceLimits: YOUNG })
}

let idle: { worker: Worker; timer: NodeJS.Timeout; gone: () => void } | null = null
let nextId = 1

function acquire(): Worker {
  if (idle) {
    clearTimeout(idle.timer)
    const { worker, gone } = idle
    worker.off('exit', gone)
    idle = null
    worker.ref()
    return worker
  }
  return startImportWorker()
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate()
    return
  }
  worker.unref()
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null
    void worker.terminate()
  }, IDLE_MS)
  timer.unref()
  // A worker that dies while idle is forgotten, never handed a request it cannot answer.
  const gone = () => {
    if (idle?.worker !== worker) return
    clearTimeout(idle.timer)
    idle = null
  }
  worker.once('exit', gone)
  idle = { worker, timer, gone }
}

/** The worker kept warm, if any (for tests of what happens when it dies). */
export function idleImportWorker(): Worker | null {
  return idle?.worker ?? null
}

/** A chunk of a table's rows as it arrives (file `index`, sheet and table indexes), with where it is. */
export type ChunkSink = (key: TableKey, rows: ImportRow[], of: ChunkOf) => void
/** A table of a read: «file:sheet:table», by their indexes. */
export type TableKey = string
export const tableKey = (file: number, sheet: number, table: number): TableKey => `${file}:${sheet}:${table}`

export function readOffThread(
  files: FileInput[],
  mappings: Mappings,
  report: (p: Progress) => void,
  values: ValueMappings = {},
  onChunk?: ChunkSink
): Promise<ReadFile[]> {
  const worker = acquire()
  const id = nextId++
  return new Promise<ReadFile[]>((resolve, reject) => {
    const out: ReadFile[] = []
    // Rows arrive before their file's tables (they are sent as they are read): kept by file, sheet and table.
    const rowsOf = new Map<TableKey, ImportRow[]>()
    const done = (err: unknown, keep: boolean) => {
      worker.off('message', onMessage).off('error', onCrash).off('exit', onCrash)
      if (keep) release(worker)
      else void worker.terminate()
      if (err) reject(err)
      else resolve(out)
    }
    const onMessage = (m: WorkerMessage) => {
      if (m.id !== id) return
      if (m.type === 'progress') report(m.progress)
      else if (m.type === 'rows') {
        const key = tableKey(m.index, m.sheet, m.table)
        const chunk = JSON.parse(m.json) as ImportRow[]
        const rows = rowsOf.get(key)
        if (rows) for (const row of chunk) rows.push(row)
        else rowsOf.set(key, [...chunk])
        onChunk?.(key, chunk, m.of)
      } else if (m.type === 'file') {
        const file = (out[m.index] = JSON.parse(m.json) as ReadFile)
        file.sheets.forEach((s, sheet) => s.tables.forEach((t, table) => (t.rows = rowsOf.get(tableKey(m.index, sheet, table)) ?? [])))
      } else if (m.type === 'done') done(null, out.reduce((n, f) => n + f.bytes, 0) < KEEP_WARM_BYTES)
      else if (m.error) done(AppError.from(m.error), true)
      else {
        console.error('[import worker]', m.detail)
        done(new AppError('INTERNAL', BROKEN), false)
      }
    }
    const onCrash = (err: unknown) => {
      console.error('[import worker]', err)
      done(new AppError('INTERNAL', BROKEN), false)
    }
    worker.on('message', onMessage).on('error', onCrash).on('exit', onCrash)
    worker.postMessage({ id, files, mappings, values })
  })
}

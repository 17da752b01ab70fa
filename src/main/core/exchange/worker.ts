/**
 * The import worker (node:worker_threads): reads and parses the files it is
 * given, one message per file, progress in between, so the thread that answers
 * the window never waits on SheetJS. It stays up for the next request.
 * Built to out/main/import-worker.js.
 */
import { parentPort } from 'node:worker_threads'
import { AppError, type AppErrorData } from '../../../shared/errors'
import type { Progress } from '../progress'
import type { FileInput } from './read'
import { readTables, type Mappings, type ReadFile, type ValueMappings } from './file-tables'

export type WorkerRequest = { id: number; files: FileInput[]; mappings: Mappings; values?: ValueMappings }
type Body =
  | { type: 'progress'; progress: Progress }
  /**
   * The file's tables as JSON (faster to send and to read back than a structured clone of
   * 100,000 rows), their rows left out: they follow in 'rows' messages, so the other thread
   * reads one chunk back while this one writes the next.
   */
  | { type: 'file'; index: number; json: string }
  /** Rows of table `table` of sheet `sheet` of file `index`, as a JSON array, in order. */
  | { type: 'rows'; index: number; sheet: number; table: number; json: string }
  | { type: 'error'; error: AppErrorData | null; detail?: string }
  | { type: 'done' }
/** Every message names the request it answers. */
export type WorkerMessage = { id: number } & Body

/** Rows per message: small enough that reading one back overlaps writing the next, big enough to cost little per message. */
const ROWS_PER_MESSAGE = 5000

function work(port: NonNullable<typeof parentPort>, request: WorkerRequest): void {
  const post = (m: Body) => port.postMessage({ id: request.id, ...m })
  try {
    request.files.forEach((input, index) => {
      const file: ReadFile = readTables(input, request.mappings, (progress) => post({ type: 'progress', progress }), request.values)
      const skeleton = { ...file, sheets: file.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: [] })) })) }
      post({ type: 'file', index, json: JSON.stringify(skeleton) })
      file.sheets.forEach((s, sheet) =>
        s.tables.forEach((t, table) => {
          for (let at = 0; at < t.rows.length; at += ROWS_PER_MESSAGE) {
            post({ type: 'rows', index, sheet, table, json: JSON.stringify(t.rows.slice(at, at + ROWS_PER_MESSAGE)) })
          }
        })
      )
    })
    post({ type: 'done' })
  } catch (err) {
    // An AppError is the user's message; anything else is a bug, kept for the log only.
    if (err instanceof AppError) post({ type: 'error', error: err.toJSON() })
    else post({ type: 'error', error: null, detail: String((err as Error)?.stack ?? err).slice(0, 2000) })
  }
}

// One request at a time (the work is synchronous); the thread stays warm for the next import.
const port = parentPort
if (port) port.on('message', (request: WorkerRequest) => work(port, request))

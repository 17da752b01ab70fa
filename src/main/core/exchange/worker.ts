/**
 * The import worker (node:worker_threads): reads and parses the files it is
 * given, one message per file, progress in between, so the thread that answers
 * the window never waits on SheetJS. It stays up for the next request.
 * Built to out/main/import-worker.js.
 */
import { parentPort } from 'node:worker_threads'
import type { ImportRow } from '../../../shared/api'
import { AppError, type AppErrorData } from '../../../shared/errors'
import type { Progress } from '../progress'
import type { FileInput } from './read'
import { readTables, type Mappings, type ReadFile, type RowSink, type ValueMappings } from './file-tables'

export type WorkerRequest = { id: number; files: FileInput[]; mappings: Mappings; values?: ValueMappings }
type Body =
  | { type: 'progress'; progress: Progress }
  /**
   * Rows of table `table` of sheet `sheet` of file `index`, as a JSON array (faster to send and to
   * read back than a structured clone of 100,000 rows), in order. Sent while the file is still being
   * read, so the other thread compares one chunk with the register while this one reads the rows
   * after it; `of` says where they are and the table's "as of" date, which the comparison needs.
   */
  | { type: 'rows'; index: number; sheet: number; table: number; json: string; of: ChunkOf }
  /** The file's tables as JSON once it is read, their rows left out: they came before, in 'rows' messages. */
  | { type: 'file'; index: number; json: string }
  | { type: 'error'; error: AppErrorData | null; detail?: string }
  | { type: 'done' }
/** Where a chunk of rows is: its file's and sheet's names, and the "as of" date of its table. */
export interface ChunkOf {
  file: string
  sheet: string
  asOfDate: string | null
}
/** Every message names the request it answers. */
export type WorkerMessage = { id: number } & Body

/** Rows per message: small enough that reading one back overlaps writing the next, big enough to cost little per message. */
const ROWS_PER_MESSAGE = 5000

function work(port: NonNullable<typeof parentPort>, request: WorkerRequest): void {
  const post = (m: Body) => port.postMessage({ id: request.id, ...m })
  try {
    request.files.forEach((input, index) => {
      let chunk: ImportRow[] = []
      let at = { sheet: 0, table: 0, of: { file: '', sheet: '', asOfDate: null } as ChunkOf }
      const send = () => {
        if (chunk.length) post({ type: 'rows', index, ...at, json: JSON.stringify(chunk) })
        chunk = []
      }
      const onRow: RowSink = (sheet, table, row, file, t) => {
        if (sheet !== at.sheet || table !== at.table || chunk.length === 0) {
          send()
          at = { sheet, table, of: { file, sheet: t.sheet, asOfDate: t.asOfDate } }
        }
        if (chunk.push(row) >= ROWS_PER_MESSAGE) send()
      }
      const progress = (p: Progress) => post({ type: 'progress', progress: p })
      const file: ReadFile = readTables(input, request.mappings, progress, request.values, onRow)
      send()
      const skeleton = { ...file, sheets: file.sheets.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: [] })) })) }
      post({ type: 'file', index, json: JSON.stringify(skeleton) })
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

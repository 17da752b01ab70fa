/**
 * Progress of the handler now running, without threading a callback through
 * every function: the door that calls `dispatch` with a progress hook opens a
 * scope; code deep inside reports through `progressReporter()`. Reports are
 * thinned to about ten a second per phase, so a door is never flooded.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { ProgressEvent } from '../../shared/events'

export type Progress = Omit<ProgressEvent, 'handler'>
type Sink = (p: Progress) => void

const scope = new AsyncLocalStorage<Sink>()
const INTERVAL_MS = 100

export function withProgress<T>(handler: string, emit: (event: ProgressEvent) => void, work: () => Promise<T>): Promise<T> {
  let last = 0
  let lastKey = ''
  const sink: Sink = (p) => {
    const now = Date.now()
    const key = `${p.phase}\u0000${p.file ?? ''}\u0000${p.sheet ?? ''}`
    const end = p.total !== null && p.done >= p.total
    if (key === lastKey && !end && now - last < INTERVAL_MS) return
    last = now
    lastKey = key
    try {
      emit({ handler, ...p })
    } catch {
      // A door that cannot deliver (window closed, stream gone) must not fail the work.
    }
  }
  return scope.run(sink, work)
}

/** The current call's reporter, taken once at the start of the work; a no-op when nobody listens. */
export function progressReporter(): Sink {
  return scope.getStore() ?? (() => {})
}

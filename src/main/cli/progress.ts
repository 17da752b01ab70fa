/**
 * The core's progress as lines on stderr (stdout keeps only the result, so
 * `--json` output stays one document): a line when a phase, file or sheet
 * starts or ends, and at most one a second in between.
 */
import type { ProgressEvent } from '../../shared/events'
import { formatNumber } from '../../shared/text'
import type { CliIo } from './io'

export function progressLines(io: CliIo): (event: ProgressEvent) => void {
  let lastKey = ''
  let lastAt = 0
  return (e) => {
    const key = `${e.phase}\u0000${e.file ?? ''}\u0000${e.sheet ?? ''}`
    const now = Date.now()
    const end = e.total !== null && e.done >= e.total
    if (key === lastKey && !end && now - lastAt < 1000) return
    lastKey = key
    lastAt = now
    const where = [e.file, e.sheet].filter(Boolean).join(' › ')
    const count =
      e.total === null ? '' : `: ${formatNumber(e.done)}/${formatNumber(e.total)} (${Math.floor((e.done * 100) / Math.max(1, e.total))}%)`
    io.err(`… ${e.label}${where ? ` ${where}` : ''}${count}`)
  }
}

/**
 * What the core pushes to the window while a long handler runs, besides its one
 * answer: events on named channels. Every door carries them the same way
 * (Electron IPC, the bridge's event stream, the CLI's stderr).
 */

export const EVENT_CHANNELS = ['progress'] as const
export type EventChannel = (typeof EVENT_CHANNELS)[number]

/** How far a long handler (an import, later a consolidation) has got. */
export interface ProgressEvent {
  /** The handler that reports, e.g. exchange.previewImport. */
  handler: string
  /** What it is doing now: read, parse, compare, write… */
  phase: string
  /** One Vietnamese line for people. */
  label: string
  file?: string
  sheet?: string
  done: number
  /** Null while the end is not known (an open-ended bar). */
  total: number | null
}

export interface AppEvents {
  progress: ProgressEvent
}

/**
 * Deleting a record for good (no restore) is for one created by mistake: within a
 * day of its creation. entity.delete enforces it; entity.get says until when, so
 * the detail panel offers the button without a rule of its own.
 */
const HARD_DELETE_WINDOW_MS = 24 * 60 * 60 * 1000

/** Whether a record created at `createdAt` may still be deleted for good at `now` (ISO times). */
export function mayHardDelete(createdAt: string, now: string): boolean {
  const age = Date.parse(now) - Date.parse(createdAt)
  return age >= 0 && age < HARD_DELETE_WINDOW_MS
}

/** The instant the window closes, while it is still open at `now`; null once it has closed. */
export function hardDeleteUntil(createdAt: string, now: string): string | null {
  return mayHardDelete(createdAt, now) ? new Date(Date.parse(createdAt) + HARD_DELETE_WINDOW_MS).toISOString() : null
}

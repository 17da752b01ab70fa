/**
 * The office's clock: Vietnam (Asia/Ho_Chi_Minh), whatever the computer's own
 * zone is set to. Vietnam has kept UTC+7 without daylight saving since 1975, so a
 * fixed offset is exact for every date the register holds, and needs no time-zone
 * database (an old Windows PC's may be wrong, and the CLI may run on a server in UTC).
 * Stored moments stay ISO 8601 in UTC; only days and what people read use this.
 */
const OFFSET_MS = 7 * 3600_000

/** The calendar day in Vietnam of a UTC moment: "2026-12-06T18:30:00Z" → "2026-12-07". */
export function vnDate(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 10)
}

/** A UTC moment as the office's clock shows it: dd/mm/yyyy hh:mm. */
export function vnDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return ''
  const local = new Date(t + OFFSET_MS).toISOString()
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`
}

/** Today in Vietnam, ISO (yyyy-mm-dd). */
export function vnToday(now: () => string = () => new Date().toISOString()): string {
  return vnDate(now())
}

/** This year in Vietnam. */
export function vnYear(now: () => string = () => new Date().toISOString()): number {
  return Number(vnToday(now).slice(0, 4))
}

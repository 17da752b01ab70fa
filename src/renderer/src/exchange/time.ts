import { formatDate } from '../../../shared/text'

/** A stored UTC moment as this computer's clock shows it: dd/mm/yyyy hh:mm. */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Today on this computer, dd/mm/yyyy: the default "as of" date. */
export function todayVi(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`
}

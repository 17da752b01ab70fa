/**
 * The page's first questions to the core, asked from the entry script before
 * React and AG Grid are even fetched: the core reads the office and the
 * register's first rows while the browser parses and runs the app's bundle
 * (about 1,3 MB), instead of after it. Each answer is taken once, by the
 * first screen that needs it; later ones ask again.
 */
import type { GridRows, OfficeInfo } from '../../shared/api'
import { call } from './api'

/** About three screens of rows: enough to read and scroll while the rest arrives. */
export const FIRST_ROWS = 60

let office: Promise<OfficeInfo> | null = null
let firstRows: Promise<GridRows> | null = null
let settledFirstRows: GridRows | null = null

/** Kept until taken; a failure here is the taker's to show (the app asks again and reports it). */
function early<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}

export function startEarly(): void {
  // Asked in this order: the shell waits for the office, the registry for its rows.
  office = early(call('office.info', {}))
  const asked = early(call('entity.grid', { first: FIRST_ROWS }))
  firstRows = asked
  asked.then(
    (rows) => {
      if (firstRows === asked) settledFirstRows = rows
    },
    () => {}
  )
}

/** The office as the page found it at start, once; null afterwards. */
export function takeEarlyOffice(): Promise<OfficeInfo> | null {
  const taken = office
  office = null
  return taken
}

/** Forgets the first rows asked for at start (the register they came from is not the one to show). */
export function dropEarlyFirstRows(): void {
  firstRows = null
  settledFirstRows = null
}

/** The register's first rows as the page found them at start, once; null afterwards. */
export function takeEarlyFirstRows(): Promise<GridRows> | null {
  const taken = firstRows
  dropEarlyFirstRows()
  return taken
}

/** The same rows if they have already come (so a screen can start with them, not with a loading note); null otherwise. */
export function takeSettledFirstRows(): GridRows | null {
  const taken = settledFirstRows
  if (taken) dropEarlyFirstRows()
  return taken
}

/** The grid's rows from the core's lean arrays (100,000 records travel as arrays, not objects). */
import type { GridRow, GridRows } from '../../../shared/api'
import { call } from '../api'
import { FIRST_ROWS, takeEarlyFirstRows, takeSettledFirstRows } from '../startup'

export function toGridRows(grid: GridRows): GridRow[] {
  const { fields, rows } = grid
  return rows.map((r) => {
    const row: Record<string, unknown> = {}
    for (let i = 0; i < fields.length; i++) row[fields[i]!] = r[i]
    return row as unknown as GridRow
  })
}

/** Every record of the register, deleted ones included (the screen hides them unless asked). */
export async function loadAllRows(): Promise<GridRow[]> {
  return toGridRows(await call('entity.grid', {}))
}

/** The first records in name order, to paint while the whole register loads: the first time, those main.tsx asked for at start. */
export async function loadFirstRows(): Promise<GridRow[]> {
  const early = takeEarlyFirstRows()
  if (early) {
    try {
      return toGridRows(await early)
    } catch {
      // Refused at start (a damaged file since replaced by a backup, say): asked again, and that answer counts.
    }
  }
  return toGridRows(await call('entity.grid', { first: FIRST_ROWS }))
}

/** The first rows main.tsx asked for, if they have already come (taken once); else null. */
export function earlyFirstRowsIfHere(): GridRow[] | null {
  const here = takeSettledFirstRows()
  return here ? toGridRows(here) : null
}

/** Fresh copies of some records, e.g. after a paste, an undo or a status event. */
export async function loadRows(ids: number[]): Promise<GridRow[]> {
  return ids.length ? toGridRows(await call('entity.grid', { ids: [...new Set(ids)] })) : []
}

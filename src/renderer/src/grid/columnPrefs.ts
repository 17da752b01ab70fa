/**
 * A grid's columns as each profile left them (shown/hidden, order, width,
 * pinning, sort), kept in the office file through prefs.get/prefs.set so they
 * follow the person, not the machine.
 */
import type { ColumnState, GridApi } from 'ag-grid-community'
import { call } from '../api'

/** Puts back the saved columns; columns added since keep their defaults. */
export async function restoreColumns(api: GridApi, key: string): Promise<void> {
  const { value } = await call('prefs.get', { key })
  if (!value) return
  let state: ColumnState[]
  try {
    state = JSON.parse(value) as ColumnState[]
  } catch {
    return // Written by this screen only; an unreadable value is as good as none.
  }
  if (Array.isArray(state)) api.applyColumnState({ state, applyOrder: true })
}

/** Saves the columns once the user stops changing them (a drag fires many events). */
export function columnSaver(key: string, onError: (err: unknown) => void): (api: GridApi) => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (api) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const state = api.getColumnState().map(({ colId, hide, width, pinned, sort, sortIndex }) => ({ colId, hide, width, pinned, sort, sortIndex }))
      call('prefs.set', { key, value: JSON.stringify(state) }).catch(onError)
    }, 400)
  }
}

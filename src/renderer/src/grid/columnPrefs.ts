/**
 * A grid's columns as each profile left them (shown/hidden, order, width,
 * pinning, sort), kept in the office file through prefs.get/prefs.set so they
 * follow the person, not the machine.
 */
import type { ColumnEventType, ColumnState, GridApi } from 'ag-grid-community'
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
  if (Array.isArray(state)) api.applyColumnState({ state: repaired(state), applyOrder: true })
}

/**
 * Column changes the grid makes itself, never saved: unpinning for a window too
 * narrow for the pinned columns, sizing to fit, the first layout.
 */
const NOT_A_CHOICE = new Set<ColumnEventType>(['viewportSizeFeature', 'flex', 'gridInitializing', 'gridOptionsChanged'])
export const savedByPerson = (source: ColumnEventType | undefined) => !source || !NOT_A_CHOICE.has(source)

/**
 * A state saved before narrow windows were told apart had › unpinned and moved
 * after «Tên» (no person can: it is locked first): › goes back first, and the
 * columns unpinned with it are pinned again.
 */
function repaired(state: ColumnState[]): ColumnState[] {
  const detail = state.find((c) => c.colId === 'detail')
  if (!detail || (detail.pinned === 'left' && state[0] === detail)) return state
  const rest = state
    .filter((c) => c !== detail)
    .map((c) => (c.colId === 'kind' || c.colId === 'name' ? { ...c, pinned: 'left' as const } : c))
  const pinned = rest.filter((c) => c.pinned === 'left')
  return [{ ...detail, pinned: 'left' }, ...pinned, ...rest.filter((c) => c.pinned !== 'left')]
}

/** Saves the columns once the user stops changing them (a drag fires many events). */
export function columnSaver(key: string, onError: (err: unknown) => void): (api: GridApi) => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return (api) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      const state = api
        .getColumnState()
        .map(({ colId, hide, width, pinned, sort, sortIndex }) => ({ colId, hide, width, pinned, sort, sortIndex }))
      call('prefs.set', { key, value: JSON.stringify(state) }).catch(onError)
    }, 400)
  }
}

/**
 * The office's list of communes (units.communes) and the one way the screens search it: every word
 * typed, without diacritics, starts a word of the name («mai pha» finds Xã Mai Pha). Shared by the
 * detail panel's picker and the grid's cell editor.
 */
import type { MapUnit } from '../../../shared/api'
import { fold } from '../../../shared/text'
import { call } from '../api'

let communes: Promise<MapUnit[]> | null = null
/** The area's list, asked once per window (it changes only with the map data). */
export function areaCommunes(): Promise<MapUnit[]> {
  return (communes ??= call('units.communes', {}).catch(() => {
    communes = null
    return []
  }))
}

export function matchCommunes(list: MapUnit[], text: string, limit = 12): MapUnit[] {
  const words = fold(text).split(/\s+/).filter(Boolean)
  return list
    .filter((u) =>
      words.every((w) =>
        fold(u.name)
          .split(' ')
          .some((t) => t.startsWith(w))
      )
    )
    .slice(0, limit)
}

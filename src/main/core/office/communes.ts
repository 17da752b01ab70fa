/**
 * The commune of a record as data (issue 14, point 2): `entities.commune_code` holds the key of an
 * official commune of the office's area (office/map.ts), beside the commune text as written. Every
 * write path places it here — a commune chosen from the list is checked against the area and names
 * the record by the official name; a typed commune, or failing that an address, is read against the
 * area's list (office/resolve.ts); what matches nothing stays as typed, with no code, and the data
 * check «commune_unplaced» flags it. The area is the register's period: a former district's old
 * communes; a commune office's own commune; a province places nothing (its records are snapshots).
 */
import type { MapUnit } from '../../../shared/contract/office'
import { AppError } from '../../../shared/errors'
import type { CoreContext } from '../context'
import { vnDate } from '../../../shared/clock'
import { LAST_DAY_BEFORE, unitByKey } from './map'
import { communesOfArea, resolveCommune } from './resolve'

type Columns = { commune?: string | null; commune_code?: string | null; address?: string | null }

/** The office's place on the map and the date its register's communes are read at, or null for a province or no office. */
export function registerArea(
  unitKey: string | null | undefined,
  today: string
): { office: MapUnit; date: string; communes: MapUnit[] } | null {
  const office = unitKey ? unitByKey(unitKey) : null
  if (!office || office.level === 'province') return null
  const date = office.period === 'before' ? LAST_DAY_BEFORE : today
  return { office, date, communes: communesOfArea(office, date) }
}

/** Sets commune_code (and, for a commune chosen by code, its official name) on stored columns, in place. */
export type CommunePlacer = (columns: Columns, where?: string) => void

/**
 * Where a record with this commune text (or, when it has none, this address) goes on the office's list:
 * the official commune, or null when it matches none. Null as a whole where the office places nothing (a province).
 * One reading for every write path (communePlacer) and for the import preview, which shows it before anything is written.
 */
export type CommuneReader = (commune: string | null | undefined, address?: string | null) => MapUnit | null

export function communeReader(ctx: CoreContext): CommuneReader | null {
  const placer = areaReader(ctx)
  if (!placer) return null
  return (commune, address) => {
    const key = commune ? placer.read(commune) : address ? placer.read(address) : null
    return key ? placer.byKey.get(key)! : null
  }
}

function areaReader(ctx: CoreContext) {
  const row = ctx.conn.sqlite.prepare('select unit_code from office').get() as { unit_code: string } | undefined
  const area = registerArea(row?.unit_code, vnDate(ctx.now()))
  if (!area) return null
  const byKey = new Map(area.communes.map((u) => [u.key, u]))
  const cache = new Map<string, string | null>()
  const read = (text: string): string | null => {
    let key = cache.get(text)
    if (key === undefined) {
      const m = resolveCommune(text, area.office, area.date, { nearest: false })
      key = m.kind === 'found' ? m.key : null
      // A commune office: one of the old communes it was made from is today this commune (the text keeps the old name).
      if (
        key === null &&
        area.office.level === 'commune' &&
        resolveCommune(text, area.office, LAST_DAY_BEFORE, { nearest: false }).kind === 'found'
      )
        key = area.office.key
      cache.set(text, key)
    }
    return key
  }
  return { area, byKey, read }
}

export function communePlacer(ctx: CoreContext): CommunePlacer {
  const reader = areaReader(ctx)
  if (!reader) return () => {}
  const { area, byKey, read } = reader
  return (columns, where) => {
    if (columns.commune_code) {
      const unit = byKey.get(columns.commune_code)
      if (!unit)
        throw new AppError(
          'VALIDATION',
          `${where ? `${where}: ` : ''}mã xã ${columns.commune_code} không thuộc địa bàn của ${area.office.name}. Hãy chọn xã trong danh sách của địa bàn.`,
          { field: 'communeCode' }
        )
      columns.commune = unit.name
      return
    }
    if ('commune' in columns && columns.commune) columns.commune_code = read(columns.commune)
    else if ('commune' in columns) columns.commune_code = null
    // No commune written: the address may name one (an import's «Địa chỉ» only).
    if (!columns.commune && columns.address) {
      const key = read(columns.address)
      if (key) {
        columns.commune_code = key
        columns.commune = byKey.get(key)!.name
      }
    }
  }
}

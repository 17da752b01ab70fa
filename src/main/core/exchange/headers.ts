/**
 * Headers by meaning: synonyms from resources/import/headers.json, compared
 * folded (no diacritics, any case), the unit of capital read from the brackets.
 */
import headerData from '../../../../resources/import/headers.json'
import kindData from '../../../../resources/import/kinds.json'
import sectorData from '../../../../resources/import/sectors.json'
import statusData from '../../../../resources/import/statuses.json'
import unitData from '../../../../resources/import/units.json'
import { IMPORT_FIELDS, type ImportField } from '../../../shared/api'
import { MANAGEMENT_LABELS, STATUSES, type EntityKind, type ManagementLabel, type Sector, type Status } from '../../../shared/domain'
import { fold } from '../../../shared/text'

/** Spellings compared folded: no diacritics, any case, punctuation as spaces ("CN - TTCN" is "CN-TTCN"). */
function table<K extends string>(data: Record<string, unknown>, keys?: readonly K[]): Map<string, K> {
  const map = new Map<string, K>()
  for (const [code, spellings] of Object.entries(data)) {
    if (code.startsWith('_') || !Array.isArray(spellings)) continue
    if (keys && !keys.includes(code as K)) throw new Error(`resources/import: unknown key ${code}`)
    for (const s of spellings as string[]) if (!map.has(fold(s))) map.set(fold(s), code as K)
  }
  return map
}

const HEADER_SYNONYMS = table<ImportField>(headerData, IMPORT_FIELDS)
const STATUS_SPELLINGS = table<Status>(statusData, STATUSES)
const LABEL_SPELLINGS = table<ManagementLabel>(statusData.labels, MANAGEMENT_LABELS)
const SECTOR_SPELLINGS = table<Sector>(sectorData)
const KIND_SPELLINGS = table<EntityKind>(kindData)
const UNITS = unitData.units.map(([text, factor]) => [fold(String(text)), Number(factor)] as const)

/** Header text without its bracketed unit: "Vốn điều lệ (triệu đồng)" → "von dieu le". */
function headerKey(text: string): { key: string; unit: string | null } {
  const unitMatch = /\(([^)]*)\)/.exec(text)
  const key = fold(text.replace(/\([^)]*\)/g, ' ').replace(/[:*]/g, ' '))
  return { key, unit: unitMatch ? fold(unitMatch[1]) : null }
}

export interface HeaderMatch {
  field: ImportField
  unit?: number
}

/** The field a header cell names, if any. */
export function matchHeader(text: string): HeaderMatch | null {
  const { key, unit } = headerKey(text)
  if (key === '') return null
  let field = HEADER_SYNONYMS.get(key)
  // "Số lao động thường xuyên (người)", "Tên HTX/THT": try the bracket included, then the text before a slash.
  if (!field) field = HEADER_SYNONYMS.get(fold(text))
  if (!field && key.includes(' ')) {
    const beforeSlash = fold(text.split('/')[0].replace(/\([^)]*\)/g, ' '))
    field = HEADER_SYNONYMS.get(beforeSlash)
  }
  if (!field) return null
  if (field === 'charterCapital') {
    const factor = unit === null ? Number(unitData.default) : (UNITS.find(([u]) => u === unit)?.[1] ?? Number(unitData.default))
    return { field, unit: factor }
  }
  return { field }
}

const statusSeen = new Map<string, Status | null>()
const sectorSeen = new Map<string, Sector | null>()

/** A register spells a few statuses and sectors thousands of times: remember each spelling once. */
function cached<T>(seen: Map<string, T | null>, map: Map<string, T>, text: string): T | null {
  let value = seen.get(text)
  if (value === undefined) {
    value = map.get(fold(text)) ?? null
    if (seen.size < 10_000) seen.set(text, value)
  }
  return value
}

const labelSeen = new Map<string, ManagementLabel | null>()

/** A status word of an old list: a legal status, or a management label on a legally active record. */
export function matchStatus(text: string): { status: Status; label: ManagementLabel | null } | null {
  const status = cached(statusSeen, STATUS_SPELLINGS, text)
  if (status) return { status, label: null }
  const label = cached(labelSeen, LABEL_SPELLINGS, text)
  return label ? { status: 'active', label } : null
}

export function matchSector(text: string): Sector | null {
  return cached(sectorSeen, SECTOR_SPELLINGS, text)
}

export function matchKind(text: string): EntityKind | null {
  return KIND_SPELLINGS.get(fold(text)) ?? null
}

/** Kind from a sheet name or a table's title: "THT", "Danh sách tổ hợp tác". */
export function kindInTitle(text: string | null | undefined): EntityKind | null {
  if (!text) return null
  const f = ` ${fold(text)} `
  if (/ (lien hiep hop tac xa|lien hiep htx|lhhtx) /.test(f)) return 'lhhtx'
  if (/ (to hop tac|tht) /.test(f)) return 'tht'
  if (/ (hop tac xa|htx) /.test(f)) return 'htx'
  return null
}

/** Kind from the name's prefix: "Liên hiệp HTX …", "Tổ hợp tác …", "HTX …". */
export function kindFromName(name: string): EntityKind | null {
  // Most names open with the short form, followed by a space or a stop: no need to fold the whole name for it.
  const short = /^(htx|lhhtx|tht)(?=[\s,.;:()/-]|$)/i.exec(name)
  if (short) return short[1].toLowerCase() === 'htx' ? 'htx' : short[1].toLowerCase() === 'tht' ? 'tht' : 'lhhtx'
  const f = fold(name)
  if (/^(lien hiep hop tac xa|lien hiep htx|lhhtx)\b/.test(f)) return 'lhhtx'
  if (/^(to hop tac|tht)\b/.test(f)) return 'tht'
  if (/^(hop tac xa|htx|quy tin dung)\b/.test(f)) return 'htx'
  return null
}

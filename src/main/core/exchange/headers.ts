/**
 * Headers by meaning: synonyms from resources/import/headers.json, compared
 * folded (no diacritics, any case), the unit of capital read from the brackets.
 */
import headerData from '../../../../resources/import/headers.json'
import kindData from '../../../../resources/import/kinds.json'
import sectorData from '../../../../resources/import/sectors.json'
import statusData from '../../../../resources/import/statuses.json'
import unitData from '../../../../resources/import/units.json'
import headerRuleData from '../../../../resources/import/header-rules.json'
import statusRuleData from '../../../../resources/import/status-rules.json'
import sectorRuleData from '../../../../resources/import/sector-rules.json'
import { IMPORT_FIELDS, type ImportField } from '../../../shared/api'
import {
  MANAGEMENT_LABEL_TEXT,
  MANAGEMENT_LABELS,
  SECTORS,
  STATUSES,
  type EntityKind,
  type ManagementLabel,
  type Sector,
  type Status
} from '../../../shared/domain'
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
  /** 100: the header is a synonym of resources/import/headers.json; less: found by its words (header-rules.json). */
  score: number
  /** Why, in words a person reads: the synonym, or the words found. */
  evidence: string
  /** Another field with the same score, or a score under the rules' «weak»: shown for a person to confirm. */
  confirm?: boolean
  /** The other field a tie left open. */
  alternative?: ImportField
}

interface HeaderRule {
  field: ImportField
  groups: Array<Array<{ key: string; text: string }>>
  none: string[]
  score: number
}

/** Folded, padded with spaces, the cooperative's own words shortened so «xã» means a commune only. */
function ruleText(folded: string): string {
  return ` ${folded
    .replace(/\bhop tac xa\b/g, 'htx')
    .replace(/\bto hop tac\b/g, 'tht')
    .replace(/\blien hiep htx\b/g, 'lhhtx')} `
}
const phrase = (text: string) => ({ key: ruleText(fold(text)).trim(), text })
const HEADER_RULES: HeaderRule[] = headerRuleData.rules.map((r) => {
  if (!IMPORT_FIELDS.includes(r.field as ImportField)) throw new Error(`resources/import/header-rules.json: unknown field ${r.field}`)
  return {
    field: r.field as ImportField,
    groups: r.all.map((g) => g.map(phrase)),
    none: (r.none ?? []).map((t) => phrase(t).key),
    score: r.score
  }
})
const WEAK = headerRuleData.weak
const has = (text: string, key: string) => text.includes(` ${key} `)

/** Columns of money: read in the column's unit («(triệu đồng)», default from units.json), or the cell's own words. */
export const MONEY_FIELDS = ['charterCapital', 'memberRevenue'] as const
export function isMoneyField(field: ImportField | null): field is (typeof MONEY_FIELDS)[number] {
  return (MONEY_FIELDS as readonly string[]).includes(field ?? '')
}

/** The capital's unit from a bracket, or from the header's last words ("Vốn điều lệ triệu đồng"). */
function capitalUnit(unit: string | null, key: string): number {
  if (unit !== null) {
    const found = UNITS.find(([u]) => u === unit)
    if (found) return found[1]
  }
  for (const [u, factor] of UNITS) if (u.length > 1 && ` ${key} `.endsWith(` ${u} `)) return factor
  return Number(unitData.default)
}

/** Every field a header may mean, best first (a synonym before any rule). */
export function scoreHeader(text: string): HeaderMatch[] {
  const { key, unit } = headerKey(text)
  if (key === '') return []
  let field = HEADER_SYNONYMS.get(key)
  // "Số lao động thường xuyên (người)", "Tên HTX/THT": try the bracket included, then the text before a slash.
  if (!field) field = HEADER_SYNONYMS.get(fold(text))
  if (!field && key.includes(' ')) {
    const beforeSlash = fold(text.split('/')[0].replace(/\([^)]*\)/g, ' '))
    field = HEADER_SYNONYMS.get(beforeSlash)
  }
  const out: HeaderMatch[] = []
  if (field) out.push({ field, score: 100, evidence: `tên cột có trong danh mục tiêu đề («${text}»)` })
  const padded = ruleText(key)
  const full = ruleText(fold(text))
  for (const rule of HEADER_RULES) {
    if (out.some((m) => m.field === rule.field)) continue
    if (rule.none.some((n) => has(padded, n))) continue
    const found: string[] = []
    for (const g of rule.groups) {
      const hit = g.find((p) => has(padded, p.key) || has(full, p.key))
      if (!hit) break
      found.push(hit.text)
    }
    if (found.length !== rule.groups.length) continue
    out.push({ field: rule.field, score: rule.score, evidence: `có từ ${found.map((f) => `«${f}»`).join(' và ')}` })
  }
  out.sort((a, b) => b.score - a.score)
  for (const m of out) if (isMoneyField(m.field)) m.unit = capitalUnit(unit, key)
  if (out.length > 0 && out[0].score < 100) {
    if (out[0].score < WEAK) out[0].confirm = true
    if (out[1] && out[1].score === out[0].score) {
      out[0].confirm = true
      out[0].alternative = out[1].field
    }
  }
  return out
}

/** The field a header cell names, if any: the best of scoreHeader. */
export function matchHeader(text: string): HeaderMatch | null {
  return scoreHeader(text)[0] ?? null
}

export interface ValueMeaning<T> {
  code: T
  /** What the value was read as, for a person to check: the meaning's words. */
  meaning: string
}

const STATUS_SAME = statusRuleData.same.map(([from, to]) => [new RegExp(`(^| )${from}(?= |$)`, 'g'), to ? `$1${to}` : '$1'] as const)
const STATUS_RULES = statusRuleData.rules.map((r) => {
  if (!STATUSES.includes(r.code as Status)) throw new Error(`resources/import/status-rules.json: unknown code ${r.code}`)
  const label = (r as { label?: string }).label ?? null
  if (label !== null && !MANAGEMENT_LABELS.includes(label as ManagementLabel))
    throw new Error(`resources/import/status-rules.json: unknown label ${label}`)
  return { code: r.code as Status, label: label as ManagementLabel | null, meaning: r.meaning, any: r.any.map((p) => fold(p)) }
})

/** A status cell read: the legal status (NĐ 295/2026 Điều 27) and, for everyday words such as «ngừng hoạt động», a management label beside it. */
export interface StatusMeaning extends ValueMeaning<Status> {
  label: ManagementLabel | null
}
const statusMeanings = new Map<string, StatusMeaning | null>()

/**
 * A status by meaning: a spelling of statuses.json (a legal status, or a label on a legally active
 * record), else the first rule of status-rules.json whose words are there.
 */
export function statusByMeaning(text: string): StatusMeaning | null {
  let v = statusMeanings.get(text)
  if (v !== undefined) return v
  const f = fold(text)
  const spelled = STATUS_SPELLINGS.get(f)
  const labelled = spelled ? undefined : LABEL_SPELLINGS.get(f)
  v = null
  if (spelled) v = { code: spelled, label: null, meaning: `cách viết có trong danh mục («${text}»)` }
  else if (labelled)
    v = {
      code: 'active',
      label: labelled,
      meaning: `nhãn quản lý «${MANAGEMENT_LABEL_TEXT[labelled]}»; tình trạng pháp lý vẫn là đang hoạt động`
    }
  else {
    let n = f
    for (let pass = 0; pass < 2; pass++) for (const [re, to] of STATUS_SAME) n = n.replace(re, to)
    const padded = ` ${n.replace(/\s+/g, ' ').trim()} `
    for (const r of STATUS_RULES) {
      const hit = r.any.find((p) => padded.includes(` ${p} `))
      if (hit) {
        v = { code: r.code, label: r.label, meaning: r.meaning }
        break
      }
    }
  }
  if (statusMeanings.size < 10_000) statusMeanings.set(text, v)
  return v
}

/** The meanings a status cell may have, for the message of a value not understood. */
export const STATUS_MEANINGS: string[] = [...new Set(STATUS_RULES.map((r) => r.meaning))]

/** A status word of an old list: a legal status, or a management label on a legally active record. */
export function matchStatus(text: string): { status: Status; label: ManagementLabel | null } | null {
  const v = statusByMeaning(text)
  return v ? { status: v.code, label: v.label } : null
}

const VSIC2 = new Map<string, Sector>()
for (const [sector, codes] of Object.entries(sectorRuleData.vsic2)) for (const c of codes) VSIC2.set(c, sector as Sector)
const VSIC4 = new Map(Object.entries(sectorRuleData.vsic4) as Array<[string, Sector]>)
const SECTOR_WORDS = Object.entries(sectorRuleData.keywords).map(([sector, words]) => {
  if (!SECTORS.includes(sector as Sector)) throw new Error(`resources/import/sector-rules.json: unknown sector ${sector}`)
  return { sector: sector as Sector, words: words.map((w) => ({ key: fold(w), text: w })) }
})
const sectorMeanings = new Map<string, ValueMeaning<Sector> | null>()

/** A sector by meaning: a spelling of sectors.json, a VSIC code at the start, else the most keywords of free text. */
export function sectorByMeaning(text: string): ValueMeaning<Sector> | null {
  let v = sectorMeanings.get(text)
  if (v !== undefined) return v
  const f = fold(text)
  v = null
  const spelled = SECTOR_SPELLINGS.get(f)
  if (spelled) v = { code: spelled, meaning: `cách viết có trong danh mục («${text}»)` }
  else {
    const code = /^(?:ma nganh |vsic )?(\d{2,5})\b/.exec(f)?.[1]
    const bySic = code ? (VSIC4.get(code.slice(0, 4)) ?? VSIC2.get(code.slice(0, 2))) : undefined
    if (code && bySic) v = { code: bySic, meaning: `mã ngành VSIC ${code}` }
    else {
      const padded = ` ${f} `
      let best: { sector: Sector; hits: string[] } | null = null
      for (const s of SECTOR_WORDS) {
        const hits = s.words.filter((w) => padded.includes(` ${w.key} `)).map((w) => w.text)
        if (hits.length > 0 && (!best || hits.length > best.hits.length)) best = { sector: s.sector, hits }
      }
      if (best) v = { code: best.sector, meaning: `từ khóa ${best.hits.map((h) => `«${h}»`).join(', ')}` }
    }
  }
  if (sectorMeanings.size < 10_000) sectorMeanings.set(text, v)
  return v
}

export function matchSector(text: string): Sector | null {
  return sectorByMeaning(text)?.code ?? null
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

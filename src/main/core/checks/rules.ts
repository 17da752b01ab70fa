/**
 * The data-check rules are data (resources/checks/rules.json): thresholds, severities,
 * messages and citations live there. This module checks the file's shape once, at first
 * use, and works out from the report definitions (resources/reports/) which fields each
 * kind of record needs for the indicators of the layouts a «required» rule names.
 */
import { z } from 'zod'
import rulesFile from '../../../../resources/checks/rules.json'
import { CHECK_SEVERITIES, type CheckRuleInfo } from '../../../shared/contract/checks'
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain'
import { definitions, type Field } from '../reports/definitions'

export const CATEGORIES = ['active', 'stopped', 'dissolved'] as const
export type Category = (typeof CATEGORIES)[number]

/** Yearly figure fields a rule may name (the API's names). */
export const FIGURE_FIELDS = [
  'members',
  'newMembers',
  'workers',
  'managers',
  'managersElementary',
  'managersCollege',
  'revenue',
  'profit',
  'avgIncome',
  'taxesPaid',
  'memberRevenue'
] as const
export type FigureField = (typeof FIGURE_FIELDS)[number]

const base = {
  id: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
  title: z.string().min(1),
  kinds: z.array(z.enum(ENTITY_KINDS)).min(1),
  categories: z.array(z.enum(CATEGORIES)).min(1),
  severity: z.enum(CHECK_SEVERITIES),
  message: z.string().min(1),
  source: z.string().nullable(),
  verified: z.boolean(),
  verifiedNote: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
}

const ruleSchema = z.discriminatedUnion('check', [
  z
    .object({
      ...base,
      check: z.literal('minimum'),
      value: z
        .array(
          z.union([
            z.enum(FIGURE_FIELDS.map((f) => `figures.${f}`) as [string, ...string[]]),
            z.enum(['entity.membersCount', 'entity.memberCoops'])
          ])
        )
        .min(1),
      min: z.number()
    })
    .strict(),
  z.object({ ...base, check: z.literal('active_dissolved') }).strict(),
  z.object({ ...base, check: z.literal('commune_unplaced') }).strict(),
  z.object({ ...base, check: z.literal('figures_after_dissolution') }).strict(),
  z.object({ ...base, check: z.literal('not_greater'), sum: z.array(z.enum(FIGURE_FIELDS)).min(1), than: z.enum(FIGURE_FIELDS) }).strict(),
  z.object({ ...base, check: z.literal('jump'), fields: z.array(z.enum(FIGURE_FIELDS)).min(1), factor: z.number().gt(1) }).strict(),
  z.object({ ...base, check: z.literal('required'), layouts: z.array(z.string()).min(1) }).strict()
])
export type Rule = z.infer<typeof ruleSchema>

const fileSchema = z.object({ version: z.literal(1), updated: z.string(), rules: z.array(ruleSchema) }).passthrough()

/** Where a required value lives: on the record, or in the latest yearly figures. */
export type RequiredSource =
  { on: 'entity'; field: 'charterCapital' | 'membersCount' | 'memberCoops' | 'sector' } | { on: 'figures'; field: FigureField }
export interface Requirement {
  field: RequiredSource
  /** Used when the field is empty, as the indicator does (its fallbackField). */
  fallback: RequiredSource | null
  /** The indicator counts a fixed value when empty (a THT's leader: 1): never missing. */
  hasFallbackValue: boolean
  /** The annexes ("Phụ lục 1") whose indicators need it. */
  layouts: string[]
}

/** Where each indicator field is entered. OCOP products are a list on the record, not a number to fill in: no entry. */
const FIELD_SOURCES: Partial<Record<Field, RequiredSource>> = {
  charter_capital: { on: 'entity', field: 'charterCapital' },
  member_coops: { on: 'entity', field: 'memberCoops' },
  members_count: { on: 'entity', field: 'membersCount' },
  members: { on: 'figures', field: 'members' },
  workers: { on: 'figures', field: 'workers' },
  managers: { on: 'figures', field: 'managers' },
  managers_elementary: { on: 'figures', field: 'managersElementary' },
  managers_college: { on: 'figures', field: 'managersCollege' },
  revenue: { on: 'figures', field: 'revenue' },
  profit: { on: 'figures', field: 'profit' },
  avg_income: { on: 'figures', field: 'avgIncome' },
  new_members: { on: 'figures', field: 'newMembers' },
  taxes_paid: { on: 'figures', field: 'taxesPaid' },
  member_revenue: { on: 'figures', field: 'memberRevenue' }
}

let loaded: { rules: Rule[]; byId: Map<string, Rule> } | null = null

export function rules(): Rule[] {
  if (!loaded) {
    const parsed = fileSchema.parse(rulesFile).rules
    const byId = new Map(parsed.map((r) => [r.id, r]))
    if (byId.size !== parsed.length) throw new Error('checks: duplicate rule id')
    for (const r of parsed) {
      if (r.check === 'required')
        for (const l of r.layouts)
          if (!definitions().layouts.some((x) => x.id === l)) throw new Error(`checks: rule ${r.id} names unknown layout ${l}`)
    }
    loaded = { rules: parsed, byId }
  }
  return loaded.rules
}

export function ruleInfo(r: Rule): CheckRuleInfo {
  return {
    id: r.id,
    title: r.title,
    severity: r.severity,
    source: r.source,
    verified: r.verified,
    verifiedNote: r.verifiedNote ?? null,
    date: r.date
  }
}

const requirementsCache = new Map<string, Map<EntityKind, Requirement[]>>()

/** For a «required» rule: per kind, the fields its layouts' indicators add up (and a sector for the per-sector rows). */
export function requirements(rule: Extract<Rule, { check: 'required' }>): Map<EntityKind, Requirement[]> {
  const cached = requirementsCache.get(rule.id)
  if (cached) return cached
  const defs = definitions()
  const out = new Map<EntityKind, Requirement[]>()
  const add = (kind: EntityKind, field: RequiredSource, fallback: RequiredSource | null, hasFallbackValue: boolean, layout: string) => {
    const list = out.get(kind) ?? []
    const same = list.find((r) => r.field.field === field.field)
    if (same) {
      if (!same.layouts.includes(layout)) same.layouts.push(layout)
      // Needed without a fallback by one indicator: needed.
      if (!fallback) same.fallback = null
      if (!hasFallbackValue) same.hasFallbackValue = false
    } else list.push({ field, fallback, hasFallbackValue, layouts: [layout] })
    out.set(kind, list)
  }
  for (const id of rule.layouts) {
    const layout = defs.layouts.find((l) => l.id === id)!
    const name = layout.annex ?? layout.title
    const codes = [...(layout.rows ?? []).flatMap((r) => ('indicator' in r ? [r.indicator] : [])), ...(layout.indicators ?? [])]
    for (const code of codes) {
      const ind = defs.byCode.get(code)!
      if (ind.sectors) add(ind.kind, { on: 'entity', field: 'sector' }, null, false, name)
      const source = ind.field ? FIELD_SOURCES[ind.field] : undefined
      if (source)
        add(ind.kind, source, (ind.fallbackField && FIELD_SOURCES[ind.fallbackField]) || null, ind.fallbackValue !== undefined, name)
    }
  }
  requirementsCache.set(rule.id, out)
  return out
}

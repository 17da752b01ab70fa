/**
 * Indicators, sector groupings and layouts are data (resources/reports/): adding a
 * row to a layout or a sector to a group is an edit there, not here. This module
 * checks the files' shape once, when first used, and expands the per-sector
 * indicators from the default grouping.
 */
import { z } from 'zod'
import groupingsFile from '../../../../resources/reports/groupings.json'
import indicatorsFile from '../../../../resources/reports/indicators.json'
import layoutsFile from '../../../../resources/reports/layouts.json'
import { CONVERSIONS, ENTITY_KINDS, SECTORS } from '../../../shared/domain'

export const SETS = ['present', 'active', 'stopped', 'new', 'dissolved'] as const
export type EntitySet = (typeof SETS)[number]
/** Numbers an indicator may add up: the record's own, or its latest yearly figures. */
export const FIELDS = [
  'charter_capital',
  'member_coops',
  'members_count',
  'members',
  'workers',
  'managers',
  'managers_elementary',
  'managers_college',
  'revenue',
  'profit',
  'avg_income',
  'new_members',
  'taxes_paid',
  'member_revenue',
  'ocop_products',
  'ocop_3_star',
  'ocop_4_star',
  'ocop_5_star'
] as const
export type Field = (typeof FIELDS)[number]

const classificationCode = z.enum(['good', 'fair', 'average', 'weak'])
const indicatorSchema = z
  .object({
    code: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
    label: z.string().min(1),
    unit: z.string().min(1),
    kind: z.enum(ENTITY_KINDS),
    set: z.enum(SETS),
    measure: z.enum(['count', 'sum', 'avg', 'share', 'ratio', 'input', 'percentOf']),
    field: z.enum(FIELDS).optional(),
    /** ratio: the field divided by, summed over the same records (Σ field / Σ perField). */
    perField: z.enum(FIELDS).optional(),
    /** percentOf: indicator «of» as a percentage of indicator «per» (e.g. a figure entered for the area). */
    of: z.string().optional(),
    per: z.string().optional(),
    /** Only records whose status event in the period is this conversion (024); «none»: records with none. */
    conversion: z.enum([...CONVERSIONS, 'none']).optional(),
    fallbackField: z.enum(FIELDS).optional(),
    fallbackValue: z.number().optional(),
    scale: z.number().positive().optional(),
    multiply: z.number().positive().optional(),
    classification: z.union([classificationCode, z.array(classificationCode).min(1)]).optional(),
    how: z.string().optional(),
    sectors: z.array(z.enum(SECTORS)).optional(),
    decimals: z.number().int().min(0).max(4).optional()
  })
  .strict()
  .refine((i) => !['sum', 'avg', 'ratio'].includes(i.measure) || i.field, { message: 'sum/avg/ratio need a field' })
  .refine((i) => i.measure !== 'ratio' || i.perField, { message: 'ratio needs a perField' })
  .refine((i) => i.measure !== 'percentOf' || (i.of && i.per), { message: 'percentOf needs of and per' })
  .refine((i) => i.measure !== 'share' || i.classification, { message: 'share needs a classification' })
export type Indicator = z.infer<typeof indicatorSchema>

const groupingSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    default: z.boolean(),
    groups: z.array(z.object({ code: z.string().regex(/^[a-z_]+$/), label: z.string(), sectors: z.array(z.enum(SECTORS)) }).strict())
  })
  .strict()
export type Grouping = z.infer<typeof groupingSchema>

const columnKinds = z.enum(['prev', 'actual', 'estimate', 'plan', 'percent', 'next'])
const layoutSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    annex: z.string().optional(),
    type: z.enum(['indicators', 'sectors', 'units', 'list', 'support-results', 'support-needs']),
    orientation: z.enum(['portrait', 'landscape']).default('landscape'),
    rows: z
      .array(
        z.union([
          z.object({ section: z.string() }).strict(),
          z.object({ indicator: z.string(), label: z.string().optional(), indent: z.number().int().min(0).max(2).optional() }).strict()
        ])
      )
      .optional(),
    columns: z.array(columnKinds).optional(),
    grouping: z.string().optional(),
    kind: z.enum(ENTITY_KINDS).optional(),
    indicators: z.array(z.string()).optional(),
    notes: z.array(z.string()).default([])
  })
  .strict()
export type Layout = z.infer<typeof layoutSchema>
export type PlanColumn = z.infer<typeof columnKinds>

const indicatorsData = z
  .object({
    version: z.number(),
    sectorIndicators: z.object({
      kind: z.enum(ENTITY_KINDS),
      grouping: z.string(),
      sets: z.record(z.string(), z.enum(SETS)),
      labels: z.record(z.string(), z.string()),
      unit: z.string()
    }),
    /** Averages per sector group: one indicator per group and entry, «htx.sector.<group>.<suffix>». */
    sectorAverages: z
      .object({
        kind: z.enum(ENTITY_KINDS),
        grouping: z.string(),
        entries: z.record(
          z.string(),
          z
            .object({
              label: z.string(),
              field: z.enum(FIELDS),
              unit: z.string(),
              scale: z.number().positive().optional(),
              decimals: z.number().int().optional()
            })
            .strict()
        )
      })
      .optional(),
    indicators: z.array(indicatorSchema)
  })
  .passthrough()

interface Definitions {
  indicators: Indicator[]
  byCode: Map<string, Indicator>
  groupings: Grouping[]
  layouts: Layout[]
}

let loaded: Definitions | null = null

/** The definitions, checked once: a malformed data file is a bug found at first use. */
export function definitions(): Definitions {
  if (loaded) return loaded
  const data = indicatorsData.parse(indicatorsFile)
  const groupings = z.array(groupingSchema).parse(groupingsFile.groupings)
  const layouts = z.array(layoutSchema).parse(layoutsFile.layouts)
  const sectorGrouping = groupings.find((g) => g.id === data.sectorIndicators.grouping)
  if (!sectorGrouping) throw new Error(`reports: grouping ${data.sectorIndicators.grouping} missing`)
  const perSector: Indicator[] = sectorGrouping.groups.flatMap((g) =>
    Object.entries(data.sectorIndicators.sets).map(([suffix, set]) => ({
      code: `${data.sectorIndicators.kind}.sector.${g.code}.${suffix}`,
      label: (data.sectorIndicators.labels[suffix] ?? suffix).replace(
        '{group}',
        g.label.charAt(0).toLocaleLowerCase('vi') + g.label.slice(1)
      ),
      unit: data.sectorIndicators.unit,
      kind: data.sectorIndicators.kind,
      set,
      measure: 'count' as const,
      sectors: g.sectors
    }))
  )
  const averages: Indicator[] = []
  if (data.sectorAverages) {
    const sa = data.sectorAverages
    const g = groupings.find((x) => x.id === sa.grouping)
    if (!g) throw new Error(`reports: grouping ${sa.grouping} missing`)
    for (const group of g.groups)
      for (const [suffix, e] of Object.entries(sa.entries))
        averages.push({
          code: `${sa.kind}.sector.${group.code}.${suffix}`,
          label: e.label.replace('{group}', group.label.charAt(0).toLocaleLowerCase('vi') + group.label.slice(1)),
          unit: e.unit,
          kind: sa.kind,
          set: 'present',
          measure: 'avg',
          field: e.field,
          ...(e.scale ? { scale: e.scale } : {}),
          ...(e.decimals !== undefined ? { decimals: e.decimals } : {}),
          sectors: group.sectors
        })
  }
  const indicators = [...data.indicators, ...perSector, ...averages]
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  if (byCode.size !== indicators.length) throw new Error('reports: duplicate indicator code')
  for (const i of indicators)
    for (const c of [i.of, i.per]) if (c && !byCode.has(c)) throw new Error(`reports: indicator ${i.code} names unknown indicator ${c}`)
  for (const l of layouts) {
    for (const r of l.rows ?? [])
      if ('indicator' in r && !byCode.has(r.indicator)) throw new Error(`reports: layout ${l.id} names unknown indicator ${r.indicator}`)
    for (const c of l.indicators ?? []) if (!byCode.has(c)) throw new Error(`reports: layout ${l.id} names unknown indicator ${c}`)
    if (l.grouping && !groupings.some((g) => g.id === l.grouping))
      throw new Error(`reports: layout ${l.id} names unknown grouping ${l.grouping}`)
  }
  loaded = { indicators, byCode, groupings, layouts }
  return loaded
}

export function defaultGrouping(): Grouping {
  const { groupings } = definitions()
  return groupings.find((g) => g.default) ?? groupings[0]!
}

export function findLayout(id: string): Layout | undefined {
  return definitions().layouts.find((l) => l.id === id)
}

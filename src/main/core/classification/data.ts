/**
 * The classification rules are data (resources/classification/): the rating circulars
 * with the sectors each is the default for, and the size-class thresholds per sector
 * group. Checked once, at first use.
 */
import { z } from 'zod'
import circularsFile from '../../../../resources/classification/circulars.json'
import sizesFile from '../../../../resources/classification/size-classes.json'
import { SIZE_CLASSES, type ClassificationRules, type SizeGroup } from '../../../shared/contract/classification'
import { ENTITY_KINDS, SECTORS, type EntityKind } from '../../../shared/domain'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const points = z.number().min(0).max(100).nullable()

const circularSchema = z
  .object({
    number: z.string().min(1).max(100),
    issued: date,
    inForce: date,
    issuer: z.string().min(1),
    title: z.string().min(1),
    scope: z.string().min(1),
    defaultFor: z
      .object({ kinds: z.array(z.enum(ENTITY_KINDS)).min(1), sectors: z.union([z.literal('*'), z.array(z.enum(SECTORS)).min(1)]) })
      .strict(),
    criteria: z.string().min(1),
    grades: z
      .array(
        z
          .object({
            grade: z.enum(['good', 'fair', 'average', 'weak']),
            label: z.string().min(1),
            from: points.optional().default(null),
            below: points.optional().default(null),
            to: points.optional(),
            text: z.string().nullable()
          })
          .strict()
      )
      .length(4),
    notRated: z.string().nullable(),
    source: z.string().min(1),
    verified: z.boolean(),
    statusNote: z.string().min(1)
  })
  .strict()

const money = z.number().int().min(0)
const groupSchema = z
  .object({
    code: z.string().regex(/^[a-z_]+$/),
    label: z.string().min(1),
    sectors: z.array(z.enum(SECTORS)).min(1),
    complete: z.boolean(),
    below: z.enum(SIZE_CLASSES).nullable(),
    classes: z.array(
      z.object({ size: z.enum(SIZE_CLASSES), minMembers: z.number().int().min(0), minRevenue: money, minTotalCapital: money }).strict()
    ),
    note: z.string().min(1)
  })
  .strict()

const circularsSchema = z
  .object({ version: z.literal(1), updated: date, inForceNote: z.string().min(1), circulars: z.array(circularSchema).min(1) })
  .passthrough()
const sizesSchema = z
  .object({
    version: z.literal(1),
    updated: date,
    law: z.string().min(1),
    decree: z.string().min(1),
    verified: z.boolean(),
    verifiedNote: z.string().min(1),
    groups: z.array(groupSchema),
    audit: z
      .object({
        htxSizes: z.array(z.enum(SIZE_CLASSES)).min(1),
        lhhtxMinMembers: z.number().int().min(1),
        source: z.string().min(1),
        frequency: z.string().min(1),
        verified: z.boolean(),
        notCovered: z.string().min(1)
      })
      .strict()
  })
  .passthrough()

let loaded: ClassificationRules | null = null

export function classificationRules(): ClassificationRules {
  if (loaded) return loaded
  const c = circularsSchema.parse(circularsFile)
  const s = sizesSchema.parse(sizesFile)
  const seen = new Set<string>()
  for (const g of s.groups) {
    for (const sector of g.sectors) {
      if (seen.has(sector)) throw new Error(`classification: sector ${sector} in two groups`)
      seen.add(sector)
    }
    // Largest first, each class at most once: the first one reached is the size.
    const order = g.classes.map((k) => SIZE_CLASSES.indexOf(k.size))
    if (order.some((v, i) => i > 0 && v >= order[i - 1]!)) throw new Error(`classification: group ${g.code} not largest first`)
    if (g.complete !== (g.below !== null)) throw new Error(`classification: group ${g.code} complete needs below`)
  }
  loaded = {
    circulars: c.circulars as ClassificationRules['circulars'],
    inForceNote: c.inForceNote,
    sizes: { law: s.law, decree: s.decree, verified: s.verified, verifiedNote: s.verifiedNote, groups: s.groups },
    audit: {
      source: s.audit.source,
      frequency: s.audit.frequency,
      notCovered: s.audit.notCovered,
      htxSizes: s.audit.htxSizes,
      lhhtxMinMembers: s.audit.lhhtxMinMembers
    }
  }
  return loaded
}

/** The circular the register picks for a year that names none: the first whose defaultFor matches; null for a THT. */
export function defaultCircular(kind: EntityKind, sector: string | null): string | null {
  for (const c of classificationRules().circulars) {
    if (!c.defaultFor.kinds.includes(kind)) continue
    if (c.defaultFor.sectors === '*' || (sector !== null && (c.defaultFor.sectors as string[]).includes(sector))) return c.number
  }
  return null
}

/** The decree's sector group a register sector falls in; null when none holds it. */
export function sizeGroupOf(sector: string | null): SizeGroup | null {
  if (sector === null) return null
  return classificationRules().sizes.groups.find((g) => (g.sectors as string[]).includes(sector)) ?? null
}

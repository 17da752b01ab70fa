/**
 * The rules applied to one record at a time, as plain data (a Subject): the register's
 * records (subjects.ts), or a row of an import preview as it would be saved. Pure: no
 * file, no clock; what a rule looked at goes into the finding's fingerprint.
 */
import type { Finding } from '../../../shared/contract/checks'
import { registryLabels } from '../../../shared/contract/registry'
import { KIND_SHORT, STATUS_LABELS, STATUSES, type EntityKind, type Status } from '../../../shared/domain'
import { formatDate, formatNumber } from '../../../shared/text'
import type { EntityAsOf } from '../reports/snapshot'
import { inSet } from '../reports/summary'
import { requirements, rules, type Category, type FigureField, type RequiredSource, type Rule } from './rules'

export type SubjectFigures = { year: number } & Record<FigureField, number | null>

export interface Subject {
  /** What finding ids are made of: the record's id, or a preview row's own key. */
  key: string
  entityId: number | null
  kind: EntityKind
  name: string
  regNo: string | null
  status: Status | null
  /** The earliest dissolution date on or before the date checked, and where it was read. */
  dissolvedOn: string | null
  dissolvedWhere: string | null
  charterCapital: number | null
  membersCount: number | null
  memberCoops: number | null
  sector: string | null
  /** A stored record's commune text that names no commune of the office's area (office/communes.ts); null: placed or none. */
  communeUnplaced?: string | null
  /** By year, ascending. */
  figures: SubjectFigures[]
}

/** The report's category of a status (reports/summary.ts decides it), so new status codes fall where the reports put them. */
export function categoryOf(status: Status | null): Category | null {
  if (status === null) return null
  const e = { status } as EntityAsOf
  if (inSet(e, 'active')) return 'active'
  if (inSet(e, 'stopped')) return 'stopped'
  if (!inSet(e, 'present')) return 'dissolved'
  return 'stopped'
}

/** The status codes the reports count as gone (dissolved). */
export const DISSOLVED_CODES: Status[] = STATUSES.filter((s) => categoryOf(s) === 'dissolved')

/** Labels that read on their own in a sentence (the grid's «Trong đó: …» leans on the row above it). */
const EXTRA_LABELS: Record<string, string> = {
  dissolutionDate: 'Ngày giải thể',
  year: 'Năm số liệu',
  managersElementary: 'Cán bộ quản lý trình độ sơ cấp, trung cấp',
  managersCollege: 'Cán bộ quản lý trình độ cao đẳng trở lên'
}
export function fieldLabel(field: string): string {
  return EXTRA_LABELS[field] ?? registryLabels[field] ?? field
}

function record(s: Subject): string {
  return `${KIND_SHORT[s.kind]} «${s.name}»${s.regNo ? ` (mã số ${s.regNo})` : ''}`
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m))
}

/** Each rule's hash state after its own text (the rule as data): a threshold or message changed makes its findings new. */
const ruleSeeds = new WeakMap<Rule, [number, number]>()

function fnv(text: string, seed: [number, number]): [number, number] {
  let [h1, h2] = seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15)
  }
  return [h1, h2]
}

/**
 * What the rule looked at, hashed: 64 bits of FNV-1a over the rule and its inputs, a microsecond where a
 * SHA-256 object costs several (an import preview of 100.000 rows may make a finding for each).
 * Not a security check: an acknowledgement only quiets a finding while its inputs are the same.
 */
function fingerprint(rule: Rule, inputs: unknown): string {
  let seed = ruleSeeds.get(rule)
  if (seed === undefined) ruleSeeds.set(rule, (seed = fnv(JSON.stringify(rule), [0x811c9dc5, 0x050c5d1f])))
  const [h1, h2] = fnv(JSON.stringify(inputs), seed)
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

function finding(
  rule: Rule,
  s: Subject,
  idParts: Array<string | number>,
  year: number | null,
  fields: string[],
  values: Record<string, string | number>,
  inputs: unknown
): Finding {
  return {
    id: [rule.id, s.key, ...idParts].join(':'),
    rule: rule.id,
    title: rule.title,
    severity: rule.severity,
    entityId: s.entityId,
    entityName: s.name,
    regNo: s.regNo,
    kind: s.kind,
    year,
    fields,
    fieldLabels: fields.map(fieldLabel),
    message: fill(rule.message, { record: record(s), ...values }),
    source: rule.source && !rule.verified ? `${rule.source} — chưa đối chiếu văn bản` : rule.source,
    fingerprint: fingerprint(rule, inputs),
    state: 'open',
    acknowledged: null,
    district: null,
    districtName: null
  }
}

const n = (v: number) => formatNumber(v)

function ratioText(r: number): string {
  return r >= 10 ? formatNumber(r, 0) : formatNumber(r, r >= 1 ? 1 : 2)
}

function latestFigures(s: Subject, upToYear: number): SubjectFigures | null {
  for (let i = s.figures.length - 1; i >= 0; i--) if (s.figures[i]!.year <= upToYear) return s.figures[i]!
  return null
}

function valueOf(s: Subject, f: SubjectFigures | null, source: RequiredSource): unknown {
  return source.on === 'entity' ? s[source.field] : f ? f[source.field] : null
}

function evaluateRule(rule: Rule, s: Subject, asOf: string): Finding[] {
  const year = Number(asOf.slice(0, 4))
  const dissolvedOn = s.dissolvedOn && s.dissolvedOn <= asOf ? s.dissolvedOn : null
  switch (rule.check) {
    case 'minimum': {
      for (const source of rule.value) {
        const [on, field] = source.split('.') as ['figures' | 'entity', string]
        let value: number | null = null
        let where = ''
        let figYear: number | null = null
        if (on === 'figures') {
          for (let i = s.figures.length - 1; i >= 0; i--) {
            const f = s.figures[i]!
            const v = f.year <= year ? f[field as FigureField] : null
            if (v !== null && v !== undefined) {
              value = v
              figYear = f.year
              where = `số liệu năm ${f.year}`
              break
            }
          }
        } else {
          value = field === 'membersCount' ? s.membersCount : s.memberCoops
          where = field === 'membersCount' ? 'ghi ở bản ghi' : 'theo danh sách HTX thành viên'
        }
        if (value === null) continue
        if (value >= rule.min) return []
        return [finding(rule, s, [], figYear, [field], { value: n(value), min: n(rule.min), where }, { source, value, figYear })]
      }
      return []
    }
    case 'commune_unplaced': {
      if (!s.communeUnplaced) return []
      return [finding(rule, s, [], null, ['commune'], { commune: s.communeUnplaced }, { commune: s.communeUnplaced })]
    }
    case 'active_dissolved': {
      if (categoryOf(s.status) !== 'active' || !dissolvedOn) return []
      return [
        finding(
          rule,
          s,
          [],
          null,
          ['status', 'dissolutionDate'],
          { status: STATUS_LABELS[s.status!] ?? s.status!, dissolvedOn: formatDate(dissolvedOn), where: s.dissolvedWhere ?? '' },
          { status: s.status, dissolvedOn }
        )
      ]
    }
    case 'figures_after_dissolution': {
      if (!dissolvedOn) return []
      const after = s.figures.filter((f) => f.year > Number(dissolvedOn.slice(0, 4)))
      return after.map((f) =>
        finding(rule, s, [f.year], f.year, ['year'], { dissolvedOn: formatDate(dissolvedOn), year: f.year }, { dissolvedOn, figures: f })
      )
    }
    case 'not_greater': {
      const out: Finding[] = []
      for (const f of s.figures) {
        const parts = rule.sum.map((k) => f[k])
        const than = f[rule.than]
        if (than === null || parts.every((v) => v === null)) continue
        const sum = parts.reduce<number>((a, v) => a + (v ?? 0), 0)
        if (sum <= than) continue
        const sumText =
          rule.sum.length === 1 ? `«${fieldLabel(rule.sum[0]!)}»` : `tổng ${rule.sum.map((k) => `«${fieldLabel(k)}»`).join(' và ')}`
        out.push(
          finding(
            rule,
            s,
            [f.year],
            f.year,
            [...rule.sum, rule.than],
            { year: f.year, sumText, sum: n(sum), than: n(than), thanLabel: fieldLabel(rule.than) },
            { year: f.year, parts, than }
          )
        )
      }
      return out
    }
    case 'jump': {
      const out: Finding[] = []
      for (let i = 1; i < s.figures.length; i++) {
        const prev = s.figures[i - 1]!
        const cur = s.figures[i]!
        if (cur.year - prev.year !== 1) continue
        for (const field of rule.fields) {
          const a = prev[field]
          const b = cur[field]
          if (a === null || b === null || a <= 0 || b <= 0) continue
          const ratio = b / a
          if (ratio < rule.factor && ratio > 1 / rule.factor) continue
          out.push(
            finding(
              rule,
              s,
              [cur.year, field],
              cur.year,
              [field],
              {
                fieldLabel: fieldLabel(field),
                year: cur.year,
                value: n(b),
                previousYear: prev.year,
                previous: n(a),
                ratio: ratioText(ratio),
                factor: n(rule.factor)
              },
              { field, years: [prev.year, cur.year], values: [a, b] }
            )
          )
        }
      }
      return out
    }
    case 'required': {
      const needs = requirements(rule).get(s.kind) ?? []
      if (needs.length === 0) return []
      const f = latestFigures(s, year)
      const missing = needs.filter((r) => {
        if (r.hasFallbackValue) return false
        const v = valueOf(s, f, r.field) ?? (r.fallback ? valueOf(s, f, r.fallback) : null)
        return v === null || v === undefined || v === ''
      })
      if (missing.length === 0) return []
      const fields = missing.map((r) => r.field.field)
      const layouts = [...new Set(missing.flatMap((r) => r.layouts))]
      const where = f ? `số liệu năm ${f.year}` : 'chưa có số liệu năm nào'
      return [
        finding(
          rule,
          s,
          [],
          f?.year ?? null,
          fields,
          { fields: fields.map((k) => `«${fieldLabel(k)}»`).join(', '), layouts: `các chỉ tiêu của ${layouts.join(', ')}`, where },
          { fields, year: f?.year ?? null }
        )
      ]
    }
  }
}

/** Every rule that applies to the record (by kind and by the category of its status on the date), `only` those the caller keeps. */
export function evaluate(s: Subject, asOf: string, only?: (rule: Rule) => boolean): Finding[] {
  const category = categoryOf(s.status)
  const out: Finding[] = []
  for (const rule of rules()) {
    if (only && !only(rule)) continue
    if (!rule.kinds.includes(s.kind)) continue
    if (category === null || !rule.categories.includes(category)) continue
    out.push(...evaluateRule(rule, s, asOf))
  }
  return out
}

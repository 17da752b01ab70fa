/**
 * «Số liệu cho báo cáo»: the sentences of the plan's Part 1 as of a date, written the way
 * the plan writes them (resources/reports/narrative.json), from the same summary the
 * tables use — so the words and the annexes can never disagree.
 */
import narrative from '../../../../resources/reports/narrative.json'
import type { NarrativeReport } from '../../../shared/contract/reports'
import { AppError } from '../../../shared/errors'
import type { CoreContext } from '../context'
import { definitions } from './definitions'
import { largestRemainder, roundHalfUp } from './rounding'
import { buildSummary } from './summary'

/** 30/6/2023: how the plan writes a date in running text. */
function textDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${d}/${m}/${y}`
}

/** The stretch of the year the "new" and "dissolved" figures cover, in the plan's words. */
function periodWords(asOf: string): string {
  const year = asOf.slice(0, 4)
  if (asOf.endsWith('-06-30')) return `Sáu tháng đầu năm ${year}`
  if (asOf.endsWith('-12-31')) return `Năm ${year}`
  return `Từ ngày 1/1/${year} đến ngày ${textDate(asOf)}`
}

/** 06 HTX, 474 HTX, 4.650 thành viên: one to nine with the leading zero documents use. */
function count(n: number): string {
  return n > 0 && n < 10 ? `0${n}` : n.toLocaleString('vi-VN')
}

function billion(million: number): string {
  return roundHalfUp(million / 1000, 2).toLocaleString('vi-VN', { maximumFractionDigits: 2 })
}

function fill(template: string, values: Record<string, number | string | null | undefined>): string {
  return template.replace(/\{([^{}|]+)(?:\|(count|billion))?\}/g, (_m, key: string, format?: string) => {
    const v = values[key]
    if (v === null || v === undefined) throw new AppError('INTERNAL', `Câu mẫu ${template.slice(0, 40)}… cần «${key}», chỉ tiêu không có.`)
    if (typeof v === 'string') return v
    return format === 'billion' ? billion(v) : format === 'count' ? count(v) : String(v)
  })
}

export async function buildNarrative(ctx: CoreContext, asOf: string, scope?: string | null): Promise<NarrativeReport> {
  const summary = await buildSummary(ctx, asOf, scope)
  const values: Record<string, number | string | null> = { ...summary.indicators, date: textDate(asOf), period: periodWords(asOf) }
  const total = summary.indicators['htx.total'] ?? 0
  const agri = summary.indicators['htx.sector.agri.total'] ?? 0
  const [agriShare, otherShare] = total > 0 ? largestRemainder([agri, total - agri], 0) : [0, 0]
  values['share.agri'] = agriShare ?? 0
  values['share.other'] = otherShare ?? 0
  const grouping = definitions().groupings.find((g) => g.default)!
  const sectors = grouping.groups
    .filter((g) => (summary.indicators[`htx.sector.${g.code}.total`] ?? 0) > 0)
    .map((g) => fill(narrative.sector.replaceAll('{group}', g.code).replace('{label}', g.label), values))
  return {
    asOf,
    unit: summary.unit,
    htx: narrative.htx.map((t) => fill(t, values)),
    sectors,
    others: narrative.others.map((t) => fill(t, values))
  }
}

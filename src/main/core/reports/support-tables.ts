/**
 * Phụ lục 3 and 4 of the yearly plan, from the support register (support/):
 * - 3: support in year N — per programme the plan for the year (HTX, people, money)
 *   and what was done by the report date (rows marked done in year N whose decision
 *   date is not after it, or has none), with the money by budget and % of the plan;
 * - 4: needs for N + 1 — per programme the planned rows of the next year, money by
 *   budget (NSTW, NSĐP) and kind (ĐTPT, sự nghiệp).
 * Money in million đồng. A row that names a cooperative and no count of HTX counts one.
 */
import type { ReportColumn, ReportRow } from '../../../shared/contract/reports'
import { formatDate } from '../../../shared/text'
import type { CoreContext } from '../context'
import { programmes } from '../support/programmes'
import { roundHalfUp } from './rounding'

interface Entry {
  programme: string
  stage: string
  year: number
  coops: number | null
  people: number | null
  entity_id: number | null
  nstw_dtpt: number | null
  nstw_sn: number | null
  nsdp_dtpt: number | null
  nsdp_sn: number | null
  decision_date: string | null
}

interface Sums {
  coops: number
  people: number
  nstwDtpt: number
  nstwSn: number
  nsdpDtpt: number
  nsdpSn: number
  rows: number
}

const zero = (): Sums => ({ coops: 0, people: 0, nstwDtpt: 0, nstwSn: 0, nsdpDtpt: 0, nsdpSn: 0, rows: 0 })
const r3 = (v: number) => Math.round(v * 1000) / 1000

function add(s: Sums, e: Entry): void {
  s.rows++
  s.coops += e.coops ?? (e.entity_id !== null ? 1 : 0)
  s.people += e.people ?? 0
  s.nstwDtpt = r3(s.nstwDtpt + (e.nstw_dtpt ?? 0))
  s.nstwSn = r3(s.nstwSn + (e.nstw_sn ?? 0))
  s.nsdpDtpt = r3(s.nsdpDtpt + (e.nsdp_dtpt ?? 0))
  s.nsdpSn = r3(s.nsdpSn + (e.nsdp_sn ?? 0))
}
const total = (s: Sums) => r3(s.nstwDtpt + s.nstwSn + s.nsdpDtpt + s.nsdpSn)

function load(ctx: CoreContext, years: number[], unit: string | null): Entry[] {
  const where = `year in (${years.map(() => '?').join(', ')})${unit ? ' and unit_code = ?' : ''}`
  return ctx.conn.sqlite
    .prepare(
      `select programme, stage, year, coops, people, entity_id, nstw_dtpt, nstw_sn, nsdp_dtpt, nsdp_sn, decision_date
       from support_entries where ${where} order by id`
    )
    .all(...years, ...(unit ? [unit] : [])) as Entry[]
}

/** Decimals the money columns need: none for whole millions, else up to three. */
function moneyDecimals(values: number[]): number {
  let d = 0
  for (const v of values) while (d < 3 && Math.abs(roundHalfUp(v, d) - v) > 1e-9) d++
  return d
}

function byProgramme(entries: Entry[], keep: (e: Entry) => boolean): Map<string, Sums> {
  const m = new Map<string, Sums>()
  for (const e of entries) {
    if (!keep(e)) continue
    if (!m.has(e.programme)) m.set(e.programme, zero())
    add(m.get(e.programme)!, e)
  }
  return m
}

/** Programmes in the data file's order; a code the file no longer has still shows, after them. */
function programmeOrder(...maps: Array<Map<string, Sums>>): Array<{ code: string; label: string }> {
  const list = programmes().map((p) => ({ code: p.code, label: p.label }))
  for (const m of maps) for (const code of m.keys()) if (!list.some((p) => p.code === code)) list.push({ code, label: code })
  return list
}

const STT: ReportColumn = { label: 'STT', type: 'text', width: 6 }
const n = (v: number, rows: number) => (rows ? v : null)
/** A count the programme does not reach (people for founding support) shows blank unless a row gave one. */
function counted(code: string | null, what: 'coops' | 'people', v: number, rows: number): number | null {
  const reaches = code === null ? 'both' : (programmes().find((p) => p.code === code)?.reaches ?? 'both')
  if (v === 0 && reaches !== 'both' && reaches !== what) return null
  return n(v, rows)
}

export function supportResultsTable(ctx: CoreContext, asOf: string, unit: string | null): { columns: ReportColumn[]; rows: ReportRow[] } {
  const year = Number(asOf.slice(0, 4))
  const entries = load(ctx, [year], unit)
  const plan = byProgramme(entries, (e) => e.stage === 'plan')
  const done = byProgramme(entries, (e) => e.stage === 'done' && (e.decision_date === null || e.decision_date <= asOf))
  const all = [...plan.values(), ...done.values()]
  const d = moneyDecimals(all.flatMap((s) => [s.nstwDtpt, s.nstwSn, s.nsdpDtpt, s.nsdpSn]))
  const planGroup = `Kế hoạch năm ${year}`
  const doneGroup = `Thực hiện đến ${formatDate(asOf)}`
  const columns: ReportColumn[] = [
    STT,
    { label: 'Nội dung hỗ trợ', type: 'text', width: 44 },
    { label: 'Số HTX', group: planGroup, type: 'number', width: 9 },
    { label: 'Số người', group: planGroup, type: 'number', width: 9 },
    { label: 'Kinh phí (triệu đồng)', group: planGroup, type: 'number', decimals: d, width: 13 },
    { label: 'Số HTX', group: doneGroup, type: 'number', width: 9 },
    { label: 'Số người', group: doneGroup, type: 'number', width: 9 },
    { label: 'Tổng kinh phí (triệu đồng)', group: doneGroup, type: 'number', decimals: d, width: 13 },
    { label: 'NSTW', group: doneGroup, type: 'number', decimals: d, width: 12 },
    { label: 'NSĐP', group: doneGroup, type: 'number', decimals: d, width: 12 },
    { label: 'Kinh phí so với KH (%)', type: 'number', decimals: 1, width: 11 }
  ]
  const line = (code: string | null, label: string, p: Sums, x: Sums, stt: string, style?: ReportRow['style']): ReportRow => {
    const pt = total(p)
    const xt = total(x)
    return {
      cells: [
        stt,
        label,
        counted(code, 'coops', p.coops, p.rows),
        counted(code, 'people', p.people, p.rows),
        n(pt, p.rows),
        counted(code, 'coops', x.coops, x.rows),
        counted(code, 'people', x.people, x.rows),
        n(xt, x.rows),
        n(r3(x.nstwDtpt + x.nstwSn), x.rows),
        n(r3(x.nsdpDtpt + x.nsdpSn), x.rows),
        pt > 0 && x.rows ? roundHalfUp((xt / pt) * 100, 1) : null
      ],
      ...(style ? { style } : {})
    }
  }
  const rows = programmeOrder(plan, done).map((p, i) =>
    line(p.code, p.label, plan.get(p.code) ?? zero(), done.get(p.code) ?? zero(), String(i + 1))
  )
  const sum = (m: Map<string, Sums>) => {
    const s = zero()
    for (const v of m.values()) {
      s.rows += v.rows
      s.coops += v.coops
      s.people += v.people
      s.nstwDtpt = r3(s.nstwDtpt + v.nstwDtpt)
      s.nstwSn = r3(s.nstwSn + v.nstwSn)
      s.nsdpDtpt = r3(s.nsdpDtpt + v.nsdpDtpt)
      s.nsdpSn = r3(s.nsdpSn + v.nsdpSn)
    }
    return s
  }
  rows.push(line(null, 'Tổng cộng', sum(plan), sum(done), '', 'total'))
  return { columns, rows }
}

export function supportNeedsTable(ctx: CoreContext, asOf: string, unit: string | null): { columns: ReportColumn[]; rows: ReportRow[] } {
  const next = Number(asOf.slice(0, 4)) + 1
  const need = byProgramme(load(ctx, [next], unit), (e) => e.stage === 'plan')
  const d = moneyDecimals([...need.values()].flatMap((s) => [s.nstwDtpt, s.nstwSn, s.nsdpDtpt, s.nsdpSn]))
  const money = (label: string, group: string): ReportColumn => ({ label, group, type: 'number', decimals: d, width: 12 })
  const columns: ReportColumn[] = [
    STT,
    { label: 'Nội dung hỗ trợ', type: 'text', width: 44 },
    { label: 'Số HTX', type: 'number', width: 9 },
    { label: 'Số người', type: 'number', width: 9 },
    money('Tổng số', 'Tổng nhu cầu vốn'),
    money('ĐTPT', 'Tổng nhu cầu vốn'),
    money('Sự nghiệp', 'Tổng nhu cầu vốn'),
    money('Tổng số', 'Ngân sách trung ương'),
    money('ĐTPT', 'Ngân sách trung ương'),
    money('Sự nghiệp', 'Ngân sách trung ương'),
    money('Tổng số', 'Ngân sách địa phương'),
    money('ĐTPT', 'Ngân sách địa phương'),
    money('Sự nghiệp', 'Ngân sách địa phương')
  ]
  const line = (code: string | null, label: string, s: Sums, stt: string, style?: ReportRow['style']): ReportRow => ({
    cells: [
      stt,
      label,
      counted(code, 'coops', s.coops, s.rows),
      counted(code, 'people', s.people, s.rows),
      n(total(s), s.rows),
      n(r3(s.nstwDtpt + s.nsdpDtpt), s.rows),
      n(r3(s.nstwSn + s.nsdpSn), s.rows),
      n(r3(s.nstwDtpt + s.nstwSn), s.rows),
      n(s.nstwDtpt, s.rows),
      n(s.nstwSn, s.rows),
      n(r3(s.nsdpDtpt + s.nsdpSn), s.rows),
      n(s.nsdpDtpt, s.rows),
      n(s.nsdpSn, s.rows)
    ],
    ...(style ? { style } : {})
  })
  const rows = programmeOrder(need).map((p, i) => line(p.code, p.label, need.get(p.code) ?? zero(), String(i + 1)))
  const all = zero()
  for (const s of need.values()) {
    all.rows += s.rows
    all.coops += s.coops
    all.people += s.people
    all.nstwDtpt = r3(all.nstwDtpt + s.nstwDtpt)
    all.nstwSn = r3(all.nstwSn + s.nstwSn)
    all.nsdpDtpt = r3(all.nsdpDtpt + s.nsdpDtpt)
    all.nsdpSn = r3(all.nsdpSn + s.nsdpSn)
  }
  rows.push(line(null, 'Tổng cộng', all, '', 'total'))
  return { columns, rows }
}

/**
 * Findings of the register with the acknowledgements applied: a finding marked «đã
 * kiểm tra» stays quiet while its fingerprint is the one acknowledged, and speaks again
 * when the data it looked at changes. In a province file the findings are the ones each
 * district's last package carried (package.ts), by district.
 */
import type { CheckCounts, Finding, FindingAck } from '../../../shared/contract/checks'
import type { CheckSeverity } from '../../../shared/contract/checks'
import type { EntityKind } from '../../../shared/domain'
import type { CoreContext } from '../context'
import { evaluate } from './evaluate'
import { loadSubjects } from './subjects'

interface Ack extends FindingAck {
  fingerprint: string
}

/** The latest acknowledgement of each finding id. */
function latestAcks(ctx: CoreContext, ids?: string[]): Map<string, Ack> {
  const sqlite = ctx.conn.sqlite
  const rows = (
    ids
      ? sqlite
          .prepare(
            `select finding_id, fingerprint, note, acked_at, acked_by from check_acks where finding_id in (select value from json_each(?)) order by id`
          )
          .all(JSON.stringify(ids))
      : sqlite.prepare('select finding_id, fingerprint, note, acked_at, acked_by from check_acks order by id').all()
  ) as Array<{ finding_id: string; fingerprint: string; note: string; acked_at: string; acked_by: string }>
  const out = new Map<string, Ack>()
  for (const r of rows) out.set(r.finding_id, { fingerprint: r.fingerprint, note: r.note, at: r.acked_at, by: r.acked_by })
  return out
}

export function withAcks(ctx: CoreContext, findings: Finding[], all = false): Finding[] {
  if (findings.length === 0) return findings
  return applyAcks(latestAcks(ctx, all ? undefined : findings.map((f) => f.id)), findings)
}

/** The acknowledgements read once, applied to many findings (an import preview's rows). */
export function ackApplier(ctx: CoreContext): (findings: Finding[]) => Finding[] {
  const acks = latestAcks(ctx)
  return (findings) => applyAcks(acks, findings)
}

function applyAcks(acks: Map<string, Ack>, findings: Finding[]): Finding[] {
  return findings.map((f) => {
    const ack = acks.get(f.id)
    if (!ack || ack.fingerprint !== f.fingerprint) return f
    return { ...f, state: 'acknowledged' as const, acknowledged: { note: ack.note, by: ack.by, at: ack.at } }
  })
}

/** Every finding of the register on a date (or of one record), acknowledgements applied. */
export function registerFindings(ctx: CoreContext, asOf: string, entityId?: number): Finding[] {
  const findings = loadSubjects(ctx, asOf, entityId).flatMap((s) => evaluate(s, asOf))
  return withAcks(ctx, findings, entityId === undefined)
}

/** A record's open findings: what a write answers with. */
export function openFindingsOf(ctx: CoreContext, asOf: string, entityId: number): Finding[] {
  return registerFindings(ctx, asOf, entityId).filter((f) => f.state === 'open')
}

export function countFindings(findings: Finding[]): CheckCounts {
  const counts: CheckCounts = { open: 0, acknowledged: 0, error: 0, warning: 0, info: 0 }
  for (const f of findings) {
    counts[f.state === 'open' ? 'open' : 'acknowledged']++
    if (f.state === 'open') counts[f.severity]++
  }
  return counts
}

/** Province file: the findings the districts' last packages carried, the district's name beside each. */
export function packageFindings(ctx: CoreContext, entityId?: number): Finding[] {
  const rows = ctx.conn.sqlite
    .prepare(
      `select p.*, u.name as district_name from package_findings p left join admin_units u on u.code = p.district_code
       ${entityId !== undefined ? 'where p.entity_id = ?' : ''} order by p.district_code, p.id`
    )
    .all(...(entityId !== undefined ? [entityId] : [])) as Array<{
    district_code: string
    district_name: string | null
    finding_id: string
    rule: string
    severity: CheckSeverity
    entity_id: number | null
    entity_name: string
    reg_no: string | null
    kind: EntityKind
    year: number | null
    fields_json: string
    message: string
    fingerprint: string
  }>
  return rows.map((r) => {
    const fields = JSON.parse(r.fields_json) as { fields: string[]; labels: string[]; title: string; source: string | null }
    return {
      id: `${r.district_code}/${r.finding_id}`,
      rule: r.rule,
      title: fields.title,
      severity: r.severity,
      entityId: r.entity_id,
      entityName: r.entity_name,
      regNo: r.reg_no,
      kind: r.kind,
      year: r.year,
      fields: fields.fields,
      fieldLabels: fields.labels,
      message: r.message,
      source: fields.source,
      fingerprint: r.fingerprint,
      state: 'open' as const,
      acknowledged: null,
      district: r.district_code,
      districtName: r.district_name
    }
  })
}

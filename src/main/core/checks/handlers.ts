/** checks.run | checks.rules | checks.acknowledge, and the writes that answer with findings (withChecks). */
import type { Finding } from '../../../shared/contract/checks'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, HandlerMap } from '../context'
import { communeReader } from '../office/communes'
import { isProvince, today } from '../office/office'
import { evaluate, type Subject, type SubjectFigures } from './evaluate'
import { ruleInfo, rules, FIGURE_FIELDS, type Rule } from './rules'
import { previewImport, type PreviewInput, type RowInspector } from '../exchange/preview'
import { ackApplier, countFindings, openFindingsOf, packageFindings, registerFindings } from './run'
import { loadSubjects } from './subjects'

export const checksHandlers: DomainHandlers<'checks.run' | 'checks.rules' | 'checks.acknowledge'> = {
  'checks.run': async (input, ctx) => {
    const asOf = input.asOf ?? today(ctx)
    const province = await isProvince(ctx.db)
    const all = province ? packageFindings(ctx, input.entityId) : registerFindings(ctx, asOf, input.entityId)
    const findings = all.filter(
      (f) =>
        (input.includeAcknowledged || f.state === 'open') &&
        (!input.severity || f.severity === input.severity) &&
        (!input.rule || f.rule === input.rule) &&
        (!input.district || f.district === input.district)
    )
    return { asOf, source: province ? 'packages' : 'register', rules: rules().map(ruleInfo), findings, counts: countFindings(all) }
  },

  'checks.rules': async () => rules().map(ruleInfo),

  /** «Đã kiểm tra»: the finding as it stands now (its fingerprint), with the note; audited in the same transaction. */
  'checks.acknowledge': async (input, ctx) => {
    const entityId = Number(input.finding.split(':')[1])
    const asOf = today(ctx)
    const found =
      Number.isInteger(entityId) && entityId > 0 ? registerFindings(ctx, asOf, entityId).find((f) => f.id === input.finding) : undefined
    if (!found) {
      throw new AppError(
        'NOT_FOUND',
        `Không còn phát hiện «${input.finding}» trong sổ: số liệu có thể đã được sửa. Hãy chạy lại kiểm tra số liệu.`,
        { field: 'finding' }
      )
    }
    const row = { finding_id: found.id, fingerprint: found.fingerprint, note: input.note, acked_at: ctx.now(), acked_by: ctx.user }
    await ctx.db.transaction().execute(async (trx) => {
      const { id } = await trx.insertInto('check_acks').values(row).returning('id').executeTakeFirstOrThrow()
      await writeAudit(trx, ctx, {
        action: 'check_acknowledge',
        table: 'check_acks',
        rowId: id,
        after: { ...row, entityId, message: found.message }
      })
    })
    return { ...found, state: 'acknowledged', acknowledged: { note: row.note, by: row.acked_by, at: row.acked_at } }
  }
}

/** The record a write touched, from its output. */
const ENTRY_WRITES: Partial<Record<keyof HandlerMap, (out: Record<string, unknown>) => number | null>> = {
  'entity.create': (out) => out.id as number,
  'entity.update': (out) => out.id as number,
  'status.add': (out) => out.entityId as number,
  'figures.set': (out) => out.entityId as number
}

/**
 * The preview's rows as the rules would see them saved — the register's record (if any) with the
 * file's values over it — and the findings of each, put on the row; also where its commune goes on
 * the office's list. Called with each chunk of compared rows while the file is still being read.
 */
function previewFindings(ctx: CoreContext, asOf: string): RowInspector {
  const placeOf = communeReader(ctx)
  let existing: Map<number | null, Subject> | null = null
  let acks: ((findings: Finding[]) => Finding[]) | null = null
  return (rows, { file, sheet, figuresYear }) => {
    for (const r of rows) {
      if (!r.record || (r.state !== 'new' && r.state !== 'update' && r.state !== 'unchanged')) continue
      const rec = r.record
      if (r.entityId && !existing) existing = new Map(loadSubjects(ctx, asOf).map((s) => [s.entityId, s]))
      const base = (r.entityId ? existing?.get(r.entityId) : undefined) ?? null
      const figures = base ? base.figures.filter((f) => f.year !== figuresYear) : []
      const before = base?.figures.find((f) => f.year === figuresYear)
      const fileFigures = rec.figures as Partial<Record<(typeof FIGURE_FIELDS)[number], number | null>>
      if (before || Object.values(fileFigures).some((v) => v !== null && v !== undefined)) {
        const f = { year: figuresYear } as SubjectFigures
        for (const k of FIGURE_FIELDS) f[k] = fileFigures[k] ?? before?.[k] ?? null
        figures.push(f)
        figures.sort((a, b) => a.year - b.year)
      }
      // Where its commune goes on the office's list, shown before anything is written (the file's commune, else its address).
      let unplaced = base?.communeUnplaced ?? null
      if (placeOf && (rec.commune || rec.address)) {
        const u = placeOf(rec.commune, rec.address)
        r.place = u ? { key: u.key, code: u.code, name: u.name } : rec.commune ? null : undefined
        if (rec.commune) unplaced = u ? null : rec.commune
      }
      const subject: Subject = {
        key: base ? String(base.entityId) : `${file}#${sheet}#${r.row}`,
        entityId: base?.entityId ?? null,
        kind: rec.kind,
        name: rec.name,
        regNo: rec.regNo ?? base?.regNo ?? null,
        status: rec.status ?? base?.status ?? 'active',
        dissolvedOn: rec.dissolutionDate ?? base?.dissolvedOn ?? null,
        dissolvedWhere: rec.dissolutionDate ? `cột «Ngày giải thể» của dòng ${r.row}` : (base?.dissolvedWhere ?? null),
        charterCapital: rec.charterCapital ?? base?.charterCapital ?? null,
        membersCount: base?.membersCount ?? null,
        memberCoops: base?.memberCoops ?? null,
        sector: rec.sector ?? base?.sector ?? null,
        communeUnplaced: unplaced,
        figures
      }
      // What is wrong or doubtful in the file; what a report still lacks (info) is for «Kiểm tra số liệu» after the import,
      // or nearly every row of a list without figures would carry a sentence.
      const found = evaluate(subject, asOf, notInfo)
      if (found.length === 0) continue
      // The office's acknowledgements, read once for the whole preview and only when a row has a finding.
      acks ??= ackApplier(ctx)
      const open = acks(found).filter((f) => f.state === 'open')
      if (open.length) r.findings = open
    }
  }
}
const notInfo = (rule: Rule) => rule.severity !== 'info'

/**
 * The checks where data comes in: a register write answers with the record's open findings,
 * an import preview with each row's findings as it would be saved.
 */
export function withChecks(map: HandlerMap): HandlerMap {
  const out = { ...map } as Record<string, (input: unknown, ctx: CoreContext) => Promise<unknown>>
  for (const [name, entityOf] of Object.entries(ENTRY_WRITES)) {
    const inner = out[name]!
    out[name] = async (input, ctx) => {
      const result = (await inner(input, ctx)) as Record<string, unknown>
      const id = entityOf!(result)
      return id ? { ...result, findings: openFindingsOf(ctx, today(ctx), id) } : result
    }
  }
  // The preview's rows carry their findings, worked out chunk by chunk while the worker still reads the file.
  out['exchange.previewImport'] = async (input, ctx) =>
    (await previewImport(input as PreviewInput, ctx, false, previewFindings(ctx, today(ctx)))).result
  return out as unknown as HandlerMap
}

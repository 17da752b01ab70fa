/** checks.run | checks.rules | checks.acknowledge, and the writes that answer with findings (withChecks). */
import type { Finding } from '../../../shared/contract/checks'
import type { ImportResult } from '../../../shared/contract/exchange'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers, HandlerMap } from '../context'
import { communeReader } from '../office/communes'
import { isProvince, today } from '../office/office'
import { evaluate, type Subject, type SubjectFigures } from './evaluate'
import { ruleInfo, rules, FIGURE_FIELDS } from './rules'
import { countFindings, openFindingsOf, packageFindings, registerFindings, withAcks } from './run'
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

/** A preview row as the rules would see it saved: the register's record (if any) with the file's values over it. */
function previewSubjects(ctx: CoreContext, result: ImportResult, asOf: string): Array<{ row: { findings?: Finding[] }; subject: Subject }> {
  const rows = result.files.flatMap((f) => f.sheets.flatMap((s) => s.rows.map((r) => ({ file: f.file, sheet: s, r }))))
  const wanted = rows.filter((x) => x.r.record && (x.r.state === 'new' || x.r.state === 'update' || x.r.state === 'unchanged'))
  if (wanted.length === 0) return []
  const placeOf = communeReader(ctx)
  const existing = wanted.some((x) => x.r.entityId)
    ? new Map(loadSubjects(ctx, asOf).map((s) => [s.entityId, s]))
    : new Map<number | null, Subject>()
  return wanted.map(({ file, sheet, r }) => {
    const rec = r.record!
    const base = (r.entityId ? existing.get(r.entityId) : undefined) ?? null
    const figures = [...(base?.figures ?? [])].filter((f) => f.year !== sheet.figuresYear)
    const before = base?.figures.find((f) => f.year === sheet.figuresYear)
    const fileFigures = rec.figures as Partial<Record<(typeof FIGURE_FIELDS)[number], number | null>>
    if (Object.values(fileFigures).some((v) => v !== null && v !== undefined) || before) {
      const f = { year: sheet.figuresYear } as SubjectFigures
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
      key: base ? String(base.entityId) : `${file}#${sheet.sheet}#${r.row}`,
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
    return { row: r, subject }
  })
}

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
  const preview = out['exchange.previewImport']!
  out['exchange.previewImport'] = async (input, ctx) => {
    const result = (await preview(input, ctx)) as ImportResult
    const asOf = today(ctx)
    for (const { row, subject } of previewSubjects(ctx, result, asOf)) {
      // What is wrong or doubtful in the file; what a report still lacks (info) is for «Kiểm tra số liệu» after the import,
      // or nearly every row of a list without figures would carry a sentence.
      const findings = withAcks(
        ctx,
        evaluate(subject, asOf, (rule) => rule.severity !== 'info')
      ).filter((f) => f.state === 'open')
      if (findings.length) row.findings = findings
    }
    return result
  }
  return out as unknown as HandlerMap
}

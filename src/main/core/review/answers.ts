/**
 * The district's answers travel back in its next package: the signed manifest entry
 * «reviewAnswers» (JSON, only when there are some) lists the answered remarks of the newest
 * reply it imported, by the province's own remark id. The province, consolidating that
 * package, writes each answer onto its remark — only remarks of that district's reviews.
 */
import type Sqlite from 'better-sqlite3'
import type { CoreContext } from '../context'
import type { Manifest } from '../handoff/format'

export interface ReviewAnswer {
  /** The province's remark id (reply_remarks.remote_id). */
  remarkId: number
  note: string
  at: string
  by: string
}

/** District, at export: the answers to the newest reply's remarks. */
export function answersForPackage(ctx: CoreContext): ReviewAnswer[] {
  return (
    ctx.conn.sqlite
      .prepare(
        `select m.remote_id as remarkId, m.answer_note as note, m.answered_at as at, m.answered_by as by from reply_remarks m
         where m.answer_note is not null
           and m.reply_id = (select id from review_replies order by package_export_id desc limit 1)
         order by m.remote_id`
      )
      .all() as ReviewAnswer[]
  ).map((a) => ({ ...a }))
}

export function answersOf(manifest: Manifest | null): ReviewAnswer[] {
  const raw = manifest?.reviewAnswers
  if (!raw) return []
  try {
    const list = JSON.parse(raw) as unknown
    if (!Array.isArray(list)) return []
    return list.filter(
      (a): a is ReviewAnswer =>
        !!a && typeof a.remarkId === 'number' && typeof a.note === 'string' && typeof a.at === 'string' && typeof a.by === 'string'
    )
  } catch {
    return []
  }
}

/** Province, inside the consolidation's transaction: the answers onto that district's remarks; how many landed. */
export function storeAnswers(sqlite: Sqlite.Database, unit: string, answers: ReviewAnswer[]): number {
  const update = sqlite.prepare(
    `update review_remarks set answer_note = ?, answered_at = ?, answered_by = ?
     where id = ? and review_id in (select id from package_reviews where unit_code = ?)
       and (answer_note is null or answer_note <> ? or answered_at <> ? or answered_by <> ?)`
  )
  let stored = 0
  for (const a of answers) stored += update.run(a.note, a.at, a.by, a.remarkId, unit, a.note, a.at, a.by).changes
  return stored
}

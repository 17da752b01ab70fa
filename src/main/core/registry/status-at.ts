/**
 * A record's legal status at a date, defined once. Status is a list of dated
 * events, never a column that gets replaced: the status on a day is the one of
 * the deciding event among those in force that day — a dated event above an
 * undated one ("since registration"), then the later date, then the later
 * recorded. With no date, the latest recorded of all (the register as it stands).
 *
 * The order is one number per event (DECIDING_KEY), so the same rule serves
 * both shapes the callers need: one record at a time (correlated, by the
 * (entity_id, effective_date) index) and every record in one grouped pass
 * (SQLite takes a max() aggregate's bare columns from the row holding the max).
 */
import { sql, type RawBuilder } from 'kysely'

/** Dated above undated, then yyyymmdd, then the id (below 10^8): fits SQLite's 64-bit integers. */
const DECIDING_KEY = `((s.effective_date is not null) * 100000000000000000 + coalesce(cast(replace(s.effective_date, '-', '') as integer), 0) * 100000000 + s.id)`
const IN_FORCE = `(s.effective_date is null or s.effective_date <= ?)`

/**
 * Every record's deciding event as rows (entity_id, status, effective_date) — SQL text
 * for better-sqlite3, with one `?` for the date when `asOf`, then one for `where` if given.
 */
export function statusesSql(options: { asOf: boolean; where?: string }): string {
  const conditions = [options.asOf ? IN_FORCE : null, options.where ?? null].filter(Boolean)
  return `select s.entity_id as entity_id, s.status as status, s.effective_date as effective_date, max(${DECIDING_KEY}) as deciding
    from status_events s ${conditions.length ? `where ${conditions.join(' and ')}` : ''} group by s.entity_id`
}

/** The deciding event of the record aliased `alias` in the outer query (Kysely), column `column` of it. */
function decidingOf(alias: string, column: 'status' | 'effective_date', asOf: string | undefined): RawBuilder<unknown> {
  return sql`(select ${sql.raw(`s.${column}`)} from status_events s where s.entity_id = ${sql.ref(`${alias}.id`)}
    ${asOf === undefined ? sql`` : sql`and (s.effective_date is null or s.effective_date <= ${asOf})`}
    order by ${sql.raw(DECIDING_KEY)} desc limit 1)`
}

/** The status of the record aliased `alias`, on `asOf` (or as the register stands). */
export function statusOf(alias: string, asOf?: string): RawBuilder<string | null> {
  return decidingOf(alias, 'status', asOf) as RawBuilder<string | null>
}

/** Since when that status holds: the deciding event's date (null: since registration). */
export function statusSinceOf(alias: string, asOf?: string): RawBuilder<string | null> {
  return decidingOf(alias, 'effective_date', asOf) as RawBuilder<string | null>
}

/**
 * Management labels (013) follow the same rule over entity_labels: the deciding label row on
 * a date is the one status events would pick; its label null means none is held.
 */
export function labelsSql(options: { asOf: boolean }): string {
  return `select s.entity_id as entity_id, s.label as label, s.effective_date as effective_date, max(${DECIDING_KEY}) as deciding
    from entity_labels s ${options.asOf ? `where ${IN_FORCE}` : ''} group by s.entity_id`
}

function decidingLabelOf(alias: string, column: 'label' | 'effective_date', asOf: string | undefined): RawBuilder<unknown> {
  return sql`(select ${sql.raw(`s.${column}`)} from entity_labels s where s.entity_id = ${sql.ref(`${alias}.id`)}
    ${asOf === undefined ? sql`` : sql`and (s.effective_date is null or s.effective_date <= ${asOf})`}
    order by ${sql.raw(DECIDING_KEY)} desc limit 1)`
}

/** The management label of the record aliased `alias` on `asOf` (or now), null when none. */
export function labelOf(alias: string, asOf?: string): RawBuilder<string | null> {
  return decidingLabelOf(alias, 'label', asOf) as RawBuilder<string | null>
}

export function labelSinceOf(alias: string, asOf?: string): RawBuilder<string | null> {
  return decidingLabelOf(alias, 'effective_date', asOf) as RawBuilder<string | null>
}

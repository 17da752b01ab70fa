/**
 * Conflicts in a province file: the same cooperative in two districts' snapshots, by
 * registration number or, for THT, by folded name + commune (typically a moved head
 * office). Never merged, never double counted: each conflict is counted in exactly
 * one district, the one the province chose (conflict_owners, migration 008) or,
 * until it chooses, the district whose package was exported most recently — except a record a former
 * district handed over to a commune (handover/), counted at that commune.
 *
 * `leftOutOfProvinceCounts` is the one place that says which rows the province's
 * numbers skip; the report snapshot (summary, annex tables, list layouts) and the
 * dashboard's per-year series all take it from here, so every province number agrees.
 */
import type { Conflict } from '../../../shared/contract/handoff'
import { AppError } from '../../../shared/errors'
import { fold } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'

type Sqlite = CoreContext['conn']['sqlite']

interface Group {
  units: Set<string>
  names: Set<string>
  rows: Array<{ id: number; unit: string }>
  /** Units a former district's copy says it was handed over to (migration 021, handover/). */
  handedTo: Set<string>
}

interface Decision {
  key: string
  owner_unit: string
  decided_at: string
  decided_by: string
  note: string | null
}

function officeLevel(sqlite: Sqlite): { code: string; name: string; level: string } | undefined {
  return sqlite.prepare('select a.code, a.name, a.level from office o join admin_units a on a.code = o.unit_code').get() as
    { code: string; name: string; level: string } | undefined
}

/** The conflicting keys only: registration numbers held by more than one district are found by SQLite; THT are keyed here (folding). */
function conflictGroups(sqlite: Sqlite): Map<string, Group> {
  const rows = sqlite
    .prepare(
      `select id, kind, reg_no, name, name_key, commune, district_code, handed_over_to from entities
       where deleted_at is null and district_code is not null
         and (kind = 'tht' or reg_no in (
           select reg_no from entities where deleted_at is null and district_code is not null and kind <> 'tht' and reg_no <> ''
           group by reg_no having count(distinct district_code) > 1))
       order by id`
    )
    .all() as Array<{
    id: number
    kind: string
    reg_no: string | null
    name: string
    name_key: string
    commune: string | null
    district_code: string
    handed_over_to: string | null
  }>
  const groups = new Map<string, Group>()
  for (const r of rows) {
    const key = r.kind !== 'tht' && r.reg_no ? `reg:${r.reg_no}` : r.kind === 'tht' ? `tht:${r.name_key}|${fold(r.commune ?? '')}` : null
    if (!key) continue
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { units: new Set(), names: new Set(), rows: [], handedTo: new Set() }))
    g.units.add(r.district_code)
    g.names.add(r.name)
    g.rows.push({ id: r.id, unit: r.district_code })
    if (r.handed_over_to) g.handedTo.add(r.handed_over_to)
  }
  for (const [key, g] of groups) if (g.units.size < 2) groups.delete(key)
  return groups
}

/**
 * Per district, the export time of the package in place: the one accepted last (not the latest date: a package
 * accepted over one with a wrong, future date is in place though its date is earlier).
 */
function latestExports(sqlite: Sqlite): Map<string, string> {
  const rows = sqlite
    .prepare(
      `select unit_code, exported_at as at from package_consolidations
       where id in (select max(id) from package_consolidations where outcome = 'accepted' and unit_code is not null group by unit_code)`
    )
    .all() as Array<{ unit_code: string; at: string | null }>
  return new Map(rows.map((r) => [r.unit_code, r.at ?? '']))
}

function decide(
  units: string[],
  decision: Decision | undefined,
  exported: Map<string, string>,
  handedTo: Set<string> = new Set()
): { counted: string; resolved: boolean } {
  if (decision && units.includes(decision.owner_unit)) return { counted: decision.owner_unit, resolved: true }
  // A former district handed the record over to a commune whose package is here: the commune holds it, with its whole
  // history, whichever package is newer (the district's copy counts only before its handover date, so it would drop out).
  const receiver = units.find((u) => handedTo.has(u))
  if (receiver) return { counted: receiver, resolved: false }
  // Newest package first; the same moment (never in practice): the lower code, so the answer does not wobble.
  const newest = [...units].sort((a, b) => {
    const ea = exported.get(a) ?? ''
    const eb = exported.get(b) ?? ''
    return ea === eb ? (a < b ? -1 : 1) : ea > eb ? -1 : 1
  })[0]!
  return { counted: newest, resolved: false }
}

function withDecisions(sqlite: Sqlite, groups: Map<string, Group>): Array<{ key: string; group: Group; conflict: Conflict }> {
  const decisions = new Map(
    (sqlite.prepare('select key, owner_unit, decided_at, decided_by, note from conflict_owners').all() as Decision[]).map((d) => [d.key, d])
  )
  const exported = latestExports(sqlite)
  return [...groups]
    .map(([key, group]) => {
      const units = [...group.units].sort()
      const d = decisions.get(key)
      const { counted, resolved } = decide(units, d, exported, group.handedTo)
      const conflict: Conflict = {
        key,
        units,
        names: [...group.names],
        countedUnit: counted,
        resolved,
        decision: d ? { owner: d.owner_unit, at: d.decided_at, by: d.decided_by, note: d.note } : null
      }
      return { key, group, conflict }
    })
    .sort((a, b) => (a.key < b.key ? -1 : 1))
}

/** The fields a province compares between two districts' copies of one cooperative (entity field → column). */
const COPY_FIELDS = {
  name: 'name',
  commune: 'commune',
  address: 'address',
  representative: 'representative',
  phone: 'phone',
  registrationDate: 'registration_date',
  charterCapital: 'charter_capital'
} as const

/** Each district's copy of a conflicting cooperative, and which of the compared fields differ between them. */
function copiesOf(sqlite: Sqlite, group: Group): Pick<Conflict, 'copies' | 'differs'> {
  const columns = Object.entries(COPY_FIELDS)
    .map(([field, column]) => `${column} as ${field}`)
    .join(', ')
  const read = sqlite.prepare(`select ${columns} from entities where id = ?`)
  const copies = group.rows.map((r) => ({ unit: r.unit, fields: read.get(r.id) as Record<string, string | number | null> }))
  const differs = Object.keys(COPY_FIELDS).filter((f) => new Set(copies.map((c) => JSON.stringify(c.fields[f] ?? null))).size > 1)
  return { copies, differs }
}

/** The same cooperative in two districts' snapshots, with the district it is counted in. */
export function findConflicts(ctx: CoreContext): Conflict[] {
  return withDecisions(ctx.conn.sqlite, conflictGroups(ctx.conn.sqlite)).map((c) => c.conflict)
}

/** As findConflicts, with each district's copy and what differs between them: for the person choosing the managing district. */
export function conflictsWithCopies(ctx: CoreContext): Conflict[] {
  const sqlite = ctx.conn.sqlite
  return withDecisions(sqlite, conflictGroups(sqlite)).map(({ group, conflict }) => ({ ...conflict, ...copiesOf(sqlite, group) }))
}

/**
 * Entity ids the province's numbers leave out: every copy of a conflicting entity
 * except the counted district's. Empty in a district file (its own register is its own).
 */
export function leftOutOfProvinceCounts(ctx: CoreContext): Set<number> {
  const sqlite = ctx.conn.sqlite
  const out = new Set<number>()
  if (officeLevel(sqlite)?.level !== 'province') return out
  for (const { group, conflict } of withDecisions(sqlite, conflictGroups(sqlite))) {
    for (const r of group.rows) if (r.unit !== conflict.countedUnit) out.add(r.id)
  }
  return out
}

function whatIs(c: Conflict): string {
  return c.key.startsWith('reg:') ? `mã số ${c.key.slice(4)}` : `tổ hợp tác «${c.names[0] ?? ''}»`
}

/** The province decides which district owns a conflicting entity: one transaction with its audit row. */
export async function resolveConflict(
  ctx: CoreContext,
  input: { conflictKey: string; ownerUnit: string; note?: string | null }
): Promise<Conflict> {
  const sqlite = ctx.conn.sqlite
  const office = officeLevel(sqlite)
  if (office?.level !== 'province') {
    throw new AppError(
      'FORBIDDEN',
      `Chỉ tệp dữ liệu cấp tỉnh mới chọn huyện quản lý cho mục trùng giữa các huyện${office ? `; tệp này của ${office.name}` : ''}.`
    )
  }
  const conflict = findConflicts(ctx).find((c) => c.key === input.conflictKey)
  if (!conflict) {
    throw new AppError(
      'NOT_FOUND',
      `Không có mục trùng «${input.conflictKey}» giữa các huyện (có thể một huyện đã sửa và gửi lại gói). Hãy xem lại danh sách trùng.`,
      { field: 'conflictKey' }
    )
  }
  const names = new Map(
    (
      sqlite
        .prepare(`select code, name from admin_units where code in (${conflict.units.map(() => '?').join(', ')})`)
        .all(...conflict.units) as Array<{ code: string; name: string }>
    ).map((u) => [u.code, u.name])
  )
  if (!conflict.units.includes(input.ownerUnit)) {
    throw new AppError(
      'VALIDATION',
      `Huyện quản lý phải là một trong các huyện đang cùng có ${whatIs(conflict)}: ${conflict.units.map((u) => `${u} — ${names.get(u) ?? u}`).join(', ')}; «${input.ownerUnit}» không phải.`,
      { field: 'ownerUnit', units: conflict.units }
    )
  }
  const note = input.note?.trim() ? input.note.trim().normalize('NFC') : null
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('conflict_owners').selectAll().where('key', '=', conflict.key).executeTakeFirst()
    const row = {
      key: conflict.key,
      owner_unit: input.ownerUnit,
      units_json: JSON.stringify(conflict.units),
      decided_at: ctx.now(),
      decided_by: ctx.user,
      note
    }
    await trx
      .insertInto('conflict_owners')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          owner_unit: row.owner_unit,
          units_json: row.units_json,
          decided_at: row.decided_at,
          decided_by: row.decided_by,
          note: row.note
        })
      )
      .execute()
    await writeAudit(trx, ctx, {
      action: 'resolve_conflict',
      table: 'conflict_owners',
      rowId: null,
      before: before ?? undefined,
      after: row
    })
  })
  return conflictsWithCopies(ctx).find((c) => c.key === conflict.key)!
}

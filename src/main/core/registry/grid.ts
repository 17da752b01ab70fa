/**
 * What the registry screen reads in bulk: the grid's lean rows, the ids a
 * search matches, and each profile's screen preferences (columns chosen,
 * order, widths). The grid holds the whole register, so these reads go
 * straight to prepared statements that return arrays, not objects.
 */
import { statusesSql } from './status-at'
import { GRID_FIELDS } from '../../../shared/api'
import { compareVi, searchTokens } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext, DomainHandlers } from '../context'
import { firstInOrder } from './order'
import { FIELD_COLUMNS } from './entities'

const COLUMN_OF: Record<string, string> = {
  ...FIELD_COLUMNS,
  id: 'id',
  rowVersion: 'row_version',
  createdAt: 'created_at',
  deletedAt: 'deleted_at'
}

function gridSql(filtered: boolean): string {
  // The register as it stands (status-at.ts), for every row in one grouped pass.
  const current = statusesSql({ asOf: false, where: filtered ? 's.entity_id in (select value from json_each(?))' : undefined })
  const columns = GRID_FIELDS.map((f) => (f === 'status' ? 'st.status' : `e.${COLUMN_OF[f]}`)).join(', ')
  return `select ${columns} from entities e
    left join (${current}) st on st.entity_id = e.id
    ${filtered ? 'where e.id in (select value from json_each(?))' : ''}`
}

const NAME = GRID_FIELDS.indexOf('name')
const ID = GRID_FIELDS.indexOf('id')

/** A preference belongs to the profile that set it. */
const prefMetaKey = (ctx: CoreContext, key: string) => `pref:${ctx.user}:${key}`

export const gridHandlers: DomainHandlers<'entity.grid' | 'entity.search' | 'prefs.get' | 'prefs.set'> = {
  /**
   * All records, some (ids), or the first screenfuls in name order (first): the
   * screen paints those while the whole register is on its way.
   */
  'entity.grid': async (input, ctx) => {
    const sqlite = ctx.conn.sqlite
    let ids = input.ids
    if (input.first) {
      // One string per record, "id<tab>name": a 100,000-record register reads in two thirds of the time
      // {id, name} objects take, and this read is what the first painted rows of the app wait for.
      const keyed = sqlite.prepare('select id || char(9) || name from entities where deleted_at is null').pluck().all() as string[]
      const nameOf = (s: string) => s.slice(s.indexOf('\t') + 1)
      ids = firstInOrder(keyed, input.first, (a, b) => compareVi(nameOf(a), nameOf(b)) || parseInt(a, 10) - parseInt(b, 10)).map((s) =>
        parseInt(s, 10)
      )
      if (ids.length === 0) return { fields: GRID_FIELDS, rows: [] }
    }
    const rows = ids
      ? (sqlite.prepare(gridSql(true)).raw().all(JSON.stringify(ids), JSON.stringify(ids)) as unknown[][])
      : (sqlite.prepare(gridSql(false)).raw().all() as unknown[][])
    rows.sort((a, b) => compareVi(a[NAME] as string, b[NAME] as string) || (a[ID] as number) - (b[ID] as number))
    return { fields: GRID_FIELDS, rows }
  },

  /** The ids whose folded name, number, representative, address or commune hold every word typed (as entity.list's q). */
  'entity.search': async (input, ctx) => {
    const tokens = searchTokens(input.q)
    // Tokens are folded to [a-z0-9], so they carry no LIKE wildcards.
    const where = tokens.map(() => 'search_key like ?').join(' and ') || '1'
    const ids = ctx.conn.sqlite
      .prepare(`select id from entities where ${where}`)
      .pluck()
      .all(...tokens.map((t) => `%${t}%`)) as number[]
    return { ids }
  },

  'prefs.get': async (input, ctx) => {
    const row = await ctx.db.selectFrom('meta').select('value').where('key', '=', prefMetaKey(ctx, input.key)).executeTakeFirst()
    return { value: row?.value ?? null }
  },

  'prefs.set': async (input, ctx) => {
    const key = prefMetaKey(ctx, input.key)
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('meta')
        .values({ key, value: input.value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: input.value }))
        .execute()
      await writeAudit(trx, ctx, { action: 'prefs_set', table: 'meta', rowId: null, after: { key: input.key } })
    })
    return { saved: true }
  }
}

import { sql, type Kysely } from 'kysely'
import { vnDate } from '../../../../shared/clock'
import { registerArea } from '../../office/communes'
import { LAST_DAY_BEFORE } from '../../office/map'
import { resolveCommune } from '../../office/resolve'

/**
 * The commune of a record as data (issue 14): the key of an official commune of the office's area
 * (admin_units.code, the map of the register's period), beside the commune text as written. Records
 * already in the file get it from their commune text, else their address, when exactly one commune of
 * the area matches; the others keep no code and the data check «commune_unplaced» lists them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entities').addColumn('commune_code', 'text').execute()
  await db.schema.createIndex('entities_commune_code').on('entities').column('commune_code').execute()
  const office = await db.selectFrom('office').select('unit_code').executeTakeFirst()
  const area = registerArea(office?.unit_code as string | undefined, vnDate(new Date().toISOString()))
  if (!area) return
  const rows = (await db.selectFrom('entities').select(['id', 'commune', 'address']).execute()) as Array<{
    id: number
    commune: string | null
    address: string | null
  }>
  for (const r of rows) {
    const text = r.commune || r.address
    if (!text) continue
    const m = resolveCommune(text, area.office, area.date)
    const key =
      m.kind === 'found'
        ? m.key
        : area.office.level === 'commune' && resolveCommune(text, area.office, LAST_DAY_BEFORE).kind === 'found'
          ? area.office.key
          : null
    if (key) await sql`update entities set commune_code = ${key} where id = ${r.id}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('entities_commune_code').execute()
  await db.schema.alterTable('entities').dropColumn('commune_code').execute()
}

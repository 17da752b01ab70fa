/**
 * Reference data shipped in resources/ (compiled into the bundle), copied into
 * the file when its version changes, so the map can change without code.
 */
import type { Kysely } from 'kysely'
import units from '../../../../resources/admin-units/units.json'
import type { Database } from './schema'

export async function syncAdminUnits(db: Kysely<Database>): Promise<void> {
  const key = 'admin_units_version'
  const current = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst()
  if (current?.value === units.version) return
  await db.transaction().execute(async (trx) => {
    // Parents before children so the foreign key holds.
    const order = { province: 0, district: 1, commune: 2 } as Record<string, number>
    const sorted = [...units.units].sort((a, b) => order[a.level] - order[b.level])
    for (const u of sorted) {
      const row = {
        code: u.code,
        name: u.name.normalize('NFC'),
        level: u.level,
        parent_code: u.parent,
        valid_from: u.validFrom,
        valid_to: u.validTo
      }
      await trx
        .insertInto('admin_units')
        .values(row)
        .onConflict((oc) => oc.column('code').doUpdateSet(row))
        .execute()
    }
    await trx
      .insertInto('meta')
      .values({ key, value: units.version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: units.version }))
      .execute()
  })
}

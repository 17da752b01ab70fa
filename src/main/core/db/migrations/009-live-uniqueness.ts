import { sql, type Kysely } from 'kysely'

/**
 * One live record per registration number, and per THT without a number per
 * folded name + commune (two imports of one file at once doubled every
 * record; the preview ran outside the write and nothing in the file said no).
 *
 * Triggers rather than a unique index, for two reasons a unique index cannot meet:
 * - a file that already holds two live records with one number (from that very
 *   bug) must still open: the rule holds for every write from now on, and an old
 *   pair is refused only when one of them is written again (the message names
 *   the other record, so the person merges them);
 * - a province's register is the districts' snapshots side by side, where the same
 *   cooperative claimed by two districts is a conflict to show, not to refuse.
 * The message text is matched by db/unique.ts, which says it in Vietnamese.
 */
const PROVINCE = `exists (select 1 from office join admin_units a on a.code = office.unit_code where a.level = 'province')`

function checks(exceptSelf: string): string {
  return `
    select raise(abort, 'so-htx:duplicate-reg-no')
      where new.reg_no is not null
        and exists (select 1 from entities e where e.reg_no = new.reg_no and e.deleted_at is null ${exceptSelf});
    select raise(abort, 'so-htx:duplicate-tht')
      where new.reg_no is null and new.kind = 'tht' and new.commune is not null
        and exists (select 1 from entities e where e.kind = 'tht' and e.reg_no is null and e.deleted_at is null
                    and e.name_key = new.name_key and e.commune = new.commune ${exceptSelf});`
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create trigger entities_live_unique_insert before insert on entities
       when new.deleted_at is null and not ${PROVINCE}
       begin ${checks('')} end`
    )
    .execute(db)
  await sql
    .raw(
      `create trigger entities_live_unique_update before update of reg_no, kind, name_key, commune, deleted_at on entities
       when new.deleted_at is null and not ${PROVINCE}
         and (old.deleted_at is not null or new.reg_no is not old.reg_no or new.kind is not old.kind
              or new.name_key is not old.name_key or new.commune is not old.commune)
       begin ${checks('and e.id <> new.id')} end`
    )
    .execute(db)
  await sql`create index entities_tht_name on entities (name_key, commune) where kind = 'tht' and reg_no is null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists entities_live_unique_insert`.execute(db)
  await sql`drop trigger if exists entities_live_unique_update`.execute(db)
  await sql`drop index if exists entities_tht_name`.execute(db)
}

/**
 * Transition obligations of the 2023 law (Điều 115) as a list of overdue records: a THT that must
 * register (Điều 107 khoản 2) with no certificate by the deadline, an HTX/LHHTX founded before the
 * law came into force whose charter was not updated by then. Deadline and citations are data
 * (resources/registry/transition-2023.json). Records gone or being dissolved are left out.
 */
import type { Kysely } from 'kysely'
import data from '../../../../resources/registry/transition-2023.json'
import type { Obligation } from '../../../shared/api'
import type { EntityKind } from '../../../shared/domain'
import type { Database } from '../db/schema'
import { selectEntities } from './entities'

export async function overdueObligations(db: Kysely<Database>, asOf: string): Promise<Obligation[]> {
  if (asOf <= data.deadline) return []
  const rows = await selectEntities(db, asOf).where('e.deleted_at', 'is', null).orderBy('e.name').execute()
  const out: Obligation[] = []
  for (const e of rows) {
    if (e.status === null || e.status === 'dissolved' || e.status === 'dissolving' || e.status === 'bankruptcy') continue
    const base = { entityId: e.id, kind: e.kind as EntityKind, name: e.name, regNo: e.reg_no, deadline: data.deadline }
    if (e.kind === 'tht') {
      if (e.must_register !== 1) continue
      const done = e.certificate_no ? (e.certificate_date ?? null) : null
      if (e.certificate_no && (done === null || done <= data.deadline)) continue
      out.push({ ...base, code: 'tht_registration', ...data.obligations.tht_registration, doneOn: done })
    } else {
      if (e.registration_date && e.registration_date >= data.lawInForce) continue
      const done = e.charter_updated_date ?? null
      if (done !== null && done <= data.deadline) continue
      out.push({ ...base, code: 'charter_update', ...data.obligations.charter_update, doneOn: done })
    }
  }
  return out
}

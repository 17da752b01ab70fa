/**
 * The README promises a verified copy before each import and each dissolution
 * finalisation: taken just before the change, of this
 * office, so a restore undoes exactly that step.
 *
 * The first test proves backupBefore itself. The two after it need the call
 * wired into exchange/commit.ts and dissolution/handlers.ts (owned elsewhere):
 * they fail until then.
 */
import Sqlite from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupBefore } from '../../src/main/core/backup/before'
import { backupDir, listBackups } from '../../src/main/core/backup/files'
import { officeCore } from '../helpers/temp'

const FIX = join(__dirname, '../fixtures/import')

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

function entitiesIn(file: string): number {
  const db = new Sqlite(file, { readonly: true })
  try {
    return (db.prepare('select count(*) n from entities').get() as { n: number }).n
  } finally {
    db.close()
  }
}

const copies = (reason: string) => listBackups(backupDir(core.dbPath)).filter((r) => r.reason === reason)

describe('a copy before a risky step', () => {
  it('backupBefore writes a verified copy of this office, recorded with its reason', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Trước' })
    const record = await backupBefore(core.ctx, 'import')
    expect(record).toMatchObject({ reason: 'import', unitCode: '178', source: 'so-htx.db' })
    expect(entitiesIn(record.file)).toBe(1)
    expect(copies('import')).toHaveLength(1)
  })

  it('an import commit takes one first, holding the register as it was before the import', async () => {
    await core.call('entity.create', { kind: 'htx', name: 'HTX Có sẵn' })
    const result = await core.call('exchange.commitImport', { files: [{ path: join(FIX, 'danh-sach-sach.xlsx') }] })
    expect(result.totals.created).toBeGreaterThan(0)
    const made = copies('import')
    expect(made).toHaveLength(1)
    expect(entitiesIn(made[0].file)).toBe(1)
  })

  it('a dissolution finalisation takes one first', async () => {
    const e = await core.call('entity.create', { kind: 'htx', name: 'HTX Giải thể', status: 'suspended' })
    const c = await core.call('dissolution.open', {
      entityId: e.id,
      kind: 'voluntary',
      law: '2012',
      openedOn: '2024-03-01',
      decisionNo: '01/NQ-ĐHTV'
    })
    await core.call('dissolution.step', { caseId: c.id, code: 'NQ', state: 'done', doneOn: '2024-03-01' })
    await core.call('dissolution.step', { caseId: c.id, code: 'TB_DK', state: 'done', doneOn: '2024-04-15' })
    await core.call('dissolution.step', { caseId: c.id, code: 'TB_NO', state: 'done', doneOn: '2024-04-20' })
    await core.call('dissolution.step', { caseId: c.id, code: 'HS', state: 'na', naReason: 'Hồ sơ nộp cùng thông báo' })
    await core.call('dissolution.step', { caseId: c.id, code: 'XOA', state: 'done', doneOn: '2024-06-01' })
    const done = await core.call('dissolution.finalise', { caseId: c.id, authorityDate: '2024-06-01', decisionNo: '15/TB-TCKH' })
    expect(done.state).toBe('finalised')
    const made = copies('finalisation')
    expect(made).toHaveLength(1)
    // Taken before: the entity is still being dissolved in the copy.
    const db = new Sqlite(made[0].file, { readonly: true })
    const state = db.prepare('select state from dissolution_cases where id = ?').get(c.id) as { state: string }
    db.close()
    expect(state.state).not.toBe('finalised')
  })
})

import { describe, expect, it } from 'vitest'
import { runTrials } from './harness'
import { scenarios } from './scenarios'

// A few kills per scenario in every test run; `npm run test:crash` runs 100.
const TRIALS = Number(process.env.CRASH_TRIALS ?? 4)

describe('crash safety: SIGKILL at random moments', () => {
  for (const name of Object.keys(scenarios)) {
    it(`${name}: the file opens, passes integrity_check and keeps every invariant`, async () => {
      const report = await runTrials(name, TRIALS)
      expect(report.failures).toEqual([])
      expect(report.auditRows).toBeGreaterThan(TRIALS) // it was really writing when killed
    }, 120_000)
  }

  it('the checks do find a broken invariant (an audit row deleted behind the core\'s back)', async () => {
    const Sqlite = (await import('better-sqlite3')).default
    const { createCore } = await import('../../src/main/core/api')
    const { tempDir } = await import('../helpers/temp')
    const t = tempDir()
    const core = await createCore({ dbPath: `${t.dir}/a.db` })
    await scenarios.registry.setup(core)
    for (let i = 0; i < 6; i++) await scenarios.registry.step(core, i)
    await core.close()
    const db = new Sqlite(`${t.dir}/a.db`)
    expect(scenarios.registry.check(db)).toEqual([])
    db.prepare("delete from audit_log where id = (select max(id) from audit_log where action = 'update')").run()
    expect(scenarios.registry.check(db).join()).toMatch(/số lần sửa khác số dòng nhật ký/)
    db.close()
    t.cleanup()
  })
})

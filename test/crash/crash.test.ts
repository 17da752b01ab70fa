import { describe, expect, it } from 'vitest'
import { runTrials } from './harness'
import { scenarios } from './scenarios'

// A few kills per scenario in every test run; `npm run test:crash` runs 100.
const TRIALS = Number(process.env.CRASH_TRIALS ?? 4)

describe('crash safety: SIGKILL at random moments', () => {
  for (const name of Object.keys(scenarios)) {
    // Concurrent: most of a trial is a worker starting up, and the scenarios use separate files.
    it.concurrent(
      `${name}: the file opens, passes integrity_check and keeps every invariant`,
      async () => {
        const report = await runTrials(name, TRIALS)
        expect(report.failures).toEqual([])
        // It was really writing: each trial commits its first step, then is killed during the next ones
        // (units of work where the scenario counts them, else audit rows).
        expect(report.work).toBeGreaterThanOrEqual(TRIALS)
      },
      120_000
    )
  }

  it("the checks do find a broken invariant (an audit row deleted behind the core's back)", async () => {
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

  // The same for each other scenario: a few steps in process, then one row changed behind the core's back.
  const tampered: Array<[string, number, string, RegExp]> = [
    ['import', 1, 'delete from yearly_figures where id = (select max(id) from yearly_figures)', /không trọn vẹn/],
    ['bulk', 3, "update entities set notes = 'bước 99', commune = 'Xã Bước 99' where id = (select min(id) from entities)", /dán dở/],
    ['finalise', 2, "delete from status_events where status = 'dissolved' and id = (select max(id) from status_events)", /hoàn tất dở/],
    ['consolidate', 2, 'delete from yearly_figures where id = (select max(id) from yearly_figures)', /không trọn một bản/]
  ]
  for (const [name, steps, sql, problem] of tampered) {
    it.concurrent(
      `the ${name} checks find a broken invariant`,
      async () => {
        const Sqlite = (await import('better-sqlite3')).default
        const { createCore } = await import('../../src/main/core/api')
        const { tempDir } = await import('../helpers/temp')
        const t = tempDir()
        try {
          const core = await createCore({ dbPath: `${t.dir}/a.db` })
          await scenarios[name].setup(core)
          for (let i = 0; i < steps; i++) await scenarios[name].step(core, i)
          await core.close()
          const db = new Sqlite(`${t.dir}/a.db`)
          expect(scenarios[name].check(db)).toEqual([])
          expect(db.prepare(sql).run().changes).toBe(1)
          expect(scenarios[name].check(db).join()).toMatch(problem)
          db.close()
        } finally {
          t.cleanup()
        }
      },
      60_000
    )
  }
})

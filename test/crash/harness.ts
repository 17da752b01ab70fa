/**
 * Kills a worker with SIGKILL at random moments while it writes, then opens the
 * file and checks every invariant. Used by the crash test (few trials) and by
 * `npm run test:crash -- --trials 100`.
 */
import Sqlite from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCore } from '../../src/main/core/api'
import { scenarios } from './scenarios'

const root = resolve(__dirname, '../..')

export interface TrialReport {
  scenario: string
  trials: number
  failures: Array<{ trial: number; problems: string[] }>
  /** Audit rows in the file at the end: proof that the worker was writing when killed. */
  auditRows: number
  /** The scenario's own count of committed units of work (its `work`), else the audit rows. */
  work: number
}

function killAtRandom(dbPath: string, scenario: string, trial: number, maxDelayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    // tsx as a loader in the worker's own process: its CLI would start a grandchild
    // that outlives the kill and keeps writing.
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'worker.ts'), dbPath, scenario, String(trial * 1000)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * maxDelayMs)
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done()
      else fail(new Error(`worker stopped by itself (code ${code}): ${stderr.slice(0, 2000)}`))
    })
  })
}

export async function runTrials(
  scenario: string,
  trials: number,
  maxDelayMs = scenarios[scenario].killWithinMs ?? 400
): Promise<TrialReport> {
  const dir = mkdtempSync(join(tmpdir(), 'so-htx-crash-'))
  const dbPath = join(dir, 'crash.db')
  const report: TrialReport = { scenario, trials, failures: [], auditRows: 0, work: 0 }
  try {
    const core = await createCore({ dbPath, user: 'crash' })
    await scenarios[scenario].setup(core)
    await core.close()
    // One file through every trial: each kill lands on what the earlier ones left.
    for (let trial = 1; trial <= trials; trial++) {
      await killAtRandom(dbPath, scenario, trial, maxDelayMs)
      const db = new Sqlite(dbPath)
      let problems: string[]
      try {
        problems = scenarios[scenario].check(db)
      } catch (err) {
        problems = [`không mở/kiểm tra được tệp: ${(err as Error).message}`]
      } finally {
        db.close()
      }
      if (problems.length) report.failures.push({ trial, problems })
    }
    const db = new Sqlite(dbPath, { readonly: true })
    report.auditRows = (db.prepare('select count(*) n from audit_log').get() as { n: number }).n
    report.work = scenarios[scenario].work?.(db) ?? report.auditRows
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return report
}

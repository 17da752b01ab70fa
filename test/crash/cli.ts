/** `npm run test:crash -- [--trials N] [--scenario NAME]`: prints trials and failures per scenario. */
import { parseArgs } from 'node:util'
import { runTrials } from './harness'
import { scenarios } from './scenarios'

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' }, scenario: { type: 'string' } } })
  const names = values.scenario ? [values.scenario] : Object.keys(scenarios)
  let failed = 0
  for (const name of names) {
    const report = await runTrials(name, Number(values.trials))
    failed += report.failures.length
    console.log(
      `${name}: ${report.trials} lần ngắt đột ngột, ${report.failures.length} lần hỏng (${report.work} việc đã xong, ${report.auditRows} dòng nhật ký đã ghi)`
    )
    for (const f of report.failures) console.log(`  lần ${f.trial}: ${f.problems.join('; ')}`)
  }
  return failed === 0 ? 0 : 1
}

main().then((code) => (process.exitCode = code))

/**
 * Child process of the crash harness: opens the file and runs a scenario's
 * step in a loop, saying "ready" once after the first, until it is killed.
 */
import { createCore } from '../../src/main/core/api'
import { scenarios } from './scenarios'

async function main(): Promise<void> {
  const [dbPath, name, seed] = process.argv.slice(2)
  const scenario = scenarios[name]
  const core = await createCore({ dbPath, user: 'crash' })
  let i = Number(seed) || 0
  // One step before "ready": a fresh process's first call loads what it uses (the import's
  // reader thread takes seconds), so the kill falls on the steps after it, never before any.
  await scenario.step(core, i++)
  process.stdout.write('ready\n')
  for (; ; i++) await scenario.step(core, i)
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(3)
})

/** Child of the consolidation crash test: consolidates the given packages into the province file, until killed. */
import { createCore } from '../../src/main/core/api'

async function main(): Promise<void> {
  const [dbPath, ...files] = process.argv.slice(2)
  const core = await createCore({ dbPath, user: 'crash' })
  process.stdout.write('ready\n')
  await core.call('handoff.consolidate', { files: files.map((path) => ({ path })) })
  await core.close()
  process.stdout.write('done\n')
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(3)
})

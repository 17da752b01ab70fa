/**
 * `npm run bench [-- NAME…] [--size N]`: runs every benchmark module in bench/
 * (or the named ones) and prints its figures as ratios against raw floors.
 */
import { readdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatFigure, type BenchModule } from './lib'

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { size: { type: 'string' } }, allowPositionals: true })
  const all = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !['run.ts', 'lib.ts'].includes(f))
    .map((f) => basename(f, '.ts'))
    .sort()
  const chosen = positionals.length ? all.filter((n) => positionals.includes(n)) : all
  console.log(`Máy: ${cpus()[0]?.model ?? '?'} × ${cpus().length} lõi, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`)
  for (const name of chosen) {
    const mod = (await import(join(__dirname, `${name}.ts`))) as BenchModule
    console.log(`\n== ${name}`)
    const figures = await mod.run(values.size ? { size: Number(values.size) } : {})
    for (const f of figures) console.log(formatFigure(f))
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})

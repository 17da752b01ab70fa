/**
 * `npm run bench [-- NAME…] [--size N]`: runs every benchmark module in bench/
 * (or the named ones) and prints its figures as ratios against raw floors.
 * Each module runs in a process of its own: a module's memory figures and its
 * garbage collector's work are then its own, not what the modules before it left
 * in the heap (the import after consolidation started with 500 MiB held).
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatFigure, type BenchModule } from './lib'

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { size: { type: 'string' }, 'in-process': { type: 'boolean' } },
    allowPositionals: true
  })
  const all = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !['run.ts', 'lib.ts'].includes(f))
    .map((f) => basename(f, '.ts'))
    .sort()
  const chosen = positionals.length ? all.filter((n) => positionals.includes(n)) : all
  if (!values['in-process']) {
    console.log(`Máy: ${cpus()[0]?.model ?? '?'} × ${cpus().length} lõi, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`)
    for (const name of chosen) {
      // The same loader (tsx) and flags as this process, one module, its output straight through.
      const args = [...process.execArgv, __filename, name, '--in-process', ...(values.size ? ['--size', values.size] : [])]
      const child = spawnSync(process.execPath, args, { stdio: 'inherit' })
      if (child.status !== 0) process.exitCode = 1
    }
    return
  }
  for (const name of chosen) {
    const mod = (await import(join(__dirname, `${name}.ts`))) as BenchModule
    console.log(`\n== ${name} (tiến trình ${process.pid})`)
    const figures = await mod.run(values.size ? { size: Number(values.size) } : {})
    for (const f of figures) console.log(formatFigure(f))
  }
}

main().catch((err) => {
  console.error(err)
  process.exitCode = 1
})

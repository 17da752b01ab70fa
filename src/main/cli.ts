/** The CLI door: `npm run cli -- <command> [options]`. */
import { processIo } from './cli/io'
import { runCli } from './cli/run'

runCli(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code
})

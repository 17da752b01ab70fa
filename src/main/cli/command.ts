/**
 * What every CLI command shares: its shape, the common options, opening the
 * core on --db. Each domain's commands live in commands/<domain>.ts.
 */
import type { ParseArgsConfig } from 'node:util'
import { createCore, type Core } from '../core/api'
import { UsageError, type CliIo } from './io'

export type Options = NonNullable<ParseArgsConfig['options']>
export type Values = Record<string, string | boolean | undefined>

export interface Command {
  usage: string
  options: Options
  /** Takes file names or other words after the options (import FILE…). */
  positionals?: boolean
  run(values: Values, positionals: string[], io: CliIo): Promise<unknown>
  /** How to show the result to a person; JSON mode prints it as is. */
  print?(result: unknown, io: CliIo): void
  /** Exit code for a result that ran but says no (verify: the package is not ok); 0 when absent. */
  exitCode?(result: unknown): number
}

export const common: Options = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  user: { type: 'string' }
}

export function needDb(values: Values): string {
  if (typeof values.db !== 'string' || values.db === '') throw new UsageError('Thiếu --db TỆP (tệp dữ liệu của cơ quan).')
  return values.db
}

/**
 * Opens --db through the start-up check every door shares (db/connection.ts):
 * integrity, a newer version (read-only), a lock, a read-only drive… A damaged
 * file is refused before any command runs, so nothing is written into it.
 */
export async function withCore<T>(values: Values, work: (core: Core) => Promise<T>, mustExist = true): Promise<T> {
  const core = await createCore({
    dbPath: needDb(values),
    mustExist,
    checkIntegrity: true,
    user: typeof values.user === 'string' ? values.user : undefined,
    // From the environment, not an option: a password on the command line would show in the process list and shell history.
    password: process.env.SO_HTX_PASSWORD
  })
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}

/** Where the CLI writes: stdout for the one result, stderr for talk. Swappable in tests. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
}

/** Wrong words on the command line: exit code 2. */
export class UsageError extends Error {}

/** Exit codes the issue promises to scripts. */
export const EXIT = { done: 0, rejected: 1, usage: 2 } as const

/** A plain-text table with aligned columns, for people reading a terminal. */
export function table(headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))]
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)))
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(widths[i] - [...c].length))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

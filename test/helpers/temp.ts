import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core/api'

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'so-htx-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * A clock for tests: starts at `start` and moves only when told, so "later" is
 * certain without sleeping (two exports in one millisecond would tie).
 */
export function testClock(start = '2024-07-01T01:00:00.000Z'): { now(): string; advance(ms?: number): void } {
  let t = Date.parse(start)
  return { now: () => new Date(t).toISOString(), advance: (ms = 1000) => void (t += ms) }
}

/** A real SQLite file in a temp dir, set up for an office (district 178 unless told), on the real clock unless given one. */
export async function officeCore(
  unitCode: string | null = '178',
  user = 'Nguyễn Thị Lan',
  options: { now?: () => string } = {}
): Promise<Core & { dir: string; dbPath: string; dispose(): Promise<void> }> {
  const { dir, cleanup } = tempDir()
  const dbPath = join(dir, 'so-htx.db')
  const core = await createCore({ dbPath, user, now: options.now })
  if (unitCode) await core.call('office.setup', { unitCode })
  return {
    ...core,
    dir,
    dbPath,
    dispose: async () => {
      await core.close()
      cleanup()
    }
  }
}

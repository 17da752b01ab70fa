import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../src/main/core/api'

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'so-htx-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A real SQLite file in a temp dir, set up for an office (district 178 unless told). */
export async function officeCore(unitCode: string | null = '178', user = 'Nguyễn Thị Lan'): Promise<Core & { dir: string; dbPath: string; dispose(): Promise<void> }> {
  const { dir, cleanup } = tempDir()
  const dbPath = join(dir, 'so-htx.db')
  const core = await createCore({ dbPath, user })
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

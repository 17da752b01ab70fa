import type { CoreContext } from '../context'
import { backupDir, writeBackup, type BackupReason, type BackupRecord } from './files'
import { rotate } from './rotation'

/**
 * A verified copy taken just before a risky operation (an import commit, a
 * consolidation, a dissolution finalisation), so it can be undone by a restore
 * whatever happens next. Keeps the last 20 of these.
 */
export async function backupBefore(
  ctx: CoreContext,
  reason: Extract<BackupReason, 'import' | 'consolidation' | 'finalisation'>
): Promise<BackupRecord> {
  const record = await writeBackup(ctx.conn.sqlite, ctx.conn.path, reason, ctx.now())
  rotate(backupDir(ctx.conn.path))
  return record
}

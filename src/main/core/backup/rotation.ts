/**
 * How many copies are kept: 14 daily, 12 monthly, the last 20 taken before
 * risky operations. Manual copies written elsewhere (a USB stick) are not ours
 * to delete.
 */
import { vnDate } from '../../../shared/clock'
import type Sqlite from 'better-sqlite3'
import { copyFileSync, writeFileSync } from 'node:fs'
import { backupDir, listBackups, removeBackup, writeBackup, type BackupRecord } from './files'

export const KEEP = { daily: 14, monthly: 12, events: 20 } as const
const EVENT_REASONS = new Set(['migration', 'import', 'consolidation', 'finalisation', 'restore'])

/** The calendar day of an ISO instant, as the office's clock shows it (Vietnam). */
const localDay = vnDate

export function rotate(folder: string): BackupRecord[] {
  const all = listBackups(folder)
  const drop = [
    ...all.filter((r) => r.reason === 'daily').slice(KEEP.daily),
    ...all.filter((r) => r.reason === 'monthly').slice(KEEP.monthly),
    ...all.filter((r) => EVENT_REASONS.has(r.reason)).slice(KEEP.events)
  ]
  drop.forEach(removeBackup)
  return drop
}

/**
 * On the first start of a day: a daily copy, and — if this month has none —
 * the same copy kept as the month's. Returns what it wrote.
 */
export async function dailyBackupIfDue(sqlite: Sqlite.Database, dbPath: string, now: string): Promise<BackupRecord[]> {
  const folder = backupDir(dbPath)
  const existing = listBackups(folder)
  const today = localDay(now)
  if (existing.some((r) => r.reason === 'daily' && localDay(r.at) === today)) return []
  const daily = await writeBackup(sqlite, dbPath, 'daily', now, folder)
  const written = [daily]
  if (!existing.some((r) => r.reason === 'monthly' && localDay(r.at).slice(0, 7) === today.slice(0, 7))) {
    const file = daily.file.replace('-daily-', '-monthly-')
    copyFileSync(daily.file, file)
    const monthly: BackupRecord = { ...daily, file, reason: 'monthly' }
    writeFileSync(file.replace(/\.db$/, '.json'), JSON.stringify(monthly, null, 2))
    written.push(monthly)
  }
  rotate(folder)
  return written
}

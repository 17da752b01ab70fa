/** Backup copies of the office's file: take one, list them, put one back. */
import { z } from 'zod'
import { fullPath, handler } from './common'
import type { OfficeInfo } from './office'

export interface BackupInfo {
  file: string
  at: string
  reason: string
  size: number
  sha256: string
  /** The office the copy is of (null: a file not yet set up). */
  unitCode?: string | null
  unitName?: string | null
}

export const backupLabels: Record<string, string> = {
  folder: 'Thư mục sao lưu',
  file: 'Tệp sao lưu'
}

/** A backup folder or copy by its full path: a relative one would land wherever the app was started. */
const backupPath = fullPath('Cần đường dẫn đầy đủ (ví dụ E:\\SaoLuu)')

export const backupContract = {
  'backup.create': handler<BackupInfo>('province-write')(z.object({ folder: backupPath.optional() }).strict()),
  'backup.list': handler<BackupInfo[]>('read')(z.object({ folder: backupPath.optional() }).strict()),
  'backup.restore': handler<OfficeInfo>('admin')(z.object({ file: backupPath }).strict()),
  /**
   * Only when the file did not open at start-up (src/main/startup.ts): put the
   * newest good copy in its place, keeping the damaged file aside.
   */
  'backup.recoverAtStart': handler<OfficeInfo>('write')(z.object({}).strict())
}

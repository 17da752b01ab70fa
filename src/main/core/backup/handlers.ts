import { AppError } from '../../../shared/errors'
import type { DomainHandlers } from '../context'
import { openDatabase } from '../db/connection'
import { officeInfo } from '../office/handlers'
import { backupDir, listBackups, writeBackup } from './files'
import { replaceDatabaseFile, verifyBackup } from './restore'
import { rotate } from './rotation'

export const backupHandlers: DomainHandlers<'backup.create' | 'backup.list' | 'backup.restore' | 'backup.recoverAtStart'> = {
  // A file that opened needs no rescue; the stand-in core of src/main/startup.ts answers this one.
  'backup.recoverAtStart': async () => {
    throw new AppError('FORBIDDEN', 'Tệp dữ liệu đang mở bình thường nên không cần khôi phục lúc khởi động. Muốn dùng một bản sao lưu, vào Cài đặt → Sao lưu.')
  },

  'backup.create': async (input, ctx) => {
    const record = await writeBackup(ctx.conn.sqlite, ctx.conn.path, 'manual', ctx.now(), input.folder)
    return record
  },

  'backup.list': async (input, ctx) => listBackups(input.folder ?? backupDir(ctx.conn.path)),

  'backup.restore': async (input, ctx) => {
    verifyBackup(input.file)
    const path = ctx.conn.path
    // The file being replaced is itself kept, so a wrong choice can be undone.
    await writeBackup(ctx.conn.sqlite, path, 'restore', ctx.now())
    rotate(backupDir(path))
    await ctx.db.destroy()
    let problem: unknown = null
    try {
      replaceDatabaseFile(path, input.file)
    } catch (err) {
      problem = err
    }
    const conn = await openDatabase(path)
    ctx.conn = conn
    ctx.db = conn.db
    if (problem) {
      throw new AppError('INTERNAL', `Không khôi phục được: ${(problem as Error).message}. Dữ liệu hiện tại vẫn nguyên.`)
    }
    return officeInfo(ctx)
  }
}

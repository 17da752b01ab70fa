import { AppError } from '../../../shared/errors'
import type { CoreContext, DomainHandlers } from '../context'
import { openDatabase } from '../db/connection'
import { officeView } from '../office/view'
import { backupDir, backupOffice, listBackups, officeOf, writeBackup } from './files'
import { assertSameOffice, isOfficeBackup, replaceDatabaseFile, verifyBackup } from './restore'
import { rotate } from './rotation'

/** The open file's office; a file not set up yet has none. */
function currentOffice(ctx: CoreContext): { unitCode: string | null; unitName: string | null } {
  return officeOf(ctx.conn.sqlite) ?? { unitCode: null, unitName: null }
}

export const backupHandlers: DomainHandlers<'backup.create' | 'backup.list' | 'backup.restore' | 'backup.recoverAtStart'> = {
  // A file that opened needs no rescue; the stand-in core of src/main/startup.ts answers this one.
  'backup.recoverAtStart': async () => {
    throw new AppError(
      'FORBIDDEN',
      'Tệp dữ liệu đang mở bình thường nên không cần khôi phục lúc khởi động. Muốn dùng một bản sao lưu, vào Cài đặt → Sao lưu.'
    )
  },

  'backup.create': async (input, ctx) => {
    const record = await writeBackup(ctx.conn.sqlite, ctx.conn.path, 'manual', ctx.now(), input.folder)
    return record
  },

  // Only this office's copies: a province's beside a district's in one folder (a shared USB stick) are not offered.
  'backup.list': async (input, ctx) => {
    const { unitCode } = currentOffice(ctx)
    return listBackups(input.folder ?? backupDir(ctx.conn.path))
      .filter((r) => isOfficeBackup(r, unitCode))
      .map((r) => ({ ...r, ...(backupOffice(r) ?? { unitCode: null, unitName: null }) }))
  },

  'backup.restore': async (input, ctx) => {
    verifyBackup(input.file)
    assertSameOffice(input.file, currentOffice(ctx))
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
    // From here the context holds the restored file: every call, and close(), use it.
    const conn = await openDatabase(path)
    ctx.conn = conn
    ctx.db = conn.db
    if (problem) {
      if (problem instanceof AppError) throw problem
      throw new AppError('INTERNAL', `Không khôi phục được: ${(problem as Error).message}. Dữ liệu hiện tại vẫn nguyên.`)
    }
    return officeView(ctx)
  }
}

import { resolve } from 'node:path'
import type { BackupInfo } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { AppError } from '../../../shared/errors'
import { replaceDamagedFile } from '../../startup'
import { common, needDb, withCore, type Command } from '../command'
import { UsageError, table, type CliIo } from '../io'

function printBackups(result: unknown, io: CliIo): void {
  const rows = result as BackupInfo[]
  io.out(
    table(
      ['Thời điểm', 'Lý do', 'Dung lượng (byte)', 'Tệp'],
      rows.map((r) => [`${formatDate(r.at)} ${r.at.slice(11, 19)}`, r.reason, formatNumber(r.size), r.file])
    )
  )
  io.err(`${rows.length} bản sao lưu.`)
}

export const backupCommands: Record<string, Command> = {
  backup: {
    usage: 'backup --db TỆP [--to THƯ_MỤC]   sao lưu ngay (mặc định vào backups/ cạnh tệp dữ liệu)',
    options: { ...common, to: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) => core.call('backup.create', typeof values.to === 'string' ? { folder: resolve(values.to) } : {})),
    print: (result, io) => {
      const r = result as BackupInfo
      io.out(`Đã sao lưu và kiểm tra: ${r.file}\nSHA-256: ${r.sha256}`)
    }
  },

  backups: {
    usage: 'backups --db TỆP [--in THƯ_MỤC]   liệt kê các bản sao lưu, mới nhất trước',
    options: { ...common, in: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) => core.call('backup.list', typeof values.in === 'string' ? { folder: resolve(values.in) } : {})),
    print: printBackups
  },

  restore: {
    usage: 'restore --db TỆP --from BẢN_SAO_LƯU   khôi phục (tệp hiện tại được sao lưu trước)',
    options: { ...common, from: { type: 'string' } },
    run: async (values) => {
      if (typeof values.from !== 'string') throw new UsageError('Thiếu --from BẢN_SAO_LƯU.')
      const file = resolve(values.from)
      try {
        return await withCore(values, (core) => core.call('backup.restore', { file }))
      } catch (err) {
        // A file the start-up check proves damaged cannot open to restore itself: the copy goes in its place, the damaged file kept beside it.
        if (!(err instanceof AppError) || (err.code !== 'CORRUPT' && err.code !== 'NOT_A_DATABASE')) throw err
        replaceDamagedFile(resolve(needDb(values)), file, new Date().toISOString())
        return withCore(values, (core) => core.call('office.info', {}))
      }
    },
    print: (_result, io) => io.out('Đã khôi phục. Bản trước khi khôi phục được giữ trong backups/.')
  }
}

import { existsSync } from 'node:fs'
import type { OfficeInfo } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { common, needDb, withCore, type Command } from '../command'
import { UsageError, type CliIo } from '../io'

function printOffice(result: unknown, io: CliIo): void {
  const info = result as OfficeInfo
  io.out(
    [
      `Cơ quan:          ${info.officeName ?? '(chưa thiết lập)'}`,
      `Đơn vị:           ${info.unit ? `${info.unit.code} — ${info.unit.name}` : ''}`,
      `Chế độ:           ${info.mode === 'province' ? 'tỉnh' : info.mode === 'district' ? 'huyện' : ''}`,
      `Tệp dữ liệu:      ${info.dbPath}`,
      `Phiên bản cấu trúc: ${info.schemaVersion}`,
      `Số bản ghi:       ${formatNumber(info.counts.entities)}`,
      `Sự kiện tình trạng: ${formatNumber(info.counts.statusEvents)}`,
      `Số liệu năm:      ${formatNumber(info.counts.yearlyFigures)}`,
      `Nhật ký thay đổi: ${formatNumber(info.counts.auditRows)}`
    ].join('\n')
  )
}

export const officeCommands: Record<string, Command> = {
  init: {
    usage: 'init --db TỆP --unit MÃ_ĐƠN_VỊ   tạo tệp dữ liệu cho cơ quan (mã huyện như 178, hoặc mã tỉnh như 20)',
    options: { ...common, unit: { type: 'string' } },
    async run(values) {
      const db = needDb(values)
      if (typeof values.unit !== 'string') throw new UsageError('Thiếu --unit MÃ_ĐƠN_VỊ (ví dụ 178 hoặc 20).')
      if (existsSync(db)) {
        throw new AppError('ALREADY_EXISTS', `Tệp ${db} đã có; không ghi đè lên dữ liệu đang có.`, { path: db })
      }
      return withCore(values, (core) => core.call('office.setup', { unitCode: values.unit }), false)
    },
    print: (result, io) => {
      io.err('Đã tạo tệp dữ liệu.')
      printOffice(result, io)
    }
  },

  info: {
    usage: 'info --db TỆP   cơ quan, phiên bản cấu trúc, số bản ghi',
    options: common,
    run: (values) => withCore(values, (core) => core.call('office.info', {})),
    print: printOffice
  }
}

import { existsSync } from 'node:fs'
import type { OfficeInfo } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { formatNumber } from '../../../shared/text'
import { common, needDb, withCore, type Command } from '../command'
import { placeLine, type MapUnit } from '../../../shared/contract/office'
import { formatDate, parseViDate } from '../../../shared/text'
import { findUnits, unitsByCode } from '../../core/office/map'
import { UsageError, table, type CliIo } from '../io'

function printOffice(result: unknown, io: CliIo): void {
  const info = result as OfficeInfo
  io.out(
    [
      `Cơ quan:          ${info.officeName ?? '(chưa thiết lập)'}`,
      `Đơn vị:           ${info.place ? placeLine(info.place) : ''}`,
      `Vai trò:          ${info.role ?? ''}`,
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
    usage:
      'init --db TỆP --unit MÃ [--on NGÀY] [--body TÊN|--no-body]   tạo tệp dữ liệu cho cơ quan: xã/phường hiện nay (05977), tỉnh (20), huyện cũ (178); --on chọn bản đồ của ngày ấy khi một mã có ở cả hai',
    options: { ...common, unit: { type: 'string' }, on: { type: 'string' }, body: { type: 'string' }, 'no-body': { type: 'boolean' } },
    async run(values) {
      const db = needDb(values)
      if (typeof values.unit !== 'string') throw new UsageError('Thiếu --unit MÃ_ĐƠN_VỊ (ví dụ 178 hoặc 20).')
      if (existsSync(db)) {
        throw new AppError('ALREADY_EXISTS', `Tệp ${db} đã có; không ghi đè lên dữ liệu đang có.`, { path: db })
      }
      const on = typeof values.on === 'string' ? parseViDate(values.on) : undefined
      if (typeof values.on === 'string' && !on) throw new UsageError(`--on: «${values.on}» không phải ngày (dd/mm/yyyy).`)
      const bodyName = values['no-body'] ? null : typeof values.body === 'string' ? values.body : undefined
      return withCore(values, (core) => core.call('office.setup', { unitCode: values.unit as string, on, bodyName }), false)
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
  },

  // The national map needs no office file: it is the app's own data (resources/admin-units/vn.json).
  'units find': {
    usage: 'units find CHỮ [--json]   tìm đơn vị hành chính theo tên gõ không dấu (trước và sau 01/07/2025)',
    options: { json: { type: 'boolean' } },
    positionals: true,
    run: async (_values, positionals) => {
      const words = positionals.join(' ').trim()
      if (!words) throw new UsageError('Cần chữ để tìm, ví dụ: units find dong kinh')
      return findUnits(words)
    },
    print: printUnits
  },
  'units show': {
    usage: 'units show MÃ [--on NGÀY] [--json]   đơn vị mang mã này ở mỗi thời kỳ (hoặc vào một ngày)',
    options: { json: { type: 'boolean' }, on: { type: 'string' } },
    positionals: true,
    run: async (values, positionals) => {
      const code = positionals[0]
      if (!code || positionals.length > 1 || !/^\d{2,5}$/.test(code))
        throw new UsageError('Cần đúng một mã đơn vị (2 chữ số: tỉnh, 3: huyện, 5: xã).')
      const on = typeof values.on === 'string' ? (parseViDate(values.on) ?? undefined) : undefined
      if (typeof values.on === 'string' && !on) throw new UsageError(`--on phải là một ngày (dd/mm/yyyy), đã gõ «${values.on}».`)
      const found = unitsByCode(code, on)
      if (found.length === 0) {
        throw new AppError(
          'NOT_FOUND',
          `Không có đơn vị hành chính mang mã ${code}${on ? ` vào ngày ${formatDate(on)}` : ''}. Tìm theo tên: units find TÊN.`,
          { code }
        )
      }
      return found
    },
    print: printUnits
  }
}

const LEVEL: Record<MapUnit['level'], string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' }

function printUnits(result: unknown, io: CliIo): void {
  const list = result as MapUnit[]
  io.out(
    table(
      ['Mã', 'Tên', 'Cấp', 'Thuộc', 'Thời kỳ', 'Hợp thành từ'],
      list.map((u) => [
        u.code,
        u.name,
        LEVEL[u.level],
        [u.district?.name, u.level === 'province' ? null : u.province.name].filter(Boolean).join(', '),
        u.period === 'before' ? `đến ${formatDate(u.validTo)}` : `từ ${formatDate(u.validFrom)}`,
        u.from.map((f) => `${f.name ?? f.code}${f.part === 'partial' ? ' (một phần)' : ''}`).join(', ')
      ])
    )
  )
  io.err(`${formatNumber(list.length)} đơn vị.`)
}

/**
 * `reconcile FILE --db TỆP [--adopt all|ID:TRƯỜNG,…] [--json]`: the register beside a list
 * exported from the national cooperative registration database; with --adopt, the
 * national values taken into the register in one transaction.
 */
import { resolve } from 'node:path'
import { RECONCILE_FIELDS, RECONCILE_FIELD_LABELS, type ReconcileField, type ReconcileResult } from '../../../shared/api'
import { STATUS_LABELS, type Status } from '../../../shared/domain'
import { formatNumber } from '../../../shared/text'
import { common, withCore, type Command } from '../command'
import { UsageError, table, type CliIo } from '../io'

function picks(text: string): Array<{ entityId: number; field: ReconcileField }> {
  return text.split(',').map((part) => {
    const m = /^\s*(\d+):([A-Za-z]+)\s*$/.exec(part)
    if (!m || !(RECONCILE_FIELDS as readonly string[]).includes(m[2]!)) {
      throw new UsageError(
        `--adopt: «${part}» không hiểu được. Viết all, hoặc SỐ_BẢN_GHI:TRƯỜNG với TRƯỜNG là ${RECONCILE_FIELDS.join(', ')}.`
      )
    }
    return { entityId: Number(m[1]), field: m[2] as ReconcileField }
  })
}

const shown = (field: ReconcileField, v: string | null) =>
  v === null ? '(trống)' : field === 'status' ? (STATUS_LABELS[v as Status] ?? v) : v

function printComparison(r: ReconcileResult, io: CliIo): void {
  if (r.differences.length) {
    io.out('Khác nhau:')
    io.out(
      table(
        ['Bản ghi', 'Tên', 'Trường', 'Trong sổ', 'CSDL quốc gia', 'Dòng'],
        r.differences.map((d) => [
          d.entityId,
          d.name,
          RECONCILE_FIELD_LABELS[d.field],
          shown(d.field, d.ours),
          shown(d.field, d.national),
          d.place.row
        ])
      )
    )
  }
  if (r.onlyNational.length) {
    io.out('Chỉ có trong CSDL quốc gia:')
    io.out(
      table(
        ['Mã số', 'Tên', 'Tình trạng', 'Dòng'],
        r.onlyNational.map((o) => [o.regNo, o.name, o.status ? STATUS_LABELS[o.status] : '', o.place.row])
      )
    )
  }
  if (r.onlyRegister.length) {
    io.out('Chỉ có trong sổ:')
    io.out(
      table(
        ['Bản ghi', 'Mã số', 'Tên', 'Tình trạng'],
        r.onlyRegister.map((o) => [o.entityId, o.regNo, o.name, STATUS_LABELS[o.status]])
      )
    )
  }
  for (const u of r.unreadable) io.err(`${r.file} › ${u.place.sheet} › dòng ${u.place.row}: LỖI — ${u.message}`)
  io.err(
    `Khớp ${formatNumber(r.matched)} bản ghi (${formatNumber(r.matchedByName)} theo tên); chỉ có trong CSDL quốc gia: ${formatNumber(r.onlyNational.length)}; chỉ có trong sổ: ${formatNumber(r.onlyRegister.length)}; ${formatNumber(r.differences.length)} chỗ khác nhau.`
  )
}

export const reconcileCommands: Record<string, Command> = {
  reconcile: {
    usage:
      'reconcile TỆP --db TỆP [--adopt all|ID:TRƯỜNG,…] [--json]   đối chiếu sổ với danh sách từ CSDL quốc gia về đăng ký HTX; --adopt nhận giá trị của CSDL quốc gia',
    options: { ...common, adopt: { type: 'string' } },
    positionals: true,
    run: (values, positionals) => {
      if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp danh sách từ CSDL quốc gia: reconcile TỆP --db TỆP.')
      const file = { path: resolve(positionals[0]!) }
      const adopt = values.adopt
      return withCore<unknown>(values, (core) => {
        if (typeof adopt !== 'string') return core.call('reconcile.compare', { file })
        return core.call('reconcile.adopt', adopt === 'all' ? { file, all: true } : { file, picks: picks(adopt) })
      })
    },
    print: (result, io) => {
      const r = result as ReconcileResult | { adopted: number; result: ReconcileResult }
      if ('adopted' in r) {
        io.err(`Đã nhận ${formatNumber(r.adopted)} giá trị theo CSDL quốc gia (một giao dịch, có ghi nhật ký). Còn lại:`)
        printComparison(r.result, io)
      } else printComparison(r, io)
    }
  }
}

/**
 * `import FILE… --db TỆP [--figures-year YYYY] [--dry-run] [--strict] [--map-value TRƯỜNG=CHỮ:MÃ]… [--json]`,
 * `import history`, `import undo --batch N`: the spreadsheet import from a terminal,
 * its progress on stderr.
 */
import { resolve } from 'node:path'
import type { ImportBatch, ImportResult } from '../../../shared/api'
import { IMPORT_FIELD_LABELS, VALUE_FIELDS, type ValueField } from '../../../shared/contract/exchange'
import { interpretedValues } from '../../../shared/interpreted'
import { formatDate, formatNumber } from '../../../shared/text'
import { common, withCore, type Command } from '../command'
import { UsageError, table, type CliIo } from '../io'
import { progressLines } from '../progress'

/** Lines of interpreted values the text output shows per sheet; --json has them all. */
const INTERPRETED_SHOWN = 500

/** The summary the CLI promises: per sheet counts and issues, then totals. */
export function importSummary(result: ImportResult) {
  return {
    files: result.files.map((f) => ({
      file: f.file,
      format: f.format,
      sheets: f.sheets.map((s) => ({
        sheet: s.sheet,
        table: s.table,
        kind: s.kind,
        headerRow: s.headerRow,
        encoding: s.encoding,
        rows: s.rows.length,
        created: s.counts.created,
        updated: s.counts.updated,
        unchanged: s.counts.unchanged,
        duplicates: s.counts.duplicates,
        skipped: s.counts.skipped,
        errors: s.counts.errors,
        unknownColumns: s.unknownColumns.map((c) => ({ letter: c.letter, header: c.header, cells: c.cells })),
        unknownValues: s.unknownValues.map((v) => ({ field: v.field, value: v.value, count: v.count, rows: v.rows })),
        // Nothing silent: each value read by meaning, the value written beside the file's own text.
        interpreted: s.rows.flatMap((r) => interpretedValues(r).map((v) => ({ row: r.row, ...v }))),
        issues: [...s.issues, ...s.rows.flatMap((r) => r.issues)].map((i) => ({
          row: i.row,
          column: i.column,
          severity: i.severity,
          code: i.code,
          message: i.message
        }))
      }))
    })),
    totals: {
      created: result.totals.created,
      updated: result.totals.updated,
      unchanged: result.totals.unchanged,
      duplicates: result.totals.duplicates,
      skipped: result.totals.skipped,
      errors: result.totals.errors,
      warnings: result.totals.warnings
    }
  }
}

function printSummary(result: unknown, io: CliIo): void {
  const s = result as ReturnType<typeof importSummary> & { batchId?: number | null }
  const lines: Array<Array<string | number | null>> = []
  for (const f of s.files) {
    for (const sh of f.sheets) {
      lines.push([
        f.file,
        sh.sheet,
        sh.table,
        sh.kind ?? '',
        sh.headerRow,
        sh.encoding,
        sh.created,
        sh.updated,
        sh.unchanged,
        sh.duplicates,
        sh.skipped,
        sh.errors
      ])
    }
  }
  io.out(table(['Tệp', 'Trang', 'Bảng', 'Loại', 'Dòng tiêu đề', 'Mã chữ', 'Mới', 'Cập nhật', 'Không đổi', 'Trùng', 'Bỏ qua', 'Lỗi'], lines))
  // Nothing silent: every column with data and every value not understood is listed.
  for (const f of s.files)
    for (const sh of f.sheets) {
      if (sh.unknownColumns.length > 0) {
        io.out(`${f.file} › ${sh.sheet}: cột chưa rõ nghĩa (không nhập):`)
        io.out(
          table(
            ['Cột', 'Tiêu đề', 'Ô có dữ liệu'],
            sh.unknownColumns.map((c) => [c.letter, c.header, c.cells])
          )
        )
      }
      if (sh.unknownValues.length > 0) {
        io.out(`${f.file} › ${sh.sheet}: giá trị chưa rõ nghĩa (ghép bằng --map-value TRƯỜNG=CHỮ:MÃ):`)
        io.out(
          table(
            ['Trường', 'Giá trị', 'Số dòng', 'Dòng'],
            sh.unknownValues.map((v) => [
              `${IMPORT_FIELD_LABELS[v.field]} (${v.field})`,
              v.value,
              v.count,
              v.rows.slice(0, 10).join(', ') + (v.rows.length > 10 ? '…' : '')
            ])
          )
        )
      }
    }
  for (const f of s.files)
    for (const sh of f.sheets) {
      if (sh.interpreted.length === 0) continue
      io.out(`${f.file} › ${sh.sheet}: giá trị đọc theo nghĩa (giá trị sẽ ghi ← chữ trong tệp):`)
      io.out(
        table(
          ['Dòng', 'Trường', 'Giá trị sẽ ghi', 'Chữ trong tệp', 'Cách đọc'],
          sh.interpreted.slice(0, INTERPRETED_SHOWN).map((v) => [v.row, v.label, v.value, v.original ? `«${v.original}»` : '', v.how])
        )
      )
      if (sh.interpreted.length > INTERPRETED_SHOWN)
        io.out(
          `… và ${formatNumber(sh.interpreted.length - INTERPRETED_SHOWN)} giá trị nữa đọc theo nghĩa (đủ cả trong --json, mục interpreted).`
        )
    }
  for (const f of s.files)
    for (const sh of f.sheets)
      for (const i of sh.issues)
        io.err(`${f.file} › ${sh.sheet} › dòng ${i.row}: ${i.severity === 'error' ? 'LỖI' : 'lưu ý'} — ${i.message}`)
  const t = s.totals
  io.err(
    `Kết quả: ${formatNumber(t.created)} mới, ${formatNumber(t.updated)} cập nhật, ${formatNumber(t.unchanged)} không đổi, ${formatNumber(t.duplicates)} trùng, ${formatNumber(t.skipped)} bỏ qua, ${formatNumber(t.errors)} lỗi, ${formatNumber(t.warnings)} lưu ý.`
  )
}

/** `--map-value status=Đang xem xét:active`: this text of this field means this code (remembered for the shape). */
function mapValues(raw: unknown): Array<{ field: ValueField; value: string; code: string }> {
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []
  return list.map((item: string) => {
    const m = /^([a-zA-Z]+)=(.+):([a-z_]+)$/.exec(item.normalize('NFC'))
    if (!m || !(VALUE_FIELDS as readonly string[]).includes(m[1]))
      throw new UsageError(
        `--map-value phải có dạng TRƯỜNG=CHỮ:MÃ với TRƯỜNG là ${VALUE_FIELDS.join(', ')}, ví dụ status=Đang xem xét:active (nhận «${item}»).`
      )
    return { field: m[1] as ValueField, value: m[2].trim(), code: m[3] }
  })
}

export const importCommands: Record<string, Command> = {
  import: {
    usage:
      'import TỆP… --db TỆP [--figures-year NĂM] [--dry-run] [--strict] [--map-value TRƯỜNG=CHỮ:MÃ]…   nhập .xlsx/.xls/.csv/.ods (--dry-run: chỉ xem trước)',
    options: {
      ...common,
      'figures-year': { type: 'string' },
      'dry-run': { type: 'boolean' },
      strict: { type: 'boolean' },
      'map-value': { type: 'string', multiple: true }
    },
    positionals: true,
    run: (values, positionals, io) => {
      if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp để nhập.')
      let figuresYear: number | undefined
      if (typeof values['figures-year'] === 'string') {
        figuresYear = Number(values['figures-year'])
        if (!Number.isInteger(figuresYear) || figuresYear < 1990 || figuresYear > 2200)
          throw new UsageError('--figures-year phải là một năm, ví dụ 2023.')
      }
      const valueMappings = mapValues(values['map-value'])
      const input = {
        files: positionals.map((p) => ({ path: resolve(p) })),
        ...(figuresYear ? { figuresYear } : {}),
        ...(valueMappings.length > 0 ? { valueMappings } : {})
      }
      const hooks = { progress: progressLines(io) }
      return withCore(values, async (core) => {
        const result = values['dry-run']
          ? await core.call('exchange.previewImport', input, hooks)
          : await core.call('exchange.commitImport', { ...input, ...(values.strict ? { strict: true } : {}) }, hooks)
        return importSummary(result)
      })
    },
    print: (result, io) => printSummary(result, io)
  },

  'import history': {
    usage: 'import history --db TỆP   các lần nhập, mới nhất trước',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('exchange.importHistory', {})),
    print: (result, io) => {
      const rows = result as ImportBatch[]
      io.out(
        table(
          ['Lần', 'Thời điểm', 'Người nhập', 'Tệp', 'Mới', 'Cập nhật', 'Hoàn tác'],
          rows.map((b) => [
            b.id,
            `${formatDate(b.at)} ${b.at.slice(11, 19)}`,
            b.user,
            b.files.map((f) => f.name).join(', '),
            b.counts.created,
            b.counts.updated,
            b.undoneAt ? formatDate(b.undoneAt) : ''
          ])
        )
      )
    }
  },

  'import undo': {
    usage: 'import undo --db TỆP --batch SỐ   hoàn tác cả một lần nhập',
    options: { ...common, batch: { type: 'string' } },
    run: (values) => {
      const batchId = Number(values.batch)
      if (!Number.isInteger(batchId) || batchId < 1) throw new UsageError('Cần --batch SỐ (số của lần nhập, xem «import history»).')
      return withCore(values, (core) => core.call('exchange.undoImport', { batchId }))
    },
    print: (result, io) => {
      const r = result as { batchId: number; deleted: number; restored: number }
      io.out(
        `Đã hoàn tác lần nhập số ${r.batchId}: xóa ${formatNumber(r.deleted)} dòng đã thêm, trả lại ${formatNumber(r.restored)} dòng đã sửa.`
      )
    }
  }
}

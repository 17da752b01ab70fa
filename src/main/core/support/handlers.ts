/** The support register's handlers: thin, the work is in store/cells. */
import type { SupportField, SupportImportResult, SupportInput } from '../../../shared/contract/support'
import { AppError } from '../../../shared/errors'
import type { CoreContext, DomainHandlers } from '../context'
import { openWorkbook } from '../exchange/read'
import { headerField, rowFromCells } from './cells'
import { programmeList } from './programmes'
import { checkSupport, deleteSupport, listSupport, saveSupport, supportRowsById } from './store'

type Names = 'support.programmes' | 'support.list' | 'support.save' | 'support.delete' | 'support.paste' | 'support.import'

const blank = (cells: unknown[]) => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))

async function commit(ctx: CoreContext, rows: SupportInput[], where: string[], dryRun: boolean, file: string | null, sheet: string | null) {
  const result: SupportImportResult = { file, sheet, rows: rows.length, saved: 0, dryRun }
  if (rows.length === 0) throw new AppError('VALIDATION', `${file ? `Tệp ${file}` : 'Khối dán'}: không có dòng hỗ trợ nào.`)
  if (dryRun) {
    await checkSupport(ctx, rows, (i) => where[i]!)
    return result
  }
  result.saved = (await saveSupport(ctx, rows, (i) => where[i]!)).length
  return result
}

export const supportHandlers: DomainHandlers<Names> = {
  'support.programmes': async () => programmeList(),

  'support.list': async (input, ctx) => listSupport(ctx, input.year, input.scope),

  'support.save': async (input, ctx) => ({ saved: await supportRowsById(ctx, await saveSupport(ctx, input.rows)) }),

  'support.delete': async (input, ctx) => ({ deleted: await deleteSupport(ctx, input.ids) }),

  'support.paste': async (input, ctx) => {
    const where: string[] = []
    const rows: SupportInput[] = []
    input.rows.forEach((cells, i) => {
      if (blank(cells)) return
      const at = `Dòng ${i + 1} của khối dán`
      where.push(at)
      rows.push(rowFromCells(input.columns, cells, at))
    })
    return commit(ctx, rows, where, input.dryRun ?? false, null, null)
  },

  'support.import': async (input, ctx) => {
    const opened = openWorkbook(input.file)
    for (const sheet of opened.sheets) {
      // The header row: the first of the top rows naming at least the programme, the year and the stage.
      const top = sheet.rows.slice(0, 30)
      const h = top.findIndex((r) => {
        const fields = r.map(headerField)
        return fields.includes('programme') && fields.includes('year') && fields.includes('stage')
      })
      if (h < 0) continue
      const columns = sheet.rows[h]!.map(headerField)
      const known = columns.map((f, c) => ({ f, c })).filter((x): x is { f: SupportField; c: number } => x.f !== null)
      const seen = new Set<string>()
      for (const { f } of known) {
        if (seen.has(f)) throw new AppError('VALIDATION', `Tệp ${opened.name}, trang «${sheet.name}»: cột «${f}» có hai lần.`)
        seen.add(f)
      }
      const unknown = sheet.rows[h]!.map((v, c) => ({ v, c })).filter(
        ({ v, c }) => columns[c] === null && v !== null && String(v).trim() !== ''
      )
      if (unknown.length > 0)
        throw new AppError(
          'VALIDATION',
          `Tệp ${opened.name}, trang «${sheet.name}», dòng ${sheet.originRow + h + 1}: không hiểu cột «${String(unknown[0]!.v)}» (các cột nhận: năm, kế hoạch / thực hiện, nội dung hỗ trợ, mã số HTX, đơn vị được hỗ trợ, số HTX, số người, NSTW ĐTPT, NSTW SN, NSĐP ĐTPT, NSĐP SN, số quyết định, ngày quyết định, ghi chú).`,
          { sheet: sheet.name, row: sheet.originRow + h + 1 }
        )
      const where: string[] = []
      const rows: SupportInput[] = []
      for (let r = h + 1; r < sheet.rows.length; r++) {
        const cells = sheet.rows[r] ?? []
        if (blank(cells)) continue
        const at = `Tệp ${opened.name}, trang «${sheet.name}», dòng ${sheet.originRow + r + 1}`
        where.push(at)
        rows.push(
          rowFromCells(
            known.map((k) => k.f),
            known.map((k) => cells[k.c] ?? null),
            at
          )
        )
      }
      return commit(ctx, rows, where, input.dryRun ?? false, opened.name, sheet.name)
    }
    throw new AppError(
      'VALIDATION',
      `Tệp ${opened.name}: không tìm thấy dòng tiêu đề có các cột «Năm», «Kế hoạch / thực hiện» và «Nội dung hỗ trợ» trong 30 dòng đầu của trang nào.`
    )
  }
}

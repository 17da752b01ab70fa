/**
 * dissolution summary|print|draft|dashboard: the commands that turn cases into files and figures — the province
 * summary (.xlsx or .html), a case's printable file, a draft document (.html or .docx) and the dashboard. They read,
 * never write a case, which is why they are apart from dissolution-case.ts.
 */
import { DRAFT_DOCS, type DissolutionDashboard, type PrintablePage } from '../../../shared/contract/dissolution'
import { formatDate, formatNumber } from '../../../shared/text'
import { common, needDb, withCore, type Command } from '../command'
import { UsageError, table } from '../io'
import { writeOutput } from '../output'
import { caseId, caseOpt, date, str } from './dissolution-common'

export const dissolutionPaperCommands: Record<string, Command> = {
  'dissolution summary': {
    usage: 'dissolution summary --db TỆP --out TỆP.xlsx|TỆP.html [--as-of NGÀY] [--title TIÊU_ĐỀ]',
    options: { ...common, out: { type: 'string' }, 'as-of': { type: 'string' }, title: { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const out = str(values, 'out')
        if (!out || !/\.(xlsx|html?)$/i.test(out)) throw new UsageError('Cần --out TỆP.xlsx hoặc TỆP.html.')
        const input = { asOf: date(values, 'as-of'), title: str(values, 'title') }
        if (/\.xlsx$/i.test(out)) {
          const book = await core.call('dissolution.summaryXlsx', input)
          return {
            path: writeOutput({ path: out, extensions: ['.xlsx'], dbPath: needDb(values) }, Buffer.from(book.base64, 'base64')),
            rows: book.rows
          }
        }
        const page = await core.call('dissolution.summaryPage', input)
        return { path: writeOutput({ path: out, extensions: ['.html', '.htm'], dbPath: needDb(values) }, page.html), rows: page.rows }
      }),
    print: (result, io) => {
      const r = result as { path: string; rows: number }
      io.err(`Đã ghi ${r.rows} dòng vào ${r.path}.`)
    }
  },
  'dissolution print': {
    usage: 'dissolution print --db TỆP --case SỐ --out TỆP.html [--as-of NGÀY]',
    options: { ...common, ...caseOpt, out: { type: 'string' }, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const out = str(values, 'out')
        if (!out) throw new UsageError('Cần --out TỆP.html.')
        const page = await core.call('dissolution.casePage', { caseId: caseId(values), asOf: date(values, 'as-of') })
        return { path: writeOutput({ path: out, extensions: ['.html', '.htm'], dbPath: needDb(values) }, page.html) }
      }),
    print: (result, io) => io.err(`Đã ghi hồ sơ in vào ${(result as { path: string }).path}.`)
  },
  'dissolution draft': {
    usage: `dissolution draft --db TỆP --case SỐ --doc ${DRAFT_DOCS.join('|')} --out TỆP.html|TỆP.docx [--date NGÀY_KÝ] [--ubnd-xa]`,
    options: {
      ...common,
      ...caseOpt,
      doc: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      'ubnd-xa': { type: 'boolean' }
    },
    run: (values) =>
      withCore(values, async (core) => {
        const out = str(values, 'out')
        if (!out || !/\.(html?|docx)$/i.test(out)) throw new UsageError('Cần --out TỆP.html hoặc TỆP.docx.')
        // --ubnd-xa: the commune has no specialised office, its UBND registers (NĐ 295/2026 Điều 5 khoản 2).
        const input = {
          caseId: caseId(values),
          doc: str(values, 'doc') ?? '',
          date: date(values, 'date'),
          ...(values['ubnd-xa'] ? { registrar: 'committee' } : {})
        } as never
        const target = { dbPath: needDb(values) }
        // The same draft as a Word file when the output asks for one.
        // What the officer must fill or check before signing, as the screen says it (never on the paper).
        const page = await core.call('dissolution.draft', input)
        const warnings = page.warnings ?? []
        if (/\.docx$/i.test(out)) {
          const file = await core.call('dissolution.draftDocx', input)
          return {
            path: writeOutput({ ...target, path: out, extensions: ['.docx'] }, Buffer.from(file.base64, 'base64')),
            name: file.name,
            title: file.name,
            warnings
          }
        }
        return {
          path: writeOutput({ ...target, path: out, extensions: ['.html', '.htm'] }, page.html),
          name: page.name,
          title: page.title,
          warnings
        }
      }),
    print: (result, io) => {
      const r = result as Pick<PrintablePage, 'title'> & { path: string; warnings: string[] }
      io.err(`Đã ghi bản dự thảo «${r.title}» vào ${r.path}.`)
      for (const w of r.warnings) io.err(`Cần kiểm tra trước khi ký: ${w}`)
    }
  },
  'dissolution dashboard': {
    usage: 'dissolution dashboard --db TỆP [--as-of NGÀY]',
    options: { ...common, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, (core) => core.call('dissolution.dashboard', { ...(date(values, 'as-of') ? { asOf: date(values, 'as-of') } : {}) })),
    print: (result, io) => {
      const d = result as DissolutionDashboard
      io.out(
        `Hồ sơ đang xử lý: ${d.openCases}; bước quá hạn: ${d.overdueSteps.length}; nợ phải trả chưa xử lý: ${formatNumber(d.unsettledPayable)} đồng`
      )
      if (d.byStage.length)
        io.out(
          table(
            ['Giai đoạn (bước tiếp theo)', 'Số hồ sơ'],
            d.byStage.map((s) => [s.stage, s.count])
          )
        )
      if (d.overdueSteps.length)
        io.out(
          table(
            ['Hồ sơ', 'HTX', 'Bước', 'Hạn'],
            d.overdueSteps.map((s) => [s.caseId, s.entityName, s.title, formatDate(s.due)])
          )
        )
      if (d.obstacles.length)
        io.out(
          table(
            ['Vướng mắc', 'Số hồ sơ'],
            d.obstacles.map((o) => [o.label, o.count])
          )
        )
      if (d.perQuarter.length)
        io.out(
          table(
            ['Quý', 'Mở', 'Đã giải thể', 'Đã hủy'],
            d.perQuarter.map((q) => [q.quarter, q.opened, q.finalised, q.cancelled])
          )
        )
    }
  }
}

/** dissolution candidates|open|step|council|debt|asset|settle|obstacle|remove|attach|finalise|cancel|show|list|draft|dashboard */
import { resolve } from 'node:path'
import type { CaseSummary, CaseView, Candidate } from '../../../shared/api'
import {
  COUNCIL_ROLE_LABELS,
  DRAFT_DOCS,
  ITEM_TYPE_LABELS,
  type DissolutionDashboard,
  type PrintablePage
} from '../../../shared/contract/dissolution'
import { parseViNumber } from '../../../shared/numbers'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import type { Core } from '../../core/api'
import { common, needDb, withCore, type Command, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'
import { writeOutput } from '../output'

function str(values: Values, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}
function date(values: Values, name: string): string | undefined {
  const v = str(values, name)
  return v === undefined ? undefined : (parseViDate(v) ?? v)
}
function caseId(values: Values): number {
  const n = Number(str(values, 'case'))
  if (!Number.isInteger(n) || n < 1) throw new UsageError('Cần --case SỐ (số hồ sơ giải thể).')
  return n
}
function money(values: Values, name: string): number | undefined {
  const v = str(values, name)
  if (v === undefined) return undefined
  const n = parseViNumber(v)
  if (n === null || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} phải là số tiền bằng đồng, ví dụ 15.000.000 (đã gõ «${v}»).`)
  return n
}
async function entityId(core: Core, values: Values): Promise<number> {
  const word = str(values, 'entity')
  if (!word) throw new UsageError('Cần --entity MÃ_SỐ (hoặc số bản ghi).')
  if (/^\d{1,8}$/.test(word)) return Number(word)
  return (await core.call('entity.byRegNo', { regNo: word })).id
}

const STATE_LABEL: Record<string, string> = {
  todo: 'Chưa làm',
  done: 'Đã làm',
  na: 'Không áp dụng',
  open: 'Đang xử lý',
  finalised: 'Đã giải thể',
  cancelled: 'Đã hủy'
}

function printCase(result: unknown, io: CliIo): void {
  const c = result as CaseView
  io.out(`Hồ sơ giải thể số ${c.id}: ${c.entityName}`)
  io.out(
    `${c.templateTitle} (mẫu ${c.templateId} phiên bản ${c.templateVersion}) — mở ngày ${formatDate(c.openedOn)}${c.decisionNo ? `, ${c.decisionNo}` : ''} — ${STATE_LABEL[c.state]}`
  )
  if (c.closedOn)
    io.out(
      `Kết thúc ngày ${formatDate(c.closedOn)}${c.closedDecisionNo ? `, ${c.closedDecisionNo}` : ''}${c.closeReason ? `: ${c.closeReason}` : ''}`
    )
  io.out(
    table(
      ['Bước', 'Nội dung', 'Căn cứ', 'Hạn', 'Trạng thái'],
      c.steps.map((s) => [
        s.code,
        s.title + (s.optional ? ' (nếu có)' : ''),
        s.legalBasis,
        s.due ? formatDate(s.due) + (s.overdue ? ' QUÁ HẠN' : s.dueThisWeek ? ' (tuần này)' : '') : '',
        STATE_LABEL[s.state] + (s.doneOn ? ` ${formatDate(s.doneOn)}` : '') + (s.naReason ? `: ${s.naReason}` : '')
      ])
    )
  )
  // The «Số» column is what settle and remove take (--item, --council, --obstacle).
  if (c.council.length) {
    io.out('Hội đồng giải thể:')
    io.out(
      table(
        ['Số', 'Họ và tên', 'Vai trò', 'Đại diện cho', 'Cơ quan, tổ chức'],
        c.council.map((m) => [m.id, m.name, COUNCIL_ROLE_LABELS[m.role as 'chair'] ?? m.role, m.represents, m.organisation])
      )
    )
  }
  for (const w of c.councilWarnings) io.err(`Cảnh báo: ${w}`)
  if (c.items.length) {
    io.out('Nợ và tài sản:')
    io.out(
      table(
        ['Số', 'Loại', 'Chủ nợ / bên nợ / tài sản', 'Số tiền (đồng)', 'Tình trạng'],
        c.items.map((i) => [
          i.id,
          ITEM_TYPE_LABELS[i.type as keyof typeof ITEM_TYPE_LABELS] ?? i.type,
          [
            i.party,
            i.landCertificate ? `GCN ${i.landCertificate}` : null,
            i.areaM2 ? `${formatNumber(i.areaM2, i.areaM2 % 1 ? 1 : 0)} m²` : null
          ]
            .filter(Boolean)
            .join(', '),
          i.amount === null ? '' : formatNumber(i.amount),
          i.settled ? `Đã xử lý ${formatDate(i.settledOn)}` : 'Chưa xử lý'
        ])
      )
    )
  }
  io.out(
    `Nợ phải trả chưa xử lý: ${formatNumber(c.unsettledPayable)} đồng; nợ phải thu chưa xử lý: ${formatNumber(c.unsettledReceivable)} đồng`
  )
  if (c.obstacles.length) {
    io.out('Vướng mắc:')
    io.out(
      table(
        ['Số', 'Vướng mắc', 'Ghi chú'],
        c.obstacles.map((o) => [o.id, o.label, o.note])
      )
    )
  }
}

/** The one row `dissolution remove` takes back: exactly one of --council, --item, --obstacle, each a number from `dissolution show`. */
function removal(values: Values): { kind: 'council' | 'item' | 'obstacle'; rowId: number } {
  const given = (['council', 'item', 'obstacle'] as const).filter((k) => str(values, k) !== undefined)
  if (given.length !== 1)
    throw new UsageError('Cần đúng một trong --council SỐ, --item SỐ, --obstacle SỐ (số in ở cột «Số» của lệnh dissolution show).')
  const kind = given[0]
  const rowId = Number(str(values, kind))
  if (!Number.isInteger(rowId) || rowId < 1)
    throw new UsageError(`--${kind} phải là số in ở cột «Số» của lệnh dissolution show (đã gõ «${str(values, kind)}»).`)
  return { kind, rowId }
}

const caseOpt = { case: { type: 'string' as const } }

export const dissolutionCommands: Record<string, Command> = {
  'dissolution candidates': {
    usage: 'dissolution candidates --db TỆP [--as-of NGÀY]',
    options: { ...common, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.candidates', { ...(date(values, 'as-of') ? { asOf: date(values, 'as-of') } : {}) })
      ),
    print: (result, io) => {
      const list = result as Candidate[]
      io.out(
        table(
          ['Số', 'Tên', 'Mã số', 'Lý do', 'Từ ngày'],
          list.flatMap((c) => c.reasons.map((r) => [c.entityId, c.name, c.regNo, r.label, r.since ? formatDate(r.since) : '']))
        )
      )
      io.err(`${list.length} HTX cần xử lý.`)
    }
  },
  'dissolution open': {
    usage:
      'dissolution open --db TỆP --entity MÃ_SỐ --kind voluntary|compulsory|revocation|tht_termination [--ground MÃ] --date NGÀY_CĂN_CỨ [--decision SỐ] [--law 2012|2023 --law-reason "…"]   (bỏ --law: luật của ngày căn cứ)',
    options: {
      ...common,
      entity: { type: 'string' },
      kind: { type: 'string' },
      law: { type: 'string' },
      'law-reason': { type: 'string' },
      ground: { type: 'string' },
      date: { type: 'string' },
      decision: { type: 'string' }
    },
    run: (values) =>
      withCore(values, async (core) =>
        core.call('dissolution.open', {
          entityId: await entityId(core, values),
          kind: str(values, 'kind') ?? '',
          // No --law: the law of the trigger date (Luật HTX 2023 from 01/07/2024); another needs --law-reason.
          ...(str(values, 'law') ? { law: str(values, 'law') as '2012' | '2023' } : {}),
          lawReason: str(values, 'law-reason'),
          ground: str(values, 'ground'),
          openedOn: date(values, 'date') ?? '',
          decisionNo: str(values, 'decision')
        })
      ),
    print: printCase
  },
  'dissolution set-law': {
    usage: 'dissolution set-law --db TỆP --case SỐ --law 2012|2023 --reason "…"   (đổi luật áp dụng của hồ sơ, có lý do, ghi nhật ký)',
    options: { ...common, ...caseOpt, law: { type: 'string' }, reason: { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) =>
        core.call('dissolution.setLaw', {
          caseId: caseId(values),
          law: (str(values, 'law') ?? '') as '2012' | '2023',
          reason: str(values, 'reason') ?? ''
        })
      ),
    print: printCase
  },
  'dissolution step': {
    usage:
      'dissolution step --db TỆP --case SỐ --step MÃ_BƯỚC (--done NGÀY [--by NGƯỜI] | --na LÝ_DO | --todo) [--doc TÊN_TÀI_LIỆU] [--note …]',
    options: {
      ...common,
      ...caseOpt,
      step: { type: 'string' },
      code: { type: 'string' },
      done: { type: 'string' },
      by: { type: 'string' },
      na: { type: 'string' },
      todo: { type: 'boolean' },
      doc: { type: 'string', multiple: true },
      note: { type: 'string' }
    },
    run: (values) =>
      withCore(values, (core) => {
        const state = values.todo ? 'todo' : str(values, 'na') ? 'na' : 'done'
        const docs = (values as Record<string, unknown>).doc as string[] | undefined
        return core.call('dissolution.step', {
          caseId: caseId(values),
          code: str(values, 'step') ?? str(values, 'code') ?? '',
          state,
          doneOn: state === 'done' ? (date(values, 'done') ?? null) : null,
          doneBy: str(values, 'by'),
          naReason: str(values, 'na'),
          documents: docs,
          notes: str(values, 'note')
        })
      }),
    print: printCase
  },
  'dissolution council': {
    usage:
      'dissolution council --db TỆP --case SỐ --name HỌ_TÊN --role chair|member|secretary [--represents MÃ] [--org CƠ_QUAN] [--decision SỐ]',
    options: {
      ...common,
      ...caseOpt,
      name: { type: 'string' },
      role: { type: 'string' },
      represents: { type: 'string' },
      org: { type: 'string' },
      decision: { type: 'string' }
    },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.council', {
          caseId: caseId(values),
          name: str(values, 'name') ?? '',
          role: str(values, 'role') ?? '',
          represents: str(values, 'represents'),
          organisation: str(values, 'org'),
          decisionNo: str(values, 'decision')
        } as never)
      ),
    print: printCase
  },
  'dissolution debt': {
    usage:
      'dissolution debt --db TỆP --case SỐ --type payable|receivable --amount SỐ_TIỀN [--party TÊN] [--category tax|bank|org|member] [--settled NGÀY]',
    options: {
      ...common,
      ...caseOpt,
      type: { type: 'string' },
      amount: { type: 'string' },
      party: { type: 'string' },
      category: { type: 'string' },
      settled: { type: 'string' },
      note: { type: 'string' }
    },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.item', {
          caseId: caseId(values),
          type: str(values, 'type') ?? '',
          amount: money(values, 'amount'),
          party: str(values, 'party'),
          category: str(values, 'category'),
          settled: str(values, 'settled') !== undefined,
          settledOn: date(values, 'settled'),
          note: str(values, 'note')
        } as never)
      ),
    print: printCase
  },
  'dissolution asset': {
    usage:
      'dissolution asset --db TỆP --case SỐ [--category land|other] [--land-cert SỐ_GCN] [--area M2] [--handling …] [--amount GIÁ_TRỊ]',
    options: {
      ...common,
      ...caseOpt,
      category: { type: 'string' },
      'land-cert': { type: 'string' },
      area: { type: 'string' },
      handling: { type: 'string' },
      amount: { type: 'string' },
      note: { type: 'string' }
    },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.item', {
          caseId: caseId(values),
          type: 'asset',
          category: str(values, 'category'),
          landCertificate: str(values, 'land-cert'),
          areaM2: str(values, 'area') ? Number(str(values, 'area')!.replace(',', '.')) : undefined,
          handling: str(values, 'handling'),
          amount: money(values, 'amount'),
          note: str(values, 'note')
        })
      ),
    print: printCase
  },
  'dissolution settle': {
    usage: 'dissolution settle --db TỆP --case SỐ --item SỐ --date NGÀY',
    options: { ...common, ...caseOpt, item: { type: 'string' }, date: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.settle', {
          caseId: caseId(values),
          itemId: Number(str(values, 'item')),
          settledOn: date(values, 'date') ?? ''
        })
      ),
    print: printCase
  },
  'dissolution obstacle': {
    usage:
      'dissolution obstacle --db TỆP --case SỐ --code council_not_formed|file_incomplete|managers_unreachable|debts|land|other [--note …]',
    options: { ...common, ...caseOpt, code: { type: 'string' }, note: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.obstacle', { caseId: caseId(values), code: str(values, 'code') ?? '', note: str(values, 'note') } as never)
      ),
    print: printCase
  },
  'dissolution remove': {
    usage: 'dissolution remove --db TỆP --case SỐ (--council SỐ | --item SỐ | --obstacle SỐ)',
    options: { ...common, ...caseOpt, council: { type: 'string' }, item: { type: 'string' }, obstacle: { type: 'string' } },
    run: (values) => {
      const id = caseId(values)
      const { kind, rowId } = removal(values)
      return withCore(values, (core) =>
        kind === 'council'
          ? core.call('dissolution.removeCouncil', { caseId: id, memberId: rowId })
          : kind === 'item'
            ? core.call('dissolution.removeItem', { caseId: id, itemId: rowId })
            : core.call('dissolution.removeObstacle', { caseId: id, obstacleId: rowId })
      )
    },
    print: printCase
  },
  'dissolution attach': {
    usage: 'dissolution attach --db TỆP --case SỐ [--step MÃ_BƯỚC] TỆP_ĐÍNH_KÈM',
    options: { ...common, ...caseOpt, step: { type: 'string' } },
    positionals: true,
    run: (values, positionals) =>
      withCore(values, (core) => {
        if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp đính kèm.')
        return core.call('dissolution.attach', {
          caseId: caseId(values),
          stepCode: str(values, 'step'),
          file: { path: resolve(positionals[0]!) }
        })
      }),
    print: printCase
  },
  'dissolution finalise': {
    usage: 'dissolution finalise --db TỆP --case SỐ --date NGÀY_CƠ_QUAN_ĐĂNG_KÝ --decision SỐ_VĂN_BẢN',
    options: { ...common, ...caseOpt, date: { type: 'string' }, decision: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.finalise', {
          caseId: caseId(values),
          authorityDate: date(values, 'date') ?? '',
          decisionNo: str(values, 'decision') ?? ''
        })
      ),
    print: printCase
  },
  'dissolution cancel': {
    usage: 'dissolution cancel --db TỆP --case SỐ --reason LÝ_DO --date NGÀY',
    options: { ...common, ...caseOpt, reason: { type: 'string' }, date: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.cancel', { caseId: caseId(values), reason: str(values, 'reason') ?? '', date: date(values, 'date') ?? '' })
      ),
    print: printCase
  },
  'dissolution show': {
    usage: 'dissolution show --db TỆP --case SỐ [--as-of NGÀY]',
    options: { ...common, ...caseOpt, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.show', { caseId: caseId(values), ...(date(values, 'as-of') ? { asOf: date(values, 'as-of') } : {}) })
      ),
    print: printCase
  },
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
  },
  'dissolution list': {
    usage: 'dissolution list --db TỆP [--state open|finalised|cancelled] [--as-of NGÀY]',
    options: { ...common, state: { type: 'string' }, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('dissolution.list', {
          ...(str(values, 'state') ? { state: str(values, 'state') } : {}),
          ...(date(values, 'as-of') ? { asOf: date(values, 'as-of') } : {})
        } as never)
      ),
    print: (result, io) => {
      const list = result as CaseSummary[]
      io.out(
        table(
          ['Hồ sơ', 'HTX', 'Hình thức', 'Luật', 'Mở ngày', 'Bước xong', 'Quá hạn', 'Nợ chưa xử lý (đồng)', 'Trạng thái'],
          list.map((c) => [
            c.id,
            c.entityName,
            c.kind === 'voluntary' ? 'Tự nguyện' : 'Bắt buộc',
            c.law,
            formatDate(c.openedOn),
            `${c.stepsDone}/${c.stepsTotal}`,
            c.overdue,
            formatNumber(c.unsettledPayable),
            STATE_LABEL[c.state]
          ])
        )
      )
    }
  }
}

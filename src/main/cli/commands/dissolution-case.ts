/**
 * dissolution candidates|open|set-law|step|council|debt|asset|settle|obstacle|remove|attach|finalise|cancel|show:
 * the commands that find the cooperatives to dissolve, open a case and record it until it is finalised or cancelled.
 * Apart from the paper commands (dissolution-papers.ts), which only read a case and write files.
 */
import { resolve } from 'node:path'
import type { Candidate } from '../../../shared/api'
import { formatDate } from '../../../shared/text'
import { common, withCore, type Command, type Values } from '../command'
import { UsageError, table } from '../io'
import { caseId, caseOpt, date, entityId, money, printCase, str } from './dissolution-common'

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

export const dissolutionCaseCommands: Record<string, Command> = {
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
  }
}

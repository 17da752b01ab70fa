import {
  CLASSIFICATION_LABELS,
  type Entity,
  type LabelEvent,
  type Obligation,
  type SizeList,
  type SizeRow,
  type StatusEvent,
  type YearlyFigures
} from '../../../shared/api'
import {
  KIND_SHORT,
  LEGACY_STATUSES,
  MANAGEMENT_LABEL_TEXT,
  SECTOR_LABELS,
  statusLabel,
  type ManagementLabel
} from '../../../shared/domain'
import { parseViNumber, typedNumber } from '../../../shared/numbers'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import type { Core } from '../../core/api'
import { common, withCore, type Command, type Options, type Values } from '../command'
import { UsageError, table, type CliIo } from '../io'

/** Entity fields as CLI options: --reg-no, --registration-date, --capital… */
const entityOptions: Options = {
  kind: { type: 'string' },
  'reg-no': { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  commune: { type: 'string' },
  district: { type: 'string' },
  representative: { type: 'string' },
  phone: { type: 'string' },
  'registration-date': { type: 'string' },
  capital: { type: 'string' },
  sector: { type: 'string' },
  'business-lines': { type: 'string' },
  notes: { type: 'string' },
  'certificate-no': { type: 'string' },
  'certificate-date': { type: 'string' },
  'must-register': { type: 'string' },
  'charter-updated': { type: 'string' },
  'info-updated': { type: 'string' },
  'court-decision': { type: 'string' },
  'court-decision-date': { type: 'string' }
}

const OPTION_FIELDS: Record<string, string> = {
  kind: 'kind',
  'reg-no': 'regNo',
  name: 'name',
  address: 'address',
  commune: 'commune',
  district: 'districtCode',
  representative: 'representative',
  phone: 'phone',
  'registration-date': 'registrationDate',
  capital: 'charterCapital',
  sector: 'sector',
  'business-lines': 'businessLines',
  notes: 'notes',
  'certificate-no': 'certificateNo',
  'certificate-date': 'certificateDate',
  'must-register': 'mustRegister',
  'charter-updated': 'charterUpdatedDate',
  'info-updated': 'infoUpdateDate',
  'court-decision': 'courtDecisionNo',
  'court-decision-date': 'courtDecisionDate'
}
const DATE_FIELDS = new Set(['registrationDate', 'certificateDate', 'charterUpdatedDate', 'infoUpdateDate', 'courtDecisionDate'])

/**
 * Options → entity fields. Dates may be typed dd/mm/yyyy, money with dot
 * thousands; anything unparseable is passed on as typed so the core's
 * validation names it in its message.
 */
function entityFieldsFrom(values: Values): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const [option, field] of Object.entries(OPTION_FIELDS)) {
    const raw = values[option]
    if (typeof raw !== 'string') continue
    if (DATE_FIELDS.has(field)) fields[field] = raw === '' ? null : (parseViDate(raw) ?? raw)
    else if (field === 'mustRegister')
      fields[field] = raw === '' ? null : /^(co|có|1|yes|true)$/i.test(raw) ? true : /^(khong|không|0|no|false)$/i.test(raw) ? false : raw
    else if (field === 'charterCapital') fields[field] = raw === '' ? null : parseMoney(raw)
    else fields[field] = raw === '' ? null : raw
  }
  return fields
}

function parseMoney(raw: string): number | string {
  return typedNumber(raw) ?? raw
}

async function entityByRef(core: Core, values: Values): Promise<Entity> {
  if (typeof values.id === 'string') {
    const id = Number(values.id)
    if (!Number.isInteger(id) || id < 1) throw new UsageError('--id phải là một số nguyên dương.')
    return core.call('entity.get', { id })
  }
  if (typeof values['reg-no'] === 'string') {
    return core.call('entity.byRegNo', { regNo: values['reg-no'] })
  }
  throw new UsageError('Cần --id SỐ hoặc --reg-no MÃ_SỐ để chỉ bản ghi.')
}

/** --entity REGNO or a record id (all digits and short). */
async function entityByWord(core: Core, word: unknown): Promise<Entity> {
  if (typeof word !== 'string' || word === '') throw new UsageError('Cần --entity MÃ_SỐ (hoặc số bản ghi).')
  if (/^\d{1,8}$/.test(word)) return core.call('entity.get', { id: Number(word) })
  return entityByRef(core, { 'reg-no': word })
}

function intOption(values: Values, name: string): number | undefined {
  const raw = values[name]
  if (typeof raw !== 'string' || raw === '') return undefined
  const n = parseViNumber(raw)
  if (n === null || !Number.isInteger(n)) throw new UsageError(`--${name} phải là một số nguyên (đã gõ «${raw}»).`)
  return n
}

const FIGURE_OPTIONS: Record<string, string> = {
  members: 'members',
  'new-members': 'newMembers',
  workers: 'workers',
  managers: 'managers',
  'managers-elementary': 'managersElementary',
  'managers-college': 'managersCollege',
  revenue: 'revenue',
  'member-revenue': 'memberRevenue',
  profit: 'profit',
  'avg-income': 'avgIncome',
  taxes: 'taxesPaid',
  'total-capital': 'totalCapital'
}
const CLASSIFY: Record<string, string> = { tot: 'good', kha: 'fair', 'trung-binh': 'average', yeu: 'weak' }

function printEntity(result: unknown, io: CliIo): void {
  const e = result as Entity
  for (const w of e.warnings ?? []) io.err(`Cảnh báo: ${w}`)
  const lines: Array<[string, string]> = [
    ['Mã bản ghi', String(e.id)],
    ['Loại hình', KIND_SHORT[e.kind]],
    ['Mã số HTX', e.regNo ?? ''],
    ['Tên', e.name],
    ['Tình trạng pháp lý', e.status ? statusLabel(e.status, e.kind) : ''],
    ['Nhãn quản lý', e.label ? `${MANAGEMENT_LABEL_TEXT[e.label]} (từ ${e.labelSince ? formatDate(e.labelSince) : 'khi đăng ký'})` : ''],
    ['Số GCN đăng ký THT', [e.certificateNo, e.certificateDate ? `cấp ${formatDate(e.certificateDate)}` : ''].filter(Boolean).join(', ')],
    ['Địa chỉ', e.address ?? ''],
    ['Xã, phường', e.commune ?? ''],
    ['Tên viết tắt', e.shortName ?? ''],
    ['Người đại diện', [e.representative, e.representativeTitle].filter(Boolean).join(', ')],
    ['Thư điện tử', e.email ?? ''],
    ['Điện thoại', e.phone ?? ''],
    ['Ngày đăng ký', formatDate(e.registrationDate)],
    ['Vốn điều lệ (đồng)', formatNumber(e.charterCapital)],
    ['Lĩnh vực', e.sector ? SECTOR_LABELS[e.sector] : ''],
    ['Ghi chú', e.notes ?? ''],
    ['Phiên bản', String(e.rowVersion)],
    ...(e.deletedAt ? ([['Đã xóa', `${formatDate(e.deletedAt.slice(0, 10))}: ${e.deletedReason ?? ''}`]] as Array<[string, string]>) : [])
  ]
  io.out(table(['Trường', 'Giá trị'], lines))
}

export const registryCommands: Record<string, Command> = {
  'entity add': {
    usage:
      'entity add --db TỆP --name TÊN [--kind htx|lhhtx|tht] [--reg-no MÃ] [--address …] [--commune …] [--representative …] [--phone …] [--registration-date dd/mm/yyyy] [--capital ĐỒNG] [--sector MÃ] [--status MÃ] [--notes …]',
    options: { ...common, ...entityOptions, status: { type: 'string' }, 'confirm-duplicate': { type: 'boolean' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('entity.create', {
          kind: 'htx',
          ...entityFieldsFrom(values),
          ...(typeof values.status === 'string' ? { status: values.status } : {}),
          ...(values['confirm-duplicate'] ? { confirmDuplicate: true } : {})
        })
      ),
    print: (result, io) => {
      io.err('Đã thêm vào sổ.')
      printEntity(result, io)
    }
  },

  'entity list': {
    usage: 'entity list --db TỆP [--q TỪ_KHÓA] [--kind htx|lhhtx|tht]   tìm không cần dấu',
    options: { ...common, q: { type: 'string' }, kind: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('entity.list', {
          ...(typeof values.q === 'string' ? { q: values.q } : {}),
          ...(typeof values.kind === 'string' ? { kind: values.kind } : {})
        })
      ),
    print: (result, io) => {
      const { rows, total } = result as { rows: Entity[]; total: number }
      io.out(
        table(
          ['Mã', 'Loại', 'Mã số HTX', 'Tên', 'Tình trạng', 'Xã, phường'],
          rows.map((e) => [e.id, KIND_SHORT[e.kind], e.regNo, e.name, e.status ? statusLabel(e.status, e.kind) : '', e.commune])
        )
      )
      io.err(`${formatNumber(total)} bản ghi.`)
    }
  },

  'entity show': {
    usage: 'entity show --db TỆP (--id SỐ | --reg-no MÃ)',
    options: { ...common, id: { type: 'string' }, 'reg-no': { type: 'string' } },
    run: (values) => withCore(values, (core) => entityByRef(core, values)),
    print: printEntity
  },

  'entity update': {
    usage: 'entity update --db TỆP (--id SỐ | --reg-no MÃ) [--row-version N] [--new-reg-no MÃ] [--name …] [các trường như entity add]',
    options: {
      ...common,
      ...entityOptions,
      id: { type: 'string' },
      'row-version': { type: 'string' },
      'new-reg-no': { type: 'string' },
      'confirm-duplicate': { type: 'boolean' }
    },
    run: (values) =>
      withCore(values, async (core) => {
        const entity = await entityByRef(core, values)
        // --reg-no picks the record; its new number, if any, comes in --new-reg-no.
        const changes = entityFieldsFrom({ ...values, 'reg-no': values['new-reg-no'] })
        if (Object.keys(changes).length === 0) throw new UsageError('Không có trường nào để sửa.')
        const rowVersion = typeof values['row-version'] === 'string' ? Number(values['row-version']) : entity.rowVersion
        return core.call('entity.update', {
          id: entity.id,
          rowVersion,
          changes,
          ...(values['confirm-duplicate'] ? { confirmDuplicate: true } : {})
        })
      }),
    print: (result, io) => {
      io.err('Đã sửa.')
      printEntity(result, io)
    }
  },

  'entity delete': {
    usage: 'entity delete --db TỆP (--id SỐ | --reg-no MÃ) --reason LÝ_DO [--hard]   --hard chỉ cho bản ghi tạo nhầm trong 24 giờ',
    options: { ...common, id: { type: 'string' }, 'reg-no': { type: 'string' }, reason: { type: 'string' }, hard: { type: 'boolean' } },
    run: (values) =>
      withCore(values, async (core) => {
        const entity = await entityByRef(core, values)
        return core.call('entity.delete', {
          id: entity.id,
          reason: typeof values.reason === 'string' ? values.reason : '',
          hard: values.hard === true
        })
      }),
    print: (result, io) => io.err((result as { hard: boolean }).hard ? 'Đã xóa hẳn.' : 'Đã xóa (có thể khôi phục bằng entity restore).')
  },

  'entity restore': {
    usage: 'entity restore --db TỆP --id SỐ',
    options: { ...common, id: { type: 'string' } },
    run: (values) => withCore(values, async (core) => core.call('entity.restore', { id: (await entityByRef(core, values)).id })),
    print: (result, io) => {
      io.err('Đã khôi phục.')
      printEntity(result, io)
    }
  },

  'status add': {
    usage:
      'status add --db TỆP --entity MÃ_SỐ --status active|suspended|not_at_address|revoked_tax|dissolving|bankruptcy|dissolved --date dd/mm/yyyy [--until dd/mm/yyyy] [--decision SỐ_QĐ] [--note …] [--conversion to-enterprise|from-enterprise|from-tht]',
    options: {
      ...common,
      entity: { type: 'string' },
      until: { type: 'string' },
      conversion: { type: 'string' },
      status: { type: 'string' },
      date: { type: 'string' },
      decision: { type: 'string' },
      note: { type: 'string' }
    },
    run: (values) =>
      withCore(values, async (core) => {
        const code = typeof values.status === 'string' ? values.status : ''
        if (LEGACY_STATUSES[code])
          throw new UsageError(
            `Mã «${code}» không còn là tình trạng pháp lý (NĐ 295/2026/NĐ-CP Điều 27): dùng --status ${LEGACY_STATUSES[code]!.status}` +
              (LEGACY_STATUSES[code]!.label ? ` và «label add --label ${LEGACY_STATUSES[code]!.label}» cho nhãn quản lý.` : '.')
          )
        const entity = await entityByWord(core, values.entity)
        const date = typeof values.date === 'string' ? (parseViDate(values.date) ?? values.date) : null
        return core.call('status.add', {
          entityId: entity.id,
          status: typeof values.status === 'string' ? values.status : '',
          effectiveDate: date,
          ...(typeof values.decision === 'string' ? { decisionNo: values.decision } : {}),
          ...(typeof values.note === 'string' ? { note: values.note } : {}),
          ...(typeof values.until === 'string' ? { untilDate: parseViDate(values.until) ?? values.until } : {}),
          ...(typeof values.conversion === 'string' ? { conversion: values.conversion.replace(/-/g, '_') } : {})
        } as never)
      }),
    print: (result, io) => {
      const e = result as StatusEvent
      io.err(`Đã ghi tình trạng «${statusLabel(e.status)}» ${e.effectiveDate ? `từ ${formatDate(e.effectiveDate)}` : 'từ khi đăng ký'}.`)
    }
  },

  'status list': {
    usage: 'status list --db TỆP --entity MÃ_SỐ',
    options: { ...common, entity: { type: 'string' } },
    run: (values) => withCore(values, async (core) => core.call('status.list', { entityId: (await entityByWord(core, values.entity)).id })),
    print: (result, io) =>
      io.out(
        table(
          ['Từ ngày', 'Tình trạng', 'Số quyết định', 'Ghi chú'],
          (result as StatusEvent[]).map((e) => [
            e.sinceRegistration ? 'Từ khi đăng ký' : formatDate(e.effectiveDate),
            statusLabel(e.status),
            e.decisionNo,
            e.note
          ])
        )
      )
  },

  'label add': {
    usage: `label add --db TỆP --entity MÃ_SỐ --label ${Object.keys(MANAGEMENT_LABEL_TEXT).join('|')}|none [--date dd/mm/yyyy] [--note …]`,
    options: { ...common, entity: { type: 'string' }, label: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const entity = await entityByWord(core, values.entity)
        if (typeof values.label !== 'string') throw new UsageError('Thiếu --label (hoặc --label none để bỏ nhãn).')
        const date = typeof values.date === 'string' ? (parseViDate(values.date) ?? values.date) : null
        return core.call('label.add', {
          entityId: entity.id,
          label: values.label === 'none' ? null : values.label,
          effectiveDate: date,
          ...(typeof values.note === 'string' ? { note: values.note } : {})
        } as never)
      }),
    print: (result, io) => {
      const e = result as LabelEvent
      io.err(
        `${e.label ? `Đã ghi nhãn quản lý «${MANAGEMENT_LABEL_TEXT[e.label]}»` : 'Đã bỏ nhãn quản lý'} ${e.effectiveDate ? `từ ${formatDate(e.effectiveDate)}` : 'từ khi đăng ký'} (không đổi tình trạng pháp lý).`
      )
    }
  },

  obligations: {
    usage: 'obligations --db TỆP [--as-of dd/mm/yyyy]   # nghĩa vụ chuyển tiếp Luật HTX 2023 Điều 115 đã quá hạn',
    options: { ...common, 'as-of': { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) =>
        core.call('registry.obligations', {
          ...(typeof values['as-of'] === 'string' ? { asOf: parseViDate(values['as-of']) ?? values['as-of'] } : {})
        } as never)
      ),
    print: (result, io) => {
      const rows = result as Obligation[]
      if (rows.length === 0) io.err('Không có bản ghi nào quá hạn nghĩa vụ chuyển tiếp (Luật HTX 2023 Điều 115).')
      io.out(
        table(
          ['Loại', 'Mã số', 'Tên', 'Nghĩa vụ', 'Hạn', 'Đã làm ngày', 'Căn cứ'],
          rows.map((o) => [
            KIND_SHORT[o.kind],
            o.regNo,
            o.name,
            o.label,
            formatDate(o.deadline),
            o.doneOn ? formatDate(o.doneOn) : 'chưa ghi',
            o.article
          ])
        )
      )
    }
  },

  'label list': {
    usage: 'label list --db TỆP --entity MÃ_SỐ',
    options: { ...common, entity: { type: 'string' } },
    run: (values) => withCore(values, async (core) => core.call('label.list', { entityId: (await entityByWord(core, values.entity)).id })),
    print: (result, io) =>
      io.out(
        table(
          ['Từ ngày', 'Nhãn quản lý', 'Ghi chú'],
          (result as LabelEvent[]).map((e) => [
            e.effectiveDate ? formatDate(e.effectiveDate) : 'Từ khi đăng ký',
            e.label ? MANAGEMENT_LABEL_TEXT[e.label as ManagementLabel] : '(bỏ nhãn)',
            e.note
          ])
        )
      )
  },

  'figures set': {
    usage:
      'figures set --db TỆP --entity MÃ_SỐ --year YYYY [--members N] [--new-members N] [--workers N] [--managers N] [--managers-elementary N] [--managers-college N] [--revenue ĐỒNG] [--member-revenue ĐỒNG] [--profit ĐỒNG] [--avg-income ĐỒNG] [--taxes ĐỒNG] [--total-capital ĐỒNG] [--classification tot|kha|trung-binh|yeu] [--circular TÊN]',
    options: {
      ...common,
      entity: { type: 'string' },
      year: { type: 'string' },
      classification: { type: 'string' },
      circular: { type: 'string' },
      ...Object.fromEntries(Object.keys(FIGURE_OPTIONS).map((k) => [k, { type: 'string' as const }]))
    },
    run: (values) =>
      withCore(values, async (core) => {
        const entity = await entityByWord(core, values.entity)
        const year = intOption(values, 'year')
        if (year === undefined) throw new UsageError('Thiếu --year YYYY.')
        const figures: Record<string, unknown> = {}
        for (const [option, field] of Object.entries(FIGURE_OPTIONS)) {
          const n = intOption(values, option)
          if (n !== undefined) figures[field] = n
        }
        if (typeof values.classification === 'string') figures.classification = CLASSIFY[values.classification] ?? values.classification
        if (typeof values.circular === 'string') figures.classificationCircular = values.circular
        return core.call('figures.set', { entityId: entity.id, year, figures } as never)
      }),
    print: (result, io) => {
      const f = result as YearlyFigures
      io.err(`Đã ghi số liệu năm ${f.year}.`)
      io.out(
        table(
          ['Thành viên', 'Mới', 'Lao động', 'Doanh thu', 'Tổng nguồn vốn', 'Thuế đã nộp', 'Xếp loại', 'Theo thông tư'],
          [
            [
              formatNumber(f.members),
              formatNumber(f.newMembers),
              formatNumber(f.workers),
              formatNumber(f.revenue),
              formatNumber(f.totalCapital),
              formatNumber(f.taxesPaid),
              f.classification ? CLASSIFICATION_LABELS[f.classification] : '',
              f.classificationCircular ?? ''
            ]
          ]
        )
      )
    }
  },

  'figures list': {
    usage: 'figures list --db TỆP [--entity MÃ_SỐ] [--year YYYY]',
    options: { ...common, entity: { type: 'string' }, year: { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const entityId = typeof values.entity === 'string' ? (await entityByWord(core, values.entity)).id : undefined
        const year = intOption(values, 'year')
        return core.call('figures.list', { ...(entityId ? { entityId } : {}), ...(year ? { year } : {}) })
      }),
    print: (result, io) =>
      io.out(
        table(
          ['Bản ghi', 'Năm', 'Thành viên', 'Mới', 'Doanh thu', 'Thuế đã nộp', 'Xếp loại'],
          (result as YearlyFigures[]).map((f) => [
            f.entityId,
            f.year,
            formatNumber(f.members),
            formatNumber(f.newMembers),
            formatNumber(f.revenue),
            formatNumber(f.taxesPaid),
            f.classification ? CLASSIFICATION_LABELS[f.classification] : ''
          ])
        )
      )
  },

  'figures size': {
    usage:
      'figures size --db TỆP --year YYYY [--entity MÃ_SỐ] [--audit]   quy mô HTX (Luật HTX 2023 Điều 16) từ số liệu năm; --audit: chỉ HTX, LHHTX phải kiểm toán độc lập (Điều 106)',
    options: { ...common, year: { type: 'string' }, entity: { type: 'string' }, audit: { type: 'boolean' } },
    run: (values) =>
      withCore(values, async (core) => {
        const year = intOption(values, 'year')
        if (year === undefined) throw new UsageError('Thiếu --year YYYY.')
        const entityId = typeof values.entity === 'string' ? (await entityByWord(core, values.entity)).id : undefined
        return core.call('classification.sizes', { year, ...(entityId ? { entityId } : {}), ...(values.audit ? { auditOnly: true } : {}) })
      }),
    print: (result, io) => {
      const list = result as SizeList
      const audit = (r: SizeRow) => (r.auditRequired === true ? 'Phải kiểm toán' : r.auditRequired === false ? 'Không' : 'Chưa rõ')
      io.out(
        table(
          [
            'Bản ghi',
            'Loại',
            'Mã số',
            'Tên',
            'Lĩnh vực',
            'Thành viên',
            'Doanh thu',
            'Tổng nguồn vốn',
            'Quy mô',
            'Kiểm toán độc lập',
            'Ghi chú'
          ],
          list.rows.map((r) => [
            r.entityId,
            KIND_SHORT[r.kind],
            r.regNo,
            r.name,
            r.sector ? SECTOR_LABELS[r.sector] : '',
            formatNumber(r.members),
            formatNumber(r.revenue),
            formatNumber(r.totalCapital),
            r.sizeLabel,
            audit(r),
            r.auditBasis ?? (r.kind === 'htx' ? r.sizeReason : r.auditReason) ?? ''
          ])
        )
      )
      const must = list.rows.filter((r) => r.auditRequired === true).length
      io.err(
        `Năm ${list.year}: ${formatNumber(list.rows.length)} HTX, LHHTX; ${formatNumber(must)} phải kiểm toán độc lập báo cáo tài chính.`
      )
      if (!list.thresholdsVerified) io.err(list.thresholdsNote)
    }
  },

  'figures copy-forward': {
    usage: 'figures copy-forward --db TỆP --from YYYY --to YYYY',
    options: { ...common, from: { type: 'string' }, to: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('figures.copyForward', { fromYear: intOption(values, 'from') ?? 0, toYear: intOption(values, 'to') ?? 0 })
      ),
    print: (result, io) => io.err(`Đã chép ${formatNumber((result as { copied: number }).copied)} dòng sang năm mới.`)
  },

  'entity undo': {
    usage: 'entity undo --db TỆP [--user TÊN]   hoàn tác thay đổi gần nhất của người dùng',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('entity.undo', {})),
    print: (result, io) => io.err(`Đã hoàn tác thay đổi số ${(result as { undone: number }).undone}.`)
  }
}

import type { Entity } from '../../../shared/api'
import { KIND_SHORT, SECTOR_LABELS, STATUS_LABELS } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
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
  notes: { type: 'string' }
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
  notes: 'notes'
}

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
    if (field === 'registrationDate') fields[field] = raw === '' ? null : (parseViDate(raw) ?? raw)
    else if (field === 'charterCapital') fields[field] = raw === '' ? null : parseMoney(raw)
    else fields[field] = raw === '' ? null : raw
  }
  return fields
}

function parseMoney(raw: string): number | string {
  const digits = raw.replace(/[.\s]/g, '')
  return /^\d+$/.test(digits) ? Number(digits) : raw
}

async function entityByRef(core: Core, values: Values): Promise<Entity> {
  if (typeof values.id === 'string') {
    const id = Number(values.id)
    if (!Number.isInteger(id) || id < 1) throw new UsageError('--id phải là một số nguyên dương.')
    return core.call('entity.get', { id })
  }
  if (typeof values['reg-no'] === 'string') {
    const { rows } = await core.call('entity.list', { q: values['reg-no'] })
    const found = rows.find((e) => e.regNo === values['reg-no'])
    if (!found) throw new AppError('NOT_FOUND', `Không có HTX nào mang mã số ${values['reg-no']}.`)
    return found
  }
  throw new UsageError('Cần --id SỐ hoặc --reg-no MÃ_SỐ để chỉ bản ghi.')
}

function printEntity(result: unknown, io: CliIo): void {
  const e = result as Entity
  const lines: Array<[string, string]> = [
    ['Mã bản ghi', String(e.id)],
    ['Loại hình', KIND_SHORT[e.kind]],
    ['Mã số HTX', e.regNo ?? ''],
    ['Tên', e.name],
    ['Tình trạng', e.status ? STATUS_LABELS[e.status] : ''],
    ['Địa chỉ', e.address ?? ''],
    ['Xã, phường', e.commune ?? ''],
    ['Người đại diện', e.representative ?? ''],
    ['Điện thoại', e.phone ?? ''],
    ['Ngày đăng ký', formatDate(e.registrationDate)],
    ['Vốn điều lệ (đồng)', formatNumber(e.charterCapital)],
    ['Lĩnh vực', e.sector ? SECTOR_LABELS[e.sector] : ''],
    ['Ghi chú', e.notes ?? ''],
    ['Phiên bản', String(e.rowVersion)]
  ]
  io.out(table(['Trường', 'Giá trị'], lines))
}

export const registryCommands: Record<string, Command> = {
  'entity add': {
    usage: 'entity add --db TỆP --name TÊN [--kind htx|lhhtx|tht] [--reg-no MÃ] [--address …] [--commune …] [--representative …] [--phone …] [--registration-date dd/mm/yyyy] [--capital ĐỒNG] [--sector MÃ] [--status MÃ] [--notes …]',
    options: { ...common, ...entityOptions, status: { type: 'string' } },
    run: (values) =>
      withCore(values, (core) =>
        core.call('entity.create', {
          kind: 'htx',
          ...entityFieldsFrom(values),
          ...(typeof values.status === 'string' ? { status: values.status } : {})
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
          rows.map((e) => [e.id, KIND_SHORT[e.kind], e.regNo, e.name, e.status ? STATUS_LABELS[e.status] : '', e.commune])
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
    options: { ...common, ...entityOptions, id: { type: 'string' }, 'row-version': { type: 'string' }, 'new-reg-no': { type: 'string' } },
    run: (values) =>
      withCore(values, async (core) => {
        const entity = await entityByRef(core, values)
        // --reg-no picks the record; its new number, if any, comes in --new-reg-no.
        const changes = entityFieldsFrom({ ...values, 'reg-no': values['new-reg-no'] })
        if (Object.keys(changes).length === 0) throw new UsageError('Không có trường nào để sửa.')
        const rowVersion = typeof values['row-version'] === 'string' ? Number(values['row-version']) : entity.rowVersion
        return core.call('entity.update', { id: entity.id, rowVersion, changes })
      }),
    print: (result, io) => {
      io.err('Đã sửa.')
      printEntity(result, io)
    }
  }
}

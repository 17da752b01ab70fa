/**
 * entity add|list|show|update|delete|restore, status add|list, label add|list: the commands that keep the register's
 * records — the record itself, its legal status events and its management labels. Apart from the yearly figures
 * (registry-figures.ts).
 */
import type { Entity, LabelEvent, Obligation, StatusEvent } from '../../../shared/api'
import { KIND_SHORT, LEGACY_STATUSES, MANAGEMENT_LABEL_TEXT, statusLabel, type ManagementLabel } from '../../../shared/domain'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { common, withCore, type Command } from '../command'
import { UsageError, table } from '../io'
import { entityByRef, entityByWord, entityFieldsFrom, entityOptions, printEntity } from './registry-common'

export const entityCommands: Record<string, Command> = {
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
  }
}

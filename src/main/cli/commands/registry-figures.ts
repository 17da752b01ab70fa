/**
 * figures set|list|size|copy-forward: the commands for a record's yearly figures (members, managers, revenue, capital,
 * classification) and the size list they give. Apart from the record commands (registry-entities.ts) because they
 * work by year, not by record.
 */
import { CLASSIFICATION_LABELS, type SizeList, type SizeRow, type YearlyFigures } from '../../../shared/api'
import { KIND_SHORT, SECTOR_LABELS } from '../../../shared/domain'
import { formatNumber } from '../../../shared/text'
import { common, withCore, type Command } from '../command'
import { UsageError, table } from '../io'
import { entityByWord, intOption } from './registry-common'

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

export const figuresCommands: Record<string, Command> = {
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
  }
}

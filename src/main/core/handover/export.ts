/**
 * A former district's handover package for one new commune (issue 14, point 3): the records the plan
 * gives that commune, with their whole history — status events, labels, yearly figures, dissolution
 * cases with steps, council, items (debts, assets), obstacles and attachment hashes — and the
 * district's audit rows about them. The province package's format (handoff/format.ts): machine
 * sheets, content hash, Ed25519 signature over the manifest, which names the commune it is for
 * (kind "handover", targetUnit). Leaving, it marks the records handed over (who, to which commune,
 * when) in the same transaction as their audit rows: from that date they are counted at the commune
 * only (reports/snapshot.ts). Returned as {name, base64}; only the CLI writes a file.
 */
import { XLSX } from '../sheetjs'
import { version as appVersion } from '../../../../package.json'
import { KIND_SHORT, STATUS_LABELS, type Status } from '../../../shared/domain'
import type { HandoverExport } from '../../../shared/contract/handover'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudits } from '../audit/log'
import type { CoreContext } from '../context'
import { deliverFile } from '../delivery'
import { officeBodyName, officeName, today } from '../office/office'
import { unitByKey } from '../office/map'
import { appendSheet, type Sheet } from '../handoff/human'
import { officeSigningKey, signText } from '../handoff/keys'
import {
  cellText,
  ContentHash,
  countKey,
  FORMAT,
  FORMAT_VERSION,
  HANDOVER_KIND,
  HANDOVER_TABLES,
  headerCell,
  humanSheetHash,
  MANIFEST_HEADER,
  MANIFEST_SHEET,
  MAX_CELL_TEXT,
  manifestLabel,
  normalise,
  signedText,
  tableColumns,
  type Manifest,
  type Value
} from '../handoff/format'
import { buildPlan, candidateCommune, requireDistrict } from './plan'

/** Columns of the district's own handover bookkeeping: not part of the record the commune receives. */
export const HANDOVER_COLUMNS = new Set(['handed_over_on', 'handed_over_to', 'handed_over_at', 'handed_over_by', 'handover_origin'])

/** The rows of each table that concern the records: by entity, by case, and the audit rows naming any of them. */
function selectRows(ctx: CoreContext, table: string, columns: string, ids: Map<string, number[]>): unknown[][] {
  const sqlite = ctx.conn.sqlite
  const inList = (t: string) => JSON.stringify(ids.get(t) ?? [])
  const q = (where: string, ...args: unknown[]) =>
    sqlite
      .prepare(`select ${columns} from ${table} where ${where} order by id`)
      .raw()
      .all(...args) as unknown[][]
  if (table === 'entities') return q('id in (select value from json_each(?))', inList('entities'))
  if (['status_events', 'entity_labels', 'yearly_figures', 'dissolution_cases'].includes(table))
    return q('entity_id in (select value from json_each(?))', inList('entities'))
  if (table.startsWith('dissolution_')) return q('case_id in (select value from json_each(?))', inList('dissolution_cases'))
  if (table === 'audit_log') {
    const tables = [...ids.keys()]
    return q(
      `(${tables.map(() => '(table_name = ? and row_id in (select value from json_each(?)))').join(' or ')})`,
      ...tables.flatMap((t) => [t, inList(t)])
    )
  }
  throw new Error(`handover: no rule for ${table}`)
}

export async function exportHandover(ctx: CoreContext, communeCode: string): Promise<HandoverExport> {
  const district = requireDistrict(ctx, 'xuất gói bàn giao')
  const target = candidateCommune(district, communeCode)
  const targetUnit = unitByKey(target.key)!
  const plan = buildPlan(ctx)
  const records = plan.records.filter((r) => r.to?.key === target.key)
  if (records.length === 0) {
    throw new AppError(
      'VALIDATION',
      `Chưa có bản ghi nào giao cho ${target.name}: không có gì để xuất. ` +
        (plan.unassigned.length ? `Còn ${plan.unassigned.length} bản ghi chưa chọn xã nhận (handover plan).` : ''),
      { field: 'commune' }
    )
  }
  const handedOverOn = today(ctx)
  const office = officeName({ code: district.code, name: district.name, level: 'district' }, handedOverOn, await officeBodyName(ctx.db))
  const key = await officeSigningKey(ctx)
  const sqlite = ctx.conn.sqlite

  // The ids of every row concerned, table by table, parents before children (HANDOVER_TABLES' order).
  const ids = new Map<string, number[]>([['entities', records.map((r) => r.id)]])
  const wb = XLSX.utils.book_new()
  const status = new Map(
    (
      sqlite
        .prepare(
          `select s.entity_id, s.status from status_events s where s.entity_id in (select value from json_each(?))
           order by s.entity_id, s.effective_date is not null, s.effective_date, s.id`
        )
        .raw()
        .all(JSON.stringify(ids.get('entities'))) as Array<[number, string]>
    ).map(([id, s]) => [id, s])
  )
  const details = new Map(
    (
      sqlite
        .prepare('select id, kind, registration_date from entities where id in (select value from json_each(?))')
        .raw()
        .all(JSON.stringify(ids.get('entities'))) as Array<[number, keyof typeof KIND_SHORT, string | null]>
    ).map(([id, kind, date]) => [id, { kind, date }])
  )
  const human: Sheet = {
    name: 'Danh sách bàn giao',
    widths: [6, 10, 40, 16, 28, 14, 24],
    rows: [
      [office],
      [`DANH SÁCH HTX, LHHTX, THT BÀN GIAO CHO ${target.name.toLocaleUpperCase('vi')}`],
      [`Ngày bàn giao ${formatDate(handedOverOn)}; sổ của ${district.name} (${district.province.name}) đến 30/06/2025`],
      [],
      ['STT', 'Loại hình', 'Tên', 'Mã số', 'Xã, phường, thị trấn (cũ)', 'Ngày đăng ký', 'Tình trạng gần nhất'],
      ...records.map((r, i) => {
        const d = details.get(r.id)!
        const s = status.get(r.id)
        return [
          i + 1,
          KIND_SHORT[d.kind],
          r.name,
          r.regNo,
          r.commune,
          d.date ? formatDate(d.date) : null,
          s ? (STATUS_LABELS[s as Status] ?? s) : null
        ]
      })
    ]
  }
  appendSheet(wb, human)

  const hash = new ContentHash()
  const counts: Record<string, number> = {}
  for (const spec of HANDOVER_TABLES) {
    const columns = tableColumns(sqlite, spec.table).filter((c) => spec.table !== 'entities' || !HANDOVER_COLUMNS.has(c.name))
    const raw = selectRows(ctx, spec.table, columns.map((c) => `"${c.name}"`).join(', '), ids)
    const idAt = columns.findIndex((c) => c.name === 'id')
    if (spec.table !== 'entities' && spec.table !== 'audit_log')
      ids.set(
        spec.table,
        raw.map((r) => Number(r[idAt]))
      )
    hash.table(spec.table, columns)
    const rows: Value[][] = [columns.map(headerCell)]
    for (const [r, src] of raw.entries()) {
      const values = columns.map((c, i) => normalise(src[i], c.type))
      const long = values.findIndex((v) => typeof v === 'string' && v.length > MAX_CELL_TEXT)
      if (long >= 0)
        throw new AppError(
          'VALIDATION',
          `Không xuất được: ô ${columns[long]!.name} của dòng ${r + 2} trong ${spec.table} dài quá ${MAX_CELL_TEXT} ký tự (giới hạn của Excel).`,
          { table: spec.table, row: r + 2 }
        )
      hash.row(values)
      rows.push(values)
    }
    counts[spec.table] = raw.length
    const ws = XLSX.utils.aoa_to_sheet(
      rows.map((row) => row.map((v) => (typeof v === 'string' ? cellText(v) : v))),
      { dense: true }
    )
    XLSX.utils.book_append_sheet(wb, ws, spec.sheet)
  }

  const exportedAt = ctx.now()
  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: String(FORMAT_VERSION),
    kind: HANDOVER_KIND,
    appVersion,
    unitCode: district.code,
    unitName: district.name,
    unitLevel: 'district',
    provinceCode: district.province.code,
    officeName: office,
    targetUnit: target.key,
    targetName: target.name,
    targetProvinceCode: targetUnit.province.code,
    handedOverOn,
    exportedAt,
    asOf: handedOverOn,
    ...Object.fromEntries(Object.entries(counts).map(([t, n]) => [countKey(t), String(n)])),
    contentHash: hash.hex(),
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint,
    humanSheets: JSON.stringify([[human.name, humanSheetHash(human.rows)]])
  }
  manifest.signature = signText(key, signedText(manifest))
  const manifestRows = [MANIFEST_HEADER, ...Object.entries(manifest).map(([k, v]) => [k, v, manifestLabel(k)])]
  const ws = XLSX.utils.aoa_to_sheet(
    manifestRows.map((r) => r.map((v) => cellText(v))),
    { dense: true }
  )
  ws['!cols'] = [{ wch: 28 }, { wch: 70 }, { wch: 40 }]
  XLSX.utils.book_append_sheet(wb, ws, MANIFEST_SHEET)
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer
  const name = `ban-giao-${district.code}-cho-${target.code}-${formatDate(handedOverOn).replace(/\//g, '-')}.xlsx`

  await ctx.db.transaction().execute(async (trx) => {
    // First handover of each record: its date, commune, moment and officer; a package sent again keeps the first.
    const fresh = records.filter((r) => !r.handedOverOn)
    const mark = { handed_over_on: handedOverOn, handed_over_to: target.key, handed_over_at: exportedAt, handed_over_by: ctx.user }
    if (fresh.length > 0)
      await trx
        .updateTable('entities')
        .set(mark)
        .where(
          'id',
          'in',
          fresh.map((r) => r.id)
        )
        .execute()
    await writeAudits(trx, ctx, [
      ...fresh.map((r) => ({ action: 'handover', table: 'entities', rowId: r.id, before: { handed_over_on: null }, after: mark })),
      {
        action: 'handover_export',
        table: 'entities',
        rowId: null,
        after: { commune: target.key, file: name, records: records.map((r) => r.id), contentHash: manifest.contentHash, counts }
      }
    ])
    deliverFile({ name, bytes })
  })
  return {
    name,
    base64: bytes.toString('base64'),
    commune: target,
    records: records.length,
    handedOverOn: records.map((r) => r.handedOverOn ?? handedOverOn).sort()[0]!,
    contentHash: manifest.contentHash,
    keyFingerprint: key.fingerprint,
    counts
  }
}

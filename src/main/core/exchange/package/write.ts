/**
 * Export: the office's complete data as a signed package (format.ts), with an
 * export-history row and its audit row in one transaction.
 */
import { XLSX } from '../../sheetjs'
import { version as appVersion } from '../../../../../package.json'
import { AppError } from '../../../../shared/errors'
import { formatDate } from '../../../../shared/text'
import { writeAudit } from '../../audit/log'
import type { CoreContext } from '../../context'
import { officeName } from '../../office/handlers'
import { appendSheet, humanSheets } from './human'
import { ensureSigningKey, signText } from './keys'
import {
  ContentHash, countKey, FORMAT, FORMAT_VERSION, headerCell, MACHINE_TABLES, MANIFEST_LABELS, MANIFEST_SHEET, MAX_CELL_TEXT, normalise,
  signedText, tableColumns, type Manifest, type Value
} from './format'

export interface ExportedPackage {
  fileName: string
  bytes: Buffer
  manifest: Manifest
  counts: Record<string, number>
}

export interface OfficeUnitRow {
  code: string
  name: string
  level: string
  parent_code: string | null
}

export async function currentUnit(ctx: CoreContext): Promise<OfficeUnitRow> {
  const unit = await ctx.db
    .selectFrom('office')
    .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
    .select(['admin_units.code', 'admin_units.name', 'admin_units.level', 'admin_units.parent_code'])
    .executeTakeFirst()
  if (!unit) throw new AppError('NOT_CONFIGURED', 'Tệp dữ liệu chưa được thiết lập cho một đơn vị hành chính.')
  return unit
}

export async function exportPackage(ctx: CoreContext, asOf: string): Promise<ExportedPackage> {
  const unit = await currentUnit(ctx)
  const office = officeName({ code: unit.code, name: unit.name, level: unit.level as 'district', parentCode: unit.parent_code, validFrom: null, validTo: null })
  const key = ensureSigningKey(ctx.conn.path)
  const wb = XLSX.utils.book_new()
  for (const sheet of await humanSheets(ctx, asOf, office)) appendSheet(wb, sheet)

  const hash = new ContentHash()
  const counts: Record<string, number> = {}
  for (const spec of MACHINE_TABLES) {
    const columns = tableColumns(ctx.conn.sqlite, spec.table)
    const raw = ctx.conn.sqlite
      .prepare(`select ${columns.map((c) => `"${c.name}"`).join(', ')} from ${spec.table} order by id`)
      .raw()
      .all() as unknown[][]
    hash.table(spec.table, columns)
    const rows: Value[][] = [columns.map(headerCell)]
    for (let r = 0; r < raw.length; r++) {
      const values = columns.map((c, i) => normalise(raw[r][i], c.type))
      for (let i = 0; i < values.length; i++) {
        const v = values[i]
        if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
          throw new AppError('VALIDATION', `Không xuất được: ô ${columns[i].name} của dòng ${r + 2} trong ${spec.table} dài quá ${MAX_CELL_TEXT} ký tự (giới hạn của Excel).`, { table: spec.table, row: r + 2, column: columns[i].name })
        }
      }
      hash.row(values)
      rows.push(values)
    }
    counts[spec.table] = raw.length
    const ws = XLSX.utils.aoa_to_sheet(rows, { dense: true })
    XLSX.utils.book_append_sheet(wb, ws, spec.sheet)
  }

  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: String(FORMAT_VERSION),
    appVersion,
    unitCode: unit.code,
    unitName: unit.name,
    unitLevel: unit.level,
    provinceCode: unit.level === 'province' ? unit.code : unit.parent_code ?? '',
    officeName: office,
    exportedAt: ctx.now(),
    asOf,
    ...Object.fromEntries(Object.entries(counts).map(([t, n]) => [countKey(t), String(n)])),
    contentHash: hash.hex(),
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint
  }
  manifest.signature = signText(key, signedText(manifest))
  const manifestRows = [
    ['Khóa', 'Giá trị', 'Ý nghĩa'],
    ...Object.entries(manifest).map(([k, v]) => [k, v, MANIFEST_LABELS[k] ?? (k.startsWith('count.') ? `Số dòng ${k.slice(6)}` : '')])
  ]
  const ws = XLSX.utils.aoa_to_sheet(manifestRows, { dense: true })
  ws['!cols'] = [{ wch: 28 }, { wch: 70 }, { wch: 40 }]
  XLSX.utils.book_append_sheet(wb, ws, MANIFEST_SHEET)
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer

  const fileName = `goi-du-lieu-${unit.code}-den-${formatDate(asOf).replace(/\//g, '-')}.xlsx`
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      at: manifest.exportedAt,
      user: ctx.user,
      unit_code: unit.code,
      file_name: fileName,
      as_of: asOf,
      content_hash: manifest.contentHash,
      key_fingerprint: key.fingerprint,
      counts_json: JSON.stringify(counts)
    }
    const { id } = await trx.insertInto('package_exports').values(row).returning('id').executeTakeFirstOrThrow()
    await writeAudit(trx, ctx, { action: 'export_package', table: 'package_exports', rowId: id, after: row })
  })
  return { fileName, bytes, manifest, counts }
}

/**
 * Export: the office's complete data as a signed package (format.ts), with an
 * export-history row and its audit row in one transaction.
 */
import { gsoCode } from '../../../shared/contract/office'
import { XLSX } from '../sheetjs'
import { version as appVersion } from '../../../../package.json'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { deliverFile } from '../delivery'
import { officeBodyName, officeName } from '../office/office'
import { packageChecks, type PackageChecks } from '../checks/package'
import { closedChangesSinceLastPackage } from './closed-changes'
import { answersForPackage } from '../review/answers'
import { appendSheet, humanSheets } from './human'
import { officeSigningKey, signText } from './keys'
import {
  cellText,
  ContentHash,
  countKey,
  FORMAT,
  FORMAT_VERSION,
  headerCell,
  humanSheetHash,
  MACHINE_TABLES,
  MANIFEST_HEADER,
  MANIFEST_SHEET,
  MAX_CELL_TEXT,
  manifestLabel,
  normalise,
  signedText,
  tableColumns,
  type Manifest,
  type Value
} from './format'

export interface ExportedPackage {
  fileName: string
  bytes: Buffer
  manifest: Manifest
  counts: Record<string, number>
  /** The data checks run before export; the open findings ride along as the «Kiểm tra số liệu» sheet. */
  checks: Pick<PackageChecks, 'counts' | 'open'>
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

/**
 * "_x0041_x0042_": two escapes sharing an underscore. LibreOffice writes the second one unescaped, so the text
 * reads back as "_x0041_B" after a re-save; the one string form the package cannot carry, refused at export.
 */
const OVERLAPPING_ESCAPES = /_[xX][0-9A-Fa-f]{4}_[xX][0-9A-Fa-f]{4}_/

/** Strings as they go into cells (format.ts, cellText); the hash is over the strings themselves. */
function escaped(rows: Value[][]): Value[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'string' ? cellText(v) : v)))
}

export async function exportPackage(ctx: CoreContext, asOf: string, newKey = false): Promise<ExportedPackage> {
  const unit = await currentUnit(ctx)
  const office = officeName({ code: unit.code, name: unit.name, level: unit.level as 'district' }, asOf, await officeBodyName(ctx.db))
  const key = await officeSigningKey(ctx, { newKey })
  const wb = XLSX.utils.book_new()
  const human = await humanSheets(ctx, asOf, office)
  const checks = packageChecks(ctx, asOf, office)
  human.push(checks.sheet)
  for (const sheet of human) appendSheet(wb, sheet)

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
          throw new AppError(
            'VALIDATION',
            `Không xuất được: ô ${columns[i].name} của dòng ${r + 2} trong ${spec.table} dài quá ${MAX_CELL_TEXT} ký tự (giới hạn của Excel).`,
            { table: spec.table, row: r + 2, column: columns[i].name }
          )
        }
        const overlap = typeof v === 'string' ? OVERLAPPING_ESCAPES.exec(v) : null
        if (overlap) {
          throw new AppError(
            'VALIDATION',
            `Không xuất được: ô ${columns[i].name} của dòng ${r + 2} trong ${spec.table} chứa «${overlap[0]}» (hai chuỗi dạng _xHHHH_ liền nhau chung một dấu gạch dưới), thứ Excel/LibreOffice ghi lại thành chữ khác, nên tỉnh sẽ thấy gói bị sửa. Hãy sửa chữ đó (ví dụ thêm một khoảng trắng) rồi xuất lại.`,
            { table: spec.table, row: r + 2, column: columns[i].name }
          )
        }
      }
      hash.row(values)
      rows.push(values)
    }
    counts[spec.table] = raw.length
    const ws = XLSX.utils.aoa_to_sheet(escaped(rows), { dense: true })
    XLSX.utils.book_append_sheet(wb, ws, spec.sheet)
  }

  const manifest: Manifest = {
    format: FORMAT,
    formatVersion: String(FORMAT_VERSION),
    appVersion,
    unitCode: unit.code,
    unitName: unit.name,
    unitLevel: unit.level,
    provinceCode: unit.level === 'province' ? unit.code : (unit.parent_code ?? ''),
    officeName: office,
    exportedAt: ctx.now(),
    asOf,
    ...Object.fromEntries(Object.entries(counts).map(([t, n]) => [countKey(t), String(n)])),
    contentHash: hash.hex(),
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint,
    // What a person reads, signed with the data: each human sheet's name and the hash of its cells.
    humanSheets: JSON.stringify(human.map((s) => [s.name, humanSheetHash(s.rows)]))
  }
  // Closed data changed since the last package (after a reopen): signed with the rest, only when there is some.
  const closedChanges = closedChangesSinceLastPackage(ctx)
  if (closedChanges.length > 0) manifest.closedChanges = JSON.stringify(closedChanges)
  // The answers to the province's remarks on the previous sending (review/answers.ts): signed, only when there are some.
  const answers = answersForPackage(ctx)
  if (answers.length > 0) manifest.reviewAnswers = JSON.stringify(answers)
  manifest.signature = signText(key, signedText(manifest))
  const manifestRows = [MANIFEST_HEADER, ...Object.entries(manifest).map(([k, v]) => [k, v, manifestLabel(k)])]
  const ws = XLSX.utils.aoa_to_sheet(escaped(manifestRows), { dense: true })
  ws['!cols'] = [{ wch: 28 }, { wch: 70 }, { wch: 40 }]
  XLSX.utils.book_append_sheet(wb, ws, MANIFEST_SHEET)
  // Shared strings: what Excel and LibreOffice write, and the form whose "_xHHHH_" escapes every reader decodes once.
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer

  const fileName = `goi-du-lieu-${gsoCode(unit.code)}-den-${formatDate(asOf).replace(/\//g, '-')}.xlsx`
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
    // The CLI writes its --out here: the row commits only with the file whole on disk.
    deliverFile({ name: fileName, bytes })
  })
  return { fileName, bytes, manifest, counts, checks: { counts: checks.counts, open: checks.open } }
}

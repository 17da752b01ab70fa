/**
 * A commune office takes in a former district's handover package (issue 14, point 3): the file must
 * be a whole, signed handover package (handoff/read.ts), meant for this commune, from a district whose
 * old communes this commune was made of, signed by the key pinned for that district (pinned on first
 * use only when the person says so). Then, in one transaction with its audit row: the records with new
 * ids and their whole history, the district's audit rows about them kept as they were
 * (handover_audit), the package's log row. Every refusal is one Vietnamese sentence; nothing written.
 * The same package (or one whose records are already here) is skipped, never doubled.
 */
import type { HandoverImportResult } from '../../../shared/contract/handover'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { auditWriter } from '../audit/log'
import type { CoreContext } from '../context'
import { duplicateError } from '../db/unique'
import { loadBytes, type FileInput } from '../exchange/read'
import { HANDOVER_KIND, HANDOVER_TABLES, tableColumns } from '../handoff/format'
import { readPackage } from '../handoff/read'
import { unitByKey } from '../office/map'
import { HANDOVER_COLUMNS } from './export'

const refuse = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('VALIDATION', message, { field: 'file', ...details })

export async function importHandover(ctx: CoreContext, file: FileInput, trustNewKeys: boolean): Promise<HandoverImportResult> {
  const sqlite = ctx.conn.sqlite
  const officeRow = sqlite.prepare('select unit_code from office').get() as { unit_code: string } | undefined
  const office = officeRow ? unitByKey(officeRow.unit_code) : null
  if (!office) throw new AppError('NOT_CONFIGURED', 'Chưa chọn đơn vị hành chính của cơ quan. Hãy thiết lập trước khi nhập gói bàn giao.')
  const { name, data } = loadBytes(file)
  const parsed = readPackage(data, name)
  const m = parsed.manifest
  if (m && m.format && m.kind !== HANDOVER_KIND && parsed.problems.every((p) => p.code !== 'NOT_A_PACKAGE')) {
    throw refuse(
      `${name} là gói dữ liệu ${m.unitName ? `của ${m.unitName} ` : ''}gửi tỉnh, không phải gói bàn giao sổ của một huyện cũ cho xã: không nhập. ` +
        'Hãy xin huyện cũ xuất gói bàn giao cho xã này (handover export --commune MÃ_XÃ).',
      { code: 'NOT_HANDOVER' }
    )
  }
  const problem = parsed.problems[0]
  if (problem || !m || !parsed.tables) {
    throw refuse(`${problem?.message ?? `${name} không đọc được như một gói bàn giao.`} Không có gì được ghi.`, {
      code: problem?.code ?? 'NOT_A_PACKAGE'
    })
  }
  if (office.level !== 'commune' || office.period !== 'after') {
    throw refuse(
      `Gói bàn giao ${name} dành cho ${m.targetName} (một xã từ 01/07/2025); tệp này là của ${office.name}. Hãy nhập nó vào tệp dữ liệu của ${m.targetName}.`,
      { code: 'WRONG_COMMUNE' }
    )
  }
  if (m.targetUnit !== office.key) {
    const target = unitByKey(m.targetUnit)
    const otherProvince = (target?.province.code ?? m.targetProvinceCode) !== office.province.code
    throw refuse(
      otherProvince
        ? `Gói bàn giao ${name} của ${m.unitName} dành cho ${m.targetName} thuộc ${target?.province.name ?? `tỉnh mã ${m.targetProvinceCode}`}, không phải ${office.province.name} của ${office.name}: không nhập. Hãy chuyển gói cho đúng xã ấy.`
        : `Gói bàn giao ${name} của ${m.unitName} dành cho ${m.targetName} (mã ${target?.code ?? m.targetUnit}), không phải ${office.name}: không nhập. Hãy chuyển gói cho ${m.targetName}; nếu ${office.name} cũng nhận sổ của ${m.unitName}, hãy xin huyện xuất gói cho ${office.name}.`,
      { code: otherProvince ? 'WRONG_PROVINCE' : 'WRONG_COMMUNE' }
    )
  }
  const sender = unitByKey(m.unitCode)
  const madeOf = new Set(office.from.map((f) => f.code))
  if (!sender || sender.level !== 'district' || !sender || !unitsOfDistrictIn(sender.code, madeOf)) {
    throw refuse(
      `Gói ${name} ghi là của ${m.unitCode} — ${m.unitName}, không phải một huyện cũ có xã nào hợp thành ${office.name}: không nhập.`,
      { code: 'WRONG_SENDER' }
    )
  }

  // The district's key: one unit, one key; pinned on first use only when the person says so.
  const other = sqlite
    .prepare('select unit_code from trusted_keys where unit_code <> ? and (public_key = ? or fingerprint = ?) limit 1')
    .get(sender.code, m.publicKey, m.keyFingerprint) as { unit_code: string } | undefined
  if (other) {
    throw refuse(
      `Gói ${name} ghi là của ${sender.name} nhưng được ký bằng khóa ${m.keyFingerprint}, khóa đã ghi nhận cho đơn vị ${other.unit_code}. Một khóa chỉ thuộc một đơn vị: không nhập; hãy gọi điện đối chiếu với cả hai đơn vị.`,
      { code: 'KEY_OF_ANOTHER_UNIT' }
    )
  }
  const pinned = sqlite.prepare('select public_key, fingerprint from trusted_keys where unit_code = ?').get(sender.code) as
    { public_key: string; fingerprint: string } | undefined
  if (pinned && pinned.public_key !== m.publicKey) {
    throw refuse(
      `Gói ${name} của ${sender.name} được ký bằng khóa ${m.keyFingerprint}, khác khóa đã ghi nhận cho huyện (${pinned.fingerprint}): không nhập. Hãy gọi điện cho ${sender.name} đối chiếu dấu vân tay.`,
      { code: 'UNKNOWN_KEY' }
    )
  }
  if (!pinned && !trustNewKeys) {
    throw refuse(
      `Gói ${name} của ${sender.name} được ký bằng khóa chưa được tin cậy (dấu vân tay ${m.keyFingerprint}). Hãy gọi điện cho ${sender.name} đối chiếu dấu vân tay rồi nhập lại với «tin cậy khóa mới» (dòng lệnh: --trust-new-keys).`,
      { code: 'UNKNOWN_KEY', fingerprint: m.keyFingerprint }
    )
  }

  const tables = new Map(parsed.tables.map((t) => [t.table, t]))
  const entities = tables.get('entities')!
  const col = (t: string, c: string) => tables.get(t)!.columns.findIndex((x) => x.name === c)
  const result = (imported: boolean, message: string): HandoverImportResult => ({
    imported,
    from: { code: sender.code, name: sender.name },
    records: entities.rows.length,
    counts: Object.fromEntries(parsed.tables!.map((t) => [t.table, t.rows.length])),
    trustedNewKey: imported && !pinned,
    keyFingerprint: m.keyFingerprint,
    message
  })
  const before = sqlite.prepare('select at from handover_imports where content_hash = ?').get(parsed.contentHash) as
    { at: string } | undefined
  if (before) return result(false, `Gói này của ${sender.name} đã được nhập (${formatDate(before.at.slice(0, 10))}): không có gì thay đổi.`)
  // Records of the district already here (an earlier package of the same records, sent again): skipped whole, or refused when mixed.
  const originals = entities.rows.map((r) => Number(r[col('entities', 'id')]))
  const here = new Set(
    (
      sqlite
        .prepare(
          `select json_extract(handover_origin, '$.id') as id from entities
           where handover_origin is not null and json_extract(handover_origin, '$.from') = ? and deleted_at is null`
        )
        .all(sender.code) as Array<{ id: number }>
    ).map((r) => r.id)
  )
  const already = originals.filter((id) => here.has(id))
  if (already.length === originals.length)
    return result(false, `Các bản ghi của gói này đã được ${office.name} nhận từ ${sender.name} trước đây: không có gì thay đổi.`)
  if (already.length > 0) {
    throw refuse(
      `Gói ${name} có ${already.length} bản ghi đã nhận từ ${sender.name} trước đây và ${originals.length - already.length} bản ghi mới: không nhập, để không bản ghi nào bị ghi hai lần. Hãy đối chiếu với ${sender.name}.`,
      { code: 'ALREADY_IMPORTED' }
    )
  }
  for (const t of parsed.tables) {
    if (t.table === 'audit_log') continue
    const have = new Set(tableColumns(sqlite, t.table).map((c) => c.name))
    const missing = t.columns.find((c) => !have.has(c.name))
    if (missing)
      throw refuse(`Gói ${name} có cột ${t.table}.${missing.name} mà tệp này chưa có: hãy cập nhật phần mềm rồi nhập lại.`, {
        code: 'FORMAT_VERSION'
      })
  }

  const run = sqlite.transaction(() => {
    const now = ctx.now()
    const log = sqlite
      .prepare(
        `insert into handover_imports (at, user, from_unit, file_name, exported_at, content_hash, key_fingerprint, counts_json)
         values (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(now, ctx.user, sender.code, name, m.exportedAt, parsed.contentHash, m.keyFingerprint, JSON.stringify(result(true, '').counts))
    const importId = Number(log.lastInsertRowid)
    const newIds = new Map<string, Map<number, number>>()
    for (const spec of HANDOVER_TABLES) {
      const t = tables.get(spec.table)!
      if (spec.table === 'audit_log') continue
      const idAt = t.columns.findIndex((c) => c.name === 'id')
      const keep = t.columns.map((c, i) => ({ col: c.name, i })).filter((x) => x.col !== 'id' && !HANDOVER_COLUMNS.has(x.col))
      const extra = spec.table === 'entities' ? ['handover_origin'] : []
      const insert = sqlite.prepare(
        `insert into ${spec.table} (${[...keep.map((x) => `"${x.col}"`), ...extra].join(', ')}) values (${[...keep, ...extra].map(() => '?').join(', ')})`
      )
      const map = new Map<number, number>()
      newIds.set(spec.table, map)
      for (const [r, row] of t.rows.entries()) {
        const values = keep.map(({ col, i }) => {
          // The record is this commune's now: its office and its commune (the old commune's name stays in its text and origin).
          if (spec.table === 'entities' && (col === 'district_code' || col === 'commune_code')) return office.key
          const parent = spec.refs[col]
          if (!parent || row[i] === null) return row[i]
          const mapped = newIds.get(parent)!.get(Number(row[i]))
          if (mapped === undefined)
            throw refuse(`Gói ${name}: một dòng của ${spec.table} trỏ tới ${parent} số ${row[i]} không có trong gói; không có gì được ghi.`)
          return mapped
        })
        if (spec.table === 'entities')
          values.push(
            JSON.stringify({
              from: sender.code,
              fromName: sender.name,
              id: Number(row[idAt]),
              commune: row[col('entities', 'commune')] ?? null,
              handedOverOn: m.handedOverOn,
              package: parsed.contentHash
            })
          )
        let newId: number
        try {
          newId = Number(insert.run(values).lastInsertRowid)
        } catch (err) {
          const where = `Gói ${name}, trang «${spec.sheet}» dòng ${r + 2}`
          if (spec.table === 'entities') {
            const dup = duplicateError(
              sqlite,
              err,
              {
                name: String(row[col('entities', 'name')] ?? ''),
                regNo: row[col('entities', 'reg_no')] as string | null,
                commune: row[col('entities', 'commune')] as string | null
              },
              where
            )
            if (dup) throw dup
          }
          throw refuse(`${where} không hợp lệ với sổ đăng ký (giá trị ngoài danh mục, trùng hoặc thiếu); không có gì được ghi.`)
        }
        if (idAt >= 0) map.set(Number(row[idAt]), newId)
      }
    }
    // The district's audit rows about these records, as they were; row ids said in this file's ids beside the district's.
    const audit = tables.get('audit_log')!
    const a = (c: string) => audit.columns.findIndex((x) => x.name === c)
    const insertAudit = sqlite.prepare(
      `insert into handover_audit (import_id, from_unit, original_id, at, user, action, table_name, row_id, before_json, after_json)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    for (const row of audit.rows) {
      const table = String(row[a('table_name')])
      const rowId = row[a('row_id')] === null ? null : (newIds.get(table)?.get(Number(row[a('row_id')])) ?? null)
      insertAudit.run(
        importId,
        sender.code,
        row[a('id')],
        row[a('at')],
        row[a('user')],
        row[a('action')],
        table,
        rowId,
        row[a('before_json')],
        row[a('after_json')]
      )
    }
    if (!pinned)
      sqlite
        .prepare('insert into trusted_keys (unit_code, public_key, fingerprint, source, added_at, added_by) values (?, ?, ?, ?, ?, ?)')
        .run(sender.code, m.publicKey, m.keyFingerprint, 'package', now, ctx.user)
    auditWriter(ctx)({
      action: 'handover_import',
      table: 'handover_imports',
      rowId: importId,
      after: {
        from: sender.code,
        file: name,
        contentHash: parsed.contentHash,
        handedOverOn: m.handedOverOn,
        entities: Object.fromEntries(newIds.get('entities')!),
        trustedNewKey: !pinned
      }
    })
  })
  run.immediate()
  return result(
    true,
    `Đã nhận ${entities.rows.length} bản ghi bàn giao từ ${sender.name} (ngày bàn giao ${formatDate(m.handedOverOn)}), đủ lịch sử.`
  )
}

/** Whether any old commune of a district is one this commune was made of. */
function unitsOfDistrictIn(districtCode: string, madeOf: Set<string>): boolean {
  for (const code of madeOf) {
    const old = unitByKey(code)
    if (old?.level === 'commune' && old.district?.code === districtCode) return true
  }
  return false
}

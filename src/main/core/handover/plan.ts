/**
 * The handover plan of a former district (issue 14, point 3): each live record goes to the new
 * commune that took its old commune whole (office/map.ts takenWholeBy: exactly one successor,
 * 'full'); a record whose old commune was split among several new communes, or whose commune
 * the register does not name recognisably, waits for the officer, whose decision
 * (handover_decisions, audited) overrides the map. Nothing is guessed.
 */
import type { HandoverCommune, HandoverPlan, HandoverRecord } from '../../../shared/contract/handover'
import type { MapUnit } from '../../../shared/contract/office'
import { AppError } from '../../../shared/errors'
import { writeAudit } from '../audit/log'
import type { CoreContext } from '../context'
import { communesOfDistrict, LAST_DAY_BEFORE, successorsOf, takenWholeBy, unitByKey, unitKey } from '../office/map'
import { resolveCommune } from '../office/resolve'

const commune = (u: MapUnit): HandoverCommune => ({ code: u.code, key: unitKey(u), name: u.name })
const byCode = (a: HandoverCommune, b: HandoverCommune) => a.code.localeCompare(b.code)

/** The office's unit on the map; a handover is a former district's, refused elsewhere in one sentence. */
export function requireDistrict(ctx: CoreContext, what: string): MapUnit {
  const row = ctx.conn.sqlite.prepare('select unit_code from office').get() as { unit_code: string } | undefined
  const unit = row ? unitByKey(row.unit_code) : null
  if (!unit) throw new AppError('NOT_CONFIGURED', `Chưa chọn đơn vị hành chính của cơ quan. Hãy thiết lập trước khi ${what}.`)
  if (unit.level !== 'district') {
    throw new AppError(
      'VALIDATION',
      `${what[0]!.toUpperCase()}${what.slice(1)} là việc của sổ một huyện cũ (đến 30/06/2025) bàn giao cho các xã mới; tệp này là của ${unit.name}. ` +
        (unit.level === 'commune' ? 'Ở một xã, hãy nhập gói bàn giao mà huyện cũ gửi (handover import).' : ''),
      { field: 'commune' }
    )
  }
  return unit
}

/** Every new commune that took all or part of one of the district's old communes. */
export function candidatesOf(district: MapUnit): HandoverCommune[] {
  const seen = new Map<string, HandoverCommune>()
  for (const old of communesOfDistrict(district.code)) for (const s of successorsOf(old.code)) seen.set(s.unit.key, commune(s.unit))
  return [...seen.values()].sort(byCode)
}

/** A commune named by its GSO code ("05977") or key ("05977@2025"), among the district's candidates; refused otherwise, naming them. */
export function candidateCommune(district: MapUnit, code: string): HandoverCommune {
  const key = code.includes('@') ? code.trim() : unitKey({ code: code.trim(), period: 'after' })
  const all = candidatesOf(district)
  const found = all.find((c) => c.key === key)
  if (!found) {
    const u = unitByKey(key)
    throw new AppError(
      'VALIDATION',
      `${u ? `${u.name} (mã ${u.code}, ${u.province.name})` : `Mã ${code}`} không phải một xã mới nhận phần nào của ${district.name}: ` +
        `không bàn giao cho xã đó được. Các xã nhận được: ${all.map((c) => `${c.code} — ${c.name}`).join('; ')}.`,
      { field: 'commune', candidates: all.map((c) => c.code) }
    )
  }
  return found
}

interface Row {
  id: number
  name: string
  reg_no: string | null
  commune: string | null
  address: string | null
  commune_code: string | null
  handed_over_on: string | null
  handed_over_to: string | null
  decision: string | null
  note: string | null
}

/** The old commune of a record: its commune code if the file has one (a later migration), else its commune text, else its address. */
function oldCommuneOf(district: MapUnit, r: Row, communes: MapUnit[]) {
  if (r.commune_code) {
    const u = communes.find((c) => c.code === r.commune_code || unitKey(c) === r.commune_code)
    if (u) return { kind: 'found' as const, unit: u }
  }
  for (const text of [r.commune, r.address]) {
    if (!text || !text.trim()) continue
    const m = resolveCommune(text, district, LAST_DAY_BEFORE)
    if (m.kind === 'found') return { kind: 'found' as const, unit: m.unit }
    if (m.kind === 'ambiguous') return { kind: 'ambiguous' as const, candidates: m.candidates }
  }
  return { kind: 'unknown' as const }
}

export function buildPlan(ctx: CoreContext): HandoverPlan {
  const district = requireDistrict(ctx, 'lập kế hoạch bàn giao')
  const communes = communesOfDistrict(district.code)
  const all = candidatesOf(district)
  const hasCode =
    (ctx.conn.sqlite.prepare("select 1 from pragma_table_info('entities') where name = 'commune_code'").get() ?? null) !== null
  const rows = ctx.conn.sqlite
    .prepare(
      `select e.id, e.name, e.reg_no, e.commune, e.address, ${hasCode ? 'e.commune_code' : 'null'} as commune_code,
              e.handed_over_on, e.handed_over_to, d.commune_key as decision, d.note
       from entities e left join handover_decisions d on d.entity_id = e.id
       where e.deleted_at is null order by e.id`
    )
    .all() as Row[]
  const records: HandoverRecord[] = rows.map((r) => {
    const old = oldCommuneOf(district, r, communes)
    const successors = old.kind === 'found' ? successorsOf(old.unit.code) : []
    const candidates = old.kind === 'found' && successors.length > 0 ? successors.map((s) => commune(s.unit)).sort(byCode) : all
    let to: HandoverCommune | null = null
    let source: HandoverRecord['source'] = null
    let reason: string | null = null
    const decided = r.decision ? all.find((c) => c.key === r.decision) : undefined
    if (r.handed_over_to) {
      to = all.find((c) => c.key === r.handed_over_to) ?? null
      source = decided ? 'decision' : 'map'
    } else if (decided) {
      to = decided
      source = 'decision'
    } else if (old.kind === 'found' && takenWholeBy(old.unit.code)) {
      to = commune(takenWholeBy(old.unit.code)!)
      source = 'map'
    } else if (old.kind === 'found') {
      reason =
        successors.length === 0
          ? `Bản đồ không ghi xã mới nào nhận ${old.unit.name}: hãy chọn xã nhận theo địa chỉ trụ sở.`
          : `${old.unit.name} được chia cho ${successors.length > 1 ? 'nhiều xã mới' : 'xã mới'}: ` +
            `${successors.map((s) => `${s.unit.name} (${s.part === 'full' ? 'toàn bộ' : 'một phần'})`).join(', ')}. Hãy chọn xã nhận theo địa chỉ trụ sở.`
    } else if (old.kind === 'ambiguous') {
      reason = `«${r.commune ?? r.address}» có thể là ${old.candidates.map((c) => c.name).join(' hoặc ')} của ${district.name}: hãy chọn xã nhận.`
    } else {
      reason =
        r.commune || r.address
          ? `Không nhận ra «${r.commune ?? r.address}» là xã nào của ${district.name} (trước 01/07/2025): hãy chọn xã nhận theo địa chỉ trụ sở.`
          : `Bản ghi không ghi xã, phường, thị trấn hay địa chỉ: hãy chọn xã nhận theo địa chỉ trụ sở.`
    }
    return {
      id: r.id,
      name: r.name,
      regNo: r.reg_no,
      commune: r.commune,
      oldCommune: old.kind === 'found' ? { code: old.unit.code, name: old.unit.name } : null,
      to,
      source,
      note: r.note,
      reason,
      candidates,
      handedOverOn: r.handed_over_on,
      handedOverTo: r.handed_over_to
    }
  })
  const counts = new Map<string, { records: number; handedOver: number }>()
  for (const r of records) {
    if (!r.to) continue
    const c = counts.get(r.to.key) ?? { records: 0, handedOver: 0 }
    c.records++
    if (r.handedOverOn) c.handedOver++
    counts.set(r.to.key, c)
  }
  return {
    district: { code: district.code, name: district.name },
    communes: all.filter((c) => counts.has(c.key)).map((c) => ({ ...c, ...counts.get(c.key)! })),
    unassigned: records
      .filter((r) => !r.to)
      .map((r) => ({ id: r.id, name: r.name, commune: r.commune, reason: r.reason!, candidates: r.candidates })),
    candidates: all,
    records
  }
}

/** The officer's choice for one record: one transaction with its audit row; a record already handed over keeps its commune. */
export async function resolveRecord(
  ctx: CoreContext,
  input: { recordId: number; commune: string; note?: string | null }
): Promise<HandoverRecord> {
  const district = requireDistrict(ctx, 'chọn xã nhận bàn giao')
  const target = candidateCommune(district, input.commune)
  const entity = await ctx.db
    .selectFrom('entities')
    .select(['id', 'name', 'handed_over_on', 'handed_over_to'])
    .where('id', '=', input.recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!entity)
    throw new AppError('NOT_FOUND', `Không có bản ghi số ${input.recordId} trong sổ (hoặc bản ghi đã bị xóa).`, { field: 'recordId' })
  if (entity.handed_over_on) {
    const to = unitByKey(entity.handed_over_to ?? '')
    throw new AppError(
      'VALIDATION',
      `${entity.name} đã được bàn giao cho ${to?.name ?? entity.handed_over_to} ngày ${entity.handed_over_on.split('-').reverse().join('/')}: không đổi xã nhận được nữa. Nếu giao nhầm, hãy liên hệ ${to?.name ?? 'xã ấy'} để chuyển tiếp.`,
      { field: 'recordId' }
    )
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('handover_decisions').selectAll().where('entity_id', '=', entity.id).executeTakeFirst()
    const row = { entity_id: entity.id, commune_key: target.key, note: input.note ?? null, decided_at: ctx.now(), decided_by: ctx.user }
    if (before) await trx.deleteFrom('handover_decisions').where('entity_id', '=', entity.id).execute()
    await trx.insertInto('handover_decisions').values(row).execute()
    await writeAudit(trx, ctx, { action: 'handover_decide', table: 'entities', rowId: entity.id, before, after: row })
  })
  return buildPlan(ctx).records.find((r) => r.id === entity.id)!
}

/**
 * What only the province file can say about a package: does the unit belong to
 * this province, is the signing key the one pinned for that district (and no
 * other unit's), is it dated no later than the province's clock allows, and is
 * it newer than (or the same as) the one already consolidated.
 */
import { acceptsFrom } from '../office/area'
import { vnDateTime } from '../../../shared/clock'
import type { PackageProblem, PackageReport } from '../../../shared/contract/handoff'
import type { CoreContext } from '../context'
import { closedChangesOf } from './closed-changes'
import { countKey, HANDOVER_KIND, MACHINE_TABLES } from './format'
import type { ParsedPackage } from './read'
import type { OfficeUnitRow } from './write'

/**
 * How far after the province's clock a package may be dated. A district PC a few
 * hours off (a wrong time zone, a clock never set) is common and harmless; a day
 * covers it, and the worst a package inside it can do is make that district's real
 * packages «older» for less than a day. Anything later is a wrong clock: refused,
 * never consolidated, so it cannot lock the district out.
 */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000

export interface ProvinceVerdict {
  problems: PackageProblem[]
  /** No key pinned for the district yet: acceptable only with an explicit "trust this new key". */
  newKey: boolean
  alreadyConsolidated: boolean
  /** Accepted over the package in place, whose export time (returned here) is after the province's clock. */
  replacesWrongDate: string | null
}

/** The district's package in place: the one accepted last (by id, not by its date, which may be wrong). */
export function lastAccepted(ctx: CoreContext, unit: string): { id: number; exported_at: string; content_hash: string } | undefined {
  return ctx.conn.sqlite
    .prepare(
      `select id, exported_at, content_hash from package_consolidations
       where unit_code = ? and outcome = 'accepted' order by id desc limit 1`
    )
    .get(unit) as { id: number; exported_at: string; content_hash: string } | undefined
}

/** A moment on the office's clock (Vietnam): hh:mm ngày dd/mm/yyyy. */
function when(iso: string): string {
  const [day, time] = vnDateTime(iso).split(' ')
  return `${time} ngày ${day}`
}

export function checkForProvince(
  ctx: CoreContext,
  province: OfficeUnitRow,
  parsed: ParsedPackage,
  trustNewKeys: boolean,
  replaceWrongDate = false
): ProvinceVerdict {
  const verdict: ProvinceVerdict = { problems: [], newKey: false, alreadyConsolidated: false, replacesWrongDate: null }
  const m = parsed.manifest
  if (!m || parsed.signature !== 'valid') return verdict
  if (m.kind === HANDOVER_KIND) {
    // A former district's records going to one commune (handover/): the commune imports it, not the province.
    verdict.problems.push({
      code: 'NOT_A_PACKAGE',
      message: `Đây là gói bàn giao sổ của ${m.unitName || m.unitCode} cho ${m.targetName || m.targetUnit}, không phải gói dữ liệu gửi tỉnh: hãy mở nó ở ${m.targetName || 'xã nhận'} (handover import). Tỉnh nhận gói dữ liệu của xã và của huyện cũ (lệnh export).`
    })
    return verdict
  }
  const unit = ctx.conn.sqlite.prepare('select code, name, level, parent_code from admin_units where code = ?').get(m.unitCode) as
    OfficeUnitRow | undefined
  if (!unit || !acceptsFrom(province.code, unit.code)) {
    verdict.problems.push({
      code: 'WRONG_PROVINCE',
      message: `Gói của đơn vị ${m.unitCode} — ${m.unitName || '?'}, không phải một huyện cũ hay một xã của ${province.name}: không tổng hợp vào tệp này. Tỉnh chỉ nhận gói của các xã của mình và của các huyện cũ thuộc các tỉnh cũ đã hợp vào tỉnh.`
    })
    return verdict
  }
  const exportedAt = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(m.exportedAt ?? '') ? Date.parse(m.exportedAt) : NaN
  const now = Date.parse(ctx.now())
  if (Number.isNaN(exportedAt)) {
    verdict.problems.push({
      code: 'INVALID_DATA',
      message: `Gói của ${unit.name} ghi thời điểm xuất «${m.exportedAt ?? ''}» không đọc được: không tổng hợp.`
    })
    return verdict
  }
  if (exportedAt > now + FUTURE_TOLERANCE_MS) {
    verdict.problems.push({
      code: 'FUTURE_DATE',
      message:
        `Gói của ${unit.name} ghi thời điểm xuất ${when(m.exportedAt)}, sau đồng hồ máy tỉnh (${when(ctx.now())}) hơn một ngày: đồng hồ máy ở huyện (hoặc ở tỉnh) bị sai. ` +
        `Không tổng hợp, vì một gói ghi ngày tương lai sẽ làm mọi gói thật gửi sau bị coi là cũ hơn. Hãy nhờ huyện chỉnh ngày giờ máy rồi xuất lại gói.`
    })
    return verdict
  }
  // A key belongs to one unit: the same key (or fingerprint) pinned for another unit is refused, whatever this unit's pin.
  const other = ctx.conn.sqlite
    .prepare(
      `select k.unit_code as code, coalesce(a.name, k.unit_code) as name, k.fingerprint from trusted_keys k left join admin_units a on a.code = k.unit_code
       where k.unit_code <> ? and (k.public_key = ? or k.fingerprint = ?) order by k.unit_code limit 1`
    )
    .get(unit.code, m.publicKey, m.keyFingerprint) as { code: string; name: string; fingerprint: string } | undefined
  if (other) {
    verdict.problems.push({
      code: 'KEY_OF_ANOTHER_UNIT',
      message:
        `Gói ghi là của ${unit.code} — ${unit.name} nhưng được ký bằng khóa ${m.keyFingerprint}, khóa tỉnh đã ghi nhận cho ${other.code} — ${other.name}. ` +
        `Một khóa chỉ thuộc một đơn vị: không tổng hợp. Có thể ${unit.name} đang dùng bản sao tệp dữ liệu hay tệp khóa của ${other.name}; hãy gọi điện đối chiếu với cả hai đơn vị.`
    })
    return verdict
  }
  const pinned = ctx.conn.sqlite.prepare('select public_key, fingerprint from trusted_keys where unit_code = ?').get(unit.code) as
    { public_key: string; fingerprint: string } | undefined
  if (!pinned) {
    if (trustNewKeys) verdict.newKey = true
    else {
      verdict.problems.push({
        code: 'UNKNOWN_KEY',
        message: `Gói của ${unit.name} được ký bằng khóa chưa được tin cậy (dấu vân tay ${m.keyFingerprint}). Hãy gọi điện đối chiếu dấu vân tay với huyện rồi nhập tệp khóa của huyện, hoặc xác nhận «tin cậy khóa mới».`
      })
    }
  } else if (pinned.public_key !== m.publicKey) {
    verdict.problems.push({
      code: 'UNKNOWN_KEY',
      message: `Gói của ${unit.name} được ký bằng khóa ${m.keyFingerprint}, khác khóa đã ghi nhận cho huyện (${pinned.fingerprint}). Không tổng hợp; nếu huyện đã đổi máy hay khóa, hãy nhập tệp khóa mới của huyện (thay khóa cũ).`
    })
  }
  const last = lastAccepted(ctx, unit.code)
  if (last && last.content_hash === m.contentHash) verdict.alreadyConsolidated = true
  else if (last && exportedAt < Date.parse(last.exported_at)) {
    // The package in place dated after the province's clock: a wrong clock, which the province may override.
    const wrongDate = Date.parse(last.exported_at) > now
    if (wrongDate && replaceWrongDate) verdict.replacesWrongDate = last.exported_at
    else {
      verdict.problems.push({
        code: 'OLDER',
        message:
          `Gói của ${unit.name} xuất lúc ${when(m.exportedAt)}, cũ hơn gói đã tổng hợp (xuất lúc ${when(last.exported_at)}).` +
          (wrongDate
            ? ` Gói đã tổng hợp ghi thời điểm ở tương lai (sau đồng hồ máy tỉnh): có lẽ đồng hồ máy huyện đã sai. Nếu đã gọi điện xác nhận gói này mới hơn, hãy tổng hợp lại với «nhận thay gói sai ngày» (dòng lệnh: --accept-over-wrong-date); việc này được ghi nhật ký.`
            : '')
      })
    }
  }
  return verdict
}

export function toReport(file: string, parsed: ParsedPackage, verdict: ProvinceVerdict | null): PackageReport {
  const m = parsed.manifest
  const problems = [...parsed.problems, ...(verdict?.problems ?? [])]
  const counts: Record<string, number> = {}
  if (m) for (const spec of MACHINE_TABLES) if (m[countKey(spec.table)] !== undefined) counts[spec.table] = Number(m[countKey(spec.table)])
  const unknownKey = problems.some((p) => p.code === 'UNKNOWN_KEY' || p.code === 'KEY_OF_ANOTHER_UNIT')
  return {
    file,
    ok: problems.length === 0,
    code: problems[0]?.code ?? null,
    unit: m?.unitCode || null,
    unitName: m?.unitName || null,
    exportedAt: m?.exportedAt || null,
    asOf: m?.asOf || null,
    formatVersion: m?.formatVersion ? Number(m.formatVersion) : null,
    appVersion: m?.appVersion || null,
    counts,
    contentHash: parsed.contentHash ?? (m?.contentHash || null),
    keyFingerprint: m?.keyFingerprint || null,
    signature: parsed.signature === 'valid' && unknownKey ? 'unknown-key' : parsed.signature,
    alreadyConsolidated: verdict?.alreadyConsolidated ?? false,
    problems,
    closedChanges: closedChangesOf(m)
  }
}

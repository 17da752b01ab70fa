/**
 * What only the province file can say about a package: does the unit belong to
 * this province, is the signing key the one pinned for that district, and is the
 * package newer than (or the same as) the one already consolidated.
 */
import type { PackageProblem, PackageReport } from '../../../../shared/contract/handoff'
import { formatDate } from '../../../../shared/text'
import type { CoreContext } from '../../context'
import { countKey, MACHINE_TABLES } from './format'
import type { ParsedPackage } from './read'
import type { OfficeUnitRow } from './write'

export interface ProvinceVerdict {
  problems: PackageProblem[]
  /** No key pinned for the district yet: acceptable only with an explicit "trust this new key". */
  newKey: boolean
  alreadyConsolidated: boolean
}

export function lastAccepted(ctx: CoreContext, unit: string): { exported_at: string; content_hash: string } | undefined {
  return ctx.conn.sqlite
    .prepare(
      `select exported_at, content_hash from package_consolidations
       where unit_code = ? and outcome = 'accepted' order by exported_at desc, id desc limit 1`
    )
    .get(unit) as { exported_at: string; content_hash: string } | undefined
}

export function checkForProvince(ctx: CoreContext, province: OfficeUnitRow, parsed: ParsedPackage, trustNewKeys: boolean): ProvinceVerdict {
  const verdict: ProvinceVerdict = { problems: [], newKey: false, alreadyConsolidated: false }
  const m = parsed.manifest
  if (!m || parsed.signature !== 'valid') return verdict
  const unit = ctx.conn.sqlite.prepare('select code, name, level, parent_code from admin_units where code = ?').get(m.unitCode) as OfficeUnitRow | undefined
  if (!unit || unit.level !== 'district' || unit.parent_code !== province.code) {
    verdict.problems.push({
      code: 'WRONG_PROVINCE',
      message: `Gói của đơn vị ${m.unitCode} — ${m.unitName || '?'}, không phải một huyện của ${province.name}: không tổng hợp vào tệp này.`
    })
    return verdict
  }
  const pinned = ctx.conn.sqlite.prepare('select public_key, fingerprint from trusted_keys where unit_code = ?').get(unit.code) as
    | { public_key: string; fingerprint: string }
    | undefined
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
  else if (last && m.exportedAt < last.exported_at) {
    verdict.problems.push({
      code: 'OLDER',
      message: `Gói của ${unit.name} xuất lúc ${formatDate(m.exportedAt)} ${m.exportedAt.slice(11, 16)}, cũ hơn gói đã tổng hợp (xuất lúc ${formatDate(last.exported_at)} ${last.exported_at.slice(11, 16)}).`
    })
  }
  return verdict
}

export function toReport(file: string, parsed: ParsedPackage, verdict: ProvinceVerdict | null): PackageReport {
  const m = parsed.manifest
  const problems = [...parsed.problems, ...(verdict?.problems ?? [])]
  const counts: Record<string, number> = {}
  if (m) for (const spec of MACHINE_TABLES) if (m[countKey(spec.table)] !== undefined) counts[spec.table] = Number(m[countKey(spec.table)])
  const unknownKey = problems.some((p) => p.code === 'UNKNOWN_KEY')
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
    problems
  }
}

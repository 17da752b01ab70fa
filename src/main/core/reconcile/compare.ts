/**
 * The register beside a list from the national cooperative registration database.
 * The list is read by the import's own reader (same headers, statuses, encodings,
 * group rows), so a national export needs no special format; nothing is written here.
 *
 * Pairs are matched by the registration number first (spaces and dots ignored), then,
 * for a side without a number or a number found nowhere, by kind and folded name when
 * exactly one record of the register has that name. Texts are "the same" when they are
 * equal once spaces are collapsed, case is ignored and «hợp tác xã» is written «HTX»:
 * the national database writes names in capitals, and that is not a difference anyone
 * must act on; diacritics are kept, since a misspelt name is one.
 */
import { basename } from 'node:path'
import type { FileInput, ImportField, ImportRecord, ReconcileDifference, ReconcileField, ReconcileResult } from '../../../shared/api'
import type { EntityKind, Status } from '../../../shared/domain'
import { clean, fold } from '../../../shared/text'
import type { CoreContext } from '../context'
import { previewImport } from '../exchange/preview'
import { statusOf } from '../registry/status-at'

export interface CompareInput {
  file: FileInput
  mappings?: Array<{ shape: string; column: number; field: ImportField | null }>
}

interface OurRecord {
  id: number
  kind: EntityKind
  reg_no: string | null
  name: string
  name_key: string
  address: string | null
  representative: string | null
  status: Status
}

function regNoKey(regNo: string | null | undefined): string | null {
  const k = regNo ? regNo.replace(/[\s.]/g, '').toUpperCase() : ''
  return k || null
}

/** Equal as a person reads them: spaces, capitals and «hợp tác xã»/«HTX» aside. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string | null | undefined) =>
    clean(s ?? '')
      .toLocaleLowerCase('vi')
      .replace(/hợp tác xã/g, 'htx')
      .replace(/liên hiệp htx/g, 'lhhtx')
      .replace(/tổ hợp tác/g, 'tht')
  return norm(a) === norm(b)
}

export async function compareWithNational(input: CompareInput, ctx: CoreContext): Promise<ReconcileResult> {
  const { result } = await previewImport({ files: [input.file], mappings: input.mappings }, ctx)
  const file = result.files[0]?.file ?? basename('path' in input.file ? input.file.path : input.file.name)

  const national: Array<{ record: ImportRecord; sheet: string; row: number }> = []
  const unreadable: ReconcileResult['unreadable'] = []
  for (const f of result.files) {
    for (const sh of f.sheets) {
      for (const issue of sh.issues) {
        if (issue.severity === 'error') unreadable.push({ place: { sheet: sh.sheet, row: issue.row }, message: issue.message })
      }
      for (const r of sh.rows) {
        if (r.state === 'error') {
          const why = r.issues.find((i) => i.severity === 'error')?.message ?? 'Dòng không đọc được.'
          unreadable.push({ place: { sheet: sh.sheet, row: r.row }, message: why })
        } else if (r.record && r.state !== 'skipped' && r.state !== 'duplicate') {
          national.push({ record: r.record, sheet: sh.sheet, row: r.row })
        }
      }
    }
  }

  const kinds = new Set(national.map((n) => n.record.kind))
  const ours = (await ctx.db
    .selectFrom('entities as e')
    .select(['e.id', 'e.kind', 'e.reg_no', 'e.name', 'e.name_key', 'e.address', 'e.representative'])
    .select(statusOf('e').as('status'))
    .where('e.deleted_at', 'is', null)
    .orderBy('e.id')
    .execute()) as OurRecord[]
  const compared = ours.filter((o) => kinds.has(o.kind))

  const byRegNo = new Map<string, OurRecord>()
  for (const o of compared) {
    const k = regNoKey(o.reg_no)
    if (k) byRegNo.set(k, o)
  }
  const matchedIds = new Set<number>()
  const pairs: Array<{ ours: OurRecord; theirs: (typeof national)[number]; byName: boolean }> = []
  const unmatched: typeof national = []
  for (const n of national) {
    const k = regNoKey(n.record.regNo)
    const o = k ? byRegNo.get(k) : undefined
    if (o && !matchedIds.has(o.id)) {
      matchedIds.add(o.id)
      pairs.push({ ours: o, theirs: n, byName: false })
    } else unmatched.push(n)
  }
  // Then by name, among the records the numbers left, only where the name points at one record.
  const byName = new Map<string, OurRecord[]>()
  for (const o of compared) {
    if (matchedIds.has(o.id)) continue
    const key = `${o.kind}:${o.name_key}`
    byName.set(key, [...(byName.get(key) ?? []), o])
  }
  const onlyNational: ReconcileResult['onlyNational'] = []
  for (const n of unmatched) {
    const candidates = (byName.get(`${n.record.kind}:${fold(n.record.name)}`) ?? []).filter((o) => !matchedIds.has(o.id))
    if (candidates.length === 1) {
      matchedIds.add(candidates[0]!.id)
      pairs.push({ ours: candidates[0]!, theirs: n, byName: true })
    } else {
      onlyNational.push({
        kind: n.record.kind,
        regNo: n.record.regNo ?? null,
        name: n.record.name,
        status: nationalStatus(n.record),
        address: n.record.address ?? null,
        place: { sheet: n.sheet, row: n.row }
      })
    }
  }

  const differences: ReconcileDifference[] = []
  for (const { ours: o, theirs: n } of pairs) {
    const place = { sheet: n.sheet, row: n.row }
    const add = (field: ReconcileField, mine: string | null, theirs: string, extra: Partial<ReconcileDifference> = {}) =>
      differences.push({ entityId: o.id, name: o.name, field, ours: mine, national: theirs, place, ...extra })
    const status = nationalStatus(n.record)
    if (status && status !== o.status) add('status', o.status, status)
    const regNo = n.record.regNo ? clean(n.record.regNo) : ''
    if (regNo && regNoKey(regNo) !== regNoKey(o.reg_no)) add('regNo', o.reg_no, regNo)
    for (const field of ['name', 'address', 'representative'] as const) {
      const theirs = n.record[field] ? clean(n.record[field]!) : ''
      if (theirs && !sameText(theirs, o[field])) add(field, o[field], theirs)
    }
  }

  return {
    file,
    matched: pairs.length,
    matchedByName: pairs.filter((p) => p.byName).length,
    onlyNational,
    onlyRegister: compared
      .filter((o) => !matchedIds.has(o.id))
      .map((o) => ({ entityId: o.id, kind: o.kind, regNo: o.reg_no, name: o.name, status: o.status })),
    differences,
    unreadable
  }
}

/** A dissolution date in the list means dissolved, whatever its status column says (as at import). */
function nationalStatus(r: ImportRecord): Status | null {
  return r.dissolutionDate ? 'dissolved' : (r.status ?? null)
}

/** The register's rows: mapping between the API's fields and the stored columns. */
import type { Kysely, Selectable } from 'kysely'
import type { Entity, EntityFields } from '../../../shared/api'
import type { EntityKind, ManagementLabel, Sector, Status } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { clean, fold, searchKeyOfFolded } from '../../../shared/text'
import type { CoreContext, Trx } from '../context'
import type { Database, EntitiesTable } from '../db/schema'
import { labelOf, labelSinceOf, statusOf, statusSinceOf } from './status-at'

type FieldColumn = Exclude<keyof EntitiesTable, 'id' | 'name_key' | 'search_key' | 'row_version' | 'created_at' | 'updated_at'>

/** API field → stored column, in the order a person reads a record. */
export const FIELD_COLUMNS: Record<keyof EntityFields, FieldColumn> = {
  kind: 'kind',
  regNo: 'reg_no',
  name: 'name',
  address: 'address',
  commune: 'commune',
  communeCode: 'commune_code',
  districtCode: 'district_code',
  representative: 'representative',
  phone: 'phone',
  registrationDate: 'registration_date',
  charterCapital: 'charter_capital',
  sector: 'sector',
  businessLines: 'business_lines',
  notes: 'notes',
  shortName: 'short_name',
  street: 'street',
  districtName: 'district_name',
  representativeTitle: 'representative_title',
  email: 'email',
  contractDate: 'contract_date',
  vsic: 'vsic_json',
  memberCoops: 'member_coops_json',
  membersCount: 'members_count',
  ocop: 'ocop_json',
  certificateNo: 'certificate_no',
  certificateDate: 'certificate_date',
  mustRegister: 'must_register',
  charterUpdatedDate: 'charter_updated_date',
  infoUpdateDate: 'info_update_date',
  courtDecisionNo: 'court_decision_no',
  courtDecisionDate: 'court_decision_date'
}

const JSON_FIELDS = new Set(['vsic', 'memberCoops', 'ocop'])

export type StoredFields = { [K in FieldColumn]?: EntitiesTable[K] }

/** Stored form of validated fields: text in NFC with spaces tidied, blanks as null. */
const FIELD_ENTRIES = Object.entries(FIELD_COLUMNS) as Array<[keyof EntityFields, FieldColumn]>

export function toColumns(fields: Partial<EntityFields>): StoredFields {
  const out: Record<string, string | number | null> = {}
  for (const [field, column] of FIELD_ENTRIES) {
    if (!(field in fields)) continue
    const value = fields[field]
    if (JSON_FIELDS.has(field)) {
      out[column] = Array.isArray(value) && value.length > 0 ? JSON.stringify(value) : null
    } else if (typeof value === 'boolean') {
      out[column] = value ? 1 : 0
    } else if (typeof value === 'string') {
      const tidy = clean(value)
      out[column] = tidy === '' ? null : tidy
    } else {
      out[column] = (value as number | null | undefined) ?? null
    }
  }
  return out as StoredFields
}

/** The derived keys that search and duplicate checks rely on. */
export function derivedKeys(row: Pick<EntitiesTable, 'name' | 'reg_no' | 'representative' | 'address' | 'commune'>) {
  // The name is folded once for both keys (searchKey(name, reg_no, representative, address, commune) exactly).
  const name_key = row.name ? fold(row.name) : ''
  return {
    name_key,
    search_key: searchKeyOfFolded([
      name_key,
      row.reg_no ? fold(row.reg_no) : '',
      row.representative ? fold(row.representative) : '',
      row.address ? fold(row.address) : '',
      row.commune ? foldCommune(row.commune) : ''
    ])
  }
}

// A register names a few dozen communes over and over: each is folded once.
const communeKeys = new Map<string, string>()
function foldCommune(commune: string): string {
  let key = communeKeys.get(commune)
  if (key === undefined) {
    if (communeKeys.size >= 2_000) communeKeys.clear()
    key = fold(commune)
    communeKeys.set(commune, key)
  }
  return key
}

type EntityRow = Selectable<EntitiesTable> & { status: string | null; label?: string | null; label_since?: string | null }

export function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    kind: row.kind as EntityKind,
    regNo: row.reg_no,
    name: row.name,
    address: row.address,
    commune: row.commune,
    communeCode: row.commune_code ?? null,
    districtCode: row.district_code,
    representative: row.representative,
    phone: row.phone,
    registrationDate: row.registration_date,
    charterCapital: row.charter_capital,
    sector: row.sector as Sector | null,
    businessLines: row.business_lines,
    notes: row.notes,
    status: row.status as Status | null,
    rowVersion: row.row_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    shortName: row.short_name ?? null,
    street: row.street ?? null,
    districtName: row.district_name ?? null,
    representativeTitle: row.representative_title ?? null,
    email: row.email ?? null,
    contractDate: row.contract_date ?? null,
    vsic: row.vsic_json ? JSON.parse(row.vsic_json) : null,
    memberCoops: row.member_coops_json ? JSON.parse(row.member_coops_json) : null,
    membersCount: row.members_count ?? null,
    ocop: row.ocop_json ? JSON.parse(row.ocop_json) : null,
    certificateNo: row.certificate_no ?? null,
    certificateDate: row.certificate_date ?? null,
    mustRegister: row.must_register === null || row.must_register === undefined ? null : row.must_register === 1,
    charterUpdatedDate: row.charter_updated_date ?? null,
    infoUpdateDate: row.info_update_date ?? null,
    courtDecisionNo: row.court_decision_no ?? null,
    courtDecisionDate: row.court_decision_date ?? null,
    label: (row.label ?? null) as ManagementLabel | null,
    labelSince: row.label_since ?? null,
    deletedAt: row.deleted_at ?? null,
    deletedReason: row.deleted_reason ?? null
  }
}

/** Entities with their status as the register stands, or on `asOf` (status-at.ts), and since when it holds. */
export function selectEntities(db: Kysely<Database>, asOf?: string) {
  return db
    .selectFrom('entities as e')
    .selectAll('e')
    .select([
      statusOf('e', asOf).as('status'),
      statusSinceOf('e', asOf).as('status_since'),
      labelOf('e', asOf).as('label'),
      labelSinceOf('e', asOf).as('label_since')
    ])
}

export async function findEntity(db: Kysely<Database>, id: number): Promise<Entity | undefined> {
  const row = await selectEntities(db).where('e.id', '=', id).executeTakeFirst()
  return row ? toEntity(row as EntityRow) : undefined
}

/** findEntity, or the NOT_FOUND error that names the id: the lookup of the lifecycle's writes and reads. */
export async function entityOrFail(db: Trx | CoreContext['db'], id: number) {
  const entity = await findEntity(db, id)
  if (!entity) throw new AppError('NOT_FOUND', `Không tìm thấy bản ghi số ${id} trong sổ.`, { id })
  return entity
}

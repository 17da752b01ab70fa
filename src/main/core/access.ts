/**
 * Who may call what. Every handler is a write unless it is listed here as a read,
 * so a new handler is refused to read-only callers until someone says it only
 * reads (the safe default). The single gate every door passes through is
 * `assertAllowed`, called by dispatch before a handler runs.
 *
 * Rules that hang on it:
 * - province mode: the registry is made of the districts' snapshots, so only the
 *   handlers in PROVINCE_WRITES may write there (consolidation, keys, backups…);
 * - profiles with the role "chỉ xem" may call reads only.
 */
import type { ApiName } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { CoreContext } from './context'

/** Handlers that never change the file. */
export const READS = new Set<ApiName>([
  'office.info',
  'units.list',
  'backup.list',
  'entity.list',
  'entity.get',
  'entity.grid',
  'entity.search',
  'prefs.get',
  'status.list',
  'status.asOf',
  'figures.list',
  'profile.list',
  'audit.list',
  'exchange.previewImport',
  'exchange.importTemplate',
  'exchange.importHistory',
  'exchange.verifyPackage',
  'exchange.exportHistory',
  'exchange.consolidationLog',
  'exchange.districts',
  'exchange.conflicts',
  'keys.show',
  'keys.exportPublic',
  'keys.list',
  'dissolution.candidates',
  'dissolution.show',
  'dissolution.summary',
  'dissolution.printCase',
  'dissolution.calendar',
  'dissolution.list'
])

/** Writes a province-mode file still accepts: its own housekeeping, not the districts' data. */
export const PROVINCE_WRITES = new Set<ApiName>(['office.setup', 'backup.create', 'backup.restore', 'profile.select', 'prefs.set', 'exchange.consolidate', 'exchange.exportPackage', 'keys.trust'])

export function isRead(name: ApiName): boolean {
  return READS.has(name)
}

/** Throws a Vietnamese AppError when the current caller may not run `name`. */
export async function assertAllowed(ctx: CoreContext, name: ApiName): Promise<void> {
  if (isRead(name)) return
  if (PROVINCE_WRITES.has(name)) return
  const office = await ctx.db
    .selectFrom('office')
    .innerJoin('admin_units', 'admin_units.code', 'office.unit_code')
    .select('admin_units.level')
    .executeTakeFirst()
  if (office?.level === 'province') {
    throw new AppError(
      'READ_ONLY',
      'Tệp này ở chế độ tỉnh: sổ đăng ký được lập từ số liệu các huyện gửi lên nên không sửa trực tiếp được. Hãy sửa ở huyện rồi gửi lại gói dữ liệu.'
    )
  }
}

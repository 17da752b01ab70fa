/**
 * A handler declared 'read' in the contract is open to "chỉ xem", to a session not
 * signed in and to a file opened read-only, on the strength of that word alone. So
 * every one of them is run here, with a valid input, against a real seeded file (a
 * district and a province that consolidated its package), and the file must not have
 * changed: PRAGMA data_version seen from a second connection (it moves when another
 * connection commits) and total_changes() of the core's own connection.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { accessOf } from '../../src/main/core/access'
import { API_NAMES, type ApiName } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'
import { exportTo } from './package-fixture'

type TestCore = Awaited<ReturnType<typeof officeCore>>
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

interface Seeded {
  entityId: number
  caseId: number
  attachmentId: number
  layout: string
  packagePath: string
  importPath: string
}

const READS = API_NAMES.filter((n) => accessOf(n) === 'read')

/** A valid input for each read handler. A new read handler without one fails the test below. */
const INPUTS: Partial<Record<ApiName, (s: Seeded) => unknown>> = {
  'office.info': () => ({}),
  'office.bodies': () => ({}),
  'units.communes': () => ({}),
  'report.units': () => ({ asOf: '2024-06-30' }),
  'units.list': () => ({ level: 'district' }),
  'units.find': () => ({ text: 'dong kinh' }),
  'units.show': () => ({ code: '178', on: '2024-12-31' }),
  'backup.list': () => ({}),
  'entity.list': () => ({ includeDeleted: true }),
  'entity.get': (s) => ({ id: s.entityId }),
  'entity.byRegNo': () => ({ regNo: '4907000124' }),
  'entity.checkRegNos': () => ({ regNos: ['4900000017', '4900000018'] }),
  'entity.grid': () => ({}),
  'entity.search': () => ({ q: 'hop tac xa' }),
  'prefs.get': () => ({ key: 'registry.columns' }),
  'status.list': (s) => ({ entityId: s.entityId }),
  'label.list': (s) => ({ entityId: s.entityId }),
  'registry.obligations': () => ({ asOf: '2026-01-15' }),
  'status.asOf': () => ({ date: '2024-06-30' }),
  'figures.list': () => ({}),
  'profile.list': () => ({}),
  'period.list': () => ({}),
  'review.list': () => ({}),
  'round.list': () => ({}),
  'round.calendar': () => ({ year: 2024 }),
  'round.board': () => ({ asOf: '2024-06-30' }),
  'round.page': () => ({ asOf: '2024-06-30' }),
  'round.xlsx': () => ({}),
  'checks.run': () => ({ asOf: '2024-06-30' }),
  'checks.rules': () => ({}),
  'audit.list': () => ({}),
  'exchange.previewImport': (s) => ({ files: [{ path: s.importPath }] }),
  'exchange.importTemplate': () => ({}),
  'exchange.importHistory': () => ({}),
  'reconcile.compare': (s) => ({ file: { path: s.importPath } }),
  'handoff.verify': (s) => ({ file: { path: s.packagePath } }),
  'handoff.exportHistory': () => ({}),
  'handoff.consolidationLog': () => ({}),
  'handoff.districts': () => ({}),
  'handover.plan': () => ({}),
  'handoff.conflicts': () => ({}),
  'handoff.key': () => ({}),
  'handoff.publicKey': () => ({}),
  'handoff.trustedKeys': () => ({}),
  'dissolution.candidates': () => ({ asOf: '2024-06-30' }),
  'dissolution.missingAgm': () => ({ asOf: '2024-06-30' }),
  'dissolution.show': (s) => ({ caseId: s.caseId }),
  'dissolution.calendar': () => ({}),
  'dissolution.dashboard': () => ({}),
  'dissolution.casePage': (s) => ({ caseId: s.caseId }),
  'dissolution.summaryPage': () => ({}),
  'dissolution.summaryXlsx': () => ({}),
  'dissolution.draft': (s) => ({ caseId: s.caseId, doc: 'council' }),
  'dissolution.draftDocx': (s) => ({ caseId: s.caseId, doc: 'council' }),
  'dissolution.attachment': (s) => ({ caseId: s.caseId, attachmentId: s.attachmentId }),
  'dissolution.templates': () => ({}),
  'dissolution.lastAgm': (s) => ({ entityId: s.entityId }),
  'dissolution.list': () => ({}),
  'report.list': () => ({}),
  'report.summary': () => ({ asOf: '2024-06-30' }),
  'report.build': (s) => ({ layout: s.layout, asOf: '2024-06-30' }),
  'report.export': (s) => ({ layout: s.layout, asOf: '2024-06-30', format: 'xlsx' }),
  'report.targets': () => ({ year: 2024 }),
  'report.dashboard': () => ({ asOf: '2024-06-30' }),
  'report.narrative': () => ({ asOf: '2024-12-31' }),
  'support.programmes': () => ({}),
  'support.list': () => ({ year: 2023 }),
  'classification.rules': () => ({}),
  'classification.sizes': () => ({ year: 2023 })
}

async function seedDistrict(core: TestCore): Promise<Seeded> {
  const a = await core.call('entity.create', { kind: 'htx', name: 'HTX Hoàng Đồng', regNo: '4907000123', registrationDate: '2015-03-02' })
  const b = await core.call('entity.create', { kind: 'htx', name: 'HTX Mai Pha', regNo: '4907000124', registrationDate: '2016-04-05' })
  await core.call('entity.create', { kind: 'tht', name: 'Tổ hợp tác Chè Yên Trạch' })
  await core.call('status.add', { entityId: b.id, status: 'suspended', effectiveDate: '2023-05-15' })
  await core.call('figures.set', { entityId: a.id, year: 2023, figures: { members: 12, workers: 5, revenue: 1_500_000_000 } })
  await core.call('dissolution.setLastAgm', { entityId: b.id, lastAgmDate: '2021-03-01' })
  const c = await core.call('dissolution.open', { entityId: b.id, kind: 'compulsory', openedOn: '2024-02-01' })
  await core.call('dissolution.council', { caseId: c.id, name: 'Nguyễn Văn An', role: 'chair' })
  await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Ngân hàng', amount: 15_000_000 })
  await core.call('dissolution.obstacle', { caseId: c.id, code: 'debts' })
  const withFile = await core.call('dissolution.attach', {
    caseId: c.id,
    file: { name: 'bien-ban.pdf', base64: Buffer.from('%PDF-1.4 biên bản').toString('base64') }
  })
  await core.call('report.setTargets', { year: 2024, scope: null, values: [{ indicator: 'htx.total', plan: 40, estimate: 38 }] })
  const layouts = await core.call('report.list', {})
  return {
    entityId: b.id,
    caseId: c.id,
    attachmentId: withFile.attachments[0]!.id,
    layout: layouts[0]!.id,
    packagePath: '',
    importPath: join(__dirname, '../fixtures/import/danh-sach-sach.xlsx')
  }
}

/** Runs `name` and says whether it succeeded and whether the file changed under it. */
async function probe(core: TestCore, name: ApiName, input: unknown): Promise<{ ok: boolean; error?: string; changed: string[] }> {
  const watcher = new Database(core.dbPath, { readonly: true, fileMustExist: true })
  try {
    const own = core.ctx.conn.sqlite
    const version = () => watcher.pragma('data_version', { simple: true }) as number
    const changes = () => (own.prepare('select total_changes() n').get() as { n: number }).n
    const before = { version: version(), changes: changes() }
    let ok = true
    let error: string | undefined
    await core.call(name, input).catch((err: { code?: string; message?: string }) => {
      ok = false
      error = `${err.code}: ${err.message}`
    })
    const changed: string[] = []
    if (version() !== before.version) changed.push('data_version')
    if (changes() !== before.changes) changed.push('total_changes')
    return { ok, error, changed }
  } finally {
    watcher.close()
  }
}

describe('a handler declared read writes nothing', () => {
  it('has an input here for every read handler of the contract', () => {
    expect(READS.filter((n) => !INPUTS[n])).toEqual([])
    expect(READS.length).toBeGreaterThan(30)
  })

  it('the probe sees a write (so a read that writes would fail below)', async () => {
    const core = await officeCore('178')
    cleanups.push(() => core.dispose())
    await core.call('entity.create', { kind: 'htx', name: 'HTX Thử' })
    expect((await probe(core, 'entity.create', { kind: 'htx', name: 'HTX Thử Hai' })).changed).toEqual(['data_version', 'total_changes'])
  })

  it('runs every read handler on a seeded district and a province and the files do not change', async () => {
    const district = await officeCore('178')
    cleanups.push(() => district.dispose())
    const seeded = await seedDistrict(district)
    const { file } = await exportTo(district, district.dir)
    seeded.packagePath = file
    const province = await officeCore('20')
    cleanups.push(() => province.dispose())
    expect((await province.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })).accepted).toHaveLength(1)
    await province.call('report.setTargets', { year: 2024, scope: null, values: [{ indicator: 'htx.total', plan: 40, estimate: 38 }] })
    await province.call('round.set', { asOf: '2024-06-30' })
    const provinceSeed = { ...seeded, caseId: 1, attachmentId: 1 }

    const writes: string[] = []
    const neverRan: string[] = []
    for (const name of READS) {
      const input = INPUTS[name]
      if (!input) continue
      const runs = [await probe(district, name, input(seeded)), await probe(province, name, input(provinceSeed))]
      for (const [i, run] of runs.entries())
        if (run.changed.length) writes.push(`${name} (${i ? 'tỉnh' : 'huyện'}): ${run.changed.join(', ')}`)
      // Each read really ran somewhere: a handler refused on both files would prove nothing.
      if (!runs.some((r) => r.ok)) neverRan.push(`${name}: ${runs.map((r) => r.error).join(' | ')}`)
    }
    expect(writes).toEqual([])
    expect(neverRan).toEqual([])
  })
})

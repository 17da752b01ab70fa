/**
 * Issue 15, point 1: the register's legal statuses become NĐ 295/2026 Điều 27's. Migration 013 on a
 * register built with the first version's codes (as an import of an old district list leaves it):
 * every event mapped, each change audited, the reports' «đang hoạt động / ngừng hoạt động» unchanged
 * for past and present dates, the management labels apart from the legal status.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/api'
import { migrations } from '../../src/main/core/db/migrations'
import { STATUSES } from '../../src/shared/domain'
import { tempDir } from '../helpers/temp'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** name, registration date, events [old code, date | null, decision]. */
const REGISTER: Array<[string, string, Array<[string, string | null, string | null]>]> = [
  ['HTX Nông nghiệp Yên Khoái', '2015-03-02', [['active', null, null]]],
  ['HTX Chè Tân Thành', '2016-05-10', [['inactive', null, null]]],
  [
    'HTX Vận tải Bắc Sơn',
    '2014-01-20',
    [
      ['active', null, null],
      ['inactive', '2022-11-15', null]
    ]
  ],
  [
    'HTX Mây tre Phát Diệm',
    '2012-03-15',
    [
      ['inactive', null, null],
      ['active', '2023-04-01', '12/TB']
    ]
  ],
  [
    'HTX Dịch vụ Hoàng Đồng',
    '2013-07-07',
    [
      ['active', null, null],
      ['revoked', '2024-02-01', '5/QĐ-TCKH']
    ]
  ],
  ['HTX Môi trường Mai Sơn', '2018-08-08', [['suspended', '2023-03-01', null]]],
  ['HTX Xây dựng Đồng Đăng', '2010-02-01', [['dissolving', null, null]]],
  [
    'HTX Thương mại Cao Lộc',
    '2011-09-09',
    [
      ['active', null, null],
      ['dissolved', '2021-06-30', '9/QĐ']
    ]
  ],
  [
    'HTX Rau sạch Hoàng Văn Thụ',
    '2019-01-01',
    [
      ['inactive', '2020-01-01', null],
      ['inactive', '2022-01-01', null],
      ['dissolving', '2024-05-01', null]
    ]
  ]
]
/** The first version's reports: active = 'active'; stopped = these. */
const OLD_STOPPED = new Set(['suspended', 'inactive', 'dissolving', 'revoked'])

function oldCount(asOf: string): { active: number; stopped: number } {
  let active = 0
  let stopped = 0
  for (const [, , events] of REGISTER) {
    const inForce = events
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e[1] === null || e[1] <= asOf)
      .sort((a, b) => Number(a.e[1] !== null) - Number(b.e[1] !== null) || (a.e[1] ?? '').localeCompare(b.e[1] ?? '') || a.i - b.i)
    const s = inForce.at(-1)?.e[0]
    if (s === 'active') active++
    else if (s && OLD_STOPPED.has(s)) stopped++
  }
  return { active, stopped }
}

async function oldRegister(): Promise<string> {
  const t = tempDir()
  cleanups.push(() => t.cleanup())
  const dbPath = join(t.dir, 'huyen-cu.db')
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '013'))
  const old = await createCore({ dbPath, user: 'x', migrations: before })
  const sqlite = old.ctx.conn.sqlite
  // The office as the first version set it up (today's office.setup writes columns that version had not).
  sqlite.prepare("insert into office (id, unit_code, created_at) values (1, '178', '2024-01-01T00:00:00Z')").run()
  const ent = sqlite.prepare(
    `insert into entities (kind, name, name_key, search_key, registration_date, created_at, updated_at) values ('htx', ?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`
  )
  const ev = sqlite.prepare(
    `insert into status_events (entity_id, status, effective_date, decision_no, created_at) values (?, ?, ?, ?, '2024-01-01T00:00:00Z')`
  )
  for (const [name, reg, events] of REGISTER) {
    const id = Number(ent.run(name, name.toLowerCase(), name.toLowerCase(), reg).lastInsertRowid)
    for (const [status, date, decision] of events) ev.run(id, status, date, decision)
  }
  await old.close()
  return dbPath
}

async function open(dbPath: string): Promise<Core> {
  const core = await createCore({ dbPath, user: 'Nguyễn Thị Lan' })
  cleanups.push(() => core.close())
  return core
}

describe('migration 013 on a register with the first version’s codes', () => {
  it('maps every event to the decree’s list, labels the old «ngừng hoạt động», audits each change', async () => {
    const dbPath = await oldRegister()
    const core = await open(dbPath)
    const sqlite = core.ctx.conn.sqlite
    const events = sqlite.prepare('select * from status_events order by id').all() as Array<{ status: string; note: string | null }>
    expect(events).toHaveLength(REGISTER.reduce((n, r) => n + r[2].length, 0))
    for (const e of events) expect(STATUSES).toContain(e.status)
    // Nothing old is left and nothing new is made up.
    const old = REGISTER.flatMap((r) => r[2].map((e) => e[0]))
    expect(
      events.filter((_e, i) => old[i] === 'inactive').every((e) => e.status === 'active' && e.note?.includes('Trước nâng cấp 013'))
    ).toBe(true)
    expect(events.filter((_e, i) => old[i] === 'revoked').map((e) => e.status)).toEqual(['dissolving'])
    expect(events.filter((_e, i) => old[i] !== 'inactive' && old[i] !== 'revoked').every((e) => e.note === null)).toBe(true)

    const byName = new Map((await core.call('entity.list', {})).rows.map((e) => [e.name, e]))
    const look = (name: string) => byName.get(name)!
    expect(look('HTX Chè Tân Thành')).toMatchObject({ status: 'active', label: 'stopped', labelSince: null })
    expect(look('HTX Vận tải Bắc Sơn')).toMatchObject({ status: 'active', label: 'stopped', labelSince: '2022-11-15' })
    expect(look('HTX Mây tre Phát Diệm')).toMatchObject({ status: 'active', label: null })
    expect(look('HTX Dịch vụ Hoàng Đồng')).toMatchObject({ status: 'dissolving', label: null })
    expect(look('HTX Nông nghiệp Yên Khoái')).toMatchObject({ status: 'active', label: null })
    expect(look('HTX Môi trường Mai Sơn')).toMatchObject({ status: 'suspended', label: null })
    // Two «ngừng» events in a row make one label, ended by the next other event.
    const rau = await core.call('label.list', { entityId: look('HTX Rau sạch Hoàng Văn Thụ').id })
    expect(rau.map((l) => [l.label, l.effectiveDate])).toEqual([
      ['stopped', '2020-01-01'],
      [null, '2024-05-01']
    ])

    const audit = sqlite
      .prepare(`select action, table_name, before_json from audit_log where user = 'nâng cấp 013' order by id`)
      .all() as Array<{
      action: string
      table_name: string
      before_json: string | null
    }>
    const mapped = old.filter((s) => s === 'inactive' || s === 'revoked').length
    expect(audit.filter((a) => a.action === 'migrate_status')).toHaveLength(mapped)
    expect(
      audit
        .filter((a) => a.action === 'migrate_status')
        .map((a) => JSON.parse(a.before_json!).status)
        .sort()
    ).toEqual(old.filter((s) => s === 'inactive' || s === 'revoked').sort())
    const labels = sqlite.prepare('select count(*) as n from entity_labels').get() as { n: number }
    expect(audit.filter((a) => a.action === 'migrate_label')).toHaveLength(labels.n)
  })

  it('keeps the reports’ «đang hoạt động / ngừng hoạt động» for every date', async () => {
    const core = await open(await oldRegister())
    for (const asOf of ['2019-12-31', '2021-06-30', '2022-12-31', '2023-06-30', '2024-03-01', '2024-12-31']) {
      const s = await core.call('report.summary', { asOf })
      const want = oldCount(asOf)
      expect([s.indicators['htx.active'], s.indicators['htx.stopped']], asOf).toEqual([want.active, want.stopped])
    }
  })
})

describe('a management label is not a legal status', () => {
  it('is dated, changes no status, counts as stopped in reports, is undone alone', async () => {
    const core = await open(await oldRegister())
    const e = (await core.call('entity.list', {})).rows.find((r) => r.name === 'HTX Nông nghiệp Yên Khoái')!
    await core.call('label.add', { entityId: e.id, label: 'awaiting_dissolution', effectiveDate: '2024-06-01', note: 'Biên bản kiểm tra' })
    const after = await core.call('entity.get', { id: e.id })
    expect(after).toMatchObject({ status: 'active', label: 'awaiting_dissolution', labelSince: '2024-06-01' })
    expect((await core.call('status.list', { entityId: e.id })).map((x) => x.status)).toEqual(['active'])
    const may = await core.call('report.summary', { asOf: '2024-05-31' })
    const june = await core.call('report.summary', { asOf: '2024-06-30' })
    expect(june.indicators['htx.stopped']).toBe(may.indicators['htx.stopped']! + 1)
    await core.call('label.add', { entityId: e.id, label: 'weak', effectiveDate: '2024-07-01' })
    // «yếu kém» keeps a legally active record counted as active (resources/reports/operating-status.json).
    expect((await core.call('report.summary', { asOf: '2024-07-31' })).indicators['htx.stopped']).toBe(may.indicators['htx.stopped'])
    const undone = await core.call('entity.undo', {})
    expect(undone).toMatchObject({ action: 'label_add', table: 'entity_labels', entityId: e.id })
    expect((await core.call('entity.get', { id: e.id })).label).toBe('awaiting_dissolution')
    await expect(core.call('label.add', { entityId: e.id, label: 'chờ' as never })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      core.call('status.add', { entityId: e.id, status: 'inactive' as never, effectiveDate: '2024-08-01' })
    ).rejects.toMatchObject({
      code: 'VALIDATION'
    })
  })

  it('refuses a notified suspension longer than 12 months (NĐ 295/2026 Điều 48 khoản 1)', async () => {
    const core = await open(await oldRegister())
    const e = (await core.call('entity.list', {})).rows.find((r) => r.name === 'HTX Nông nghiệp Yên Khoái')!
    await expect(
      core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-01-01', untilDate: '2025-01-02' })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Điều 48') })
    const ok = await core.call('status.add', { entityId: e.id, status: 'suspended', effectiveDate: '2024-01-01', untilDate: '2024-12-31' })
    expect(ok.untilDate).toBe('2024-12-31')
  })
})

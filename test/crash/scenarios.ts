/**
 * Crash scenarios: what a worker does over and over until it is killed, and
 * what must hold in the file afterwards however the kill fell. Each domain adds
 * its own (imports, consolidations, finalisations) here.
 */
import type Sqlite from 'better-sqlite3'
import { rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as XLSX from 'xlsx'
import { createCore, type Core } from '../../src/main/core/api'
import { exportTo, seedDistrict } from '../core/package-fixture'

export interface Scenario {
  /** Prepares a fresh file (office set up, seed rows). */
  setup(core: Core): Promise<void>
  /** One unit of work; the worker calls it in a loop. */
  step(core: Core, i: number): Promise<void>
  /** Problems found in the file after a kill: empty when every invariant holds. */
  check(db: Sqlite.Database): string[]
  /**
   * Units of work the steps committed (batches, pastes, finalised cases, accepted
   * packages): proof that the worker was really writing when killed. Without it,
   * the audit rows in the file count.
   */
  work?(db: Sqlite.Database): number
  /** Latest kill after "ready", in ms, for scenarios whose step takes longer (400 unless told). */
  killWithinMs?: number
}

function common(db: Sqlite.Database): string[] {
  const problems: string[] = []
  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`)
  const orphans = db.pragma('foreign_key_check') as unknown[]
  if (orphans.length > 0) problems.push(`${orphans.length} dòng mồ côi (foreign_key_check)`)
  return problems
}

const rows = <T>(db: Sqlite.Database, sql: string) => db.prepare(sql).all() as T[]

/** Every record has exactly one "create" audit row. */
function oneCreateAuditEach(db: Sqlite.Database): string[] {
  const missing = rows<{ id: number }>(
    db,
    `select e.id from entities e where (select count(*) from audit_log a
       where a.table_name = 'entities' and a.action = 'create' and a.row_id = e.id) != 1`
  )
  return missing.length ? [`${missing.length} bản ghi không có đúng một dòng nhật ký "create"`] : []
}

/** Each edit of a record bumped its row_version once and wrote one "update" audit row. */
function versionsMatchAudit(db: Sqlite.Database): string[] {
  const mismatch = rows<{ id: number }>(
    db,
    `select e.id from entities e where e.row_version - 1 != (select count(*) from audit_log a
       where a.table_name = 'entities' and a.action = 'update' and a.row_id = e.id)`
  )
  return mismatch.length ? [`${mismatch.length} bản ghi có số lần sửa khác số dòng nhật ký`] : []
}

const IMPORT_ROWS = 200
const BATCH_TABLES = ['entities', 'status_events', 'yearly_figures'] as const
const importFile = (core: Core) => join(dirname(core.ctx.conn.path), 'nhap-thu.xlsx')

const PASTE_GROUPS = 3
const PASTE_BLOCK = 8

const DISTRICTS = ['178', '180']
const districtPath = (dir: string, code: string) => join(dir, `huyen-${code}.db`)
/** The district files beside a province file, opened once per process. */
const districtCores = new Map<string, Promise<Core>>()
function district(core: Core, code: string): Promise<Core> {
  const path = districtPath(dirname(core.ctx.conn.path), code)
  let d = districtCores.get(path)
  if (!d) {
    d = createCore({ dbPath: path, user: 'crash' })
    districtCores.set(path, d)
  }
  return d
}

export const scenarios: Record<string, Scenario> = {
  /** Adds and edits records: every row change must have its audit row, and only then. */
  registry: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '178' })
    },
    async step(core, i) {
      if (i % 3 === 0) {
        await core.call('entity.create', { kind: 'htx', name: `HTX Thử sập nguồn ${i}`, notes: 'x'.repeat(i % 500) })
      } else {
        const { rows: list } = await core.call('entity.list', {})
        const e = list[i % Math.max(list.length, 1)]
        if (e) await core.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { notes: `lần ${i}` } })
      }
    },
    check(db) {
      const problems = common(db)
      problems.push(...oneCreateAuditEach(db), ...versionsMatchAudit(db))
      const ghostAudit = rows<{ id: number }>(
        db,
        `select a.id from audit_log a where a.table_name = 'entities' and a.row_id not in (select id from entities)`
      )
      if (ghostAudit.length) problems.push(`${ghostAudit.length} dòng nhật ký trỏ tới bản ghi không có`)
      const noStatus = rows<{ id: number }>(db, `select id from entities where id not in (select entity_id from status_events)`)
      if (noStatus.length) problems.push(`${noStatus.length} bản ghi không có tình trạng`)
      return problems
    }
  },
  /**
   * Commits a generated register of IMPORT_ROWS new cooperatives, then undoes
   * that batch, and again: every batch is whole or gone (its rows match the
   * counts it recorded, or none are left once undone), with its audit rows.
   */
  import: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '178' })
      const sheet: Array<Array<string | number>> = [['STT', 'Tên HTX', 'Địa chỉ', 'Tình trạng', 'Số thành viên']]
      for (let r = 1; r <= IMPORT_ROWS; r++)
        sheet.push([r, `HTX Thử nhập số ${r}`, `Thôn ${r % 17}, xã Yên Thử`, 'Đang hoạt động', 5 + (r % 40)])
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(sheet), 'HTX')
      writeFileSync(importFile(core), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
    },
    async step(core) {
      const live = await core.ctx.db
        .selectFrom('import_batches')
        .select('id')
        .where('undone_at', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst()
      if (live) await core.call('exchange.undoImport', { batchId: live.id })
      else await core.call('exchange.commitImport', { files: [{ path: importFile(core) }] })
    },
    check(db) {
      const problems = common(db)
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n
      for (const b of rows<{ id: number; counts_json: string; undone_at: string | null }>(
        db,
        'select id, counts_json, undone_at from import_batches'
      )) {
        const created = (JSON.parse(b.counts_json) as { created: number }).created
        const label = `lần nhập ${b.id}${b.undone_at ? ' (đã hoàn tác)' : ''}`
        if (created !== IMPORT_ROWS) problems.push(`${label} ghi nhận ${created} bản ghi mới, tệp có ${IMPORT_ROWS}`)
        const want = b.undone_at ? 0 : created
        for (const table of BATCH_TABLES) {
          const got = count(`select count(*) n from ${table} where import_batch_id = ?`, b.id)
          if (got !== want) problems.push(`${label}: còn ${got} dòng ${table}, đúng ra ${want} (lần nhập không trọn vẹn)`)
        }
        const audited = count(
          `select count(*) n from audit_log where table_name = 'entities' and action = 'create' and json_extract(after_json, '$.importBatch') = ?`,
          b.id
        )
        if (audited !== created) problems.push(`${label}: ${audited} dòng nhật ký "create", đúng ra ${created}`)
        const own = (action: string) =>
          count(`select count(*) n from audit_log where table_name = 'import_batches' and action = ? and row_id = ?`, action, b.id)
        if (own('import') !== 1) problems.push(`${label}: ${own('import')} dòng nhật ký "import", đúng ra 1`)
        if (own('undo-import') !== (b.undone_at ? 1 : 0))
          problems.push(`${label}: ${own('undo-import')} dòng nhật ký hoàn tác, đúng ra ${b.undone_at ? 1 : 0}`)
      }
      for (const table of BATCH_TABLES) {
        const dangling = count(
          `select count(*) n from ${table} where import_batch_id is not null and import_batch_id not in (select id from import_batches)`
        )
        if (dangling) problems.push(`${dangling} dòng ${table} trỏ tới lần nhập không có`)
      }
      const ghostBatch = count(
        `select count(*) n from audit_log where table_name = 'import_batches' and row_id not in (select id from import_batches)`
      )
      if (ghostBatch) problems.push(`${ghostBatch} dòng nhật ký trỏ tới lần nhập không có`)
      problems.push(...oneCreateAuditEach(db))
      // A record the audit says was created and is gone must have been removed by an undo, said in the audit too.
      const vanished = count(
        `select count(*) n from audit_log a where a.table_name = 'entities' and a.action = 'create' and a.row_id not in (select id from entities)
           and (select count(*) from audit_log u where u.table_name = 'entities' and u.action = 'undo-import' and u.row_id = a.row_id) != 1`
      )
      if (vanished) problems.push(`${vanished} bản ghi biến mất mà nhật ký không có đúng một dòng hoàn tác`)
      const undoneButThere = count(
        `select count(*) n from audit_log where table_name = 'entities' and action = 'undo-import' and row_id in (select id from entities)`
      )
      if (undoneButThere) problems.push(`${undoneButThere} bản ghi nhật ký nói đã hoàn tác nhưng vẫn còn trong sổ`)
      return problems
    },
    work: (db) => (db.prepare('select count(*) + count(undone_at) n from import_batches').get() as { n: number }).n,
    killWithinMs: 800
  },

  /**
   * Pastes a PASTE_BLOCK-row block over one of PASTE_GROUPS fixed groups of
   * records: a paste is all or nothing, so every row of a group carries the same
   * step's marker and the same row_version, and each paste has PASTE_BLOCK audit rows.
   */
  bulk: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '178' })
      for (let g = 0; g < PASTE_GROUPS; g++) {
        for (let r = 0; r < PASTE_BLOCK; r++) await core.call('entity.create', { kind: 'htx', name: `HTX Dán khối ${g + 1}-${r + 1}` })
      }
    },
    async step(core, i) {
      const all = await core.ctx.db.selectFrom('entities').select('id').orderBy('id').execute()
      const g = i % PASTE_GROUPS
      const rowIds = all.slice(g * PASTE_BLOCK, (g + 1) * PASTE_BLOCK).map((e) => e.id)
      const cells = rowIds.map((_, r) => [`Xã Bước ${i}`, `Người dán ${i}-${r + 1}`, `bước ${i}`])
      await core.call('entity.paste', { rowIds, fields: ['commune', 'representative', 'notes'], cells })
    },
    check(db) {
      const problems = common(db)
      const list = rows<{ id: number; commune: string | null; notes: string | null; row_version: number }>(
        db,
        'select id, commune, notes, row_version from entities order by id'
      )
      if (list.length !== PASTE_GROUPS * PASTE_BLOCK) problems.push(`sổ có ${list.length} bản ghi, đúng ra ${PASTE_GROUPS * PASTE_BLOCK}`)
      for (let g = 0; g < PASTE_GROUPS; g++) {
        const group = list.slice(g * PASTE_BLOCK, (g + 1) * PASTE_BLOCK)
        const markers = new Set(group.map((e) => e.notes))
        const versions = new Set(group.map((e) => e.row_version))
        if (markers.size > 1) problems.push(`khối ${g + 1} dán dở: các dòng mang ${[...markers].join(' / ')}`)
        if (versions.size > 1) problems.push(`khối ${g + 1} dán dở: số phiên bản ${[...versions].join(' / ')}`)
        for (const e of group)
          if ((e.notes === null) !== (e.commune === null) || (e.notes !== null && e.commune !== e.notes.replace('bước', 'Xã Bước')))
            problems.push(`bản ghi ${e.id} dán dở trong một dòng`)
      }
      problems.push(...versionsMatchAudit(db), ...oneCreateAuditEach(db))
      const partial = rows<{ marker: string; n: number }>(
        db,
        `select json_extract(after_json, '$.notes') marker, count(*) n from audit_log
           where table_name = 'entities' and action = 'update' group by marker having n != ${PASTE_BLOCK}`
      )
      for (const p of partial) problems.push(`lần dán «${p.marker}» có ${p.n} dòng nhật ký, đúng ra ${PASTE_BLOCK}`)
      return problems
    },
    work: (db) =>
      (
        db
          .prepare(
            `select count(distinct json_extract(after_json, '$.notes')) n from audit_log where table_name = 'entities' and action = 'update'`
          )
          .get() as { n: number }
      ).n
  },

  /**
   * For a fresh cooperative each time: open a dissolution case, mark every step
   * done, finalise. A finalised case ⇔ its entity's "dissolved" event; every case
   * whole (all its steps, its "dissolving" event) and each write audited.
   */
  finalise: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '178' })
    },
    async step(core, i) {
      const e = await core.call('entity.create', { kind: 'htx', name: `HTX Giải thể thử ${i}`, status: 'suspended' })
      const c = await core.call('dissolution.open', {
        entityId: e.id,
        kind: 'voluntary',
        law: '2012',
        openedOn: '2024-03-01',
        decisionNo: `${i}/NQ-ĐHTV`
      })
      for (const s of c.steps)
        await core.call('dissolution.step', { caseId: c.id, code: s.code, state: 'done', doneOn: '2024-03-15', doneBy: 'Thử' })
      await core.call('dissolution.finalise', { caseId: c.id, authorityDate: '2024-06-01', decisionNo: `${i}/TB` })
    },
    check(db) {
      const problems = common(db)
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n
      const cases = rows<{ id: number; entity_id: number; state: string; closed_on: string | null; template_json: string }>(
        db,
        'select id, entity_id, state, closed_on, template_json from dissolution_cases'
      )
      for (const c of cases) {
        const template = JSON.parse(c.template_json) as { steps: Array<{ code: string; optional: boolean; condition: string | null }> }
        const steps = rows<{ id: number; code: string; state: string }>(
          db,
          `select id, code, state from dissolution_steps where case_id = ${c.id}`
        )
        if (steps.length !== template.steps.length) problems.push(`hồ sơ ${c.id} có ${steps.length} bước, mẫu có ${template.steps.length}`)
        // Notes «Mở hồ sơ số N» and «Hoàn tất hồ sơ số N: …» (the outcome's words follow the colon).
        const event = (status: string, note: string) =>
          count(
            `select count(*) n from status_events where entity_id = ? and status = ? and (note = ? or note like ? || ':%')`,
            c.entity_id,
            status,
            note,
            note
          )
        if (event('dissolving', `Mở hồ sơ số ${c.id}`) !== 1) problems.push(`hồ sơ ${c.id} không có đúng một sự kiện «đang giải thể»`)
        const finalised = c.state === 'finalised'
        const dissolved = event('dissolved', `Hoàn tất hồ sơ số ${c.id}`)
        if (dissolved !== (finalised ? 1 : 0))
          problems.push(`hồ sơ ${c.id} (${c.state}) có ${dissolved} sự kiện «đã giải thể» (hoàn tất dở)`)
        if (c.state !== 'open' && c.state !== 'finalised') problems.push(`hồ sơ ${c.id} ở trạng thái lạ «${c.state}»`)
        const audits = (action: string) =>
          count(`select count(*) n from audit_log where table_name = 'dissolution_cases' and action = ? and row_id = ?`, action, c.id)
        if (audits('create') !== 1) problems.push(`hồ sơ ${c.id} có ${audits('create')} dòng nhật ký mở hồ sơ`)
        if (audits('finalise') !== (finalised ? 1 : 0))
          problems.push(`hồ sơ ${c.id} (${c.state}) có ${audits('finalise')} dòng nhật ký hoàn tất`)
        if (finalised) {
          if (!c.closed_on) problems.push(`hồ sơ ${c.id} hoàn tất mà không có ngày`)
          const required = new Set(template.steps.filter((s) => !s.optional && !s.condition).map((s) => s.code))
          const open = steps.filter((s) => s.state === 'todo' && required.has(s.code))
          if (open.length) problems.push(`hồ sơ ${c.id} hoàn tất khi còn bước ${open.map((s) => s.code).join(', ')}`)
        }
        for (const s of steps) {
          const n = count(
            `select count(*) n from audit_log where table_name = 'dissolution_steps' and action = 'update' and row_id = ?`,
            s.id
          )
          if (n !== (s.state === 'todo' ? 0 : 1)) problems.push(`bước ${s.code} của hồ sơ ${c.id} (${s.state}) có ${n} dòng nhật ký`)
        }
      }
      const strayDissolved = count(
        `select count(*) n from status_events s where s.status = 'dissolved'
           and not exists (select 1 from dissolution_cases c where c.entity_id = s.entity_id and c.state = 'finalised')`
      )
      if (strayDissolved) problems.push(`${strayDissolved} sự kiện «đã giải thể» không có hồ sơ hoàn tất`)
      const twoCases = count(`select count(*) n from (select entity_id from dissolution_cases group by entity_id having count(*) > 1)`)
      if (twoCases) problems.push(`${twoCases} bản ghi có hơn một hồ sơ giải thể`)
      const unaudited = count(
        `select count(*) n from status_events s where (s.note like 'Mở hồ sơ số %' or s.note like 'Hoàn tất hồ sơ số %')
           and (select count(*) from audit_log a where a.table_name = 'status_events' and a.action = 'status_add' and a.row_id = s.id) != 1`
      )
      if (unaudited) problems.push(`${unaudited} sự kiện tình trạng của hồ sơ giải thể không có đúng một dòng nhật ký`)
      problems.push(...oneCreateAuditEach(db))
      return problems
    },
    work: (db) => (db.prepare(`select count(*) n from dissolution_cases where state = 'finalised'`).get() as { n: number }).n
  },

  /**
   * A province file consolidating packages that two districts export afresh
   * (one change each time): each district holds exactly one whole snapshot, the
   * one its latest accepted package recorded, with one audit row per acceptance.
   */
  consolidate: {
    async setup(core) {
      await core.call('office.setup', { unitCode: '20' })
      const dir = dirname(core.ctx.conn.path)
      for (const [k, code] of DISTRICTS.entries()) {
        const d = await createCore({ dbPath: districtPath(dir, code), user: 'crash' })
        await d.call('office.setup', { unitCode: code })
        await seedDistrict(d, 6, k + 1)
        // The signing key is made here, not under a kill.
        rmSync((await exportTo(d, dir)).file)
        await d.close()
      }
    },
    async step(core, i) {
      const dir = dirname(core.ctx.conn.path)
      const code = DISTRICTS[i % DISTRICTS.length]!
      const d = await district(core, code)
      if (i % 4 < 2) await d.call('entity.create', { kind: 'htx', name: `HTX Huyện ${code} bước ${i}` })
      else {
        const { rows: list } = await d.call('entity.list', {})
        const e = list[i % list.length]!
        await d.call('entity.update', { id: e.id, rowVersion: e.rowVersion, changes: { notes: `bước ${i}` } })
      }
      const { file } = await exportTo(d, dir, '2024-06-30', `goi-${code}-${i}.xlsx`)
      try {
        await core.call('handoff.consolidate', { files: [{ path: file }], trustNewKeys: true })
      } finally {
        rmSync(file, { force: true })
      }
    },
    check(db) {
      const problems = common(db)
      const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n
      const accepted = rows<{ id: number; unit_code: string; counts_json: string }>(
        db,
        `select id, unit_code, counts_json from package_consolidations where outcome = 'accepted' order by exported_at, id`
      )
      const latest = new Map<string, Record<string, number>>()
      for (const a of accepted) {
        const counts = JSON.parse(a.counts_json) as Record<string, number>
        const audit = rows<{ before_json: string }>(
          db,
          `select before_json from audit_log where table_name = 'package_consolidations' and action = 'consolidate' and row_id = ${a.id}`
        )
        if (audit.length !== 1) problems.push(`lần tổng hợp ${a.id} (${a.unit_code}) có ${audit.length} dòng nhật ký`)
        else {
          // What it replaced is what the previous accepted package of the district had brought.
          const removed = (JSON.parse(audit[0]!.before_json) as { entities: number }).entities
          const previous = latest.get(a.unit_code)?.entities ?? 0
          if (removed !== previous) problems.push(`lần tổng hợp ${a.id} (${a.unit_code}) thay ${removed} bản ghi, gói trước có ${previous}`)
        }
        latest.set(a.unit_code, counts)
      }
      const inDistrict: Record<string, string> = {
        entities: 'district_code = ?',
        status_events: 'entity_id in (select id from entities where district_code = ?)',
        yearly_figures: 'entity_id in (select id from entities where district_code = ?)',
        dissolution_cases: 'entity_id in (select id from entities where district_code = ?)'
      }
      for (const child of ['dissolution_steps', 'dissolution_council', 'dissolution_items', 'dissolution_obstacles']) {
        inDistrict[child] =
          'case_id in (select c.id from dissolution_cases c join entities e on e.id = c.entity_id where e.district_code = ?)'
      }
      for (const [unit, counts] of latest) {
        for (const [table, where] of Object.entries(inDistrict)) {
          const got = count(`select count(*) n from ${table} where ${where}`, unit)
          if (got !== (counts[table] ?? 0))
            problems.push(`huyện ${unit}: ${got} dòng ${table}, gói được nhận gần nhất có ${counts[table] ?? 0} (không trọn một bản)`)
        }
      }
      const strays = count(
        `select count(*) n from entities where district_code is null or district_code not in (select unit_code from package_consolidations where outcome = 'accepted')`
      )
      if (strays) problems.push(`${strays} bản ghi không thuộc gói nào đã nhận`)
      const ghost = count(
        `select count(*) n from audit_log where action = 'consolidate' and row_id not in (select id from package_consolidations where outcome = 'accepted')`
      )
      if (ghost) problems.push(`${ghost} dòng nhật ký tổng hợp không có lần tổng hợp tương ứng`)
      return problems
    },
    work: (db) => (db.prepare(`select count(*) n from package_consolidations where outcome = 'accepted'`).get() as { n: number }).n,
    killWithinMs: 800
  }
}

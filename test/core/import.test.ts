import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportResult, ImportRow, ImportSheet } from '../../src/shared/api'
import { officeCore } from '../helpers/temp'

const FIX = join(__dirname, '../fixtures/import')
const file = (name: string) => ({ path: join(FIX, name) })

let core: Awaited<ReturnType<typeof officeCore>>
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => core.dispose())

const preview = (files: string[], extra: Record<string, unknown> = {}) =>
  core.call('exchange.previewImport', { files: files.map(file), ...extra }) as Promise<ImportResult>
const commit = (files: string[], extra: Record<string, unknown> = {}) =>
  core.call('exchange.commitImport', { files: files.map(file), ...extra }) as Promise<ImportResult>
const states = (s: ImportSheet) => s.rows.map((r) => [r.row, r.state, r.reason ?? null])
const byRow = (s: ImportSheet, row: number) => s.rows.find((r) => r.row === row) as ImportRow
const count = async (table: 'entities' | 'status_events' | 'yearly_figures' | 'import_batches' | 'audit_log') =>
  Number(
    (
      await core.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  )

describe('the shared samples', () => {
  it('decodes the TCVN3 .xls to exactly the records of the tidy .xlsx, and never imports the totals row', async () => {
    const legacy = (await preview(['danh-sach-cu-tcvn3.xls'])).files[0]
    const tidy = (await preview(['danh-sach-sach.xlsx'])).files[0]
    const old = legacy.sheets[0]
    expect(legacy.format).toBe('xls')
    expect(old).toMatchObject({ encoding: 'tcvn3', headerRow: 5, asOfDate: '2022-12-31', figuresYear: 2022, kind: 'htx' })
    expect(old.title).toBe('DANH SÁCH HỢP TÁC XÃ')
    expect(states(old)).toEqual([
      [6, 'new', null],
      [7, 'new', null],
      [8, 'new', null],
      [9, 'new', null],
      [10, 'new', null],
      [11, 'skipped', 'blank'],
      [12, 'skipped', 'totals']
    ])
    const clean = tidy.sheets.find((s) => s.sheet === 'HTX')!
    const records = (s: ImportSheet) => s.rows.filter((r) => r.record).map((r) => r.record)
    expect(records(old)).toEqual(records(clean))
    expect(records(old)[0]).toMatchObject({
      name: 'HTX nông nghiệp Mường Kim',
      regNo: '6200123454',
      address: 'Xã Mường Kim, huyện Than Uyên',
      representative: 'Lò Văn Thắng',
      registrationDate: '2015-03-12',
      charterCapital: 1_500_000_000,
      sector: 'agri',
      status: 'active',
      figures: { members: 12, workers: 15 }
    })
    // The totals row's figures are the sums of the records: capital 8.700 (million), members 64, workers 86.
    const recs = records(old)
    expect(recs.reduce((a, r) => a + (r!.charterCapital ?? 0), 0)).toBe(8_700_000_000)
    expect(recs.reduce((a, r) => a + (r!.figures.members ?? 0), 0)).toBe(64)
    expect(recs.reduce((a, r) => a + (r!.figures.workers ?? 0), 0)).toBe(86)
    expect(recs.map((r) => r!.status)).toEqual(['active', 'active', 'suspended', 'active', 'active'])
    expect(recs.map((r) => r!.label ?? null)).toEqual([null, null, null, 'awaiting_dissolution', null])

    const tht = tidy.sheets.find((s) => s.sheet === 'THT')!
    expect(tht.kind).toBe('tht')
    expect(byRow(tht, 2).record).toMatchObject({
      kind: 'tht',
      name: 'Tổ hợp tác nuôi ong Mường Than',
      representative: 'Lò Văn Pọm',
      figures: { members: 14 }
    })

    await commit(['danh-sach-cu-tcvn3.xls'])
    const { rows } = await core.call('entity.list', {})
    expect(rows).toHaveLength(5)
    expect(rows.some((e) => /tổng/i.test(e.name))).toBe(false)
    const figures = await core.ctx.db.selectFrom('yearly_figures').selectAll().execute()
    expect(figures.map((f) => f.year)).toEqual([2022, 2022, 2022, 2022, 2022])
    expect(figures.reduce((a, f) => a + (f.members ?? 0), 0)).toBe(64)
  })

  it("imports both samples at once: the second file's same cooperatives count as duplicates, imported once", async () => {
    const r = await commit(['danh-sach-cu-tcvn3.xls', 'danh-sach-sach.xlsx'])
    expect(r.totals).toMatchObject({ created: 6, duplicates: 5, skipped: 2, errors: 0 })
    expect(await count('entities')).toBe(6)
    // Figures default to the "as of" year in the old file and the current year in the tidy one.
    expect(r.files[1].sheets[0].figuresYear).toBe(new Date().getUTCFullYear())
  })
})

describe('a messy working register', () => {
  it('finds the two-row header below the titles, sections, blanks, totals and a second table', async () => {
    const r = await preview(['messy.xlsx'])
    const [htx, tht] = r.files[0].sheets
    expect(htx).toMatchObject({ table: 1, headerRow: 6, kind: 'htx', encoding: 'unicode', asOfDate: '2023-06-30', figuresYear: 2023 })
    expect(htx.unknownColumns.map((c) => `${c.letter}: ${c.header}`)).toEqual(['O: Email'])
    expect(htx.columns.find((c) => c.letter === 'L')).toMatchObject({ field: 'managersElementary', header: 'Sơ, trung cấp' })
    expect(htx.columns.find((c) => c.letter === 'M')).toMatchObject({ field: 'managersCollege' })
    expect(htx.columns.find((c) => c.letter === 'G')).toMatchObject({ field: 'charterCapital', unit: 1_000_000 })
    expect(states(htx)).toEqual([
      [8, 'skipped', 'section'],
      [9, 'new', null],
      [10, 'new', null],
      [11, 'skipped', 'blank'],
      [12, 'skipped', 'section'],
      [13, 'new', null],
      [14, 'new', null],
      [15, 'new', null],
      [16, 'error', null],
      [17, 'duplicate', null],
      [18, 'new', null],
      [19, 'skipped', 'blank'],
      [20, 'skipped', 'totals'],
      [21, 'skipped', 'blank'],
      [22, 'skipped', 'title']
    ])
    expect(byRow(htx, 9).record).toMatchObject({
      commune: 'Xã Yên Khoái',
      charterCapital: 1_370_000_000,
      registrationDate: '2015-05-06',
      sector: 'agri',
      status: 'active',
      figures: { members: 1205, workers: 12, managers: 5, managersElementary: 3, managersCollege: 2 }
    })
    expect(byRow(htx, 10).record).toMatchObject({
      charterCapital: 250_500_000,
      registrationDate: '2019-08-07',
      sector: 'environment',
      status: 'suspended'
    })
    expect(byRow(htx, 13).record).toMatchObject({
      commune: 'Xã Yên Phong',
      registrationDate: '2012-03-15',
      status: 'active',
      label: 'stopped',
      sector: 'transport'
    })
    expect(byRow(htx, 14).record).toMatchObject({
      registrationDate: '2010-02-01',
      status: 'active',
      label: 'awaiting_dissolution',
      sector: 'industry'
    })
    expect(byRow(htx, 15).record).toMatchObject({ registrationDate: '2019-01-01', status: 'dissolved', sector: 'trade_service' })
    expect(byRow(htx, 16).issues[0]).toMatchObject({ column: 'F', severity: 'error', code: 'DATE_INVALID' })
    expect(byRow(htx, 16).issues[0].message).toContain('31/02/2020')
    expect(byRow(htx, 17).issues[0].code).toBe('DUPLICATE_IN_FILE')
    expect(byRow(htx, 18).record).toMatchObject({ kind: 'lhhtx', registrationDate: '2021-09-15', charterCapital: 5_000_000_000 })
    expect(htx.counts).toMatchObject({ created: 6, duplicates: 1, errors: 1, skipped: 7 })

    expect(tht).toMatchObject({ table: 2, title: 'DANH SÁCH TỔ HỢP TÁC', kind: 'tht', headerRow: 23 })
    expect(states(tht)).toEqual([
      [24, 'new', null],
      [25, 'new', null],
      [26, 'skipped', 'totals']
    ])
    expect(byRow(tht, 24).record).toMatchObject({ kind: 'tht', commune: 'Xã Yên Khoái', figures: { members: 14 } })
  })

  it('imports the valid rows and reports the invalid one by default; strict refuses everything', async () => {
    await expect(commit(['messy.xlsx'], { strict: true })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await count('entities')).toBe(0)
    expect(await count('import_batches')).toBe(0)

    const r = await commit(['messy.xlsx'])
    expect(r.committed).toBe(true)
    expect(r.totals).toMatchObject({ created: 8, errors: 1 })
    expect(await count('entities')).toBe(8)
    const list = (await core.call('entity.list', {})).rows
    expect(list.find((e) => e.regNo === '2700100105')?.status).toBe('dissolved')
    expect(list.find((e) => e.regNo === '2700100106')).toBeUndefined()
    const figures = await core.ctx.db.selectFrom('yearly_figures').selectAll().where('year', '=', 2023).execute()
    expect(figures).toHaveLength(8)
    // Every write has its audit row, and the batch knows who and what.
    const audits = await core.ctx.db.selectFrom('audit_log').select('table_name').execute()
    expect(audits.filter((a) => a.table_name === 'entities')).toHaveLength(8)
    expect(audits.filter((a) => a.table_name === 'import_batches')).toHaveLength(1)
    const [batch] = await core.call('exchange.importHistory', {})
    expect(batch).toMatchObject({ id: r.batchId, user: 'Nguyễn Thị Lan', counts: { created: 8 }, undoneAt: null })
    expect(batch.files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('uses the figures year chosen in the preview over the "as of" line', async () => {
    // The box disagrees with the file's date line (2023): asked, never silent.
    await expect(commit(['messy.xlsx'], { figuresYear: 2024 })).rejects.toThrow(/năm 2023.*Năm số liệu là 2024/)
    const r = await commit(['messy.xlsx'], { figuresYear: 2024, figuresYearConfirmed: true })
    expect(r.files[0].sheets[0]).toMatchObject({ figuresYear: 2024, figuresYearSource: 'box' })
    expect(new Set((await core.ctx.db.selectFrom('yearly_figures').select('year').execute()).map((f) => f.year))).toEqual(new Set([2024]))
  })
})

describe('the messy legacy .xls an office drags in first', () => {
  it('decodes TCVN3 to the last cell (the "Céng" totals row is "Cộng", skipped), takes communes from sections and the year from "as of"', async () => {
    const s = (await preview(['messy-tcvn3.xls'])).files[0].sheets[0]
    expect(s).toMatchObject({ encoding: 'tcvn3', headerRow: 5, title: 'DANH SÁCH HỢP TÁC XÃ', asOfDate: '2023-12-31', figuresYear: 2023 })
    // "Họ tên chủ nhiệm HTX" is the representative by its words now, with the evidence shown.
    expect(s.unknownColumns).toEqual([])
    expect(s.columns.find((c) => c.letter === 'C')).toMatchObject({
      field: 'representative',
      source: 'meaning',
      evidence: 'có từ «chủ nhiệm» và «họ tên»'
    })
    expect(states(s)).toEqual([
      [6, 'skipped', 'section'],
      [7, 'new', null],
      [8, 'skipped', 'blank'],
      [9, 'skipped', 'section'],
      [10, 'new', null],
      [11, 'new', null],
      [12, 'skipped', 'totals']
    ])
    expect(byRow(s, 7).record).toMatchObject({
      name: 'HTX nông nghiệp Kim Chính',
      regNo: '2700900901',
      commune: 'Xã Kim Chính',
      status: 'active',
      figures: { members: 25 }
    })
    expect(byRow(s, 10).record).toMatchObject({ name: 'HTX dịch vụ vận tải Phát Diệm', commune: 'Thị trấn Phát Diệm', status: 'suspended' })
    expect(byRow(s, 11).record).toMatchObject({
      name: 'HTX mây tre đan Phát Diệm',
      status: 'active',
      label: 'stopped',
      figures: { members: 14 }
    })
    const r = await commit(['messy-tcvn3.xls'], { mappings: [{ shape: s.shape, column: 2, field: 'representative' }] })
    expect(r.totals).toMatchObject({ created: 3, skipped: 4, errors: 0 })
    const rows = (await core.call('entity.list', {})).rows
    expect(rows.map((e) => e.representative).sort()).toEqual(['Phạm Văn Tú', 'Trần Văn Hải', 'Vũ Thị Lan'])
    // The management label the status word gave is part of the record's creation: its audit row says it.
    const mayTre = rows.find((e) => e.name === 'HTX mây tre đan Phát Diệm')!
    const audit = (await core.call('audit.list', { table: 'entities', rowId: mayTre.id })) as Array<{ action: string; after: any }>
    expect(audit.find((a) => a.action === 'create')!.after).toMatchObject({ status: ['active'], label: 'stopped' })
    const figures = await core.ctx.db.selectFrom('yearly_figures').select(['year', 'members']).execute()
    expect(figures.map((f) => [f.year, f.members]).sort()).toEqual([
      [2023, 14],
      [2023, 25],
      [2023, 9]
    ])
  })
})

describe('other formats and encodings', () => {
  it('reads a BIFF8 .xls with a TCVN3 sheet and a VNI sheet', async () => {
    const [tcvn, vni] = (await preview(['legacy.xls'])).files[0].sheets
    expect(tcvn).toMatchObject({ encoding: 'tcvn3', headerRow: 4, title: 'DANH SÁCH HỢP TÁC XÃ' })
    expect(states(tcvn)).toEqual([
      [5, 'new', null],
      [6, 'new', null],
      [7, 'skipped', 'totals']
    ])
    expect(byRow(tcvn, 5).record).toMatchObject({
      name: 'Hợp tác xã nông nghiệp Khánh Thượng',
      address: 'Xã Khánh Thượng',
      status: 'active',
      figures: { members: 30 }
    })
    expect(vni).toMatchObject({ encoding: 'vni', headerRow: 1 })
    expect(byRow(vni, 2).record).toMatchObject({ name: 'HTX thủy sản Yên Lâm', representative: 'Nguyễn Thị Hường', sector: 'agri' })
    expect(byRow(vni, 3).record).toMatchObject({ name: 'HTX chăn nuôi Yên Mạc', representative: 'Trương Văn Được' })
  })

  it('reads CSV in UTF-8 with BOM and semicolons (NFD text), and without BOM with commas', async () => {
    const r = await preview(['semicolon-bom.csv', 'comma.csv'])
    const [semi, comma] = r.files.map((f) => f.sheets[0])
    expect(r.files.map((f) => f.format)).toEqual(['csv', 'csv'])
    expect(states(semi)).toEqual([
      [2, 'new', null],
      [3, 'new', null],
      [4, 'skipped', 'blank'],
      [5, 'skipped', 'totals']
    ])
    expect(byRow(semi, 2).record).toMatchObject({
      name: 'HTX nông nghiệp Mai Sơn',
      charterCapital: 1_370_500_000,
      registrationDate: '2016-01-05',
      sector: 'agri'
    })
    expect(byRow(semi, 2).record!.name).toBe('HTX nông nghiệp Mai Sơn'.normalize('NFC'))
    expect(byRow(semi, 3).record).toMatchObject({
      name: 'HTX dịch vụ; vệ sinh Mai Sơn',
      status: 'active',
      label: 'stopped',
      sector: 'environment'
    })
    expect(byRow(comma, 2).record).toMatchObject({ name: 'HTX Yên Hòa', charterCapital: 1_500_000_000, registrationDate: '2019-02-01' })
    expect(byRow(comma, 3).record).toMatchObject({ charterCapital: 2_000_000_000, registrationDate: '2020-02-28', status: 'suspended' })
  })

  it('reads .ods with a "Loại hình" column; a dissolution date becomes a dated event', async () => {
    const sheet = (await commit(['register.ods'])).files[0].sheets[0]
    expect(sheet.rows.map((r) => r.record?.kind)).toEqual(['tht', 'lhhtx', 'htx'])
    const e = (await core.call('entity.list', { q: 'Yen Nhan' })).rows[0]
    expect(e.status).toBe('dissolved')
    const events = await core.ctx.db.selectFrom('status_events').selectAll().where('entity_id', '=', e.id).orderBy('id').execute()
    expect(events.map((x) => [x.status, x.effective_date])).toEqual([
      ['active', null],
      ['dissolved', '2022-12-20']
    ])
  })
})

describe('again and again: updates, undo, remembered mappings', () => {
  it('shows updates with their changed fields, and unchanged rows; the update is written and can be undone', async () => {
    const first = await commit(['danh-sach-sach.xlsx'])
    const year = new Date().getUTCFullYear()
    const r = await preview(['changed.xlsx'])
    const s = r.files[0].sheets[0]
    expect(states(s)).toEqual([
      [2, 'unchanged', null],
      [3, 'update', null]
    ])
    expect(byRow(s, 3).changes).toEqual([
      { field: 'representative', before: 'Hoàng Thị Dung', after: 'Hoàng Văn Dũng' },
      { field: 'charterCapital', before: 2_200_000_000, after: 2_500_000_000 },
      { field: 'status', before: 'active', after: 'suspended' },
      { field: `members:${year}`, before: 25, after: 27 }
    ])
    const second = await commit(['changed.xlsx'])
    expect(second.totals).toMatchObject({ updated: 1, unchanged: 1 })
    const e = (await core.call('entity.list', { q: '6200124000' })).rows[0]
    expect(e).toMatchObject({ representative: 'Hoàng Văn Dũng', charterCapital: 2_500_000_000, status: 'suspended' })

    const undone = await core.call('exchange.undoImport', { batchId: second.batchId! })
    expect(undone).toMatchObject({ batchId: second.batchId })
    const back = (await core.call('entity.list', { q: '6200124000' })).rows[0]
    expect(back).toMatchObject({ representative: 'Hoàng Thị Dung', charterCapital: 2_200_000_000, status: 'active' })
    const fig = await core.ctx.db.selectFrom('yearly_figures').selectAll().where('entity_id', '=', e.id).executeTakeFirstOrThrow()
    expect(fig.members).toBe(25)
    await expect(core.call('exchange.undoImport', { batchId: second.batchId! })).rejects.toMatchObject({ code: 'STALE' })

    await core.call('exchange.undoImport', { batchId: first.batchId! })
    expect(await count('entities')).toBe(0)
    expect(await count('yearly_figures')).toBe(0)
    const history = await core.call('exchange.importHistory', {})
    expect(history.map((b) => b.undoneAt !== null)).toEqual([true, true])
  })

  it('lists an unknown column, lets it be mapped by hand, and remembers that for the next file of the same shape', async () => {
    const before = (await preview(['unknown-header.xlsx'])).files[0].sheets[0]
    expect(before.unknownColumns).toEqual([{ index: 3, letter: 'D', header: 'Email', cells: 1 }])
    expect(before.columns.find((c) => c.index === 2)).toMatchObject({ field: 'representative', source: 'meaning' })
    // Mapped by hand: the e-mail column goes to the notes, and stays so for the next file of this shape.
    const mapped = await commit(['unknown-header.xlsx'], { mappings: [{ shape: before.shape, column: 3, field: 'notes' }] })
    expect(byRow(mapped.files[0].sheets[0], 2).record?.representative).toBe('Trịnh Văn Sơn')
    expect(byRow(mapped.files[0].sheets[0], 2).record?.notes).toContain('@')
    const again = (await preview(['unknown-header.xlsx'])).files[0].sheets[0]
    expect(again.columns.find((c) => c.index === 3)).toMatchObject({ field: 'notes', source: 'remembered' })
    expect(again.unknownColumns).toEqual([])
    expect(states(again)).toEqual([[2, 'unchanged', null]])
  })
})

describe('dissolved records', () => {
  const csv = (name: string, lines: string[]) => {
    const path = join(core.dir, name)
    writeFileSync(path, lines.join('\r\n'))
    return { path }
  }
  const HEAD = 'Tên,Loại hình,Mã số,Ngày đăng ký,Ngày giải thể,Số lao động'

  it('a file read again with its dissolution date adds no second "dissolved" event', async () => {
    await commit(['register.ods'])
    const again = await core.call('exchange.commitImport', {
      files: [csv('lai.csv', [HEAD, 'HTX Yên Nhân,HTX,2700600603,05/05/2010,20/12/2022,7'])]
    })
    expect(again.files[0].sheets[0].rows[0]).toMatchObject({
      state: 'update',
      changes: [{ field: expect.stringMatching(/^workers:/), before: null, after: 7 }]
    })
    const e = (await core.call('entity.list', { q: '2700600603' })).rows[0]
    const events = await core.ctx.db
      .selectFrom('status_events')
      .select(['status', 'effective_date'])
      .where('entity_id', '=', e.id)
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { status: 'active', effective_date: null },
      { status: 'dissolved', effective_date: '2022-12-20' }
    ])
  })

  it('a dissolution date in the file for a record still active is one dated "dissolved" event', async () => {
    await core.call('exchange.commitImport', { files: [csv('truoc.csv', [HEAD, 'HTX Yên Nhân,HTX,2700600603,05/05/2010,,'])] })
    const r = await core.call('exchange.commitImport', {
      files: [csv('sau.csv', [HEAD, 'HTX Yên Nhân,HTX,2700600603,05/05/2010,20/12/2022,'])]
    })
    expect(r.files[0].sheets[0].rows[0].changes).toEqual([{ field: 'status', before: 'active', after: 'dissolved' }])
    const e = (await core.call('entity.list', { q: '2700600603' })).rows[0]
    expect(e.status).toBe('dissolved')
    const events = await core.ctx.db
      .selectFrom('status_events')
      .select(['status', 'effective_date'])
      .where('entity_id', '=', e.id)
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { status: 'active', effective_date: null },
      { status: 'dissolved', effective_date: '2022-12-20' }
    ])
  })

  it('a record closed by a dissolution case is not changed by an import: the row is an error, the rest lands', async () => {
    await commit(['danh-sach-sach.xlsx'])
    const e = (await core.call('entity.list', { q: '6200124000' })).rows[0]
    const now = new Date().toISOString()
    await core.ctx.db
      .insertInto('dissolution_cases')
      .values({
        entity_id: e.id,
        kind: 'voluntary',
        law: '2023',
        template_id: 't',
        template_version: 1,
        template_json: '{}',
        opened_on: '2024-01-02',
        state: 'finalised',
        closed_on: '2024-06-30',
        closed_decision_no: '12/QĐ-UBND',
        created_at: now,
        updated_at: now
      } as never)
      .execute()
    const r = await commit(['changed.xlsx'])
    const row = byRow(r.files[0].sheets[0], 3)
    expect(row.state).toBe('error')
    expect(row.issues[0]).toMatchObject({ code: 'DISSOLVED', message: expect.stringContaining('đã giải thể') })
    expect((await core.call('entity.list', { q: '6200124000' })).rows[0]).toMatchObject({
      representative: e.representative,
      charterCapital: e.charterCapital
    })
  })
})

describe('hostile input', () => {
  const cases: Array<[string, RegExp]> = [
    ['program.xlsx', /chương trình/],
    ['corrupt.xlsx', /bị hỏng/],
    ['password.xlsx', /mật khẩu/],
    ['bomb.xlsx', /bom nén/],
    ['million-rows.xlsx', /1\.048\.576 dòng/]
  ]
  for (const [name, message] of cases) {
    it(`${name}: a clear Vietnamese message naming the file, nothing written`, async () => {
      const err = await commit(['danh-sach-sach.xlsx', name]).catch((e) => e)
      expect(err).toMatchObject({ code: 'VALIDATION' })
      expect(err.message).toContain(`«${name}»`)
      expect(err.message).toMatch(message)
      expect(await count('entities')).toBe(0)
      expect(await count('import_batches')).toBe(0)
    })
  }

  it('refuses a file over the size limit before reading it', async () => {
    const { truncateSync, writeFileSync } = await import('node:fs')
    const big = join(core.dir, 'to-qua.xlsx')
    writeFileSync(big, '')
    truncateSync(big, 51 * 1024 * 1024)
    const err = await core.call('exchange.commitImport', { files: [{ path: big }] }).catch((e) => e)
    expect(err).toMatchObject({ code: 'VALIDATION' })
    expect(err.message).toMatch(/«to-qua\.xlsx»: quá lớn \(51,0 MB; tối đa 50 MB\)/)
    expect(await count('import_batches')).toBe(0)
  })

  it('refuses a missing file and bytes passed in as base64 that are not a workbook', async () => {
    await expect(commit(['no-such-file.xlsx'])).rejects.toMatchObject({ code: 'VALIDATION' })
    const err = await core
      .call('exchange.previewImport', { files: [{ name: 'x.xls', base64: Buffer.from('hello').toString('base64') }] })
      .catch((e) => e)
    expect(err.message).toContain('«x.xls»')
  })

  it('accepts file bytes as base64 (how the window passes a dropped file)', async () => {
    const { readFileSync } = await import('node:fs')
    const r = await core.call('exchange.previewImport', {
      files: [{ name: 'danh-sach-sach.xlsx', base64: readFileSync(join(FIX, 'danh-sach-sach.xlsx')).toString('base64') }]
    })
    expect(r.totals.created).toBe(6)
  })
})

describe('the template workbook', () => {
  it('is itself importable: its example row previews as one new record, allowed values on a second sheet', async () => {
    const t = await core.call('exchange.importTemplate', {})
    expect(t.name).toMatch(/\.xlsx$/)
    const r = await core.call('exchange.previewImport', { files: [{ name: t.name, base64: t.base64 }] })
    const [list, allowed] = r.files[0].sheets
    expect(list.unknownColumns).toEqual([])
    expect(list.rows[0].record).toMatchObject({
      name: 'HTX dịch vụ nông nghiệp Yên Khoái',
      kind: 'htx',
      charterCapital: 1_370_000_000,
      registrationDate: '2015-05-06',
      sector: 'agri',
      status: 'active'
    })
    expect(allowed.issues[0].code).toBe('NO_HEADER')
  })
})

describe('formulas', () => {
  it('reads the values Excel last computed, never the formula text, and skips a SUM totals row', async () => {
    const s = (await preview(['formulas.xlsx'])).files[0].sheets[0]
    expect(states(s)).toEqual([
      [2, 'new', null],
      [3, 'new', null],
      [4, 'skipped', 'totals'],
      [5, 'new', null]
    ])
    expect(byRow(s, 2).record?.figures).toEqual({ members: 10, workers: 12 })
    expect(byRow(s, 5).record?.name).toBe('HTX Công thức')
  })
})

describe('matching the register', () => {
  it('updates a record typed in without its number when the file brings the number (same name and commune)', async () => {
    const typed = await core.call('entity.create', { kind: 'htx', name: 'HTX Yên Hòa' })
    const s = (await preview(['comma.csv'])).files[0].sheets[0]
    expect(byRow(s, 2)).toMatchObject({ state: 'update', entityId: typed.id })
    expect(byRow(s, 2).changes?.map((c) => c.field)).toEqual(['regNo', 'registrationDate', 'charterCapital'])
    expect(byRow(s, 3).state).toBe('new')
  })
})

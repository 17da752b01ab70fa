import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeCalendar, vnCalendar } from '../../src/main/core/calendar'
import { blockingSteps, scheduleSteps } from '../../src/main/core/dissolution/schedule'
import { TEMPLATES, type TemplateStep } from '../../src/main/core/dissolution/templates'
import { STATUSES } from '../../src/shared/domain'
import { officeCore } from '../helpers/temp'

type Office = Awaited<ReturnType<typeof officeCore>>
let core: Office
beforeEach(async () => {
  core = await officeCore()
})
afterEach(async () => {
  await core.dispose()
})

async function htx(name: string, status: 'active' | 'suspended' | 'not_at_address' = 'suspended', extra: Record<string, unknown> = {}) {
  return core.call('entity.create', { kind: 'htx', name, status, ...extra })
}

describe('templates as data', () => {
  it('has the six procedures, each step cited or marked "chưa đối chiếu văn bản", each ending in a legal status of the decree', () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual([
      '2012-compulsory',
      '2012-voluntary',
      '2023-compulsory',
      '2023-revocation',
      '2023-tht-termination',
      '2023-voluntary'
    ])
    for (const t of TEMPLATES) {
      expect(t.version).toBeGreaterThan(0)
      expect(STATUSES).toContain(t.outcome.status)
      for (const o of Object.values(t.outcomeByGround ?? {})) expect(STATUSES).toContain(o.status)
      for (const s of t.steps) {
        expect(s.code).toMatch(/^[A-Z_]+$/)
        expect(s.title.length).toBeGreaterThan(5)
        if (!s.verified) expect(s.verifyNote).toContain('chưa đối chiếu văn bản')
        else expect(s.legalBasis).toMatch(/Điều \d+/)
      }
    }
    // A 2023 step marked verified rests on the decree's text (NĐ 295/2026, read in full); the rest say they are unchecked.
    for (const t of TEMPLATES.filter((x) => x.law === '2023'))
      for (const s of t.steps.filter((x) => x.verified)) expect(s.legalBasis).toMatch(/295\/2026/)
  })
})

describe('schedule (pure)', () => {
  const steps: TemplateStep[] = [
    {
      code: 'A',
      title: 'Bước A thử',
      actor: 'x',
      legalBasis: 'x',
      verified: true,
      documents: [],
      optional: false,
      condition: null,
      deadline: { after: 'opening', unit: 'working_days', n: 7 }
    },
    {
      code: 'B',
      title: 'Bước B thử',
      actor: 'x',
      legalBasis: 'x',
      verified: true,
      documents: [],
      optional: false,
      condition: null,
      deadline: { after: 'A', unit: 'days', n: 30 }
    },
    {
      code: 'C',
      title: 'Bước C thử',
      actor: 'x',
      legalBasis: 'x',
      verified: true,
      documents: [],
      optional: true,
      condition: null,
      deadline: null
    }
  ]
  it('dates follow the opening and the done dates of earlier steps', () => {
    const cal = vnCalendar()
    // opened Wed 24/01/2025: 7 working days over Tết (28/1–3/2 off) → 11/02/2025
    let s = scheduleSteps(steps, [], '2025-01-24', '2025-01-24', cal)
    expect(s.map((x) => x.due)).toEqual(['2025-02-11', null, null])
    s = scheduleSteps(steps, [{ code: 'A', state: 'done', doneOn: '2025-03-31' }], '2025-01-24', '2025-04-28', cal)
    // 31/03 + 30 days = 30/04 (holiday), 01/05 holiday, 02/05 Friday
    expect(s[1]).toEqual({ code: 'B', due: '2025-05-02', earliest: null, overdue: false, dueThisWeek: true })
    expect(s[0].overdue).toBe(false) // done
    s = scheduleSteps(
      steps,
      [{ code: 'A', state: 'done', doneOn: '2025-03-31' }],
      '2025-01-24',
      '2025-05-05',
      makeCalendar(['2025-04-30', '2025-05-01'])
    )
    expect(s[1].overdue).toBe(true)
  })
  it('optional steps do not block; N/A counts as handled', () => {
    expect(blockingSteps({ steps }, [{ code: 'A', state: 'na', doneOn: null }]).map((s) => s.code)).toEqual(['B'])
  })
})

describe('a case', () => {
  it('walks a 2012 voluntary case: due dates, council warnings, debts, refusal, finalise, read-only', async () => {
    const e = await htx('Hợp tác xã Dịch vụ Nông nghiệp Bình Minh')
    const opened = await core.call('dissolution.open', {
      entityId: e.id,
      kind: 'voluntary',
      law: '2012',
      openedOn: '2024-03-01',
      decisionNo: '01/NQ-ĐHTV'
    })
    expect(opened.templateId).toBe('2012-voluntary')
    expect(opened.templateVersion).toBe(2)
    expect((await core.call('entity.get', { id: e.id })).status).toBe('dissolving')
    await core.call('dissolution.step', {
      caseId: opened.id,
      code: 'NQ',
      state: 'done',
      doneOn: '2024-03-01',
      doneBy: 'Nguyễn Văn A',
      documents: ['Nghị quyết số 01/NQ-ĐHTV']
    })
    // 60 days from 01/03/2024 = 30/04 (holiday), 01/05 holiday → 02/05/2024
    const before = await core.call('dissolution.show', { caseId: opened.id, asOf: '2024-04-28' })
    const tb = before.steps.find((s) => s.code === 'TB_DK')!
    expect(tb.due).toBe('2024-05-02')
    expect(tb.dueThisWeek).toBe(true)
    // an announced extra day off (Settings) moves the deadline: 02/05 off → 03/05
    await core.call('dissolution.setCalendar', { add: ['2024-05-02'], remove: [], workingWeekends: [] })
    expect(
      (await core.call('dissolution.show', { caseId: opened.id, asOf: '2024-04-28' })).steps.find((s) => s.code === 'TB_DK')!.due
    ).toBe('2024-05-03')
    expect((await core.call('dissolution.calendar', {})).add).toEqual(['2024-05-02'])
    await core.call('dissolution.setCalendar', { add: [], remove: [], workingWeekends: [] })
    const late = await core.call('dissolution.show', { caseId: opened.id, asOf: '2024-05-03' })
    expect(late.steps.find((s) => s.code === 'TB_DK')!.overdue).toBe(true)

    let v = await core.call('dissolution.council', {
      caseId: opened.id,
      name: 'Trần Văn Bình',
      role: 'chair',
      represents: 'hdqt',
      organisation: 'HĐQT'
    })
    expect(v.councilWarnings.length).toBe(3)
    expect(v.councilWarnings.join(' ')).toMatch(/ban kiểm soát/)

    v = await core.call('dissolution.item', { caseId: opened.id, type: 'payable', category: 'bank', party: 'Agribank', amount: 15_000_000 })
    v = await core.call('dissolution.item', {
      caseId: opened.id,
      type: 'payable',
      category: 'tax',
      party: 'Chi cục Thuế',
      amount: 2_500_000
    })
    v = await core.call('dissolution.item', { caseId: opened.id, type: 'receivable', party: 'Thành viên', amount: 1_000_000 })
    v = await core.call('dissolution.item', {
      caseId: opened.id,
      type: 'asset',
      category: 'land',
      landCertificate: 'BĐ 123456',
      areaM2: 1200,
      handling: 'Trả lại UBND xã'
    })
    expect(v.unsettledPayable).toBe(17_500_000)
    expect(v.unsettledReceivable).toBe(1_000_000)
    v = await core.call('dissolution.settle', { caseId: opened.id, itemId: v.items[0].id, settledOn: '2024-04-10' })
    expect(v.unsettledPayable).toBe(2_500_000)
    v = await core.call('dissolution.obstacle', { caseId: opened.id, code: 'land', note: 'Chưa rõ ranh giới' })
    expect(v.obstacles[0].label).toBe('Đất đai, tài sản chưa rõ')

    await expect(
      core.call('dissolution.finalise', { caseId: opened.id, authorityDate: '2024-06-01', decisionNo: '15/TB-TCKH' })
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/bước 2 \(Thông báo việc giải thể/)
    })
    await expect(core.call('dissolution.step', { caseId: opened.id, code: 'HS', state: 'na' })).rejects.toMatchObject({
      message: expect.stringMatching(/lý do/)
    })
    await core.call('dissolution.step', { caseId: opened.id, code: 'TB_DK', state: 'done', doneOn: '2024-04-15' })
    await core.call('dissolution.step', { caseId: opened.id, code: 'TB_NO', state: 'done', doneOn: '2024-04-20' })
    await core.call('dissolution.step', { caseId: opened.id, code: 'HS', state: 'na', naReason: 'Hồ sơ nộp cùng thông báo' })
    await core.call('dissolution.step', { caseId: opened.id, code: 'XOA', state: 'done', doneOn: '2024-06-01' })
    const done = await core.call('dissolution.finalise', { caseId: opened.id, authorityDate: '2024-06-01', decisionNo: '15/TB-TCKH' })
    expect(done.state).toBe('finalised')
    const ent = await core.call('entity.get', { id: e.id })
    expect(ent.status).toBe('dissolved')
    const events = await core.call('status.list', { entityId: e.id })
    expect(events.map((x: { status: string }) => x.status)).toEqual(expect.arrayContaining(['suspended', 'dissolving', 'dissolved']))
    await expect(
      core.call('entity.update', { id: e.id, rowVersion: ent.rowVersion, changes: { name: 'Tên mới cho HTX' } })
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/đã giải thể.*chỉ được sửa phần ghi chú/)
    })
    await core.call('entity.update', { id: e.id, rowVersion: ent.rowVersion, changes: { notes: 'Đã giải thể, lưu hồ sơ' } })
    await expect(core.call('dissolution.step', { caseId: opened.id, code: 'XOA', state: 'todo' })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    const audit = await core.ctx.db.selectFrom('audit_log').select('action').where('table_name', '=', 'dissolution_cases').execute()
    expect(audit.map((a) => a.action)).toEqual(['create', 'finalise'])
  })

  it('walks every template to the end by the route where the cooperative files, ending in its outcome', async () => {
    for (const t of TEMPLATES) {
      const openedOn = t.law === '2012' ? '2024-06-03' : '2024-07-01'
      const e = t.entityKinds.includes('tht')
        ? await core.call('entity.create', { kind: 'tht', name: `Tổ hợp tác thử ${t.id}`, status: 'active', commune: 'Xã Đồng Tâm' })
        : await htx(`Hợp tác xã thử ${t.id}`)
      const c = await core.call('dissolution.open', { entityId: e.id, kind: t.kind, law: t.law, openedOn, ground: t.grounds?.[0].code })
      expect(c.steps.map((s) => s.code)).toEqual(t.steps.map((s) => s.code))
      for (const s of c.steps) {
        const step = t.steps.find((x) => x.code === s.code)!
        if (step.optional || s.route === 'office')
          await core.call('dissolution.step', { caseId: c.id, code: s.code, state: 'na', naReason: 'Không thuộc trường hợp này' })
        else await core.call('dissolution.step', { caseId: c.id, code: s.code, state: 'done', doneOn: '2024-08-01' })
      }
      const f = await core.call('dissolution.finalise', { caseId: c.id, authorityDate: '2024-09-05', decisionNo: `TB-${t.id}` })
      expect(f.state).toBe('finalised')
      expect((await core.call('entity.get', { id: e.id })).status).toBe(t.outcome.status)
    }
  })

  it('cancels a case and puts the previous status back; refuses a second open case and unknown steps', async () => {
    const e = await htx('Hợp tác xã Vận tải Hòa Bình', 'suspended')
    const c = await core.call('dissolution.open', {
      entityId: e.id,
      kind: 'compulsory',
      law: '2023',
      ground: 'certificate_revoked',
      openedOn: '2024-08-01',
      decisionNo: '120/QĐ-UBND'
    })
    await expect(core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', openedOn: '2024-08-02' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS'
    })
    await expect(core.call('dissolution.step', { caseId: c.id, code: 'NOPE', state: 'done', doneOn: '2024-08-02' })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
    await expect(
      core.call('dissolution.open', { entityId: e.id, kind: 'compulsory', ground: 'bogus', openedOn: '2024-08-01' })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    const x = await core.call('dissolution.cancel', { caseId: c.id, reason: 'HTX hoạt động trở lại', date: '2024-10-01' })
    expect(x.state).toBe('cancelled')
    expect((await core.call('entity.get', { id: e.id })).status).toBe('suspended')
    const events = await core.call('status.list', { entityId: e.id })
    expect(events.filter((x: { status: string }) => x.status === 'dissolving').length).toBe(1)
    const list = await core.call('dissolution.list', { state: 'cancelled' })
    expect(list.map((l) => l.id)).toEqual([c.id])
  })

  it('keeps the template version a case was opened with when the template changes', async () => {
    const e = await htx('Hợp tác xã Giữ Mẫu Cũ')
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2024-06-03' })
    const t = TEMPLATES.find((x) => x.id === '2012-voluntary')!
    const saved = { version: t.version, steps: t.steps }
    t.version = saved.version + 1
    t.steps = [...t.steps, { ...t.steps[0], code: 'MOI', title: 'Bước mới của phiên bản sau' }]
    try {
      const v = await core.call('dissolution.show', { caseId: c.id })
      expect(v.templateVersion).toBe(saved.version)
      expect(v.steps.map((s) => s.code)).not.toContain('MOI')
    } finally {
      Object.assign(t, saved)
    }
  })

  it('stores an attachment by content hash next to the DB, not in it', async () => {
    const e = await htx('Hợp tác xã Môi trường Xanh')
    const c = await core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2023', openedOn: '2024-08-01' })
    const file = join(core.dir, 'nghi-quyet.pdf')
    writeFileSync(file, 'bản quét nghị quyết')
    const v = await core.call('dissolution.attach', { caseId: c.id, stepCode: 'NQ', file: { path: file } })
    const sha = createHash('sha256').update('bản quét nghị quyết').digest('hex')
    expect(v.attachments[0]).toMatchObject({ name: 'nghi-quyet.pdf', sha256: sha, stepCode: 'NQ' })
    expect(existsSync(join(core.dir, 'tep-dinh-kem', sha))).toBe(true)
    await expect(core.call('dissolution.attach', { caseId: c.id, file: { path: join(core.dir, 'khong-co.pdf') } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('«khong-co.pdf»: không mở được')
    })
  })
})

describe('candidates', () => {
  it('lists a suspension past its notice, no AGM for 18 months, a court decision — each with its date and article', async () => {
    const a = await htx('Hợp tác xã Ngừng Lâu', 'active')
    await core.call('status.add', { entityId: a.id, status: 'suspended', effectiveDate: '2023-01-10' })
    const b = await htx('Hợp tác xã Không Đại Hội', 'active', { registrationDate: '2015-05-05' })
    await core.call('dissolution.setLastAgm', { entityId: b.id, lastAgmDate: '2022-12-20' })
    await htx('Hợp tác xã Bị Tòa Án Giải Thể', 'active', { courtDecisionNo: '5/2024/QĐ-TA', courtDecisionDate: '2024-02-01' })
    const fresh = await htx('Hợp tác xã Mới Ngừng', 'active')
    await core.call('status.add', { entityId: fresh.id, status: 'suspended', effectiveDate: '2024-03-01' })
    const list = await core.call('dissolution.candidates', { asOf: '2024-06-30' })
    const by = new Map(list.map((c) => [c.name, c]))
    expect(by.get('Hợp tác xã Ngừng Lâu')!.reasons).toEqual([
      expect.objectContaining({ code: 'suspension_beyond_notice', since: '2024-01-10', start: '2023-01-10' })
    ])
    expect(by.get('Hợp tác xã Không Đại Hội')!.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'no_agm_18m', since: '2024-06-20', start: '2022-12-20' })])
    )
    expect(by.get('Hợp tác xã Bị Tòa Án Giải Thể')!.reasons).toEqual([
      expect.objectContaining({ code: 'court_decision', since: '2024-02-01', article: expect.stringContaining('Điều 52') })
    ])
    expect(by.has('Hợp tác xã Mới Ngừng')).toBe(false)
    // an open case takes it off the list
    await core.call('dissolution.open', { entityId: a.id, kind: 'compulsory', law: '2023', openedOn: '2024-07-01' })
    expect((await core.call('dissolution.candidates', { asOf: '2024-07-30' })).some((c) => c.entityId === a.id)).toBe(false)
  })
})

describe('taking back a row typed wrong', () => {
  async function openCase(name: string) {
    const e = await htx(name)
    return core.call('dissolution.open', { entityId: e.id, kind: 'voluntary', law: '2012', openedOn: '2024-03-01' })
  }
  const audits = (table: string) =>
    core.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'row_id', 'before_json', 'after_json', 'user'])
      .where('table_name', '=', table)
      .orderBy('id')
      .execute()

  it('removes a council member, a debt and an obstacle: gone from the case, the case page, the dashboard and the summary; each removal audited with the row', async () => {
    const c = await openCase('Hợp tác xã Nông nghiệp Sửa Sai')
    let v = await core.call('dissolution.council', {
      caseId: c.id,
      name: 'Trần Văn Bình',
      role: 'chair',
      represents: 'hdqt',
      organisation: 'HĐQT'
    })
    const chairWarnings = v.councilWarnings
    expect(chairWarnings.join(' ')).not.toMatch(/chưa có chủ tịch/)
    v = await core.call('dissolution.council', { caseId: c.id, name: 'Nguyễn Văn Nhầm', role: 'member', represents: 'bks' })
    v = await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Agribank', amount: 15_000_000 })
    v = await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Gõ nhầm', amount: 150_000_000 })
    v = await core.call('dissolution.obstacle', { caseId: c.id, code: 'land', note: 'Chưa rõ ranh giới' })
    v = await core.call('dissolution.obstacle', { caseId: c.id, code: 'debts', note: 'ghi nhầm' })
    expect(v.unsettledPayable).toBe(165_000_000)
    const wrongMember = v.council.find((m) => m.name === 'Nguyễn Văn Nhầm')!
    const wrongItem = v.items.find((i) => i.party === 'Gõ nhầm')!
    const wrongObstacle = v.obstacles.find((o) => o.code === 'debts')!
    expect((await core.call('dissolution.dashboard', { asOf: '2024-04-01' })).obstacles.map((o) => o.code).sort()).toEqual([
      'debts',
      'land'
    ])

    v = await core.call('dissolution.removeCouncil', { caseId: c.id, memberId: wrongMember.id })
    expect(v.council.map((m) => m.name)).toEqual(['Trần Văn Bình'])
    expect(v.councilWarnings.join(' ')).toMatch(/thiếu đại diện ban kiểm soát/) // the warning the wrong member had hidden is back
    v = await core.call('dissolution.removeItem', { caseId: c.id, itemId: wrongItem.id })
    expect(v.items.map((i) => i.party)).toEqual(['Agribank'])
    expect(v.unsettledPayable).toBe(15_000_000)
    v = await core.call('dissolution.removeObstacle', { caseId: c.id, obstacleId: wrongObstacle.id })
    expect(v.obstacles.map((o) => o.code)).toEqual(['land'])

    const shown = await core.call('dissolution.show', { caseId: c.id })
    expect(shown).toEqual(v)
    const page = (await core.call('dissolution.casePage', { caseId: c.id })).html
    expect(page).not.toContain('Nguyễn Văn Nhầm')
    expect(page).not.toContain('Gõ nhầm')
    expect(page).toContain('Trần Văn Bình')
    const dash = await core.call('dissolution.dashboard', { asOf: '2024-04-01' })
    expect(dash.obstacles.map((o) => o.code)).toEqual(['land'])
    expect(dash.unsettledPayable).toBe(15_000_000)
    const summary = (await core.call('dissolution.summaryPage', { asOf: '2024-04-01' })).html
    expect(summary).toContain('Đất đai, tài sản chưa rõ (Chưa rõ ranh giới)')
    expect(summary).not.toContain('ghi nhầm')
    expect(summary).toContain('15.000.000')
    expect(summary).not.toContain('165.000.000')

    for (const [table, row] of [
      ['dissolution_council', wrongMember],
      ['dissolution_items', wrongItem],
      ['dissolution_obstacles', wrongObstacle]
    ] as const) {
      const rows = await audits(table)
      expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'delete'])
      const del = rows[2]
      expect(del).toMatchObject({ row_id: row.id, after_json: null, user: 'Nguyễn Thị Lan' })
      expect(JSON.parse(del.before_json!)).toMatchObject({ id: row.id, case_id: c.id })
      // the created row and the removed row are the same row
      expect(JSON.parse(del.before_json!)).toMatchObject(JSON.parse(rows[1].after_json!))
    }
    expect(JSON.parse((await audits('dissolution_council'))[2].before_json!)).toMatchObject({
      name: 'Nguyễn Văn Nhầm',
      role: 'member',
      represents: 'bks'
    })
    expect(JSON.parse((await audits('dissolution_items'))[2].before_json!)).toMatchObject({
      party: 'Gõ nhầm',
      amount: 150_000_000,
      type: 'payable'
    })
    expect(JSON.parse((await audits('dissolution_obstacles'))[2].before_json!)).toMatchObject({ code: 'debts', note: 'ghi nhầm' })
  })

  it('brings the "no chair" warning back when the chair is removed', async () => {
    const c = await openCase('Hợp tác xã Thiếu Chủ Tịch')
    expect(c.councilWarnings.join(' ')).toMatch(/chưa có chủ tịch hội đồng/)
    let v = await core.call('dissolution.council', { caseId: c.id, name: 'Lý Thị Mai', role: 'chair', represents: 'hdqt' })
    expect(v.councilWarnings.join(' ')).not.toMatch(/chưa có chủ tịch/)
    v = await core.call('dissolution.removeCouncil', { caseId: c.id, memberId: v.council[0].id })
    expect(v.council).toEqual([])
    expect(v.councilWarnings).toEqual(c.councilWarnings)
  })

  it('refuses a row of another case, an unknown row and an unknown case, in Vietnamese, and removes nothing', async () => {
    const a = await openCase('Hợp tác xã Hồ Sơ Một')
    const b = await openCase('Hợp tác xã Hồ Sơ Hai')
    const va = await core.call('dissolution.council', { caseId: a.id, name: 'Phạm Văn Một', role: 'chair' })
    const ia = await core.call('dissolution.item', { caseId: a.id, type: 'receivable', amount: 1_000_000 })
    const oa = await core.call('dissolution.obstacle', { caseId: a.id, code: 'other' })
    const memberId = va.council[0].id
    const itemId = ia.items[0].id
    const obstacleId = oa.obstacles[0].id
    await expect(core.call('dissolution.removeCouncil', { caseId: b.id, memberId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Hồ sơ giải thể số ${b.id} không có thành viên hội đồng giải thể số ${memberId}.`
    })
    await expect(core.call('dissolution.removeItem', { caseId: b.id, itemId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/không có khoản nợ, tài sản số/)
    })
    await expect(core.call('dissolution.removeObstacle', { caseId: b.id, obstacleId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/không có vướng mắc số/)
    })
    await expect(core.call('dissolution.removeObstacle', { caseId: a.id, obstacleId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(core.call('dissolution.removeItem', { caseId: 9999, itemId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy hồ sơ giải thể số 9999.'
    })
    // zod, strict: an id that is not a positive whole number, or a stray field
    await expect(core.call('dissolution.removeItem', { caseId: a.id, itemId: -1 } as never)).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(core.call('dissolution.removeItem', { caseId: a.id, itemId, force: true } as never)).rejects.toMatchObject({
      code: 'VALIDATION'
    })
    const still = await core.call('dissolution.show', { caseId: a.id })
    expect([still.council.length, still.items.length, still.obstacles.length]).toEqual([1, 1, 1])
    expect((await audits('dissolution_items')).map((r) => r.action)).toEqual(['create'])
  })

  it('refuses on a finalised or a cancelled case: the file of a closed case stays as it was closed', async () => {
    const t = TEMPLATES.find((x) => x.id === '2012-voluntary')!
    const fin = await openCase('Hợp tác xã Đã Xong')
    await core.call('dissolution.council', { caseId: fin.id, name: 'Đỗ Văn Chốt', role: 'chair' })
    await core.call('dissolution.item', { caseId: fin.id, type: 'payable', amount: 5_000_000, settled: true, settledOn: '2024-04-01' })
    const before = await core.call('dissolution.obstacle', { caseId: fin.id, code: 'file_incomplete' })
    for (const s of t.steps) {
      if (s.optional) await core.call('dissolution.step', { caseId: fin.id, code: s.code, state: 'na', naReason: 'Không có' })
      else await core.call('dissolution.step', { caseId: fin.id, code: s.code, state: 'done', doneOn: '2024-05-01' })
    }
    await core.call('dissolution.finalise', { caseId: fin.id, authorityDate: '2024-06-01', decisionNo: '15/TB-TCKH' })
    await expect(core.call('dissolution.removeCouncil', { caseId: fin.id, memberId: before.council[0].id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Hồ sơ giải thể số ${fin.id} đã hoàn tất; không sửa được nữa.`
    })
    await expect(core.call('dissolution.removeItem', { caseId: fin.id, itemId: before.items[0].id })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })
    await expect(core.call('dissolution.removeObstacle', { caseId: fin.id, obstacleId: before.obstacles[0].id })).rejects.toMatchObject({
      code: 'FORBIDDEN'
    })

    const can = await openCase('Hợp tác xã Đã Hủy')
    const o = await core.call('dissolution.obstacle', { caseId: can.id, code: 'other', note: 'Hoạt động lại' })
    await core.call('dissolution.cancel', { caseId: can.id, reason: 'HTX hoạt động trở lại', date: '2024-04-01' })
    await expect(core.call('dissolution.removeObstacle', { caseId: can.id, obstacleId: o.obstacles[0].id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `Hồ sơ giải thể số ${can.id} đã bị hủy; không sửa được nữa.`
    })
    const after = await core.call('dissolution.show', { caseId: fin.id })
    expect([after.council.length, after.items.length, after.obstacles.length]).toEqual([1, 1, 1])
    expect((await core.call('dissolution.show', { caseId: can.id })).obstacles.length).toBe(1)
    const deletes = await core.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'delete').execute()
    expect(deletes).toEqual([])
  })

  it('is a write: refused in province mode like every other case write', async () => {
    const province = await officeCore('20')
    try {
      for (const call of [
        () => province.call('dissolution.removeCouncil', { caseId: 1, memberId: 1 }),
        () => province.call('dissolution.removeItem', { caseId: 1, itemId: 1 }),
        () => province.call('dissolution.removeObstacle', { caseId: 1, obstacleId: 1 })
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'READ_ONLY', message: expect.stringMatching(/chế độ tỉnh/) })
      }
    } finally {
      await province.dispose()
    }
  })
})

/**
 * Issue 18 point 2, on real files: a district sends, the province consolidates and
 * returns the package with remarks (a record, an indicator), exports a signed reply;
 * the district imports it (pinning the province's key, fingerprint shown), answers the
 * remark, re-sends; the province accepts; the accepting reply comes back. A tampered
 * reply, one for another office and one for a package never sent are refused whole.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { officeCore } from '../helpers/temp'
import { exportTo } from './package-fixture'

type Office = Awaited<ReturnType<typeof officeCore>>
const open: Office[] = []
afterAll(async () => {
  for (const o of open.reverse()) await o.dispose()
})
async function office(unit: string, user?: string): Promise<Office> {
  const o = await officeCore(unit, user)
  open.push(o)
  return o
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('not refused')
}

async function replyFile(province: Office, packageId: number, name = 'phan-hoi.json'): Promise<string> {
  const r = await province.call('review.export', { packageId })
  const file = join(province.dir, name)
  writeFileSync(file, Buffer.from(r.base64, 'base64'))
  return file
}

function auditCount(o: Office, action: string): number {
  const db = new Database(o.dbPath, { readonly: true })
  try {
    return (db.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n
  } finally {
    db.close()
  }
}

describe('the province reviews a package and the district gets the reply', () => {
  it('send, return with remarks, reply imported, remark answered, re-send, accept', async () => {
    const district = await office('178')
    const province = await office('20', 'Lê Văn Tỉnh')
    await district.call('entity.create', { kind: 'htx', name: 'HTX Nông nghiệp Yên Khoái', regNo: '4900123450' })
    const maiPha = (await district.call('entity.create', { kind: 'htx', name: 'HTX Dịch vụ Mai Pha', regNo: '4900123451' })) as {
      id: number
    }
    const first = await exportTo(district, district.dir, '2024-06-30', 'goi-1.xlsx')
    // Another district consolidated before: the province's ids for 178's records are not 178's own.
    const d180 = await office('180')
    for (const n of ['HTX Tràng Định 1', 'HTX Tràng Định 2', 'HTX Tràng Định 3']) await d180.call('entity.create', { kind: 'htx', name: n })
    const p180 = await exportTo(d180, d180.dir, '2024-06-30', 'goi-180.xlsx')
    await province.call('handoff.consolidate', { files: [{ path: p180.file }], trustNewKeys: true })

    // Before the province says anything: the last sending waits.
    expect((await district.call('review.list', {})).district[0]).toMatchObject({ status: 'pending', remarks: [] })

    expect((await province.call('handoff.consolidate', { files: [{ path: first.file }], trustNewKeys: true })).accepted).toHaveLength(1)
    const [pending] = (await province.call('review.list', {})).province.filter((r) => r.unit === '178')
    expect(pending).toMatchObject({ unit: '178', current: true, decision: null, contentHash: first.info.contentHash })
    const copy = (await province.call('entity.list', { q: 'Mai Pha' })).rows[0]!
    expect(copy.id).not.toBe(maiPha.id) // the province renumbers; the reply still names the district's own record

    const returned = await province.call('review.set', {
      packageId: pending.packageId,
      decision: 'returned',
      note: 'Đề nghị bổ sung số thành viên',
      remarks: [
        { entityId: copy.id, text: 'Thiếu số thành viên năm 2023' },
        { indicator: 'htx.total', text: 'Tổng số HTX chênh với báo cáo quý' }
      ]
    })
    expect(returned).toMatchObject({ decision: 'returned', decidedBy: 'Lê Văn Tỉnh' })
    expect(returned.remarks.map((r) => [r.kind, r.name ?? r.indicatorLabel])).toEqual([
      ['record', 'HTX Dịch vụ Mai Pha'],
      ['indicator', expect.any(String)]
    ])
    const bad = await refusal(
      province.call('review.set', { packageId: pending.packageId, remarks: [{ indicator: 'htx.khong_co', text: 'x' }] })
    )
    expect(bad.message).toContain('Không có chỉ tiêu «htx.khong_co»')

    const reply1 = await replyFile(province, pending.packageId, 'phan-hoi-1.json')
    const provinceKey = await province.call('handoff.key', {})

    // First reply: the province's key is unknown; the refusal shows its fingerprint and changes nothing.
    const unknown = await refusal(district.call('review.import', { file: { path: reply1 } }))
    expect(unknown.details?.code).toBe('UNKNOWN_KEY')
    expect(unknown.message).toContain(provinceKey.fingerprint)
    expect((await district.call('review.list', {})).district[0].status).toBe('pending')

    const trusted = await district.call('review.import', { file: { path: reply1 }, trustNewKey: true })
    expect(trusted).toMatchObject({ status: 'returned', trustedNewKey: true, keyFingerprint: provinceKey.fingerprint, remarks: 2 })
    expect((await district.call('handoff.trustedKeys', {})).map((k) => [k.unit, k.fingerprint, k.source])).toEqual([
      ['20@2025', provinceKey.fingerprint, 'reply']
    ])
    // The same file again: nothing changes.
    expect((await district.call('review.import', { file: { path: reply1 } })).alreadyImported).toBe(true)

    const [last] = (await district.call('review.list', {})).district
    expect(last).toMatchObject({ status: 'returned', note: 'Đề nghị bổ sung số thành viên', reviewedBy: 'Lê Văn Tỉnh' })
    const recordRemark = last.remarks.find((r) => r.kind === 'record')!
    // Beside the district's own record, not the province's copy.
    expect(recordRemark).toMatchObject({ entityId: maiPha.id, regNo: '4900123451', text: 'Thiếu số thành viên năm 2023', answer: null })
    expect(last.remarks.find((r) => r.kind === 'indicator')).toMatchObject({ indicator: 'htx.total', entityId: null })

    const answered = await district.call('review.answer', { remarkId: recordRemark.id, note: 'Đã bổ sung: 23 thành viên' })
    expect(answered.answer).toMatchObject({ note: 'Đã bổ sung: 23 thành viên', by: 'Nguyễn Thị Lan' })
    expect(auditCount(district, 'review_answer')).toBe(1)
    expect(auditCount(district, 'review_import')).toBe(1)

    // Re-send: the new package waits; the province consolidates and accepts it.
    await district.call('figures.set', { entityId: maiPha.id, year: 2023, figures: { members: 23 } })
    const second = await exportTo(district, district.dir, '2024-06-30', 'goi-2.xlsx')
    expect((await district.call('review.list', {})).district.map((s) => s.status)).toEqual(['pending', 'returned'])
    expect((await province.call('handoff.consolidate', { files: [{ path: second.file }] })).accepted).toHaveLength(1)
    const reviews = (await province.call('review.list', {})).province.filter((r) => r.unit === '178')
    expect(reviews.map((r) => [r.current, r.decision])).toEqual([
      [true, null],
      [false, 'returned']
    ])
    // The answer rode in the re-sent package's signed manifest onto the province's remark.
    expect(reviews[1].remarks.find((r) => r.kind === 'record')!.answer).toMatchObject({
      note: 'Đã bổ sung: 23 thành viên',
      by: 'Nguyễn Thị Lan'
    })
    expect(reviews[1].remarks.find((r) => r.kind === 'indicator')!.answer).toBeNull()
    // The replaced package can no longer be reviewed.
    expect((await refusal(province.call('review.set', { packageId: pending.packageId, decision: 'accepted' }))).message).toContain(
      'đã được thay bằng gói tổng hợp sau'
    )
    await province.call('review.set', { packageId: reviews[0].packageId, decision: 'accepted' })
    const reply2 = await replyFile(province, reviews[0].packageId, 'phan-hoi-2.json')
    const accepted = await district.call('review.import', { file: { path: reply2 } })
    expect(accepted).toMatchObject({ status: 'accepted', trustedNewKey: false, remarks: 0 })
    const after = (await district.call('review.list', {})).district
    expect(after.map((s) => s.status)).toEqual(['accepted', 'returned'])
    // The answered remark stays with the returned package.
    expect(after[1].remarks.find((r) => r.kind === 'record')!.answer?.note).toBe('Đã bổ sung: 23 thành viên')
    expect(auditCount(province, 'review_set')).toBe(2) // the two refused calls wrote nothing
    expect(auditCount(province, 'review_export')).toBe(2)
  })

  it('an explanation without a data change: the same data re-sent carries the answer, keeps the reply, and the acceptance comes back', async () => {
    const district = await office('178')
    const province = await office('20')
    await district.call('entity.create', { kind: 'htx', name: 'HTX Hữu Lũng', regNo: '4900666001' })
    const first = await exportTo(district, district.dir, '2024-06-30', 'goi-a.xlsx')
    await province.call('handoff.consolidate', { files: [{ path: first.file }], trustNewKeys: true })
    const [review] = (await province.call('review.list', {})).province
    await province.call('review.set', {
      packageId: review.packageId,
      decision: 'returned',
      remarks: [{ indicator: 'htx.total', text: 'Vì sao giảm so với năm trước?' }]
    })
    await district.call('review.import', { file: { path: await replyFile(province, review.packageId, 'a.json') }, trustNewKey: true })
    const remark = (await district.call('review.list', {})).district[0].remarks[0]
    await district.call('review.answer', { remarkId: remark.id, note: 'Hai HTX đã giải thể trong năm' })

    const again = await exportTo(district, district.dir, '2024-06-30', 'goi-b.xlsx')
    expect(again.info.contentHash).toBe(first.info.contentHash)
    // The district's last sending is the data the province holds: its reply still applies.
    expect((await district.call('review.list', {})).district.map((s) => s.status)).toEqual(['returned', 'returned'])
    const skipped = await province.call('handoff.consolidate', { files: [{ path: again.file }] })
    expect(skipped.skipped[0].reason).toContain('đã ghi 1 câu trả lời cho góp ý của tỉnh')
    const [same] = (await province.call('review.list', {})).province
    expect(same.packageId).toBe(review.packageId)
    expect(same.remarks[0].answer?.note).toBe('Hai HTX đã giải thể trong năm')
    expect(auditCount(province, 'review_answers')).toBe(1)
    // Consolidating it once more changes nothing.
    await province.call('handoff.consolidate', { files: [{ path: again.file }] })
    expect(auditCount(province, 'review_answers')).toBe(1)

    await province.call('review.set', { packageId: review.packageId, decision: 'accepted', note: 'Đã rõ' })
    const accepted = await district.call('review.import', { file: { path: await replyFile(province, review.packageId, 'b.json') } })
    expect(accepted.status).toBe('accepted')
    const sendings = (await district.call('review.list', {})).district
    expect(sendings.map((s) => s.status)).toEqual(['accepted', 'accepted'])
    // The answer written before the newer reply is kept on the remark it repeats.
    expect(sendings[0].remarks[0].answer?.note).toBe('Hai HTX đã giải thể trong năm')
  })

  it('refuses a tampered reply, one for another office and one for a package never sent, changing nothing', async () => {
    const d178 = await office('178')
    const d180 = await office('180')
    const province = await office('20')
    await d178.call('entity.create', { kind: 'htx', name: 'HTX Chi Lăng', regNo: '4900555001' })
    await d180.call('entity.create', { kind: 'htx', name: 'HTX Tràng Định', regNo: '4900555002' })
    const p178 = await exportTo(d178, d178.dir, '2024-06-30', 'goi-178.xlsx')
    const p180 = await exportTo(d180, d180.dir, '2024-06-30', 'goi-180.xlsx')
    await province.call('handoff.consolidate', { files: [{ path: p178.file }, { path: p180.file }], trustNewKeys: true })
    const list = (await province.call('review.list', {})).province
    const id178 = list.find((r) => r.unit === '178')!.packageId
    const id180 = list.find((r) => r.unit === '180')!.packageId
    await province.call('review.set', { packageId: id178, decision: 'returned', note: 'Thiếu số liệu năm' })
    await province.call('review.set', { packageId: id180, decision: 'accepted' })
    const reply178 = await replyFile(province, id178, 'r178.json')
    const reply180 = await replyFile(province, id180, 'r180.json')

    // Tampered: «returned» turned into «accepted» in Notepad.
    const tampered = join(d178.dir, 'sua.json')
    writeFileSync(tampered, readFileSync(reply178, 'utf8').replace('"decision": "returned"', '"decision": "accepted"'))
    const t = await refusal(d178.call('review.import', { file: { path: tampered }, trustNewKey: true }))
    expect(t.details?.code).toBe('SIGNATURE_INVALID')
    expect(t.message).toContain('đã bị sửa sau khi tỉnh ký')

    // Meant for another office.
    const w = await refusal(d178.call('review.import', { file: { path: reply180 }, trustNewKey: true }))
    expect(w.details?.code).toBe('WRONG_OFFICE')
    expect(w.message).toMatch(/tỉnh gửi cho 180 — Huyện Tràng Định, không phải cho Thành phố Lạng Sơn/)

    // A package 178 never sent: a copy of its file set up anew (same office, other history).
    const other178 = await office('178')
    await other178.call('entity.create', { kind: 'htx', name: 'HTX khác', regNo: '4900555003' })
    const u = await refusal(other178.call('review.import', { file: { path: reply178 }, trustNewKey: true }))
    expect(u.details?.code).toBe('UNKNOWN_PACKAGE')
    expect(u.message).toContain('phòng chưa từng xuất')

    // Not a reply at all.
    const n = await refusal(d178.call('review.import', { file: { path: p178.file } }))
    expect(n.details?.code).toBe('NOT_A_REPLY')

    // Nothing landed: no key pinned, no reply, no audit row.
    for (const o of [d178, other178]) {
      expect(await o.call('handoff.trustedKeys', {})).toEqual([])
      expect(auditCount(o, 'review_import')).toBe(0)
    }
    expect((await d178.call('review.list', {})).district[0].status).toBe('pending')
    // The genuine one still imports.
    expect((await d178.call('review.import', { file: { path: reply178 }, trustNewKey: true })).status).toBe('returned')

    // Signed by another province file (another key) once 178 has pinned the real one: refused, naming both fingerprints.
    const impostor = await office('20')
    await impostor.call('handoff.consolidate', { files: [{ path: p178.file }], trustNewKeys: true })
    const impostorId = (await impostor.call('review.list', {})).province[0].packageId
    await impostor.call('review.set', { packageId: impostorId, decision: 'accepted' })
    const k = await refusal(d178.call('review.import', { file: { path: await replyFile(impostor, impostorId) }, trustNewKey: true }))
    expect(k.details?.code).toBe('KEY_CHANGED')
    expect(k.message).toContain((await province.call('handoff.key', {})).fingerprint)
    expect((await d178.call('review.list', {})).district[0].status).toBe('returned')

    // A district file cannot review, a province file cannot import.
    expect((await refusal(d178.call('review.set', { packageId: 1, decision: 'accepted' }))).code).toBe('FORBIDDEN')
    expect((await refusal(province.call('review.import', { file: { path: reply178 } }))).code).toBe('READ_ONLY')
  })
})

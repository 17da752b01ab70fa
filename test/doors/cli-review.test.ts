/** The province's review through the command line, both sides: review set, export, import, list, answer. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const t = tempDir()
afterAll(() => t.cleanup())
const at = (name: string) => join(t.dir, name)

describe('review from the command line', () => {
  it('return with a remark, import the reply (key pinned after the fingerprint), answer, re-send, accept', async () => {
    expect((await cli('init', '--db', at('d.db'), '--unit', '178')).code).toBe(0)
    expect((await cli('init', '--db', at('t.db'), '--unit', '20')).code).toBe(0)
    await cli('entity', 'add', '--db', at('d.db'), '--name', 'HTX Chè Tân Thành', '--reg-no', '4900000018')
    expect((await cli('export', '--db', at('d.db'), '--out', at('goi-1.xlsx'))).code).toBe(0)
    expect((await cli('consolidate', at('goi-1.xlsx'), '--db', at('t.db'), '--trust-new-keys')).code).toBe(0)

    const listed = JSON.parse((await cli('review', 'list', '--db', at('t.db'), '--json')).stdout)
    expect(listed.side).toBe('province')
    const packageId = String(listed.province[0].packageId)
    const entityId = JSON.parse((await cli('entity', 'list', '--db', at('t.db'), '--json')).stdout).rows[0].id

    // Usage mistakes are said before the file is opened.
    const both = await cli('review', 'set', '--db', at('t.db'), '--package', packageId, '--accept', '--return')
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('Chọn một trong --accept hoặc --return') })

    const set = await cli(
      'review',
      'set',
      '--db',
      at('t.db'),
      '--package',
      packageId,
      '--return',
      '--note',
      'Bổ sung số liệu',
      '--remark-record',
      String(entityId),
      '--text',
      'Thiếu số thành viên năm 2023'
    )
    expect(set.code).toBe(0)
    expect(set.stdout).toContain('Bị trả lại; 1 góp ý')
    expect(set.stdout).toContain('«HTX Chè Tân Thành» (4900000018): Thiếu số thành viên năm 2023')
    const ind = await cli(
      'review',
      'set',
      '--db',
      at('t.db'),
      '--package',
      packageId,
      '--remark-indicator',
      'htx.total',
      '--text',
      'Chênh với quý II'
    )
    expect(ind.code).toBe(0)
    const out = await cli('review', 'export', '--db', at('t.db'), '--package', packageId, '--out', at('phan-hoi-1.json'))
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/Đã ghi phản hồi .*phan-hoi-1\.json cho 178: Bị trả lại, 2 góp ý; ký bằng khóa [0-9A-F ]{24}\./)
    const fingerprint = /khóa ([0-9A-F ]{24})\./.exec(out.stdout)![1]

    // The district: without --trust-new-keys the reply is refused with the province's fingerprint.
    const refused = await cli('review', 'import', at('phan-hoi-1.json'), '--db', at('d.db'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`dấu vân tay ${fingerprint}`)
    const tampered = at('sua.json')
    writeFileSync(tampered, readFileSync(at('phan-hoi-1.json'), 'utf8').replace('Bổ sung số liệu', 'Không cần bổ sung'))
    const t1 = await cli('review', 'import', tampered, '--db', at('d.db'), '--trust-new-keys', '--json')
    expect(t1.code).toBe(1)
    expect(JSON.parse(t1.stdout).error).toMatchObject({ code: 'VALIDATION', details: { code: 'SIGNATURE_INVALID' } })

    const imported = await cli('review', 'import', at('phan-hoi-1.json'), '--db', at('d.db'), '--trust-new-keys')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain(`Đã tin cậy khóa của Sở Tài chính tỉnh Lạng Sơn: ${fingerprint}.`)
    expect(imported.stdout).toContain('Bị trả lại, 2 góp ý')
    const keys = await cli('keys', 'list', '--db', at('d.db'))
    expect(keys.stdout).toContain('phản hồi của tỉnh (xác nhận)')

    const dList = JSON.parse((await cli('review', 'list', '--db', at('d.db'), '--json')).stdout)
    expect(dList.district[0]).toMatchObject({ status: 'returned', note: 'Bổ sung số liệu' })
    const remark = dList.district[0].remarks.find((r: { kind: string }) => r.kind === 'record')
    const answered = await cli('review', 'answer', '--db', at('d.db'), '--remark', String(remark.id), '--note', 'Đã bổ sung 12 thành viên')
    expect(answered.code).toBe(0)
    expect(answered.stdout).toContain('Đã trả lời góp ý')
    const text = (await cli('review', 'list', '--db', at('d.db'))).stdout
    expect(text).toContain('Lần gửi gần nhất: Bị trả lại')
    expect(text).toContain('đã trả lời (')
    expect(text).toContain('Đã bổ sung 12 thành viên')
    expect(text).toContain('Chỉ tiêu «')
    expect(text).toContain('chưa trả lời')

    // Re-send (with the data the remark asked for), accept, import the acceptance.
    await cli('entity', 'add', '--db', at('d.db'), '--name', 'HTX Chè Tân Thành 2', '--reg-no', '4900000026')
    expect((await cli('export', '--db', at('d.db'), '--out', at('goi-2.xlsx'))).code).toBe(0)
    expect((await cli('review', 'list', '--db', at('d.db'))).stdout).toContain('Lần gửi gần nhất: Chờ tỉnh xem xét')
    expect((await cli('consolidate', at('goi-2.xlsx'), '--db', at('t.db'))).code).toBe(0)
    const second = String(JSON.parse((await cli('review', 'list', '--db', at('t.db'), '--json')).stdout).province[0].packageId)
    expect(second).not.toBe(packageId)
    expect((await cli('review', 'set', '--db', at('t.db'), '--package', second, '--accept')).code).toBe(0)
    expect((await cli('review', 'export', '--db', at('t.db'), '--package', second, '--out', at('phan-hoi-2.json'))).code).toBe(0)
    const accepted = await cli('review', 'import', at('phan-hoi-2.json'), '--db', at('d.db'))
    expect(accepted.code).toBe(0)
    expect(accepted.stdout).toContain('Đã chấp nhận, 0 góp ý')
    expect((await cli('review', 'list', '--db', at('d.db'))).stdout).toContain('Lần gửi gần nhất: Đã chấp nhận')
    // The province's list says which package is in place.
    expect((await cli('review', 'list', '--db', at('t.db'))).stdout).toMatch(/đã thay/)
  })
})

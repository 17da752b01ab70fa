import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseClipboard, pasteInput } from '../../src/renderer/src/registry/paste'
import { officeCore } from '../helpers/temp'

describe("Excel's clipboard text", () => {
  it('splits rows and cells, keeps quoted tabs, newlines and quotes, ignores the trailing line break', () => {
    expect(parseClipboard('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd']
    ])
    expect(parseClipboard('"HTX ""Hoa Sen""\tmột"\tx\n"dòng 1\ndòng 2"\t\n')).toEqual([
      ['HTX "Hoa Sen"\tmột', 'x'],
      ['dòng 1\ndòng 2', '']
    ])
    expect(parseClipboard('Hoa\u0300ng')[0]![0]).toBe('Hoàng')
  })

  it('places the block at the focused cell, refusing a block that runs off the grid', () => {
    const input = pasteInput('A\t1\nB\t2\n', [10, 11, 12], ['name', 'commune', 'phone'], { rowIndex: 1, field: 'commune' })
    expect(input).toEqual({
      rowIds: [11, 12],
      fields: ['commune', 'phone'],
      cells: [
        ['A', '1'],
        ['B', '2']
      ]
    })
    expect(() => pasteInput('A\nB\nC\n', [10, 11, 12], ['name'], { rowIndex: 1, field: 'name' })).toThrow('vượt quá số dòng')
    expect(() => pasteInput('A\tB\n', [10], ['name'], { rowIndex: 0, field: 'name' })).toThrow('vượt quá số cột')
  })
})

describe('clipboard → entity.paste end to end through the core', () => {
  let core: Awaited<ReturnType<typeof officeCore>>
  beforeEach(async () => {
    core = await officeCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('pastes 20×5 from Excel text, and refuses it all when one cell is bad', async () => {
    const ids: number[] = []
    for (let i = 0; i < 20; i++) ids.push((await core.call('entity.create', { kind: 'htx', name: `HTX Gốc ${i + 1}` })).id)
    const fields = ['name', 'commune', 'representative', 'phone', 'charterCapital']
    const lines = ids.map((_, i) => [`HTX Excel ${i + 1}`, 'Xã Hợp Thành', `Lê Thị ${i + 1}`, `0912 00${i}`, '1.000.000'].join('\t'))
    const bad = [...lines]
    bad[6] = bad[6]!.replace('0912 006', 'không có')
    const badInput = pasteInput(bad.join('\r\n') + '\r\n', ids, fields, { rowIndex: 0, field: 'name' })
    await expect(core.call('entity.paste', badInput)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { row: 7, column: 'Điện thoại' }
    })
    expect((await core.call('entity.list', { q: 'excel' })).total).toBe(0)
    const good = pasteInput(lines.join('\r\n') + '\r\n', ids, fields, { rowIndex: 0, field: 'name' })
    expect(await core.call('entity.paste', good)).toEqual({ updated: 20 })
    expect((await core.call('entity.list', { q: 'excel hop thanh' })).total).toBe(20)
  })
})

import { describe, expect, it } from 'vitest'
import { clean, compareVi, fold, foldByRule, formatDate, formatNumber, parseViDate, searchKey, searchTokens } from '../../src/shared/text'

describe('Vietnamese text', () => {
  it('stores NFC: text pasted as NFD from the web becomes the composed form', () => {
    const nfd = 'Hợp tác xã'.normalize('NFD')
    expect(nfd).not.toBe('Hợp tác xã')
    expect(clean(nfd)).toBe('Hợp tác xã')
    expect(clean('  HTX\u00a0 Nông   nghiệp ')).toBe('HTX Nông nghiệp')
  })

  it('folds diacritics, đ and case, punctuation as spaces', () => {
    expect(fold('Hợp tác xã Nông nghiệp, Đồng Đăng')).toBe('hop tac xa nong nghiep dong dang')
    expect(fold('HTX DV-NN Đình Lập')).toBe('htx dv nn dinh lap')
    expect(fold('Hợp tác xã'.normalize('NFD'))).toBe('hop tac xa')
  })

  it('brings "hợp tác xã" and "HTX" to one search form, both ways', () => {
    expect(searchKey('HTX nông nghiệp Tân Thành')).toBe('htx nong nghiep tan thanh')
    expect(searchKey('Hợp tác xã nông nghiệp Tân Thành')).toBe('htx nong nghiep tan thanh')
    expect(searchTokens('hop tac xa nong nghiep')).toEqual(['htx', 'nong', 'nghiep'])
    expect(searchKey('Tổ hợp tác mây tre đan')).toBe('tht may tre dan')
    expect(searchTokens('   ')).toEqual([])
  })

  it('sorts in Vietnamese alphabetical order, tones after the base letter', () => {
    const names = ['Đức', 'Dũng', 'Ân', 'An', 'Bình', 'ăn', 'Hạ', 'Ha', 'Hà', 'Ơn', 'Ô', 'O', 'Ư', 'U']
    expect([...names].sort(compareVi)).toEqual(['An', 'ăn', 'Ân', 'Bình', 'Dũng', 'Đức', 'Ha', 'Hà', 'Hạ', 'O', 'Ô', 'Ơn', 'U', 'Ư'])
    // Byte order would put "Đức" after "Ư": the collator must not.
    expect(compareVi('Đức', 'Ư')).toBeLessThan(0)
  })

  it('writes numbers with dot thousands and comma decimals, dates dd/mm/yyyy', () => {
    expect(formatNumber(1234567)).toBe('1.234.567')
    expect(formatNumber(1150.5, 1)).toBe('1.150,5')
    expect(formatNumber(null)).toBe('')
    expect(formatDate('2024-05-06')).toBe('06/05/2024')
  })

  it('reads dates day first, never month first', () => {
    expect(parseViDate('06/05/2024')).toBe('2024-05-06')
    expect(parseViDate('6/5/2024')).toBe('2024-05-06')
    expect(parseViDate('06-05-2024')).toBe('2024-05-06')
    expect(parseViDate('06.05.2024')).toBe('2024-05-06')
    expect(parseViDate('2024-05-06')).toBe('2024-05-06')
    expect(parseViDate('13/12/2023')).toBe('2023-12-13')
    expect(parseViDate('12/13/2023')).toBeNull()
    expect(parseViDate('31/02/2024')).toBeNull()
    expect(parseViDate('29/02/2024')).toBe('2024-02-29')
    expect(parseViDate('hôm qua')).toBeNull()
  })
})

describe('fold by table equals fold by rule', () => {
  it('on every covered character alone and on 20,000 random texts mixing them with marks, spaces and other scripts', () => {
    for (let c = 0; c < 0x1f00; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const ch = String.fromCharCode(c)
      expect([c, fold(`a${ch}b`)]).toEqual([c, foldByRule(`a${ch}b`)])
      expect([c, fold(` ${ch} `)]).toEqual([c, foldByRule(` ${ch} `)])
    }
    // A fixed seed: the same texts every run.
    let seed = 20261207
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
    const pool = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0189 ,.-()/\t\u00a0',
      '\u0300',
      '\u0301',
      '\u0303',
      '\u0309',
      '\u0323',
      'ệ',
      'Ỹ',
      'ß',
      'İ',
      'ﬁ',
      '漢',
      '😀',
      'Ω'
    ]
    for (let i = 0; i < 20_000; i++) {
      const t = Array.from({ length: 1 + rand(24) }, () => pool[rand(pool.length)]).join('')
      expect([t, fold(t)]).toEqual([t, foldByRule(t)])
    }
    expect(fold('Hợp tác xã Nông nghiệp, Đồng Đăng')).toBe('hop tac xa nong nghiep dong dang')
  })
})

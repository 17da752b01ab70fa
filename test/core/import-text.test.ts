import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { detectEncoding, tcvn3ToUnicode, unicodeToTcvn3, unicodeToVni, vniToUnicode } from '../../src/main/core/text/legacy'
import { asOfDateIn, excelSerialToIso, parseSheetDate, parseViNumber } from '../../src/main/core/text/values'
import { matchHeader, matchSector, matchStatus } from '../../src/main/core/exchange/headers'

describe('spreadsheet text and values', () => {
  it('uses SheetJS 0.20 (the maintained build, not the npm 0.18 one)', () => {
    expect(XLSX.version.startsWith('0.20.')).toBe(true)
  })

  it('converts TCVN3 as SheetJS hands it over, capitals from .VnTimeH included', () => {
    expect(tcvn3ToUnicode('Hîp t¸c x· n«ng nghiÖp')).toBe('Hợp tác xã nông nghiệp')
    expect(tcvn3ToUnicode('Ng\u00adêi ®¹i diÖn theo ph¸p luËt')).toBe('Người đại diện theo pháp luật')
    expect(tcvn3ToUnicode('UBND HUYÖN THAN UYªN')).toBe('UBND HUYỆN THAN UYÊN')
    expect(tcvn3ToUnicode('§ang ho¹t ®éng')).toBe('Đang hoạt động')
    expect(tcvn3ToUnicode('HTX vËn t¶i Hång Hµ')).toBe('HTX vận tải Hồng Hà')
  })

  it('converts VNI-Windows and round-trips every Vietnamese letter through both legacy encodings', () => {
    expect(vniToUnicode('Hôïp taùc xaõ noâng nghieäp')).toBe('Hợp tác xã nông nghiệp')
    const all = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ'
    expect(vniToUnicode(unicodeToVni(all))).toBe(all)
    expect(tcvn3ToUnicode(unicodeToTcvn3(all))).toBe(all)
  })

  it('tells the encodings apart per cell, and leaves Unicode text alone', () => {
    expect(detectEncoding('Hîp t¸c x·')).toBe('tcvn3')
    expect(detectEncoding('Teân HTX')).toBe('vni')
    expect(detectEncoding('Xã Yên Khoái')).toBe('unicode')
    expect(detectEncoding('Hợp tác xã'.normalize('NFD'))).toBe('unicode')
    expect(detectEncoding('Tæng céng')).toBe('ambiguous')
  })

  it('reads numbers with dot thousands and comma decimals, as text or number', () => {
    expect(parseViNumber('1.370')).toBe(1370)
    expect(parseViNumber('1.370,5')).toBe(1370.5)
    expect(parseViNumber('1.370.500.000')).toBe(1_370_500_000)
    expect(parseViNumber('2,5')).toBe(2.5)
    expect(parseViNumber(' 1\u00a0500 ')).toBe(1500)
    expect(parseViNumber(12)).toBe(12)
    expect(parseViNumber('')).toBeNull()
    expect(parseViNumber('mười')).toBeNaN()
  })

  it('reads dates day first in every usual form and as Excel serials, never month first', () => {
    expect(parseSheetDate(43466)).toBe('2019-01-01')
    expect(excelSerialToIso(42130)).toBe('2015-05-06')
    expect(parseSheetDate('06/05/2015')).toBe('2015-05-06')
    expect(parseSheetDate('7/8/2019')).toBe('2019-08-07')
    expect(parseSheetDate('15-03-2012')).toBe('2012-03-15')
    expect(parseSheetDate('01.02.2010')).toBe('2010-02-01')
    expect(parseSheetDate('2021-09-15')).toBe('2021-09-15')
    expect(parseSheetDate('12/31/2020')).toBeUndefined()
    expect(parseSheetDate('31/02/2020')).toBeUndefined()
    expect(parseSheetDate(null)).toBeNull()
    expect(asOfDateIn('(Số liệu tính đến ngày 31/12/2022)')).toBe('2022-12-31')
  })

  it('finds headers, statuses and sectors by meaning, through resources/import', () => {
    expect(matchHeader('Vốn điều lệ (triệu đồng)')).toMatchObject({ field: 'charterCapital', unit: 1_000_000 })
    expect(matchHeader('VỐN ĐL (tr.đ)')).toMatchObject({ field: 'charterCapital', unit: 1_000_000 })
    expect(matchHeader('Vốn điều lệ (đồng)')).toMatchObject({ field: 'charterCapital', unit: 1 })
    expect(matchHeader('von dieu le (ty dong)')).toMatchObject({ field: 'charterCapital', unit: 1_000_000_000 })
    expect(matchHeader('MST')?.field).toBe('regNo')
    expect(matchHeader('Chủ tịch HĐQT')?.field).toBe('representative')
    expect(matchHeader('CĐ, ĐH trở lên')?.field).toBe('managersCollege')
    expect(matchHeader('Email')).toBeNull()
    expect(matchStatus('Đang HĐ')).toEqual({ status: 'active', label: null })
    // An office's words, not a legal status (NĐ 295/2026 Điều 27): legally active, with the label.
    expect(matchStatus('Ngừng hoạt động, chờ giải thể')).toEqual({ status: 'active', label: 'awaiting_dissolution' })
    expect(matchStatus('Bị thu hồi GCN')).toEqual({ status: 'dissolving', label: null })
    expect(matchStatus('Không hoạt động tại địa chỉ đã đăng ký')).toEqual({ status: 'not_at_address', label: null })
    expect(matchStatus('đã giải thể')).toEqual({ status: 'dissolved', label: null })
    expect(matchSector('CN-TTCN')).toBe('industry')
    // The spellings DOMAIN.md lists, and ones that differ from them by punctuation or spacing only.
    expect(matchSector('Công nghiệp - TTCN')).toBe('industry')
    expect(matchSector('CN, TTCN')).toBe('industry')
    expect(matchSector('TM/DV')).toBe('trade_service')
    expect(matchSector('Thương mại – dịch vụ')).toBe('trade_service')
    expect(matchStatus('Ngừng HĐ,  chờ giải thể')).toEqual({ status: 'active', label: 'awaiting_dissolution' })
    expect(matchStatus('Tạm ngừng (HĐ)')?.status).toBe('suspended')
    expect(matchSector('TM-DV')).toBe('trade_service')
    expect(matchSector('Môi trường')).toBe('environment')
  })
})

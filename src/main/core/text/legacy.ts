/**
 * Legacy Vietnamese encodings as SheetJS hands them over: an old .xls stores the
 * bytes of TCVN3 (ABC, fonts .VnTime/.VnTimeH) or VNI-Windows text, which come
 * out as Latin-1 characters ("Hîp t¸c x·" for "Hợp tác xã"). Detection works on
 * characters that never occur in Unicode Vietnamese; conversion is a table.
 */

/** TCVN3 (ABC) byte → Unicode letter. .VnTimeH (capitals) uses the lower-case codes. */
const TCVN3: Record<number, string> = {
  0xa1: 'Ă',
  0xa2: 'Â',
  0xa3: 'Ê',
  0xa4: 'Ô',
  0xa5: 'Ơ',
  0xa6: 'Ư',
  0xa7: 'Đ',
  0xa8: 'ă',
  0xa9: 'â',
  0xaa: 'ê',
  0xab: 'ô',
  0xac: 'ơ',
  0xad: 'ư',
  0xae: 'đ',
  0xb5: 'à',
  0xb6: 'ả',
  0xb7: 'ã',
  0xb8: 'á',
  0xb9: 'ạ',
  0xbb: 'ằ',
  0xbc: 'ẳ',
  0xbd: 'ẵ',
  0xbe: 'ắ',
  0xc6: 'ặ',
  0xc7: 'ầ',
  0xc8: 'ẩ',
  0xc9: 'ẫ',
  0xca: 'ấ',
  0xcb: 'ậ',
  0xcc: 'è',
  0xce: 'ẻ',
  0xcf: 'ẽ',
  0xd0: 'é',
  0xd1: 'ẹ',
  0xd2: 'ề',
  0xd3: 'ể',
  0xd4: 'ễ',
  0xd5: 'ế',
  0xd6: 'ệ',
  0xd7: 'ì',
  0xd8: 'ỉ',
  0xdc: 'ĩ',
  0xdd: 'í',
  0xde: 'ị',
  0xdf: 'ò',
  0xe1: 'ỏ',
  0xe2: 'õ',
  0xe3: 'ó',
  0xe4: 'ọ',
  0xe5: 'ồ',
  0xe6: 'ổ',
  0xe7: 'ỗ',
  0xe8: 'ố',
  0xe9: 'ộ',
  0xea: 'ờ',
  0xeb: 'ở',
  0xec: 'ỡ',
  0xed: 'ớ',
  0xee: 'ợ',
  0xef: 'ù',
  0xf1: 'ủ',
  0xf2: 'ũ',
  0xf3: 'ú',
  0xf4: 'ụ',
  0xf5: 'ừ',
  0xf6: 'ử',
  0xf7: 'ữ',
  0xf8: 'ứ',
  0xf9: 'ự',
  0xfa: 'ỳ',
  0xfb: 'ỷ',
  0xfc: 'ỹ',
  0xfd: 'ý',
  0xfe: 'ỵ'
}

/** Letters of Unicode Vietnamese that Latin-1 also has: their presence proves nothing. */
const SHARED_WITH_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ')
/** Only Unicode Vietnamese has these (ă ơ ư đ, the Latin Extended Additional block, combining marks). */
const UNICODE_VI = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0323]/

function isTcvnMarker(ch: string): boolean {
  const code = ch.charCodeAt(0)
  return code in TCVN3 && !SHARED_WITH_LATIN1.has(ch)
}

// VNI-Windows: a base letter followed by a mark character, plus a few whole letters.
const VNI_LETTERS: Record<string, string> = {
  ñ: 'đ',
  Ñ: 'Đ',
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  í: 'í',
  Í: 'Í',
  ì: 'ì',
  Ì: 'Ì',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ'
}
/** Mark character → [combining marks]. */
const VNI_MARKS: Record<string, string> = {
  ù: '\u0301',
  Ù: '\u0301',
  ø: '\u0300',
  Ø: '\u0300',
  û: '\u0309',
  Û: '\u0309',
  õ: '\u0303',
  Õ: '\u0303',
  ï: '\u0323',
  Ï: '\u0323',
  â: '\u0302',
  Â: '\u0302',
  á: '\u0302\u0301',
  Á: '\u0302\u0301',
  à: '\u0302\u0300',
  À: '\u0302\u0300',
  å: '\u0302\u0309',
  Å: '\u0302\u0309',
  ã: '\u0302\u0303',
  Ã: '\u0302\u0303',
  ä: '\u0302\u0323',
  Ä: '\u0302\u0323',
  ê: '\u0306',
  Ê: '\u0306',
  é: '\u0306\u0301',
  É: '\u0306\u0301',
  è: '\u0306\u0300',
  È: '\u0306\u0300',
  ú: '\u0306\u0309',
  Ú: '\u0306\u0309',
  ü: '\u0306\u0303',
  Ü: '\u0306\u0303',
  ë: '\u0306\u0323',
  Ë: '\u0306\u0323'
}
const VNI_BASE = /[aeouyAEOUYơƠưƯ]/

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni'

/** TCVN3 → Unicode (NFC). Words written all in capitals (.VnTimeH) come out in capitals. */
export function tcvn3ToUnicode(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    out += code < 0x100 && code in TCVN3 ? TCVN3[code] : ch
  }
  // .VnTimeH: the capital font draws the lower-case codes as capitals; a cell
  // whose plain letters are all capitals was typed in it.
  const ascii = text.replace(/[^A-Za-z]/g, '')
  const capitals = ascii.length >= 2 && ascii === ascii.toUpperCase()
  return (capitals ? out.toUpperCase() : out).normalize('NFC')
}

/** VNI-Windows → Unicode (NFC). */
export function vniToUnicode(text: string): string {
  let out = ''
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const prev = out.slice(-1)
    if (ch in VNI_MARKS && VNI_BASE.test(prev)) {
      out += VNI_MARKS[ch]
    } else if (ch in VNI_LETTERS) {
      out += VNI_LETTERS[ch]
    } else {
      out += ch
    }
  }
  return out.normalize('NFC')
}

/**
 * VNI pairs Unicode Vietnamese and TCVN3 never write: a hat after a/e/o
 * ("Teân"), a breve after a ("aê"), a hat-with-tone after a/e ("Nguyeãn"), a
 * tone mark character after a vowel ("taùc", "hoïp").
 */
const VNI_PAIRS = /[aeoAEO][âÂ]|[aeioAEIO][ûÛ]|[aA][êÊéèÉÈ]|[aeAE][áàãäåÁÀÃÄÅ]|[aeiouyAEIOUY][ùõøïÙÕØÏ]/
/** Bytes TCVN3 uses and VNI-Windows never does (0xA1–0xBF and a few more). */
const TCVN_ONLY = /[\u00a1-\u00bf\u00c7\u00d0\u00d7\u00de\u00df]/

/** Latin-1 letters Unicode Vietnamese never uses but VNI does. */
const NOT_VIETNAMESE = new Set('ñÑöÖøØûÛïÏäÄåÅëËüÜæÆîÎ')

export type CellEncoding = TextEncoding | 'ambiguous'

/**
 * Which encoding one cell's text is in, as far as the cell alone can tell:
 * many legacy letters exist in both TCVN3 and VNI ("Tæng céng"), so a cell may
 * be 'ambiguous' and its column decides.
 */
export function detectEncoding(text: string): CellEncoding {
  if (UNICODE_VI.test(text) || !/[\u0080-\u00ff]/.test(text)) return 'unicode'
  if (TCVN_ONLY.test(text)) return 'tcvn3'
  if (VNI_PAIRS.test(text)) return 'vni'
  for (const ch of text) if (isTcvnMarker(ch) || NOT_VIETNAMESE.has(ch)) return 'ambiguous'
  // A capital after a small letter ("chÌ" for "chè"): TCVN3 letters Latin-1 shows as capitals.
  if (/[a-z][\u00c0-\u00dd]/.test(text)) return 'ambiguous'
  return 'unicode'
}

export function toUnicode(text: string, encoding: TextEncoding): string {
  return encoding === 'tcvn3' ? tcvn3ToUnicode(text) : encoding === 'vni' ? vniToUnicode(text) : text
}

/** The legacy encoding a set of cells (a column, a sheet) shows evidence of, or null. */
export function detectColumnEncoding(texts: string[]): TextEncoding | null {
  let tcvn = 0
  let vni = 0
  let unicode = 0
  for (const t of texts) {
    const e = detectEncoding(t)
    if (e === 'tcvn3') tcvn++
    else if (e === 'vni') vni++
    else if (e === 'unicode' && UNICODE_VI.test(t)) unicode++
  }
  if (tcvn === 0 && vni === 0) return unicode > 0 ? 'unicode' : null
  if (unicode > tcvn + vni) return 'unicode'
  return tcvn >= vni ? 'tcvn3' : 'vni'
}

/** Unicode → TCVN3, for building fixtures and round-trip tests. */
export function unicodeToTcvn3(text: string): string {
  const reverse = new Map<string, string>()
  for (const [code, letter] of Object.entries(TCVN3)) {
    if (!reverse.has(letter)) reverse.set(letter, String.fromCharCode(Number(code)))
  }
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase()
    if (reverse.has(ch)) out += reverse.get(ch)
    else if (ch !== lower && reverse.has(lower)) out += reverse.get(lower)
    else out += ch
  }
  return out
}

/** Unicode → VNI-Windows, for building fixtures and round-trip tests. */
export function unicodeToVni(text: string): string {
  const markOf = new Map<string, string>()
  for (const [ch, marks] of Object.entries(VNI_MARKS)) if (ch === ch.toLowerCase() && !markOf.has(marks)) markOf.set(marks, ch)
  const letterOf = new Map<string, string>()
  for (const [ch, letter] of Object.entries(VNI_LETTERS)) letterOf.set(letter, ch)
  let out = ''
  for (const ch of text.normalize('NFC')) {
    if (letterOf.has(ch) && !'íÍìÌ'.includes(ch)) {
      out += letterOf.get(ch)
      continue
    }
    const nfd = ch.normalize('NFD')
    let base = nfd[0]
    let marks = nfd.slice(1)
    if (marks === '') {
      out += ch
      continue
    }
    // ơ/ư keep their horn as a whole letter; the tone follows as a mark.
    if (marks.startsWith('\u031b')) {
      base = letterOf.get((base + '\u031b').normalize('NFC')) ?? base
      marks = marks.slice(1)
    }
    if (/[iI]/.test(base) && marks.length === 1) {
      const whole = (base + marks).normalize('NFC')
      out += letterOf.get(whole) ?? whole
      continue
    }
    if (/[yY]/.test(base) && marks === '\u0323') {
      out += base === 'y' ? 'î' : 'Î'
      continue
    }
    // NFD puts the dot below before the hat or breve; VNI writes the hat first.
    if (/[\u0302\u0306]/.test(marks)) marks = marks.replace(/^(\u0323)([\u0302\u0306])/, '$2$1')
    const mark = markOf.get(marks)
    if (!mark) {
      out += ch
      continue
    }
    out += base + (base === base.toUpperCase() && /[A-Z]/.test(base) ? mark.toUpperCase() : mark)
  }
  return out
}

/**
 * One pass over an XML part's tags, byte by byte, for what a reader of cell values alone would miss or read
 * otherwise than a spreadsheet program: the straight reading of a package (xlsx-stream.ts
 * readPlainXlsxSheets) takes only parts in the plain form, and handoff/read.ts refuses any part, of any
 * name, with an element that shows something beside the cells.
 */

/** Buffer's own decoder, without toString's checks of its arguments on each tag. */
const { latin1Slice } = Buffer.prototype as unknown as Record<'latin1Slice', (this: Buffer, from: number, to: number) => string>

/** Prefixed attributes the plain form has: namespace declarations, relationship ids, xml:space. */
const PLAIN_PREFIXED = /^(xmlns:[\w.-]+|r:id|xml:space)$/

/** Elements that show a person something beside or instead of the cells (handoff/read.ts refuses a package with one). */
export type Beyond = 'conditionalFormatting' | 'dataValidation' | 'mergeCell' | 'hidden' | 'run'
const BEYOND_ELEMENTS: Record<string, Beyond> = {
  conditionalFormatting: 'conditionalFormatting',
  dataValidations: 'dataValidation',
  dataValidation: 'dataValidation',
  mergeCells: 'mergeCell',
  mergeCell: 'mergeCell',
  r: 'run',
  rPh: 'run'
}

/**
 * One pass over a part's markup, byte by byte, tag by tag:
 * - `brokenTag` when a tag holds a tab or line break (legal XML that readers split differently);
 * - `beyond`, the first element that shows something beside the cells (BEYOND_ELEMENTS, or a row or
 *   column with hidden="1"), whatever its prefix;
 * - `plain` when the part is also in the plain form a package is written in, which this reader's scan
 *   reads as a spreadsheet program does: no comment, CDATA, DOCTYPE or processing instruction past the
 *   declaration, no prefixed element, no prefixed attribute but PLAIN_PREFIXED's, no < or > inside an
 *   attribute's value. Anything else is left to SheetJS, whose refusals then decide.
 */
export function scanMarkup(xml: Buffer): { plain: boolean; brokenTag: boolean; beyond: Beyond | null } {
  let plain = true
  let beyond: Beyond | null = null
  let i = 0
  const n = xml.length
  // The declaration, when there is one, is the only <? allowed.
  if (xml[0] === 0x3c && xml[1] === 0x3f) i = xml.indexOf('?>') + 2
  for (; i < n; i++) {
    if (xml[i] !== 0x3c) continue
    const first = xml[++i]
    if (first === 0x21 || first === 0x3f) plain = false // <! or a second <?
    if (first === 0x2f) i++
    // The element's name, its prefix apart.
    let local = i
    for (; i < n; i++) {
      const c = xml[i]
      if (c === 0x3e || c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break
      if (c === 0x3a) {
        plain = false
        local = i + 1
      }
    }
    const length = i - local
    const b = xml[local]
    let rowOrCol = false
    // Only names of the lengths and first letters looked for are read as text (a sheet has a million <c> and <v>).
    if (
      beyond === null &&
      ((length === 1 && b === 0x72) ||
        (length === 3 && (b === 0x72 || b === 0x63)) ||
        ((length === 9 || length === 10 || length === 14 || length === 15 || length === 21) && (b === 0x6d || b === 0x64 || b === 0x63)))
    ) {
      const name = latin1Slice.call(xml, local, i)
      beyond = BEYOND_ELEMENTS[name] ?? null
      rowOrCol = name === 'row' || name === 'col'
    }
    // The attributes, to the end of the tag.
    let nameFrom = i + 1
    let colon = false
    for (; i < n; i++) {
      const c = xml[i]
      if (c === 0x3e) break
      if (c === 0x09 || c === 0x0a || c === 0x0d) return { plain: false, brokenTag: true, beyond }
      if (c === 0x3a) colon = true
      else if (c === 0x20) {
        nameFrom = i + 1
        colon = false
      } else if (c === 0x22 || c === 0x27) {
        const from = i + 1
        for (i++; i < n && xml[i] !== c; i++) if (xml[i] === 0x3c || xml[i] === 0x3e) plain = false
        if (colon || rowOrCol) {
          const attr = latin1Slice.call(xml, nameFrom, xml.lastIndexOf(0x3d, from)).trim()
          // A prefixed attribute: only the plain form's few.
          if (colon && !PLAIN_PREFIXED.test(attr)) plain = false
          if (rowOrCol && attr.replace(/^.*:/, '') === 'hidden') {
            const value = latin1Slice.call(xml, from, i)
            if (value === '1' || value === 'true') beyond ??= 'hidden'
          }
        }
        colon = false
      }
    }
  }
  return { plain, brokenTag: false, beyond }
}

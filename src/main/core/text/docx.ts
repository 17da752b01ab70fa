/**
 * The same administrative page as document.ts, as a Word file (.docx) an office
 * can open and edit: the smallest WordprocessingML package Word and LibreOffice
 * accept ([Content_Types].xml, _rels/.rels, word/document.xml in a zip), built
 * from the page's parts. The body is the restricted HTML the drafts are written
 * in (paragraphs, bold, italic, line breaks, tables), read here tag by tag; any
 * other markup is dropped, its text kept.
 */
import { deflateRawSync } from 'node:zlib'
import { placeAndDate, type AdminPage } from './document'

const FONT = 'Times New Roman'
/** Half-points: 14 pt body, 13 pt header, 12 pt recipients (the sizes of DOCUMENT_CSS). */
const BODY = 28
const HEAD = 26
const SMALL = 24
/** Twips: 1 cm first-line indent; A4 with margins 2 cm top and bottom, 3 cm left, 1.5 cm right. */
const INDENT = 567
const PAGE = { w: 11906, h: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 }
const TEXT_WIDTH = PAGE.w - PAGE.left - PAGE.right

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
const unescapeHtml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' })[n]!)

interface RunStyle {
  bold?: boolean
  italic?: boolean
  size?: number
}

function run(text: string, style: RunStyle = {}): string {
  const props = [
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/>`,
    style.bold ? '<w:b/>' : '',
    style.italic ? '<w:i/>' : '',
    `<w:sz w:val="${style.size ?? BODY}"/><w:szCs w:val="${style.size ?? BODY}"/>`
  ].join('')
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r>`
}

const lineBreak = '<w:r><w:br/></w:r>'

interface ParaStyle {
  align?: 'center' | 'both' | 'left'
  indent?: boolean
  before?: number
  after?: number
}

function para(runs: string, p: ParaStyle = {}): string {
  const props = `<w:pPr><w:spacing w:before="${p.before ?? 60}" w:after="${p.after ?? 60}"/>${p.indent ? `<w:ind w:firstLine="${INDENT}"/>` : ''}<w:jc w:val="${p.align ?? 'both'}"/></w:pPr>`
  return `<w:p>${props}${runs}</w:p>`
}

/** Inline HTML (b, i, br; others dropped) → runs, at a base style. */
function inline(html: string, base: RunStyle = {}): string {
  let bold = !!base.bold
  let italic = !!base.italic
  const out: string[] = []
  for (const part of html.split(/(<[^>]+>)/)) {
    if (part === '') continue
    const tag = /^<\s*(\/)?\s*([a-z0-9]+)/i.exec(part)
    if (!tag) {
      const text = unescapeHtml(part.replace(/\s*\n\s*/g, ' '))
      if (text) out.push(run(text, { bold, italic, size: base.size }))
      continue
    }
    const [, close, name] = tag
    const n = name!.toLowerCase()
    if (n === 'b' || n === 'strong') bold = close ? !!base.bold : true
    else if (n === 'i' || n === 'em') italic = close ? !!base.italic : true
    else if (n === 'br') out.push(lineBreak)
  }
  return out.join('')
}

function cell(content: string, width: number, borders: boolean): string {
  const edge = borders ? 'single' : 'nil'
  const b = ['top', 'left', 'bottom', 'right'].map((s) => `<w:${s} w:val="${edge}" w:sz="4" w:space="0" w:color="000000"/>`).join('')
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:tcBorders>${b}</w:tcBorders></w:tcPr>${content || para('')}</w:tc>`
}

function table(rows: string[][], widths: number[], borders: boolean): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')
  const body = rows
    .map((cells) => `<w:tr>${cells.map((c, i) => cell(c, widths[i] ?? widths[widths.length - 1]!, borders)).join('')}</w:tr>`)
    .join('')
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, w) => a + w, 0)}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
}

/** A body table of the drafts (thead/tbody, th bold): columns share the text width, a narrow first one for «STT». */
function htmlTable(html: string): string {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1]!.matchAll(/<(t[hd])([^>]*)>([\s\S]*?)<\/t[hd]>/g)].map(([, kind, attrs, content]) =>
      para(inline(content!, { bold: kind === 'th', size: HEAD }), {
        align: kind === 'th' || /text-align:\s*center/.test(attrs!) ? 'center' : 'left',
        before: 20,
        after: 20
      })
    )
  )
  const columns = Math.max(1, ...rows.map((r) => r.length))
  const first = columns > 2 ? 800 : Math.floor(TEXT_WIDTH / columns)
  const rest = Math.floor((TEXT_WIDTH - first) / Math.max(1, columns - 1))
  const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? first : rest))
  return table(rows, widths, true) + para('', { before: 0, after: 0 })
}

/** The draft's body HTML (p, p.flat, centred p, table) → paragraphs and tables. */
export function bodyToWordml(html: string): string {
  const out: string[] = []
  for (const m of html.matchAll(/<p([^>]*)>([\s\S]*?)<\/p>|<table[^>]*>([\s\S]*?)<\/table>/g)) {
    if (m[3] !== undefined) {
      out.push(htmlTable(m[3]))
      continue
    }
    const attrs = m[1] ?? ''
    const centred = /text-align:\s*center/.test(attrs)
    const flat = /class="[^"]*flat/.test(attrs)
    out.push(para(inline(m[2] ?? ''), { align: centred ? 'center' : 'both', indent: !centred && !flat }))
  }
  return out.join('')
}

/** The whole page as word/document.xml: header columns, title, body, recipients and signature. */
export function adminPageWordml(page: AdminPage): string {
  const half = Math.floor(TEXT_WIDTH / 2)
  const left = [
    page.issuer.parent ? para(run(page.issuer.parent, { size: HEAD }), { align: 'center', before: 0, after: 0 }) : '',
    para(run(page.issuer.body, { bold: true, size: HEAD }), { align: 'center', before: 0, after: 0 }),
    page.number ? para(run(page.number, { size: HEAD }), { align: 'center', before: 120, after: 0 }) : ''
  ].join('')
  const right = [
    para(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: HEAD }), { align: 'center', before: 0, after: 0 }),
    para(run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: BODY }), { align: 'center', before: 0, after: 0 }),
    para(run(placeAndDate(page.place, page.date), { italic: true, size: BODY }), { align: 'center', before: 160, after: 0 })
  ].join('')
  const head = table([[left, right]], [Math.floor(TEXT_WIDTH * 0.4), TEXT_WIDTH - Math.floor(TEXT_WIDTH * 0.4)], false)
  const title = [
    para(run(page.title, { bold: true }), { align: 'center', before: 360, after: 0 }),
    page.subtitle ? para(run(page.subtitle, { bold: true }), { align: 'center', before: 0, after: 240 }) : ''
  ].join('')
  const recipients = page.recipients.length
    ? [
        para(run('Nơi nhận:', { bold: true, italic: true, size: SMALL }), { align: 'left', before: 0, after: 0 }),
        ...page.recipients.map((r) => para(run(`- ${r}`, { size: 22 }), { align: 'left', before: 0, after: 0 }))
      ].join('')
    : ''
  const s = page.sign
  const sign = [
    s.on ? para(run(s.on, { bold: true }), { align: 'center', before: 0, after: 0 }) : '',
    para(run(s.title, { bold: true }), { align: 'center', before: 0, after: 0 }),
    para(run(`(Ký, ghi rõ họ tên${(s.seal ?? !!s.on) ? ', đóng dấu' : ''})`, { italic: true }), {
      align: 'center',
      before: 0,
      after: 1400
    }),
    para(run(s.name ?? '', { bold: true }), { align: 'center', before: 0, after: 0 })
  ].join('')
  const foot = table([[recipients, sign]], [half, TEXT_WIDTH - half], false)
  const section = `<w:sectPr><w:pgSz w:w="${PAGE.w}" w:h="${PAGE.h}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${head}${title}${bodyToWordml(page.bodyHtml)}${para('', { before: 120 })}${foot}${section}</w:body></w:document>`
  )
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>'

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>'

/** The page as a .docx file's bytes. */
export function adminPageDocx(page: AdminPage): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES, 'utf8') },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS, 'utf8') },
    { name: 'word/document.xml', data: Buffer.from(adminPageWordml(page), 'utf8') }
  ])
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A zip of deflated entries (the container a .docx is), with a fixed date so the same draft gives the same bytes. */
export function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  // 01/01/2024 00:00 in DOS form.
  const time = 0
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const packed = deflateRawSync(e.data)
    const crc = crc32(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(e.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, name, packed)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(date, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(e.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

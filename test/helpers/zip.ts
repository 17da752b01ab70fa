/**
 * A forger's zip tools for the package tests and the hostile fixtures: take a zip
 * apart entry by entry (by its central directory), change the XML, and put it back
 * together, including the things no spreadsheet program writes (two entries of one
 * name, a central directory that names another entry than the local header, a size
 * that lies).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'

export interface Entry {
  name: string
  data: Buffer
  /** 8 (deflate, the default) or 0 (stored). */
  method?: number
  /** What the central directory and local header claim the entry unpacks to (a lie when set). */
  declaredSize?: number
  /** The name the local header says, when it differs from the central directory's. */
  localName?: string
}

export function unzip(bytes: Buffer): Entry[] {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = bytes.readUInt16LE(eocd + 10)
  let at = bytes.readUInt32LE(eocd + 16)
  const out: Entry[] = []
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10)
    const csize = bytes.readUInt32LE(at + 20)
    const nameLen = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30)
    const comment = bytes.readUInt16LE(at + 32)
    const offset = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLen).toString('utf8')
    const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28)
    const raw = bytes.subarray(start, start + csize)
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) })
    at += 46 + nameLen + extra + comment
  }
  return out
}

/** Deflated once, whatever the number of zips a big part goes into. */
const deflated = new WeakMap<Buffer, Buffer>()
function deflate(data: Buffer): Buffer {
  let packed = deflated.get(data)
  if (!packed) deflated.set(data, (packed = deflateRawSync(data, { level: 6 })))
  return packed
}

export function zip(entries: Entry[], trailing: Buffer = Buffer.alloc(0)): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const method = e.method ?? 8
    const body = method === 8 ? deflate(e.data) : e.data
    const name = Buffer.from(e.name, 'utf8')
    const localName = Buffer.from(e.localName ?? e.name, 'utf8')
    const size = e.declaredSize ?? e.data.length
    const crc = crc32(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(localName.length, 26)
    locals.push(local, localName, body)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + localName.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end, trailing])
}

export const text = (entries: Entry[], name: string): string => entries.find((e) => e.name === name)!.data.toString('utf8')

export function setText(entries: Entry[], name: string, value: string): void {
  entries.find((e) => e.name === name)!.data = Buffer.from(value, 'utf8')
}

/** The worksheet part a sheet name points at, by workbook.xml and its relationships. */
export function sheetPart(entries: Entry[], sheet: string): string {
  const wb = text(entries, 'xl/workbook.xml')
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1]
  const rels = text(entries, 'xl/_rels/workbook.xml.rels')
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)
  const t = target![1]
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`
}

/** Adds one more sheet to workbook.xml (hidden when told) whose part is a copy of `copyOf`'s, with `edit` applied. */
export function addSheet(
  entries: Entry[],
  name: string,
  copyOf: string,
  opts: { hidden?: boolean; edit?: (xml: string) => string } = {}
): void {
  const part = `xl/worksheets/extra${entries.length}.xml`
  const xml = text(entries, sheetPart(entries, copyOf))
  entries.push({ name: part, data: Buffer.from(opts.edit ? opts.edit(xml) : xml, 'utf8') })
  const rid = `rIdExtra${entries.length}`
  setText(
    entries,
    'xl/workbook.xml',
    text(entries, 'xl/workbook.xml').replace(
      '</sheets>',
      `<sheet name="${name}" sheetId="${900 + entries.length}"${opts.hidden ? ' state="hidden"' : ''} r:id="${rid}"/></sheets>`
    )
  )
  setText(
    entries,
    'xl/_rels/workbook.xml.rels',
    text(entries, 'xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part.slice(3)}"/></Relationships>`
    )
  )
  setText(
    entries,
    '[Content_Types].xml',
    text(entries, '[Content_Types].xml').replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    )
  )
}

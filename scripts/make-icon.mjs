// Writes resources/icon.png (512×512 RGBA): a dark green square with a pale
// "register book" in the middle. No image library: PNG is zlib + CRC32 chunks.
// Run once with `node scripts/make-icon.mjs`; the PNG is committed.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const GREEN = [0x1b, 0x5e, 0x3b, 0xff]
const PAGE = [0xf1, 0xf5, 0xec, 0xff]
const SPINE = [0x8f, 0xbf, 0x9f, 0xff]

function pixel(x, y) {
  const inBook = x >= 136 && x < 376 && y >= 104 && y < 408
  const spine = x >= 136 && x < 168
  const line = (y - 160) % 48 < 12 && y >= 160 && y < 360 && x >= 200 && x < 344
  if (!inBook) return GREEN
  if (spine) return SPINE
  return line ? GREEN : PAGE
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1) // each row starts with filter type 0
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])
writeFileSync(new URL('../resources/icon.png', import.meta.url), png)

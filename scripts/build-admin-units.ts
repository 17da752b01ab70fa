/**
 * `npx tsx scripts/build-admin-units.ts [SOURCE.json]`: builds resources/admin-units/vn.json,
 * Vietnam's administrative map before and after 01/07/2025, from the compiled public
 * list (default ../shared/data/admin-units/vn-admin-units.json; its `about` names the
 * sources). The next change of the map is a data update through this script: new file,
 * new version, the date and source said in it — no code change.
 * Names are stored NFC; codes are kept as the GSO wrote them (a 5-digit commune code
 * means something only with its period, which is why the two periods stay apart).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

type Before = { validTo: string; asOf: string; provinces: Array<[string, string, Array<[string, string, Array<[string, string]>]>]> }
type After = {
  validFrom: string
  provinces: Array<[string, string, string[], Array<[string, string, Array<[string, 'full' | 'partial']>]>]>
}

const root = resolve(__dirname, '..')
const source = resolve(process.argv[2] ?? resolve(root, '../shared/data/admin-units/vn-admin-units.json'))
const raw = readFileSync(source)
const data = JSON.parse(raw.toString('utf8')) as { about: string; format: Record<string, string>; before: Before; after: After }
const nfc = (s: string) => s.normalize('NFC').trim()

const before: Before = {
  validTo: data.before.validTo,
  asOf: data.before.asOf,
  provinces: data.before.provinces.map(([code, name, districts]) => [
    code,
    nfc(name),
    districts.map(([d, dn, communes]) => [d, nfc(dn), communes.map(([c, cn]) => [c, nfc(cn)])])
  ])
}
const after: After = {
  validFrom: data.after.validFrom,
  provinces: data.after.provinces.map(([code, name, olds, communes]) => [
    code,
    nfc(name),
    olds,
    communes.map(([c, cn, from]) => [c, nfc(cn), from])
  ])
}
const count = {
  before: {
    provinces: before.provinces.length,
    districts: before.provinces.reduce((n, p) => n + p[2].length, 0),
    communes: before.provinces.reduce((n, p) => n + p[2].reduce((m, d) => m + d[2].length, 0), 0)
  },
  after: { provinces: after.provinces.length, communes: after.provinces.reduce((n, p) => n + p[3].length, 0) }
}
const out = {
  version: `vn-${data.after.validFrom}-${createHash('sha256').update(raw).digest('hex').slice(0, 8)}`,
  source: data.about,
  builtFrom: 'shared/data/admin-units/vn-admin-units.json (scripts/build-admin-units.ts)',
  format: data.format,
  count,
  before,
  after
}
const target = resolve(root, 'resources/admin-units/vn.json')
writeFileSync(target, JSON.stringify(out) + '\n')
console.log(
  `Đã ghi ${target}: trước 01/07/2025 ${count.before.provinces} tỉnh, ${count.before.districts} huyện, ${count.before.communes} xã; từ ${data.after.validFrom} ${count.after.provinces} tỉnh, ${count.after.communes} xã.`
)

/**
 * Districts with a little of everything a package carries: HTX, LHHTX and THT,
 * dated status history, yearly figures, an open dissolution case with a council
 * member, a debt, an asset with an area and an obstacle, and a name that looks
 * like a formula. Sizes stay small: the bench builds the big ones.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core } from '../../src/main/core/api'

export async function seedDistrict(core: Core, n: number, seed: number): Promise<void> {
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const kind = i % 7 === 6 ? 'tht' : i % 11 === 10 ? 'lhhtx' : 'htx'
    const e = await core.call('entity.create', {
      kind,
      name: i === 0 ? `=HYPERLINK("x") HTX ${seed}` : `${kind === 'tht' ? 'Tổ hợp tác' : 'HTX'} Dịch vụ số ${seed}-${i}`,
      regNo: kind === 'tht' ? null : `49${String(seed * 1000 + i).padStart(7, '0')}`,
      commune: `Xã Yên ${i % 5}`,
      phone: `0205 ${String(seed).padStart(3, '0')} ${i}`,
      registrationDate: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`,
      charterCapital: 100_000_000 * (i + 1) + seed,
      sector: (['agri', 'industry', 'trade_service', 'transport', 'construction'] as const)[i % 5],
      notes: i % 4 === 0 ? '+84 dòng một\r\ndòng hai' : i % 4 === 1 ? '-giảm @ghi chú' : null
    } as never)
    ids.push((e as { id: number }).id)
    if (i % 3 === 1) await core.call('status.add', { entityId: ids[i], status: 'suspended', effectiveDate: `2023-0${1 + (i % 8)}-15` })
    if (i % 5 === 2) await core.call('status.add', { entityId: ids[i], status: 'dissolved', effectiveDate: '2022-12-31' })
    await core.call('figures.set', {
      entityId: ids[i],
      year: 2023,
      figures: { members: 7 + i + seed, workers: 3 + i, managers: 2, revenue: 1_000_000 * (i + seed), profit: 10_000 * i }
    })
  }
  const target = ids.find((_, i) => i % 3 === 1)!
  const c = (await core.call('dissolution.open', { entityId: target, kind: 'compulsory', openedOn: '2024-02-01' })) as { id: number }
  await core.call('dissolution.council', { caseId: c.id, name: 'Nguyễn Văn An', role: 'chair' })
  await core.call('dissolution.item', { caseId: c.id, type: 'payable', party: 'Ngân hàng', amount: 15_000_000 })
  await core.call('dissolution.item', { caseId: c.id, type: 'asset', landCertificate: 'CH 01234', areaM2: 1234.56789 })
  await core.call('dissolution.obstacle', { caseId: c.id, code: 'debts', note: 'Nợ ngân hàng' })
}

/** Exports a package and writes it to `dir`; returns the file path and what the core said. */
export async function exportTo(core: Core, dir: string, asOf = '2024-06-30', name?: string) {
  const p = await core.call('handoff.export', { asOf })
  const file = join(dir, name ?? p.name)
  writeFileSync(file, Buffer.from(p.base64, 'base64'))
  return { file, info: p }
}

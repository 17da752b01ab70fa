/**
 * Handover of a former district's register to its new communes from a terminal (issue 14, point 3):
 * `handover plan` (who goes where; --json prints {"communes":[{code,name,records}],"unassigned":[{id,name,commune,reason}]}),
 * `handover resolve` (the officer's choice for one record), `handover export` (one signed package per
 * commune, written to --out), `handover import` (in the commune office).
 */
import { resolve } from 'node:path'
import type { HandoverExport, HandoverImportResult, HandoverRecord } from '../../../shared/api'
import { formatDate, formatNumber } from '../../../shared/text'
import { common, needDb, withCore, type Command } from '../command'
import { UsageError, table } from '../io'
import { assertWritable, writeOutput } from '../output'

type PlanShape = {
  communes: Array<{ code: string; name: string; records: number }>
  unassigned: Array<{ id: number; name: string; commune: string | null; reason: string }>
}

function need(value: string | boolean | undefined, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Thiếu ${what}.`)
  return value.trim()
}

export const handoverCommands: Record<string, Command> = {
  'handover plan': {
    usage: 'handover plan --db TỆP [--json]   huyện cũ: bản ghi nào giao cho xã mới nào; bản ghi cần chọn xã nhận',
    options: { ...common },
    run: (values) =>
      withCore(values, async (core): Promise<PlanShape> => {
        const plan = await core.call('handover.plan', {})
        return {
          communes: plan.communes.map((c) => ({ code: c.code, name: c.name, records: c.records })),
          unassigned: plan.unassigned.map((u) => ({ id: u.id, name: u.name, commune: u.commune, reason: u.reason }))
        }
      }),
    print: (result, io) => {
      const r = result as PlanShape
      if (r.communes.length === 0) io.out('Chưa có bản ghi nào được giao cho xã mới.')
      else
        io.out(
          table(
            ['Mã xã', 'Xã mới nhận', 'Số bản ghi'],
            r.communes.map((c) => [c.code, c.name, formatNumber(c.records)])
          )
        )
      if (r.unassigned.length > 0) {
        io.out(`\nCần chọn xã nhận (${formatNumber(r.unassigned.length)}): handover resolve --db TỆP --record SỐ --commune MÃ_XÃ`)
        io.out(
          table(
            ['Số', 'Tên', 'Xã (trong sổ)', 'Lý do'],
            r.unassigned.map((u) => [String(u.id), u.name, u.commune ?? '', u.reason])
          )
        )
      }
    }
  },

  'handover resolve': {
    usage: 'handover resolve --db TỆP --record SỐ --commune MÃ_XÃ [--note GHI_CHÚ]   chọn xã mới nhận một bản ghi (ghi nhật ký)',
    options: { ...common, record: { type: 'string' }, commune: { type: 'string' }, note: { type: 'string' } },
    run: (values) => {
      const record = Number(need(values.record, '--record SỐ (số bản ghi, cột «Số» của handover plan)'))
      if (!Number.isInteger(record) || record <= 0) throw new UsageError(`--record: «${String(values.record)}» không phải số bản ghi.`)
      const commune = need(values.commune, '--commune MÃ_XÃ (mã xã mới, ví dụ 05977)')
      return withCore(values, (core) =>
        core.call('handover.resolve', { recordId: record, commune, ...(typeof values.note === 'string' ? { note: values.note } : {}) })
      )
    },
    print: (result, io) => {
      const r = result as HandoverRecord
      io.out(`Đã ghi: ${r.name} (bản ghi số ${r.id}) giao cho ${r.to!.name} (mã ${r.to!.code})${r.note ? ` — ${r.note}` : ''}.`)
    }
  },

  'handover export': {
    usage: 'handover export --db TỆP --commune MÃ_XÃ --out GÓI.xlsx   gói bàn giao đã ký cho một xã mới, đủ lịch sử',
    options: { ...common, commune: { type: 'string' }, out: { type: 'string' } },
    run: (values) => {
      const commune = need(values.commune, '--commune MÃ_XÃ (mã xã mới nhận, xem handover plan)')
      const out = resolve(need(values.out, '--out TỆP (gói .xlsx sẽ ghi ra)'))
      const target = { path: out, extensions: ['.xlsx'], dbPath: needDb(values) }
      assertWritable(target)
      return withCore(values, async (core) => {
        let file = ''
        const deliver = ({ bytes }: { bytes: Buffer }) => void (file = writeOutput(target, bytes))
        const p = await core.call('handover.export', { commune }, { deliver })
        return {
          file,
          commune: { code: p.commune.code, name: p.commune.name },
          records: p.records,
          handedOverOn: p.handedOverOn,
          contentHash: p.contentHash,
          keyFingerprint: p.keyFingerprint,
          counts: p.counts
        }
      })
    },
    print: (result, io) => {
      const r = result as Pick<HandoverExport, 'records' | 'handedOverOn' | 'keyFingerprint'> & { file: string; commune: { name: string } }
      io.out(
        `Đã ghi gói bàn giao ${r.file}: ${formatNumber(r.records)} bản ghi cho ${r.commune.name}, ngày bàn giao ${formatDate(r.handedOverOn)}; ký bằng khóa ${r.keyFingerprint}.`
      )
    }
  },

  'handover import': {
    usage: 'handover import GÓI.xlsx --db TỆP_XÃ [--trust-new-keys]   xã mới nhận gói bàn giao của huyện cũ (một lần, đủ lịch sử)',
    options: { ...common, 'trust-new-keys': { type: 'boolean' } },
    positionals: true,
    run: (values, positionals) => {
      if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp gói bàn giao.')
      return withCore(values, (core) =>
        core.call('handover.import', {
          file: { path: resolve(positionals[0]!) },
          ...(values['trust-new-keys'] ? { trustNewKeys: true } : {})
        })
      )
    },
    print: (result, io) => io.out((result as HandoverImportResult).message)
  }
}

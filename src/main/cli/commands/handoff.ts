/**
 * Handoff to the province from a terminal: `export`, `verify`, `consolidate`,
 * `conflicts [resolve]`, `keys show|export|trust|list`. Scriptable by provincial IT staff: --json prints
 * the shapes the issue promises; verify exits 1 when the package is not ok,
 * consolidate when any package was rejected.
 */
import { vnDateTime } from '../../../shared/clock'
import { resolve } from 'node:path'
import {
  closedChangeText,
  type ClosedChange,
  type Conflict,
  type ConsolidateResult,
  type KeyInfo,
  type PackageReport,
  type TrustedKey
} from '../../../shared/api'
import { formatDate, formatNumber, parseViDate } from '../../../shared/text'
import { createCore } from '../../core/api'
import { common, needDb, withCore, type Command } from '../command'
import { EXIT, UsageError, table } from '../io'
import { assertWritable, writeOutput } from '../output'

function asOfOption(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : parseViDate(value)
  if (!iso) throw new UsageError(`--as-of: «${value}» không phải một ngày (gõ ngày/tháng/năm, ví dụ 30/06/2024).`)
  return iso
}

function outOption(value: string | boolean | undefined, what: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`Thiếu --out TỆP (${what}).`)
  return resolve(value)
}

/** A moment as the office's clock shows it (Vietnam). */
const when = vnDateTime

function conflictState(c: Conflict): string {
  if (c.resolved) return `tỉnh đã quyết định (${c.decision!.by}, ${when(c.decision!.at)})${c.decision!.note ? `: ${c.decision!.note}` : ''}`
  return `chưa quyết định: tính ở huyện gửi gói mới nhất${c.decision ? ` (quyết định cũ chọn ${c.decision.owner}, huyện này không còn trùng)` : ''}`
}

/** The verify document the issue promises, in its order. */
function verifyShape(r: PackageReport) {
  return {
    ok: r.ok,
    unit: r.unit,
    unitName: r.unitName,
    exportedAt: r.exportedAt,
    asOf: r.asOf,
    formatVersion: r.formatVersion,
    counts: r.counts,
    contentHash: r.contentHash,
    signature: r.signature,
    problems: r.problems,
    code: r.code,
    keyFingerprint: r.keyFingerprint,
    alreadyConsolidated: r.alreadyConsolidated,
    closedChanges: r.closedChanges
  }
}

/** Closed data the district changed since its previous package, one line each. */
function printClosedChanges(changes: ClosedChange[] | undefined, out: (line: string) => void): void {
  if (!changes || changes.length === 0) return
  out(`Số liệu đã chốt bị sửa từ gói trước (${formatNumber(changes.length)}):`)
  for (const c of changes) out(`  - ${closedChangeText(c, when, formatDate)}`)
}

export const handoffCommands: Record<string, Command> = {
  export: {
    usage: 'export --db TỆP --out GÓI.xlsx [--as-of NGÀY] [--new-key]   xuất gói dữ liệu đã ký để gửi tỉnh',
    options: { ...common, out: { type: 'string' }, 'as-of': { type: 'string' }, 'new-key': { type: 'boolean' } },
    run: (values) => {
      const out = outOption(values.out, 'gói .xlsx sẽ ghi ra')
      const asOf = asOfOption(values['as-of'])
      const target = { path: out, extensions: ['.xlsx'], dbPath: needDb(values) }
      assertWritable(target)
      return withCore(values, async (core) => {
        // Written inside the export's transaction, whole or nothing (temp file + rename): a full disk
        // leaves neither a half-written package nor an export-history row.
        let file = ''
        const deliver = ({ bytes }: { bytes: Buffer }) => void (file = writeOutput(target, bytes))
        const p = await core.call(
          'handoff.export',
          { ...(asOf ? { asOf } : {}), ...(values['new-key'] ? { newKey: true } : {}) },
          { deliver }
        )
        return {
          file,
          unit: p.unit,
          exportedAt: p.exportedAt,
          asOf: p.asOf,
          contentHash: p.contentHash,
          keyFingerprint: p.keyFingerprint,
          counts: p.counts,
          // The data checks run before export: how many open findings the package carries (checks run lists them).
          checks: p.checks?.counts ?? null
        }
      })
    },
    print: (result, io) => {
      const r = result as {
        file: string
        asOf: string
        keyFingerprint: string
        counts: Record<string, number>
        checks: { open: number; error: number } | null
      }
      io.out(
        `Đã ghi gói ${r.file}: ${formatNumber(r.counts.entities)} bản ghi, số liệu đến ${formatDate(r.asOf)}; ký bằng khóa ${r.keyFingerprint}.`
      )
      if (r.checks?.open)
        io.out(
          `Gói kèm ${formatNumber(r.checks.open)} phát hiện kiểm tra số liệu chưa kiểm tra (${formatNumber(r.checks.error)} sai) — xem: checks run --db TỆP.`
        )
    }
  },

  verify: {
    usage:
      'verify GÓI.xlsx [--db TỆP_TỈNH]   kiểm tra gói (có --db: thêm khóa tin cậy, đúng tỉnh, mới hơn gói đã tổng hợp); mã thoát 1 khi không đạt',
    options: { ...common },
    positionals: true,
    run: async (values, positionals) => {
      if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp gói để kiểm tra.')
      const file = { path: resolve(positionals[0]) }
      // Without a province file there is nothing to compare against: an empty in-memory one.
      if (typeof values.db !== 'string') {
        const core = await createCore({ dbPath: ':memory:' })
        try {
          return verifyShape(await core.call('handoff.verify', { file }))
        } finally {
          await core.close()
        }
      }
      return withCore(values, async (core) => verifyShape(await core.call('handoff.verify', { file })))
    },
    exitCode: (result) => ((result as PackageReport).ok ? EXIT.done : EXIT.rejected),
    print: (result, io) => {
      const r = result as PackageReport
      io.out(
        [
          `Kết quả:        ${r.ok ? 'ĐẠT' : 'KHÔNG ĐẠT'}`,
          `Đơn vị:         ${r.unit ?? ''} — ${r.unitName ?? ''}`,
          `Xuất lúc:       ${when(r.exportedAt)}`,
          `Số liệu đến:    ${formatDate(r.asOf)}`,
          `Chữ ký:         ${{ valid: 'hợp lệ', invalid: 'KHÔNG hợp lệ', unsigned: 'không có', 'unknown-key': 'khóa chưa tin cậy' }[r.signature]}${r.keyFingerprint ? ` (${r.keyFingerprint})` : ''}`,
          `Mã băm:         ${r.contentHash ?? ''}`
        ].join('\n')
      )
      printClosedChanges(r.closedChanges, io.out)
      for (const p of r.problems) io.err(`${p.code}: ${p.message}`)
    }
  },

  consolidate: {
    usage: 'consolidate GÓI.xlsx… --db TỆP_TỈNH [--trust-new-keys] [--accept-over-wrong-date]   tổng hợp gói của các huyện (tệp cấp tỉnh)',
    options: { ...common, 'trust-new-keys': { type: 'boolean' }, 'accept-over-wrong-date': { type: 'boolean' } },
    positionals: true,
    run: (values, positionals) => {
      if (positionals.length === 0) throw new UsageError('Cần ít nhất một tệp gói để tổng hợp.')
      return withCore(values, async (core) => {
        const r = await core.call('handoff.consolidate', {
          files: positionals.map((p) => ({ path: resolve(p) })),
          ...(values['trust-new-keys'] ? { trustNewKeys: true } : {}),
          ...(values['accept-over-wrong-date'] ? { replaceWrongDate: true } : {})
        })
        return {
          accepted: r.accepted.map((a) => ({
            file: a.file,
            unit: a.unit,
            exportedAt: a.exportedAt,
            ...(a.replacedWrongDate ? { replacedWrongDate: a.replacedWrongDate } : {}),
            ...(a.closedChanges ? { closedChanges: a.closedChanges } : {})
          })),
          skipped: r.skipped,
          rejected: r.rejected,
          conflicts: r.conflicts.map((c) => ({ key: c.key, units: c.units, countedUnit: c.countedUnit, resolved: c.resolved }))
        }
      })
    },
    exitCode: (result) => ((result as ConsolidateResult).rejected.length > 0 ? EXIT.rejected : EXIT.done),
    print: (result, io) => {
      const r = result as ConsolidateResult
      for (const a of r.accepted) {
        io.out(
          `ĐÃ TỔNG HỢP  ${a.file} (đơn vị ${a.unit}, xuất lúc ${when(a.exportedAt)})${a.replacedWrongDate ? `, thay gói ghi sai ngày ${when(a.replacedWrongDate)}` : ''}`
        )
        printClosedChanges(a.closedChanges, io.out)
      }
      for (const s of r.skipped) io.out(`BỎ QUA       ${s.file}: ${s.reason}`)
      for (const j of r.rejected) io.err(`TỪ CHỐI      ${j.file}: ${j.code} — ${j.reason}`)
      for (const c of r.conflicts)
        io.err(
          `Trùng giữa các huyện ${c.units.join(', ')}: ${c.key} — tính ở huyện ${c.countedUnit}${c.resolved ? ' (tỉnh đã quyết định)' : ' (gói mới nhất; chọn huyện quản lý bằng lệnh conflicts resolve)'}`
        )
    }
  },

  conflicts: {
    usage: 'conflicts --db TỆP_TỈNH   HTX có trong số liệu của hai huyện: đang tính ở huyện nào, tỉnh đã quyết định chưa',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('handoff.conflicts', {})),
    print: (result, io) => {
      const rows = result as Conflict[]
      if (rows.length === 0) return io.out('Không có HTX nào xuất hiện ở hai huyện.')
      io.out(
        table(
          ['Khóa', 'Tên', 'Các huyện', 'Đang tính ở', 'Quyết định'],
          rows.map((c) => [c.key, c.names.join('; '), c.units.join(', '), c.countedUnit, conflictState(c)])
        )
      )
    }
  },

  'conflicts resolve': {
    usage:
      'conflicts resolve --db TỆP_TỈNH --key KHÓA --owner MÃ_HUYỆN [--note GHI_CHÚ]   tỉnh chọn huyện quản lý: HTX chỉ được tính ở huyện đó',
    options: { ...common, key: { type: 'string' }, owner: { type: 'string' }, note: { type: 'string' } },
    run: (values) => {
      if (typeof values.key !== 'string' || values.key === '')
        throw new UsageError('Thiếu --key KHÓA (cột «Khóa» của lệnh conflicts, ví dụ reg:4900123456).')
      if (typeof values.owner !== 'string' || values.owner === '')
        throw new UsageError('Thiếu --owner MÃ_HUYỆN (một trong các huyện đang trùng).')
      const input = { conflictKey: values.key, ownerUnit: values.owner, ...(typeof values.note === 'string' ? { note: values.note } : {}) }
      return withCore(values, (core) => core.call('handoff.resolveConflict', input))
    },
    print: (result, io) => {
      const c = result as Conflict
      io.out(`Đã ghi quyết định: ${c.key} được tính ở huyện ${c.countedUnit}${c.decision?.note ? ` (${c.decision.note})` : ''}.`)
    }
  },

  'keys show': {
    usage: 'keys show --db TỆP   dấu vân tay khóa ký của cơ quan (đọc qua điện thoại cho tỉnh)',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('handoff.key', {})),
    print: (result, io) => {
      const k = result as KeyInfo
      io.out(`Đơn vị ${k.unit} — ${k.unitName}\nDấu vân tay khóa: ${k.fingerprint}`)
    }
  },

  'keys export': {
    usage: 'keys export --db TỆP --out KHÓA.pub   ghi tệp khóa công khai để gửi tỉnh (khóa bí mật không bao giờ được xuất)',
    options: { ...common, out: { type: 'string' } },
    run: (values) => {
      const out = outOption(values.out, 'tệp khóa công khai .pub')
      return withCore(values, async (core) => {
        const k = await core.call('handoff.publicKey', {})
        return {
          file: writeOutput({ path: out, extensions: ['.pub', '.txt'], dbPath: needDb(values) }, k.text),
          fingerprint: k.fingerprint
        }
      })
    },
    print: (result, io) => {
      const r = result as { file: string; fingerprint: string }
      io.out(`Đã ghi ${r.file}; dấu vân tay ${r.fingerprint}.`)
    }
  },

  'keys trust': {
    usage: 'keys trust KHÓA.pub --db TỆP_TỈNH [--replace]   tin cậy khóa công khai của một huyện (đã đối chiếu dấu vân tay)',
    options: { ...common, replace: { type: 'boolean' } },
    positionals: true,
    run: (values, positionals) => {
      if (positionals.length !== 1) throw new UsageError('Cần đúng một tệp khóa .pub.')
      return withCore(values, (core) =>
        core.call('handoff.trustKey', { key: { path: resolve(positionals[0]) }, ...(values.replace ? { replace: true } : {}) })
      )
    },
    print: (result, io) => {
      const k = result as TrustedKey
      io.out(`Đã tin cậy khóa của ${k.unit} — ${k.unitName}: ${k.fingerprint}`)
    }
  },

  'keys list': {
    usage: 'keys list --db TỆP_TỈNH   các khóa huyện đã được tin cậy',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('handoff.trustedKeys', {})),
    print: (result, io) => {
      const rows = result as TrustedKey[]
      io.out(
        table(
          ['Đơn vị', 'Tên', 'Dấu vân tay', 'Nguồn', 'Từ'],
          rows.map((k) => [
            k.unit,
            k.unitName,
            k.fingerprint,
            { file: 'tệp khóa', package: 'gói (xác nhận)', reply: 'phản hồi của tỉnh (xác nhận)' }[k.source],
            when(k.addedAt)
          ])
        )
      )
    }
  }
}

/**
 * The reply file (format 1): the province's review of one package, signed as a package's
 * manifest is (handoff/format.ts, handoff/keys.ts): a flat map of text entries, the
 * signature Ed25519 by the province office's own key over "so-htx-reply/1\n" + JSON of the
 * entries but the signature sorted by key — so it covers the district it is meant for, the
 * package (its content hash), the decision, every remark and the public key together. The
 * prefix differs from a package's, so neither signature can be passed off as the other.
 *
 * The file is UTF-8 JSON (one object, every value a string; the remarks a JSON text), small
 * enough to read in Notepad; nothing in it is trusted before the signature is checked.
 */
import { AppError } from '../../../shared/errors'
import { fingerprint, verifyText } from '../handoff/keys'
import { signedText, type Manifest } from '../handoff/format'

export const REPLY_FORMAT = 'so-htx-review-reply'
export const REPLY_FORMAT_VERSION = '1'
export const REPLY_SIGNED_PREFIX = 'so-htx-reply/1'
/** A reply with a remark on every record of a large district stays far below this. */
const REPLY_MAX_BYTES = 8 * 1024 * 1024

export const REPLY_KEYS = [
  'format',
  'formatVersion',
  'appVersion',
  'provinceCode',
  'provinceName',
  'unitCode',
  'unitName',
  'packageExportedAt',
  'packageAsOf',
  'packageContentHash',
  'decision',
  'note',
  'reviewedAt',
  'reviewedBy',
  'exportedAt',
  'remarks',
  'publicKey',
  'keyFingerprint',
  'signature'
] as const
export type ReplyKey = (typeof REPLY_KEYS)[number]
export type ReplyManifest = Record<ReplyKey, string>

/** One remark as the reply carries it: the district's own record id (sourceId) with its number and name. */
export interface ReplyRemark {
  id: number
  kind: 'record' | 'indicator'
  sourceId: number | null
  regNo: string | null
  name: string | null
  indicator: string | null
  indicatorLabel: string | null
  text: string
}

export function replySignedText(m: Manifest): string {
  return signedText(m, REPLY_SIGNED_PREFIX)
}

export function replyBytes(m: ReplyManifest): Buffer {
  const ordered = Object.fromEntries(REPLY_KEYS.map((k) => [k, m[k]]))
  return Buffer.from(JSON.stringify(ordered, null, 2) + '\n', 'utf8')
}

export type ReadReply =
  { ok: true; manifest: ReplyManifest; remarks: ReplyRemark[] } | { ok: false; code: 'NOT_A_REPLY' | 'SIGNATURE_INVALID'; message: string }

/** Reads and checks the signature against the key the file carries (whether that key is the province's: the caller). */
export function readReply(data: Buffer, name: string): ReadReply {
  const notReply = (why: string): ReadReply => ({
    ok: false,
    code: 'NOT_A_REPLY',
    message: `Tệp «${name}» không phải tệp phản hồi của tỉnh (Sổ HTX): ${why}.`
  })
  if (data.length > REPLY_MAX_BYTES) return notReply('tệp quá lớn')
  let parsed: unknown
  try {
    parsed = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''))
  } catch {
    return notReply('nội dung không đọc được (không phải JSON)')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return notReply('nội dung không đúng dạng')
  const obj = parsed as Record<string, unknown>
  if (obj.format !== REPLY_FORMAT) return notReply('thiếu dòng «format» của phản hồi')
  if (obj.formatVersion !== REPLY_FORMAT_VERSION)
    return notReply(`phiên bản định dạng ${String(obj.formatVersion)} chưa được hỗ trợ; hãy cập nhật phần mềm`)
  const tampered: ReadReply = {
    ok: false,
    code: 'SIGNATURE_INVALID',
    message: `Tệp phản hồi «${name}» đã bị sửa sau khi tỉnh ký (chữ ký không khớp với nội dung): không nhập. Hãy xin tỉnh gửi lại tệp phản hồi.`
  }
  const extra = Object.keys(obj).filter((k) => !(REPLY_KEYS as readonly string[]).includes(k))
  if (extra.length > 0) return tampered
  for (const k of REPLY_KEYS) if (typeof obj[k] !== 'string') return k === 'signature' ? tampered : notReply(`thiếu hoặc sai mục «${k}»`)
  const manifest = obj as ReplyManifest
  if (fingerprint(manifest.publicKey) !== manifest.keyFingerprint) return tampered
  if (!verifyText(manifest.publicKey, replySignedText(manifest), manifest.signature)) return tampered
  if (manifest.decision !== 'accepted' && manifest.decision !== 'returned') return notReply(`kết luận «${manifest.decision}» không hợp lệ`)
  let remarks: ReplyRemark[]
  try {
    remarks = JSON.parse(manifest.remarks) as ReplyRemark[]
    if (!Array.isArray(remarks) || remarks.some((r) => !r || typeof r.id !== 'number' || typeof r.text !== 'string')) throw new Error()
  } catch {
    return notReply('danh sách góp ý không đọc được')
  }
  return { ok: true, manifest, remarks }
}

export function replyError(code: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', message, { code, field: 'file', ...details })
}

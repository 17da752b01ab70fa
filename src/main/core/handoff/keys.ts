/**
 * The office's signing key: Ed25519 (node:crypto), created at setup or on first use,
 * the private half in a PEM file beside the DB (mode 0600, never exported), the
 * public half shared as a small text file whose fingerprint a person reads aloud
 * over the phone to the province before it is trusted.
 *
 * Once the office has exported a package, its key is the one the province knows:
 * a missing key file is then never replaced by a new key in silence (the province
 * would refuse every later package); only an explicit «tạo khóa mới» does, audited.
 */
import { vnDate } from '../../../shared/clock'
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/text'
import { writeAudit } from '../audit/log'
import { backupDir } from '../backup/files'
import type { CoreContext } from '../context'

export interface SigningKey {
  privateKey: KeyObject
  /** SPKI DER, base64: what packages and key files carry. */
  publicKey: string
  fingerprint: string
  file: string
}

/** Beside the DB, named after it, so two offices' files in one folder keep their own keys. */
export function keyFileFor(dbPath: string): string {
  return `${dbPath}.signing-key.pem`
}

/** The office's key, created the first time it is needed. */
export function ensureSigningKey(dbPath: string): SigningKey {
  const file = keyFileFor(dbPath)
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519')
    try {
      // 'wx': never overwrite a key another process created a moment ago.
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(readFileSync(file))
  } catch {
    throw new AppError(
      'CORRUPT',
      `Tệp khóa ký ${file} bị hỏng. Hãy chép lại tệp này từ bản sao của khóa; nếu không còn bản nào, xóa nó rồi xuất gói với «tạo khóa mới» (tỉnh sẽ phải tin cậy khóa mới).`,
      { file }
    )
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AppError('CORRUPT', `Tệp khóa ký ${file} không phải khóa Ed25519.`, { file })
  const publicKey = spkiBase64(createPublicKey(privateKey))
  return { privateKey, publicKey, fingerprint: fingerprint(publicKey), file }
}

/**
 * The office's key for exporting, showing or handing out: made here only while the
 * office has never exported (or when the user explicitly asks for a new one because
 * the old is lost); otherwise a missing key file is refused, saying where it belongs
 * and how to put it back. The automatic backups hold the database only, not the key.
 */
export async function officeSigningKey(ctx: CoreContext, options: { newKey?: boolean } = {}): Promise<SigningKey> {
  const file = keyFileFor(ctx.conn.path)
  const present = existsSync(file)
  if (options.newKey && present) {
    throw new AppError(
      'VALIDATION',
      `Tệp khóa ký ${file} vẫn còn: không tạo khóa mới khi khóa cũ còn dùng được (tỉnh đã biết khóa này). «Tạo khóa mới» chỉ dùng khi tệp khóa đã mất hẳn.`,
      { field: 'newKey', file }
    )
  }
  if (!present && !options.newKey) {
    const last = ctx.conn.sqlite.prepare('select at, key_fingerprint from package_exports order by id desc limit 1').get() as
      { at: string; key_fingerprint: string } | undefined
    if (last) {
      const day = formatDate(vnDate(last.at))
      throw new AppError(
        'NOT_FOUND',
        `Không tìm thấy tệp khóa ký của cơ quan: ${file}. Cơ quan đã xuất gói ký bằng khóa ${last.key_fingerprint} (lần cuối ngày ${day}), nên phần mềm không tự tạo khóa mới: tỉnh sẽ từ chối mọi gói ký bằng khóa khác. ` +
          `Hãy chép tệp «${basename(file)}» từ bản sao lưu khóa của cơ quan (USB, thư mục đã chép riêng) về đúng chỗ trên, cạnh tệp dữ liệu, rồi làm lại. ` +
          `Các bản sao lưu tự động trong ${backupDir(ctx.conn.path)} chỉ chứa tệp dữ liệu, không chứa khóa. ` +
          `Nếu không còn bản sao nào của khóa: xuất gói với «tạo khóa mới» (dòng lệnh: export --new-key), gửi tệp khóa công khai mới cho tỉnh và gọi điện đối chiếu dấu vân tay để tỉnh thay khóa.`,
        { file, fingerprint: last.key_fingerprint }
      )
    }
  }
  const key = ensureSigningKey(ctx.conn.path)
  if (!present && options.newKey) {
    await ctx.db.transaction().execute((trx) =>
      writeAudit(trx, ctx, {
        action: 'new_signing_key',
        table: 'package_exports',
        rowId: null,
        after: { file, fingerprint: key.fingerprint }
      })
    )
  }
  return key
}

/**
 * At the office's first run (office.setup): make the key now, so its fingerprint is
 * known from the first day. A file kept only in memory has no folder to hold it, and
 * a key that cannot be written now is made (and its error shown) at first use.
 */
export function createSigningKeyAtSetup(dbPath: string): void {
  if (dbPath === ':memory:' || dbPath === '') return
  try {
    ensureSigningKey(dbPath)
  } catch {
    // Reported by handoff.key / handoff.export, where the user can act on it.
  }
}

function spkiBase64(key: KeyObject): string {
  return (key.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64')
}

/** 80 bits of SHA-256 of the public key, five groups of four hex digits: short enough to read aloud. */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 20).toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}

export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64')
}

/** False for a bad signature and for anything that is not an Ed25519 public key. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    if (key.asymmetricKeyType !== 'ed25519') return false
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

/** The public key file a district hands to the province: readable, with the PEM block machines use. */
export function publicKeyFile(unitCode: string, unitName: string, key: Pick<SigningKey, 'publicKey' | 'fingerprint'>): string {
  const pem = key.publicKey.match(/.{1,64}/g)!.join('\n')
  return [
    'Sổ HTX — khóa công khai của đơn vị',
    `Đơn vị: ${unitCode} — ${unitName}`,
    `Dấu vân tay: ${key.fingerprint}`,
    '-----BEGIN PUBLIC KEY-----',
    pem,
    '-----END PUBLIC KEY-----',
    ''
  ].join('\r\n')
}

/** Reads a key file back: the unit it claims and the key; the fingerprint is recomputed, never trusted. */
export function parsePublicKeyFile(text: string, name = 'tệp khóa'): { unitCode: string; publicKey: string; fingerprint: string } {
  const unit = /Đơn vị:\s*(\d{2,5})/u.exec(text.normalize('NFC'))
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(text)
  if (!unit || !pem) {
    throw new AppError('VALIDATION', `${name} không phải tệp khóa công khai của Sổ HTX (thiếu dòng «Đơn vị:» hoặc khối PUBLIC KEY).`, {
      field: 'key'
    })
  }
  const publicKey = pem[1].replace(/\s+/g, '')
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519')
  } catch {
    throw new AppError('VALIDATION', `${name}: khối PUBLIC KEY không phải khóa Ed25519 hợp lệ.`, { field: 'key' })
  }
  return { unitCode: unit[1], publicKey, fingerprint: fingerprint(publicKey) }
}

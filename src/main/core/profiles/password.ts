/**
 * Profile passwords: scrypt with a random salt per password, compared in
 * constant time. The stored hash names its parameters so they can be raised
 * later without locking anyone out. A password never leaves this module except
 * as that hash.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const PARAMS = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // NFC: the same password typed through two Vietnamese input methods is the same password.
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)))
  )
}

export interface StoredPassword {
  hash: string
  salt: string
}

export async function hashPassword(password: string): Promise<StoredPassword> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return { hash: `scrypt:${PARAMS.N}:${PARAMS.r}:${PARAMS.p}:${key.toString('hex')}`, salt: salt.toString('hex') }
}

export async function verifyPassword(password: string, stored: StoredPassword): Promise<boolean> {
  const [scheme, n, r, p, hex] = stored.hash.split(':')
  if (scheme !== 'scrypt' || !hex) return false
  const expected = Buffer.from(hex, 'hex')
  const key = await derive(password, Buffer.from(stored.salt, 'hex'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

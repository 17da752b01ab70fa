/** Where a case's attached files live: beside the DB, by content hash, never inside it. */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function attachmentDir(dbPath: string): string {
  return join(dirname(dbPath), 'tep-dinh-kem')
}

/** Stores one attachment's bytes under its hash: whole or not at all (temp file + rename). */
export function storeAttachmentBytes(dbPath: string, sha256: string, bytes: Buffer): void {
  const target = join(attachmentDir(dbPath), sha256)
  if (existsSync(target)) return
  const tmp = `${target}.${process.pid}.tam`
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' })
    renameSync(tmp, target)
  } finally {
    rmSync(tmp, { force: true })
  }
}

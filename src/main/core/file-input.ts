/**
 * Reading a file that comes in (contract/common.ts fileInput): a full path or the
 * bytes the window sent, under one size limit, refused in one Vietnamese sentence.
 * Every handler that takes a file reads it here.
 */
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { IMPORT_MAX_BYTES, type FileInput } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { formatNumber } from '../../shared/text'

function refuse(file: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('VALIDATION', `Tệp «${file}»: ${message}`, { file, ...details })
}

function tooBig(name: string, size: number): never {
  refuse(name, `quá lớn (${formatNumber(size / 1024 / 1024, 1)} MB; tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`)
}

/** The file's own name (whatever folder the browser or the person typed before it) and its bytes. */
export function loadBytes(input: FileInput): { name: string; data: Buffer } {
  if ('path' in input) {
    const name = basename(input.path)
    let size: number
    try {
      const st = statSync(input.path)
      if (!st.isFile()) refuse(name, 'không phải là một tệp.')
      size = st.size
    } catch (err) {
      if (err instanceof AppError) throw err
      refuse(name, 'không mở được (không có tệp hoặc không có quyền đọc).', { path: input.path })
    }
    if (size > IMPORT_MAX_BYTES) tooBig(name, size)
    return { name, data: readFileSync(input.path) }
  }
  // Buffer.from skips what is not base64 without a word: a damaged upload is said, not stored half.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64)) refuse(input.name, 'không đọc được (dữ liệu gửi lên bị hỏng).', { field: 'base64' })
  const data = Buffer.from(input.base64, 'base64')
  if (data.length > IMPORT_MAX_BYTES) tooBig(input.name, data.length)
  return { name: input.name.split(/[\\/]/).pop() || 'tep', data }
}

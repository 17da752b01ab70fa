/** Building blocks every domain's contract uses. */
import { z } from 'zod'
import { isRealDate } from '../text'

z.config(z.locales.vi())

/**
 * Who may call a handler, said where it is declared (the core's gate, access.ts, reads it):
 * - 'read': changes nothing in the file, so anyone may call it, also on a file opened read-only;
 * - 'write': changes the office's register: a signed-in quản trị or cán bộ, never in province mode
 *   (there the register is the districts' snapshots);
 * - 'province-write': a write a province-mode file still accepts, its own housekeeping (consolidation,
 *   keys, targets, backups);
 * - 'admin': managing people or replacing the whole file: quản trị only, in either mode;
 * - 'self-service': one's own session (signing in, one's own password, preferences): any role, even
 *   not signed in; the handler checks the rest.
 * There is no default: a handler that does not say does not compile.
 */
export const ACCESS_LEVELS = ['read', 'write', 'province-write', 'admin', 'self-service'] as const
export type Access = (typeof ACCESS_LEVELS)[number]

/** Declares a handler: its access now, then its input schema, its output type as a parameter. */
export function handler<Out>(access: Access) {
  return <In extends z.ZodType>(input: In) => ({ access, input, output: undefined as unknown as Out })
}

export const empty = z.object({}).strict()
export const id = z.number().int().positive()
/** Control characters other than tab and line breaks: invisible, and not every spreadsheet program keeps them. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Không quá ${max} ký tự`)
    .refine(
      (s) => !CONTROL_CHARACTERS.test(s),
      'Có ký tự điều khiển không nhìn thấy được (thường do dán từ chương trình khác): hãy xóa rồi gõ lại'
    )
export const optionalText = (max: number) => text(max).nullish()

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ: gõ ngày/tháng/năm, ví dụ 06/05/2024')
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    message: 'Ngày không có thật trên lịch'
  })

/** 50 MiB per file coming in: a district register is a few hundred kilobytes, a scanned decision a few megabytes. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024
/** The longest base64 a file of IMPORT_MAX_BYTES becomes. */
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4
/** The largest request a door takes: one file at the limit as base64, plus the rest of the input and the envelope. */
export const REQUEST_MAX_BYTES = IMPORT_MAX_BASE64 + 64 * 1024

/** A full path (C:\…, \\máy\…, /…): a relative one would depend on where the app was started. */
export const fullPath = (message = 'Cần đường dẫn đầy đủ tới tệp') => text(1000).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, message)

/**
 * A file coming in, the one shape every handler takes: a full path (the CLI, a
 * desktop dialog) or the bytes of a file picked in the window (the browser preview
 * has no paths). The core reads either the same way (core/file-input.ts).
 */
export const fileInput = z.union([
  z.object({ path: fullPath() }).strict(),
  z
    .object({
      name: text(255).min(1, 'Cần tên tệp'),
      base64: z.string().max(IMPORT_MAX_BASE64, `Tệp không quá ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
    })
    .strict()
])
export type FileInput = z.infer<typeof fileInput>

/** A file going out: its name and bytes; the door saves it where the person chose (a download, a dialog, --out). */
export interface FileOutput {
  name: string
  base64: string
}

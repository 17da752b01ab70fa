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
    .refine((s) => !CONTROL_CHARACTERS.test(s), 'Có ký tự điều khiển không nhìn thấy được (thường do dán từ chương trình khác): hãy xóa rồi gõ lại')
export const optionalText = (max: number) => text(max).nullish()

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ: gõ ngày/tháng/năm, ví dụ 06/05/2024')
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), {
    message: 'Ngày không có thật trên lịch'
  })

/** Building blocks every domain's contract uses. */
import { z } from 'zod'
import { isRealDate } from '../text'

z.config(z.locales.vi())

/** Declares a handler: its input schema now, its output type as a parameter. */
export function handler<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out })
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

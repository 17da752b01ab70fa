/** The support programmes are data (resources/support/programmes.json), checked once when first used. */
import { z } from 'zod'
import programmesFile from '../../../../resources/support/programmes.json'
import type { SupportProgramme } from '../../../shared/contract/support'
import { fold } from '../../../shared/text'

const programmeSchema = z
  .object({
    code: z.string().regex(/^[a-z_]+$/),
    label: z.string().min(1),
    reaches: z.enum(['coops', 'people', 'both']),
    aliases: z.array(z.string()).default([])
  })
  .strict()
type Programme = z.infer<typeof programmeSchema>

let loaded: Programme[] | null = null

export function programmes(): Programme[] {
  if (loaded) return loaded
  const list = z.array(programmeSchema).parse(programmesFile.programmes)
  if (new Set(list.map((p) => p.code)).size !== list.length) throw new Error('support: duplicate programme code')
  loaded = list
  return list
}

export function programmeList(): SupportProgramme[] {
  return programmes().map(({ code, label, reaches }) => ({ code, label, reaches }))
}

export function programmeLabel(code: string): string {
  return programmes().find((p) => p.code === code)?.label ?? code
}

/** A code, a label or an alias as typed (diacritics and case aside); null when none matches. */
export function findProgramme(typed: string): Programme | null {
  const t = fold(typed).trim()
  if (!t) return null
  const list = programmes()
  return (
    list.find((p) => p.code === typed.trim()) ??
    list.find((p) => fold(p.label) === t) ??
    list.find((p) => p.aliases.some((a) => fold(a) === t)) ??
    // "Hỗ trợ thành lập mới HTX": the longest alias the text contains.
    list
      .flatMap((p) => p.aliases.map((a) => ({ p, a: fold(a) })))
      .filter(({ a }) => t.includes(a))
      .sort((x, y) => y.a.length - x.a.length)[0]?.p ??
    null
  )
}

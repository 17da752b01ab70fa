/**
 * Handover of a former district's register to the communes that replaced it (issue 14, point 3):
 * the plan (which new commune takes each record, from the map's predecessor list), the officer's
 * decisions where the map cannot say, one signed package per commune, and its import in the
 * commune office with the whole history.
 */
import { z } from 'zod'
import { fileInput, handler, id, text, type FileOutput } from './common'

export const handoverLabels: Record<string, string> = {
  recordId: 'Bản ghi',
  note: 'Ghi chú',
  trustNewKeys: 'Tin cậy khóa mới'
}

export interface HandoverCommune {
  /** GSO code of the new commune ("05977"), and its key in an office file ("05977@2025"). */
  code: string
  key: string
  name: string
}

export interface HandoverRecord {
  id: number
  name: string
  regNo: string | null
  /** The record's commune as the register writes it (the old commune of the district's map). */
  commune: string | null
  /** The old commune it was read as, when one was recognised. */
  oldCommune: { code: string; name: string } | null
  /** The new commune taking it; null while the officer has not decided. */
  to: HandoverCommune | null
  /** 'map': the old commune went whole to one new commune; 'decision': the officer chose. */
  source: 'map' | 'decision' | null
  note: string | null
  /** Why the map cannot say (a split or unknown old commune); null when assigned. */
  reason: string | null
  /** The communes it may go to: where its old commune went, or every successor when unknown. */
  candidates: HandoverCommune[]
  /** Already handed over: on which date, to which commune. */
  handedOverOn: string | null
  handedOverTo: string | null
}

export interface HandoverPlan {
  district: { code: string; name: string }
  /** New communes with at least one record assigned, in code order. */
  communes: Array<HandoverCommune & { records: number; handedOver: number }>
  /** Records the officer must assign (split or unknown old commune), in id order. */
  unassigned: Array<{ id: number; name: string; commune: string | null; reason: string; candidates: HandoverCommune[] }>
  /** Every successor commune of the district's old communes: what any record may be assigned to. */
  candidates: HandoverCommune[]
  records: HandoverRecord[]
}

export interface HandoverExport extends FileOutput {
  commune: HandoverCommune
  records: number
  handedOverOn: string
  contentHash: string
  keyFingerprint: string
  counts: Record<string, number>
}

export interface HandoverImportResult {
  /** false: the same package (or its records) was taken in before; nothing was written. */
  imported: boolean
  from: { code: string; name: string }
  records: number
  counts: Record<string, number>
  trustedNewKey: boolean
  keyFingerprint: string
  message: string
}

const communeCode = text(20).min(1, 'Chọn xã nhận bàn giao')

export const handoverContract = {
  'handover.plan': handler<HandoverPlan>('read')(z.object({}).strict()),
  /** The officer's choice of commune for one record (audited); replaces an earlier choice. */
  'handover.resolve': handler<HandoverRecord>('write')(
    z.object({ recordId: id, commune: communeCode, note: text(1000).nullish() }).strict()
  ),
  /** One signed package of the records going to one commune; marks them handed over (audited). */
  'handover.export': handler<HandoverExport>('write')(z.object({ commune: communeCode }).strict()),
  /** In a commune office: the package of a former district, whole or nothing. */
  'handover.import': handler<HandoverImportResult>('write')(z.object({ file: fileInput, trustNewKeys: z.boolean().optional() }).strict())
}

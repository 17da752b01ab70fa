/** The register's one rule against a record written twice (single writes; bulk writes meet the file's triggers). */
import { AppError } from '../../../shared/errors'
import { fold } from '../../../shared/text'
import type { Trx } from '../context'

/**
 * Two records with one registration number, or one folded name in one commune,
 * would be counted twice in every report. A registration number is one
 * cooperative's (and so is a THT's name in its commune when it has no number):
 * refused, naming the record that has it — the file itself refuses it too
 * (migration 009), so no door and no race gets round it. Another HTX of the
 * same name in the same commune may be real: asked about (confirmDuplicate).
 */
export async function guardDuplicate(
  trx: Trx,
  probe: { kind: string | null | undefined; regNo: string | null | undefined; name: string; commune: string | null | undefined },
  confirmed: boolean | undefined,
  exceptId?: number
): Promise<void> {
  const nameKey = fold(probe.name)
  let query = trx
    .selectFrom('entities')
    .select(['id', 'name', 'reg_no', 'commune', 'kind'])
    .where('deleted_at', 'is', null)
    .where((eb) => {
      const ors = []
      if (probe.regNo) ors.push(eb('reg_no', '=', probe.regNo))
      if (probe.commune) ors.push(eb.and([eb('name_key', '=', nameKey), eb('commune', '=', probe.commune)]))
      return ors.length ? eb.or(ors) : eb.val(0).$castTo<boolean>()
    })
  if (exceptId) query = query.where('id', '!=', exceptId)
  const others = await query.limit(20).execute()
  const byNumber = probe.regNo ? others.find((o) => o.reg_no === probe.regNo) : undefined
  if (byNumber) {
    throw new AppError(
      'ALREADY_EXISTS',
      `Mã số ${probe.regNo} đã có trong sổ: «${byNumber.name}» (bản ghi số ${byNumber.id}). Mỗi mã số chỉ thuộc một hợp tác xã; hãy sửa bản ghi đó thay vì thêm bản ghi mới.`,
      {
        field: 'regNo',
        otherId: byNumber.id,
        otherName: byNumber.name
      }
    )
  }
  const sameTht = probe.kind === 'tht' && !probe.regNo ? others.find((o) => o.kind === 'tht' && o.reg_no === null) : undefined
  if (sameTht) {
    throw new AppError(
      'ALREADY_EXISTS',
      `Tổ hợp tác «${sameTht.name}» ở ${sameTht.commune} đã có trong sổ (bản ghi số ${sameTht.id}); hãy sửa bản ghi đó thay vì thêm bản ghi mới.`,
      {
        field: 'name',
        otherId: sameTht.id,
        otherName: sameTht.name
      }
    )
  }
  const other = others[0]
  if (!other || confirmed) return
  throw new AppError('DUPLICATE', `Đã có «${other.name}» ở ${other.commune} (bản ghi số ${other.id}), trùng tên và xã. Vẫn lưu?`, {
    field: 'name',
    otherId: other.id,
    otherName: other.name
  })
}

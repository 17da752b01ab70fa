/** The office as one caller sees it: office.info, and what setting up or restoring a file answers. */
import type { OfficeInfo } from '../../../shared/api'
import { readOnlyReason } from '../access'
import type { CoreContext } from '../context'
import { officeInfo } from './office'

/** The file's office and counts, with whether this caller may change the register said for its own session (access.ts). */
export async function officeView(ctx: CoreContext): Promise<OfficeInfo> {
  return { ...(await officeInfo(ctx)), readOnly: await readOnlyReason(ctx) }
}

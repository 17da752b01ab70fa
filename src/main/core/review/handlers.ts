/** The province's review and its reply (review/province.ts, review/district.ts). */
import type { DomainHandlers } from '../context'
import { currentUnit } from '../handoff/write'
import { answerRemark, districtSendings, importReply } from './district'
import { exportReply, provinceReviews, setReview } from './province'

export const reviewHandlers: DomainHandlers<'review.list' | 'review.set' | 'review.export' | 'review.import' | 'review.answer'> = {
  'review.list': async (_input, ctx) => {
    const unit = await currentUnit(ctx)
    return unit.level === 'province'
      ? { side: 'province', province: provinceReviews(ctx), district: [] }
      : { side: 'district', province: [], district: districtSendings(ctx) }
  },
  'review.set': (input, ctx) => setReview(ctx, input),
  'review.export': (input, ctx) => exportReply(ctx, input.packageId),
  'review.import': (input, ctx) => importReply(ctx, input.file, input.trustNewKey ?? false),
  'review.answer': (input, ctx) => answerRemark(ctx, input.remarkId, input.note)
}

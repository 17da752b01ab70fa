/** Classification: the rules as data, and the size classes a year's figures give. */
import type { DomainHandlers } from '../context'
import { classificationRules } from './data'
import { sizeList } from './size'

type Names = 'classification.rules' | 'classification.sizes'

export const classificationHandlers: DomainHandlers<Names> = {
  'classification.rules': async () => classificationRules(),
  'classification.sizes': async (input, ctx) => sizeList(ctx, input)
}

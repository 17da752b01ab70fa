import type { DomainHandlers } from '../context'
import { adoptNational } from './adopt'
import { compareWithNational } from './compare'

export const reconcileHandlers: DomainHandlers<'reconcile.compare' | 'reconcile.adopt'> = {
  'reconcile.compare': (input, ctx) => compareWithNational(input, ctx),
  'reconcile.adopt': (input, ctx) => adoptNational(input, ctx)
}

/**
 * The API contract: every capability of the app, by name, with its input schema
 * (zod, checked at every door) and its output type. Each domain declares its part
 * in src/shared/contract/; this file joins them. The core implements the map, the
 * doors expose it, the renderer calls it. Nothing else crosses between them.
 */
import type { z } from 'zod'
import type { Envelope } from './errors'
import type { AppEvents, EventChannel } from './events'
import { backupContract, backupLabels } from './contract/backup'
import { checksContract, checksLabels } from './contract/checks'
import { classificationContract, classificationLabels } from './contract/classification'
import { dissolutionContract, dissolutionLabels } from './contract/dissolution'
import { exchangeContract, exchangeLabels } from './contract/exchange'
import { handoffContract, handoffLabels } from './contract/handoff'
import { handoverContract, handoverLabels } from './contract/handover'
import { officeContract, officeLabels } from './contract/office'
import { periodContract, periodLabels } from './contract/period'
import { reconcileContract, reconcileLabels } from './contract/reconcile'
import { profilesContract, profilesLabels } from './contract/profiles'
import { registryContract, registryLabels } from './contract/registry'
import { reportsContract, reportsLabels } from './contract/reports'
import { reviewContract, reviewLabels } from './contract/review'
import { roundContract, roundLabels } from './contract/round'
import { supportContract, supportLabels } from './contract/support'

export * from './contract/backup'
export * from './contract/checks'
export * from './contract/classification'
export * from './contract/common'
export * from './contract/dissolution'
export * from './contract/exchange'
export * from './contract/handoff'
export * from './contract/handover'
export * from './contract/office'
export * from './contract/period'
export * from './contract/reconcile'
export * from './contract/profiles'
export * from './contract/registry'
export * from './contract/reports'
export * from './contract/review'
export * from './contract/round'
export * from './contract/support'
export * from './events'

export const apiContract = {
  ...officeContract,
  ...backupContract,
  ...registryContract,
  ...exchangeContract,
  ...handoffContract,
  ...handoverContract,
  ...dissolutionContract,
  ...reportsContract,
  ...profilesContract,
  ...periodContract,
  ...reconcileContract,
  ...checksContract,
  ...supportContract,
  ...classificationContract,
  ...reviewContract,
  ...roundContract
}

/** Vietnamese field labels: shown in forms, grid headers and error messages. */
export const FIELD_LABELS: Record<string, string> = {
  ...officeLabels,
  ...backupLabels,
  ...registryLabels,
  ...exchangeLabels,
  ...handoffLabels,
  ...handoverLabels,
  ...dissolutionLabels,
  ...reportsLabels,
  ...profilesLabels,
  ...periodLabels,
  ...reconcileLabels,
  ...checksLabels,
  ...supportLabels,
  ...classificationLabels,
  ...reviewLabels,
  ...roundLabels
}

export type ApiContract = typeof apiContract
export type ApiName = keyof ApiContract
/** What a caller may send (defaults not yet applied). */
export type ApiInput<N extends ApiName> = z.input<ApiContract[N]['input']>
/** What a handler receives, after validation. */
export type ApiParsed<N extends ApiName> = z.output<ApiContract[N]['input']>
export type ApiOutput<N extends ApiName> = ApiContract[N]['output']
export const API_NAMES = Object.keys(apiContract) as ApiName[]

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name)
}

/**
 * What the preload (or the bridge client) puts on `window.api`. It resolves to an
 * envelope rather than throwing, because an Error crossing Electron's context
 * bridge loses its code and details; the renderer's client unwraps it.
 */
export interface ApiBridge {
  invoke<N extends ApiName>(name: N, input: ApiInput<N>): Promise<Envelope<ApiOutput<N>>>
  /** Listens to the core's events (progress of long handlers); returns the way to stop listening. */
  on<C extends EventChannel>(channel: C, listener: (event: AppEvents[C]) => void): () => void
}

/**
 * The renderer's only way to the core: by handler name, typed by the contract.
 * Envelopes are unwrapped here so screens get values or AppErrors.
 */
import type { ApiInput, ApiName, ApiOutput, AppEvents, EventChannel } from '../../shared/api'
import { AppError } from '../../shared/errors'

export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  if (!window.api) throw new AppError('INTERNAL', 'Giao diện chưa được nối với lõi ứng dụng.')
  const envelope = await window.api.invoke(name, input)
  if (envelope.ok) return envelope.value
  throw AppError.from(envelope.error)
}

/** Listens to the core's events (progress of long calls); returns the way to stop. */
export function listen<C extends EventChannel>(channel: C, listener: (event: AppEvents[C]) => void): () => void {
  return window.api?.on ? window.api.on(channel, listener) : () => {}
}

/** The message to show for anything a call threw. */
export function messageOf(err: unknown): string {
  return err instanceof AppError ? err.message : 'Đã có lỗi không mong đợi.'
}

/** Per-field messages of a validation error: field → message. */
export function fieldErrors(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'VALIDATION') {
    const fields = (err.details?.fields ?? {}) as Record<string, string>
    if (typeof err.details?.field === 'string') return { ...fields, [err.details.field]: err.message }
    return fields
  }
  if (err instanceof AppError && typeof err.details?.field === 'string') return { [err.details.field]: err.message }
  return {}
}

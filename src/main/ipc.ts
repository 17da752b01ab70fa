/**
 * The Electron IPC door: one `api:<name>` channel per handler of the contract.
 * It only checks who is asking; the core's dispatch validates the input (zod)
 * and turns every failure into an envelope.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_NAMES } from '../shared/api'
import type { Envelope } from '../shared/errors'
import { invokeEnvelope, type Core } from './core/api'
import { isAppUrl } from './security'

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của Sổ HTX nên bị từ chối.' }
}

/** Only the app's own top-level page may call: not a frame, not a page it navigated to. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, appUrl: string): boolean {
  const frame = event.senderFrame
  return !!frame && !frame.parent && isAppUrl(frame.url, appUrl)
}

/** Binds every handler; returns the channel names (the shell logs nothing, tests check them). */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Core, appUrl: string): string[] {
  return API_NAMES.map((name) => {
    const channel = `api:${name}`
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      isTrustedSender(event, appUrl) ? invokeEnvelope(core, name, input) : FORBIDDEN
    )
    return channel
  })
}

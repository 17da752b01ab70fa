/**
 * The Electron IPC door: one `api:<name>` channel per handler of the contract.
 * It only checks who is asking; the core's dispatch validates the input (zod)
 * and turns every failure into an envelope. While a call runs, its progress
 * goes back to the asking window only, on `event:progress`.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { AppEvents, EventChannel } from '../shared/events'
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

/** Sends an event to the window that asked, unless it has gone meanwhile. */
function deliver<C extends EventChannel>(event: Pick<IpcMainInvokeEvent, 'sender'>, channel: C, data: AppEvents[C]): void {
  const contents = event.sender
  if (contents && !contents.isDestroyed()) contents.send(`event:${channel}`, data)
}

/** Binds every handler; returns the channel names (the shell logs nothing, tests check them). */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Core, appUrl: string): string[] {
  return API_NAMES.map((name) => {
    const channel = `api:${name}`
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      isTrustedSender(event, appUrl) ? invokeEnvelope(core, name, input, { progress: (p) => deliver(event, 'progress', p) }) : FORBIDDEN
    )
    return channel
  })
}

/**
 * The only thing the sandboxed page gets: `window.api.invoke(name, input)` and
 * `window.api.on(channel, listener)` for the core's events (progress only).
 * No zod and no shared runtime code here: a sandboxed preload must be one small
 * CommonJS file, and the main process validates everything anyway.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiBridge } from '../shared/api'
import type { Envelope } from '../shared/errors'

const NAME = /^[a-z]+(\.[a-zA-Z]+)+$/

function unknownHandler(name: string): Envelope<never> {
  return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: `Chức năng «${name.slice(0, 60)}» không có.` } }
}

const CHANNELS = ['progress']

const api: ApiBridge = {
  invoke(name, input) {
    if (typeof name !== 'string' || name.length > 100 || !NAME.test(name)) return Promise.resolve(unknownHandler(String(name)))
    // Main's handlers never throw (they answer envelopes), so a rejection means no such channel.
    return ipcRenderer.invoke(`api:${name}`, input).catch(() => unknownHandler(name))
  },
  on(channel, listener) {
    if (!CHANNELS.includes(channel) || typeof listener !== 'function') return () => {}
    // The page gets the event's data only, never Electron's event object (it holds the sender).
    const forward = (_event: unknown, data: Parameters<typeof listener>[0]) => listener(data)
    ipcRenderer.on(`event:${channel}`, forward)
    return () => void ipcRenderer.removeListener(`event:${channel}`, forward)
  }
}

contextBridge.exposeInMainWorld('api', api)

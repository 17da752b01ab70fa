/**
 * The only thing the sandboxed page gets: `window.api.invoke(name, input)`.
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

const api: ApiBridge = {
  invoke(name, input) {
    if (typeof name !== 'string' || name.length > 100 || !NAME.test(name)) return Promise.resolve(unknownHandler(String(name)))
    // Main's handlers never throw (they answer envelopes), so a rejection means no such channel.
    return ipcRenderer.invoke(`api:${name}`, input).catch(() => unknownHandler(name))
  }
}

contextBridge.exposeInMainWorld('api', api)

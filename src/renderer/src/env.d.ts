import type { ApiBridge } from '../../shared/api'

declare global {
  interface Window {
    /** Put there by the preload (Electron) or the bridge client (browser). */
    api: ApiBridge
  }
}

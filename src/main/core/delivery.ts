/**
 * A door that writes a file itself (the CLI's --out) can have it written inside
 * the handler's transaction: the export's history row commits only when the file
 * is whole on disk, and a full disk leaves neither a file nor a row. The doors
 * that hand bytes to a person (a download) pass no deliverer and get the bytes back.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type Deliver = (file: { name: string; bytes: Buffer }) => void

const scope = new AsyncLocalStorage<Deliver>()

export function withDelivery<T>(deliver: Deliver, work: () => Promise<T>): Promise<T> {
  return scope.run(deliver, work)
}

/** Called by a handler inside its transaction; throws what the door's write threw, so the transaction rolls back. */
export function deliverFile(file: { name: string; bytes: Buffer }): void {
  scope.getStore()?.(file)
}

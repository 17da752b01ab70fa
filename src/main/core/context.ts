import type { Kysely, Transaction } from 'kysely'
import type { ApiName, ApiOutput, ApiParsed } from '../../shared/api'
import type { Connection } from './db/connection'
import type { Database } from './db/schema'

/** What every handler gets besides its input. */
export interface CoreContext {
  conn: Connection
  db: Kysely<Database>
  /** The local profile whose name goes into the audit log. */
  user: string
  /**
   * The signed-in profile (profiles/session.ts), null when none: on a file that
   * has profiles such a session may only read. Undefined is the same as null.
   */
  profile?: string | null
  /** Clock, replaceable in tests. ISO 8601 in UTC. */
  now(): string
}

export type Trx = Transaction<Database>

export type Handler<N extends ApiName> = (input: ApiParsed<N>, ctx: CoreContext) => Promise<ApiOutput<N>>
export type HandlerMap = { [N in ApiName]: Handler<N> }
/** What a domain module registers: some of the handlers, each fully typed. */
export type DomainHandlers<K extends ApiName> = { [N in K]: Handler<N> }

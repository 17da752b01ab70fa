/**
 * The register's commands in their help order: the records, their status and labels (registry-entities.ts), the
 * yearly figures (registry-figures.ts), then undo, kept here. Shared option reading and the record print are in
 * registry-common.ts.
 */
import { common, withCore, type Command } from '../command'
import { entityCommands } from './registry-entities'
import { figuresCommands } from './registry-figures'

export const registryCommands: Record<string, Command> = {
  ...entityCommands,
  ...figuresCommands,

  'entity undo': {
    usage: 'entity undo --db TỆP [--user TÊN]   hoàn tác thay đổi gần nhất của người dùng',
    options: { ...common },
    run: (values) => withCore(values, (core) => core.call('entity.undo', {})),
    print: (result, io) => io.err(`Đã hoàn tác thay đổi số ${(result as { undone: number }).undone}.`)
  }
}

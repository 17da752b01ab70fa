import type { Command } from '../command'
import { backupCommands } from './backup'
import { checksCommands } from './checks'
import { dissolutionCommands } from './dissolution'
import { handoffCommands } from './handoff'
import { handoverCommands } from './handover'
import { importCommands } from './import'
import { officeCommands } from './office'
import { periodCommands } from './period'
import { profileCommands } from './profiles'
import { reconcileCommands } from './reconcile'
import { registryCommands } from './registry'
import { reportCommands } from './report'
import { reviewCommands } from './review'
import { roundCommands } from './round'
import { supportCommands } from './support'

/** Every CLI command by its words ("init", "entity add"…), one domain file each. */
export const commands: Record<string, Command> = {
  ...officeCommands,
  ...registryCommands,
  ...backupCommands,
  ...importCommands,
  ...dissolutionCommands,
  ...handoffCommands,
  ...handoverCommands,
  ...reportCommands,
  ...profileCommands,
  ...periodCommands,
  ...reconcileCommands,
  ...checksCommands,
  ...supportCommands,
  ...reviewCommands,
  ...roundCommands
}

import type { DomainHandlers } from '../context'
import { commitImport, importHistory, undoImport } from './commit'
import { previewImport } from './preview'
import { templateWorkbook } from './template'

export const exchangeHandlers: DomainHandlers<
  'exchange.previewImport' | 'exchange.commitImport' | 'exchange.undoImport' | 'exchange.importHistory' | 'exchange.importTemplate'
> = {
  'exchange.previewImport': async (input, ctx) => (await previewImport(input, ctx)).result,
  'exchange.commitImport': (input, ctx) => commitImport(input, ctx),
  'exchange.undoImport': (input, ctx) => undoImport(input.batchId, ctx),
  'exchange.importHistory': (input, ctx) => importHistory(input.limit ?? 100, ctx),
  'exchange.importTemplate': async () => templateWorkbook()
}

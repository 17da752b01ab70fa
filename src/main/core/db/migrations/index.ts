/**
 * Every schema change, in order, imported statically so the bundle carries them
 * (no directory globbing at run time). Add a file, add a line; never edit one
 * that has shipped.
 */
import type { Migration } from 'kysely/migration'
import * as m001 from './001-foundation'
import * as m002 from './002-registry'
import * as m003 from './003-import'
import * as m004 from './004-dissolution'
import * as m005 from './005-reports'
import * as m006 from './006-handoff'
import * as m007 from './007-profiles'
import * as m008 from './008-conflict-owners'
import * as m009 from './009-live-uniqueness'
import * as m010 from './010-closed-periods'
import * as m011 from './011-data-checks'
import * as m012 from './012-support'
import * as m013 from './013-legal-status'
import * as m014 from './014-case-law'
import * as m015 from './015-total-capital'
import * as m016 from './016-import-values'
import * as m017 from './017-units-of-both-maps'
import * as m018 from './018-reviews'
import * as m021 from './021-handover'
import * as m022 from './022-commune-code'
import * as m023 from './023-report-rounds'
import * as m024 from './024-plan-rows'

export const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-registry': m002,
  '003-import': m003,
  '004-dissolution': m004,
  '005-reports': m005,
  '006-handoff': m006,
  '007-profiles': m007,
  '008-conflict-owners': m008,
  '009-live-uniqueness': m009,
  '010-closed-periods': m010,
  '011-data-checks': m011,
  '012-support': m012,
  '013-legal-status': m013,
  '014-case-law': m014,
  '015-total-capital': m015,
  '016-import-values': m016,
  '017-units-of-both-maps': m017,
  '018-reviews': m018,
  '021-handover': m021,
  '022-commune-code': m022,
  '023-report-rounds': m023,
  '024-plan-rows': m024
}

/** Types for scripts/start.mjs, which the tests import. */
export function defaultDbPath(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string): string

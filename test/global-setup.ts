import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { findBrowser } from './helpers/find-browser'

/**
 * Builds main, preload and renderer once, as a user's `npm start` would; finds (and if
 * need be unpacks) the browser the e2e files will drive and says in one line which.
 */
export default async function setup(): Promise<void> {
  const root = resolve(__dirname, '..')
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  try {
    console.log(`[e2e] browser: ${(await findBrowser()).label}`)
  } catch (err) {
    console.log(`[e2e] browser: none — ${(err as Error).message}`)
  }
}
